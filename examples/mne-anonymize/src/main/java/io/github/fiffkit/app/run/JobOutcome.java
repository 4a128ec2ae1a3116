package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one recording.
 *
 * @param job      the recording
 * @param status   its exit status
 * @param results  one per part, when it was anonymized (or planned, in a dry run)
 * @param error    the error line, or {@code null}
 * @param blocker  why its inputs must not be deleted or replaced, or {@code null}
 * @param verified the result of {@code --verify}, or {@code null}
 * @param replaced the existing files its outputs replaced (or, in a dry run, would replace), other than its inputs
 */
public record JobOutcome(Job job, int status, List<AnonymizationResult> results, String error, String blocker,
        VerifyResult verified, List<Path> replaced) {
    /** Copies the lists. */
    public JobOutcome {
        results = List.copyOf(results);
        replaced = replaced == null ? List.of() : List.copyOf(replaced);
    }

    /**
     * @param job      the recording
     * @param status   its exit status
     * @param results  one per part
     * @param error    the error line, or {@code null}
     * @param blocker  why its inputs must stay, or {@code null}
     * @param verified the result of {@code --verify}, or {@code null}
     */
    public JobOutcome(Job job, int status, List<AnonymizationResult> results, String error, String blocker,
            VerifyResult verified) {
        this(job, status, results, error, blocker, verified, List.of());
    }

    /**
     * @param job     the recording
     * @param status  its exit status
     * @param results one per part
     * @param error   the error line, or {@code null}
     * @param blocker why its inputs must stay, or {@code null}
     */
    public JobOutcome(Job job, int status, List<AnonymizationResult> results, String error, String blocker) {
        this(job, status, results, error, blocker, null);
    }

    /**
     * @param job     the recording
     * @param status  the exit status
     * @param message the error line
     * @return the outcome of a recording that failed
     */
    public static JobOutcome failed(Job job, int status, String message) {
        return new JobOutcome(job, status, List.of(), message, "its anonymization failed");
    }

    /** @return true when the outputs were written (with or without leak-check hits) */
    public boolean written() {
        return error == null && (status == ExitStatus.OK || status == ExitStatus.LEAKS);
    }

    /** @return true when the leak check found original values in an output */
    public boolean leaks() {
        return results.stream().anyMatch(AnonymizationResult::hasLeaks);
    }

    /** @return every warning of every part */
    public List<String> warnings() {
        return results.stream().flatMap(r -> r.warnings().stream()).toList();
    }
}
