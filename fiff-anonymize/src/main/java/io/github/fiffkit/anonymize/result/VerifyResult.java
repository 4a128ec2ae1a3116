package io.github.fiffkit.anonymize.result;

import io.github.fiffkit.anonymize.Anonymizer;

import java.util.List;

/**
 * What {@link Anonymizer#verify(java.nio.file.Path)} found: the tags the policy would still change. A file passes
 * when there are none.
 *
 * @param input      the file's name
 * @param policyName the policy it was checked against
 * @param findings   every tag the policy would still change (its old value only when old values were asked for)
 * @param warnings   unusual things about the file
 */
public record VerifyResult(String input, String policyName, List<TagChange> findings, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param input the file's name
     * @param policyName the policy it was checked against
     * @param findings every tag the policy would still change (its old value only when old values were asked for)
     * @param warnings unusual things about the file
     */
    public VerifyResult {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** @return true when the policy would change nothing that holds PHI */
    public boolean passed() {
        return findings.isEmpty();
    }
}
