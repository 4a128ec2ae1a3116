package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A dry run that predicts the run exactly: the recording is anonymized as a whole, under its outputs' names (so
 * the references between split parts are renamed as in the run), into a temporary folder that is deleted
 * afterwards, whatever happens; the leak check searches those copies as it searches real outputs. The outputs'
 * own places are only checked ({@link OutputTargets}), never written.
 */
final class DryRun {
    /** Temporary folders of dry runs in progress: removed on the way out when the process is cut short. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(DryRun::deleteTree),
                    "mne_anonymize-dry-run-cleanup"));
        } catch (IllegalStateException | SecurityException e) {
            // shutting down already, or not allowed: the finally blocks still clean up
        }
    }

    /** Throw-away copies need neither a force to disk nor a synced folder. */
    private static final OutputFiles THROWAWAY = new OutputFiles() {
        @Override
        public void force(FileChannel channel) {
            // deleted right after
        }

        @Override
        public void writeBack(FileChannel channel) {
            // deleted right after
        }
    };

    private DryRun() {
    }

    /**
     * @param anonymizer the run's anonymizer
     * @return the same anonymizer, writing its throw-away copies without syncing them to disk
     */
    static Anonymizer anonymizer(Anonymizer anonymizer) {
        return anonymizer.rebuild().outputFiles(THROWAWAY).build();
    }

    /**
     * Plans one recording: what the run would change and what its leak check would find.
     *
     * @param anonymizer the dry run's anonymizer ({@link #anonymizer})
     * @param job        the recording, its outputs already checked
     * @param replaced   the existing files its outputs would replace
     * @return the outcome the run would have (its results name no output: nothing was written)
     */
    static JobOutcome plan(Anonymizer anonymizer, Job job, List<Path> replaced) {
        Path temp;
        try {
            temp = Files.createTempDirectory("fiffkit-dry-run-");
        } catch (IOException e) {
            return JobOutcome.failed(job, ExitStatus.OUTPUT_FAILED, "the dry run cannot make its temporary folder: "
                    + ExitStatus.describe(e, Path.of(System.getProperty("java.io.tmpdir"))));
        }
        LIVE.add(temp);
        try {
            List<Path> copies = new ArrayList<>();
            for (int i = 0; i < job.writeTo().size(); i++) {
                Path copy = temp.resolve(job.writeTo().get(i).getFileName().toString());
                if (copies.contains(copy)) {
                    copy = Files.createDirectory(temp.resolve("part" + i)).resolve(copy.getFileName());
                }
                copies.add(copy);
            }
            List<AnonymizationResult> results = anonymizer.anonymizeRecording(job.inputs(), copies);
            List<AnonymizationResult> named = results.stream().map(DryRun::planned).toList();
            boolean leaks = named.stream().anyMatch(AnonymizationResult::hasLeaks);
            return new JobOutcome(job, leaks ? ExitStatus.LEAKS : ExitStatus.OK, named, null, "this is a dry run",
                    null, replaced);
        } catch (IOException e) {
            int status = ExitStatus.of(e);
            String message = status == ExitStatus.OUTPUT_FAILED
                    ? "the dry run cannot write its temporary copy in " + temp.getParent() + ": "
                            + ExitStatus.describe(e, temp)
                    : ExitStatus.describe(e, job.first());
            return JobOutcome.failed(job, status, message);
        } catch (RuntimeException e) {
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, RecordingRun.internalError(job.first(), e));
        } finally {
            deleteTree(temp);
            LIVE.remove(temp);
        }
    }

    /** The result of a plan: no output (which is how reports tell a dry run), what the run would change. */
    private static AnonymizationResult planned(AnonymizationResult r) {
        return new AnonymizationResult(r.input(), null, r.policyName(), r.changes(), r.warnings(), r.leaks(),
                r.notChecked(), r.measurementDate(), r.newMeasurementDate(), r.tagsRead(), r.tagsWritten(),
                r.inputSize(), r.outputSize(), r.inputSha256(), null, r.leakChecked());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or best effort on the way out
        }
    }
}
