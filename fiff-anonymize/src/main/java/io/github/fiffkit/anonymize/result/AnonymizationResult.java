package io.github.fiffkit.anonymize.result;

import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.core.FiffTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run did to one file: the changes in file order, warnings, leak-check hits, and sizes and digests.
 *
 * @param input             the input's name
 * @param output            the output's name, or {@code null} for a dry run
 * @param policyName        the policy applied
 * @param changes           every changed, removed or dropped tag, in file order
 * @param warnings          unusual things about the input (unterminated chain, newer version, MRI data, ...)
 * @param leaks             original PHI values found again in the output (empty when the leak check is off)
 * @param notChecked        descriptions of changed values too short for the leak check to search
 * @param measurementDate   the recording's measurement date before, when it has one
 * @param newMeasurementDate the measurement date after, when it has one
 * @param tagsRead          tags in the input's chain
 * @param tagsWritten       tags in the output
 * @param inputSize         bytes of the input (decompressed)
 * @param outputSize        bytes of the output (uncompressed), 0 for a dry run
 * @param inputSha256       SHA-256 of the input file as stored, when digests were asked for
 * @param outputSha256      SHA-256 of the output file as stored, when digests were asked for
 * @param leakChecked       whether the leak check ran
 * @param subjectShift      the subject's own date offset, when the policy moves dates per subject (the key to the
 *                          original dates: for a key file, never for a report)
 * @param birthdayShift     the subject's own birthday offset, when the policy moves the birthday per subject
 */
public record AnonymizationResult(String input, String output, String policyName, List<TagChange> changes,
        List<String> warnings, List<LeakHit> leaks, List<String> notChecked, Optional<FiffTime> measurementDate,
        Optional<FiffTime> newMeasurementDate, long tagsRead, long tagsWritten, long inputSize, long outputSize,
        String inputSha256, String outputSha256, boolean leakChecked, Optional<SubjectOffset.Shift> subjectShift,
        Optional<SubjectOffset.Shift> birthdayShift) {

    /**
     * Copies the lists.
     *
     * @param input the input's name
     * @param output the output's name, or {@code null} for a dry run
     * @param policyName the policy applied
     * @param changes every changed, removed or dropped tag, in file order
     * @param warnings unusual things about the input (unterminated chain, newer version, MRI data, ...)
     * @param leaks original PHI values found again in the output (empty when the leak check is off)
     * @param notChecked descriptions of changed values too short for the leak check to search
     * @param measurementDate the recording's measurement date before, when it has one
     * @param newMeasurementDate the measurement date after, when it has one
     * @param tagsRead tags in the input's chain
     * @param tagsWritten tags in the output
     * @param inputSize bytes of the input (decompressed)
     * @param outputSize bytes of the output (uncompressed), 0 for a dry run
     * @param inputSha256 SHA-256 of the input file as stored, when digests were asked for
     * @param outputSha256 SHA-256 of the output file as stored, when digests were asked for
     * @param leakChecked whether the leak check ran
     * @param subjectShift the subject's own date offset, when the policy moves dates per subject
     * @param birthdayShift the subject's own birthday offset, when the policy moves the birthday per subject
     */
    public AnonymizationResult {
        Objects.requireNonNull(subjectShift, "subjectShift");
        Objects.requireNonNull(birthdayShift, "birthdayShift");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        leaks = List.copyOf(leaks);
        notChecked = List.copyOf(notChecked);
    }

    /**
     * A result without a per-subject date offset.
     *
     * @param input the input's name
     * @param output the output's name, or {@code null} for a dry run
     * @param policyName the policy applied
     * @param changes every changed, removed or dropped tag, in file order
     * @param warnings unusual things about the input
     * @param leaks original PHI values found again in the output
     * @param notChecked descriptions of changed values too short for the leak check to search
     * @param measurementDate the recording's measurement date before, when it has one
     * @param newMeasurementDate the measurement date after, when it has one
     * @param tagsRead tags in the input's chain
     * @param tagsWritten tags in the output
     * @param inputSize bytes of the input (decompressed)
     * @param outputSize bytes of the output (uncompressed), 0 for a dry run
     * @param inputSha256 SHA-256 of the input file as stored, when digests were asked for
     * @param outputSha256 SHA-256 of the output file as stored, when digests were asked for
     * @param leakChecked whether the leak check ran
     */
    public AnonymizationResult(String input, String output, String policyName, List<TagChange> changes,
            List<String> warnings, List<LeakHit> leaks, List<String> notChecked, Optional<FiffTime> measurementDate,
            Optional<FiffTime> newMeasurementDate, long tagsRead, long tagsWritten, long inputSize, long outputSize,
            String inputSha256, String outputSha256, boolean leakChecked) {
        this(input, output, policyName, changes, warnings, leaks, notChecked, measurementDate, newMeasurementDate,
                tagsRead, tagsWritten, inputSize, outputSize, inputSha256, outputSha256, leakChecked,
                Optional.empty(), Optional.empty());
    }

    /** @return true when the leak check found original values in the output */
    public boolean hasLeaks() {
        return !leaks.isEmpty();
    }

    /** @return true for a dry run (nothing written) */
    public boolean dryRun() {
        return output == null;
    }
}
