package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.BatchOutputFiles;
import io.github.fiffkit.anonymize.run.RunOptions;
import io.github.fiffkit.app.run.FileOps;
import io.github.fiffkit.app.run.InputSettler;
import io.github.fiffkit.app.run.Job;
import io.github.fiffkit.app.run.JobOutcome;
import io.github.fiffkit.app.run.RecordingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The work of one "Anonymize" press, with fixed inputs, outputs and options. It runs each recording through the
 * command line's own path ({@link RecordingRun}: anonymize, leak check, read back when inputs are to be deleted),
 * syncs the output folders, and deletes inputs only through {@link InputSettler}, so an input whose output was not
 * read back cleanly is never deleted.
 */
public final class GuiJob {
    private final RecordingRun recordings;
    private final List<Job> jobs;
    private final BatchOutputFiles outputs;
    private final FileOps files;
    private final boolean deleteInputs;
    private String syncFailure;

    /** What happened to one recording: the input that brought it in, and the shared path's outcome. */
    public record Outcome(Path input, JobOutcome result) {
        /** @return the outputs written, empty when none was */
        public List<Path> outputs() {
            return result.written() ? result.job().outputs() : List.of();
        }

        /** @return the error, or {@code null} */
        public String error() {
            return result.error();
        }

        /** @return the warnings the input raised */
        public List<String> warnings() {
            return result.warnings();
        }

        /** @return true when the leak check found original values in an output */
        public boolean leaks() {
            return result.leaks();
        }

        /** @return true when the output is written and nothing was wrong */
        public boolean ok() {
            return result.error() == null && !leaks();
        }

        /** @return true when the input may be deleted: done, no warning, no leak, read back cleanly */
        public boolean deletable() {
            return result.written() && result.blocker() == null;
        }
    }

    /** Told about each recording as the job goes. */
    public interface Progress {
        /**
         * @param done  recordings finished so far
         * @param total recordings in all
         * @param last  the outcome of the recording just finished
         */
        void fileDone(int done, int total, Outcome last);
    }

    /**
     * What deleting inputs did.
     *
     * @param deleted  the files deleted
     * @param messages why others were not, one line each
     */
    public record Deletion(List<Path> deleted, List<String> messages) {
    }

    GuiJob(Anonymizer anonymizer, RunOptions options, List<Job> jobs, FileOps files) {
        this.outputs = new BatchOutputFiles(files::syncFolder);
        this.recordings = new RecordingRun(anonymizer.rebuild().outputFiles(outputs).build(), options, files, true);
        this.jobs = List.copyOf(jobs);
        this.files = files;
        this.deleteInputs = options.deleteInputs();
    }

    /** @return one file per recording, in order: the input that brought it in */
    public List<Path> inputs() {
        return jobs.stream().map(Job::first).toList();
    }

    /** @return the output of each recording (its first part's for a split recording) */
    public List<Path> outputs() {
        return jobs.stream().map(j -> j.outputs().isEmpty() ? null : j.outputs().get(0)).toList();
    }

    /** @return whether this job deletes inputs (as the window's box said when it was made) */
    public boolean deletesInputs() {
        return deleteInputs;
    }

    /**
     * Runs the recordings one after the other, then syncs the output folders. Cancelling (the supplier turning
     * true, or interrupting the thread) stops before the next recording; a recording being written when the
     * thread is interrupted leaves no output.
     *
     * @param progress  told after each recording
     * @param cancelled polled between recordings
     * @return one outcome per recording that was started
     */
    public List<Outcome> run(Progress progress, BooleanSupplier cancelled) {
        List<Outcome> done = new ArrayList<>();
        for (Job j : jobs) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                break;
            }
            Outcome o = new Outcome(j.first(), recordings.anonymize(j));
            done.add(o);
            progress.fileDone(done.size(), jobs.size(), o);
        }
        try {
            outputs.close();
        } catch (IOException e) {
            syncFailure = "the output folders could not be synced to disk: " + PlainWords.of(e);
        }
        return done;
    }

    /**
     * Deletes the inputs of the outcomes that allow it (written, no warning, no leak, read back cleanly), parts of
     * a split recording included, once the user has agreed. Nothing is deleted when the output folders could not
     * be synced, or when the job was not made to delete inputs.
     *
     * @param outcomes what {@link #run} did
     * @return the files deleted, and a line for each input kept against the request
     */
    public Deletion deleteInputs(List<Outcome> outcomes) {
        List<Path> deleted = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        if (!deleteInputs) {
            return new Deletion(deleted, messages);
        }
        if (syncFailure != null) {
            messages.add("No input was deleted: " + syncFailure);
            return new Deletion(deleted, messages);
        }
        InputSettler settler = new InputSettler(files, true);
        InputSettler.Dialog dialog = new InputSettler.Dialog() {
            @Override
            public boolean confirm(String question) {
                return true; // the window asked once for all of them
            }

            @Override
            public void info(String line) {
                // the deleted files leave the list
            }

            @Override
            public void answer(String line) {
                messages.add(line);
            }

            @Override
            public void problem(String line) {
                messages.add(line);
            }
        };
        for (Outcome o : outcomes) {
            if (o.result().written()) {
                deleted.addAll(settler.settle(o.result(), dialog).deleted());
            }
        }
        return new Deletion(deleted, messages);
    }
}
