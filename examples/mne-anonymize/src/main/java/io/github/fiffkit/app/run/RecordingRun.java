package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.run.RunOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one path of a recording, for the command line and the window alike: anonymize it, let the library's leak
 * check search the outputs, read the outputs back when its inputs are to be deleted or replaced, and only then
 * delete or replace them ({@link InputSettler}). An input whose output was not read back cleanly is never
 * deleted. Thread-safe: the command line runs several recordings at once through one instance.
 */
public final class RecordingRun {
    private final Anonymizer anonymizer;
    private final RunOptions options;
    private final FileOps files;
    private final boolean outputChosen;
    private final Anonymizer dryRunAnonymizer;

    /**
     * @param anonymizer   the run's anonymizer (with the output layer that syncs folders at the end)
     * @param options      the run's options: dry run and deletion
     * @param files        the file layer
     * @param outputChosen whether the user chose where outputs go (else an unwritable folder suggests {@code -o})
     */
    public RecordingRun(Anonymizer anonymizer, RunOptions options, FileOps files, boolean outputChosen) {
        this.anonymizer = anonymizer;
        this.options = options;
        this.files = files;
        this.outputChosen = outputChosen;
        this.dryRunAnonymizer = options.dryRun() ? DryRun.anonymizer(anonymizer) : null;
    }

    /**
     * Anonymizes one recording (or, in a dry run, plans it), and says whether its inputs may be deleted or
     * replaced afterwards.
     *
     * @param job the recording
     * @return what happened; never throws for a file's problem
     */
    public JobOutcome anonymize(Job job) {
        if (job.failure() != null) {
            return new JobOutcome(job, job.status(), List.of(), job.failure(), "its anonymization failed");
        }
        String unwritable = OutputTargets.problem(job);
        if (unwritable != null) {
            if (!outputChosen && unwritable.endsWith(" is not writable")) {
                unwritable += "; use -o to write somewhere else";
            }
            return JobOutcome.failed(job, ExitStatus.OUTPUT_FAILED, unwritable);
        }
        List<Path> replaced = OutputTargets.replaced(job);
        if (options.dryRun()) {
            return DryRun.plan(dryRunAnonymizer, job, replaced);
        }
        for (Path target : job.writeTo()) {
            Path dir = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                if (!job.createFolders()) {
                    return JobOutcome.failed(job, ExitStatus.OUTPUT_FAILED, "cannot write " + target + ": the folder "
                            + dir + " does not exist");
                }
                try {
                    files.createFolders(dir);
                } catch (IOException e) {
                    return JobOutcome.failed(job, ExitStatus.OUTPUT_FAILED, "cannot create the output folder " + dir
                            + ": " + ExitStatus.describe(e, dir));
                }
            }
        }
        List<AnonymizationResult> results;
        try {
            results = anonymizer.anonymizeRecording(job.inputs(), job.writeTo());
        } catch (ClosedByInterruptException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return JobOutcome.failed(job, ExitStatus.OUTPUT_FAILED, job.first() + ": cancelled: nothing was written"
                    + " for this recording");
        } catch (IOException e) {
            return JobOutcome.failed(job, ExitStatus.of(e), failure(job, e));
        } catch (RuntimeException e) {
            // the library promises not to do this; a bug must still not stop the other files
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, internalError(job.first(), e));
        }
        boolean leaks = results.stream().anyMatch(AnonymizationResult::hasLeaks);
        String blocker = null;
        if (leaks) {
            blocker = "the leak check found original values in the output";
        } else if (results.stream().anyMatch(r -> !r.warnings().isEmpty())) {
            blocker = "the input raised warnings";
        } else if (options.deleteInputs() || job.replacesInput()) {
            blocker = readBack(job.writeTo());
        }
        return new JobOutcome(job, leaks ? ExitStatus.LEAKS : ExitStatus.OK, results, null, blocker, null,
                replaced);
    }

    private String failure(Job job, IOException e) {
        int status = ExitStatus.of(e);
        String message = ExitStatus.describe(e, job.first());
        if (status == ExitStatus.OUTPUT_FAILED) {
            message = "cannot write " + String.join(", ", job.writeTo().stream().map(Path::toString).toList())
                    + ": " + message;
            if (!outputChosen && (e instanceof AccessDeniedException
                    || String.valueOf(e.getMessage()).contains("Read-only file system"))) {
                message += "; use -o to write somewhere else";
            }
        }
        return message;
    }

    /** Reads each output back to the end: a file we cannot read is no reason to delete its original. */
    private String readBack(List<Path> outputs) {
        for (Path p : outputs) {
            try {
                files.readBack(p);
            } catch (IOException | RuntimeException e) {
                return "its output " + p + " cannot be read back cleanly: " + (e instanceof IOException io
                        ? ExitStatus.describe(io, p) : e.toString());
            }
        }
        return null;
    }

    /**
     * @param file the file being worked on
     * @param e    what went wrong unexpectedly
     * @return the error line
     */
    static String internalError(Path file, Throwable e) {
        return file + ": internal error: " + e;
    }
}
