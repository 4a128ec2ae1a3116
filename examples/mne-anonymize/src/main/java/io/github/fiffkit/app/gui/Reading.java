package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.app.run.Job;
import io.github.fiffkit.app.run.JobOutcome;
import io.github.fiffkit.app.run.RecordingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What "Read" found: the rows of its table, and per recording the leak-check hits and failures the run would
 * report.
 *
 * @param rows     the fields that would change, recording by recording, part by part, in file order
 * @param leaks    one line per leak-check hit the run would report, naming the input part
 * @param problems one line per recording the run would not write, naming it and saying why
 */
public record Reading(List<GuiModel.Row> rows, List<String> leaks, List<String> problems) {
    /** Copies the lists. */
    public Reading {
        rows = List.copyOf(rows);
        leaks = List.copyOf(leaks);
        problems = List.copyOf(problems);
    }

    /**
     * Runs each job through a dry-run {@link RecordingRun} (the command line's {@code --dry-run} path) and collects
     * what the run would change, its leak hits and the recordings it would not write.
     *
     * @param dryRun a recording run made with the dry-run option
     * @param jobs   the recordings, with their real output names
     * @return what was found
     */
    static Reading of(RecordingRun dryRun, List<Job> jobs) {
        List<GuiModel.Row> rows = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Job job : jobs) {
            JobOutcome o = dryRun.anonymize(job);
            if (o.error() != null) {
                problems.add(job.first() + ": " + o.error());
                continue;
            }
            for (AnonymizationResult r : o.results()) {
                String file = Path.of(r.input()).getFileName().toString();
                for (TagChange c : r.changes()) {
                    rows.add(new GuiModel.Row(file, c.kindName(), c.blockPath().toString(), c.action(),
                            c.oldValue() == null ? "" : c.oldValue(), c.removed() ? "(removed)" : c.newValue()));
                }
                for (LeakHit h : r.leaks()) {
                    leaks.add(r.input() + ": leak: " + h);
                }
            }
        }
        return new Reading(rows, leaks, problems);
    }
}
