package io.github.fiffkit.anonymize.result;


import java.util.List;

/**
 * What {@link io.github.fiffkit.anonymize.Anonymizer#verify(java.nio.file.Path)} or {@link io.github.fiffkit.anonymize.Anonymizer#verify(java.nio.file.Path,
 * java.nio.file.Path)} found, what it checked and what it cannot know. A file passes when the policy would change
 * none of its tags and, when it was checked against its original, no original value was found in it.
 *
 * @param input      the checked file's name (usually an anonymized output)
 * @param original   the original's name, or {@code null} when the file was checked without it
 * @param policyName the policy it was checked against
 * @param findings   every tag the policy would still change, and (against the original) every date not moved by
 *                   the subject's own offset ({@link #WRONG_SHIFT}) (its old value only when old values were asked for)
 * @param leaks      the original values found in the file (empty without the original); they say which value and
 *                   where, never the value itself
 * @param notChecked descriptions of original values too short to search (empty without the original)
 * @param checks     the checks that ran, in order
 * @param limits     what the checks that ran cannot see, in words, for a report or a console
 * @param warnings   unusual things about the file (and, prefixed, about its original)
 */
public record VerifyResult(String input, String original, String policyName, List<TagChange> findings,
        List<LeakHit> leaks, List<String> notChecked, List<Check> checks, List<String> limits,
        List<String> warnings) {

    /** A check that verify runs. */
    public enum Check {
        /**
         * The policy is replayed on the file as a dry run and would change none of its tags. Results the policy
         * cannot reproduce from the file (dates moved by an offset, keyed hashes, pseudonyms, year-only birthdays,
         * custom actions) pass when they are well formed.
         */
        POLICY_REPLAY("policyReplay"),
        /**
         * Every original value of every tag the policy changes in the original (names, IDs, HIS id, experimenter,
         * comments, device and file IDs, file paths, dates, the birthday) is searched in every text, ID, date and
         * birthday tag of the file.
         */
        LEAK_CHECK("leakCheck");

        private final String key;

        Check(String key) {
            this.key = key;
        }

        /** @return the name reports use, e.g. {@code leakCheck} */
        public String key() {
            return key;
        }
    }

    /**
     * Copies the lists.
     *
     * @param input      the checked file's name
     * @param original   the original's name, or {@code null}
     * @param policyName the policy it was checked against
     * @param findings   every tag the policy would still change
     * @param leaks      the original values found in the file
     * @param notChecked descriptions of original values too short to search
     * @param checks     the checks that ran
     * @param limits     what the checks cannot see
     * @param warnings   unusual things about the file
     */
    public VerifyResult {
        findings = List.copyOf(findings);
        leaks = List.copyOf(leaks);
        notChecked = List.copyOf(notChecked);
        checks = List.copyOf(checks);
        limits = List.copyOf(limits);
        warnings = List.copyOf(warnings);
    }

    /**
     * The action of a finding that is no PHI: against the original, a date that a subject's own offset should have
     * moved is not where that offset puts it (a wrong secret, range or table). Its {@code newValue} is the value
     * the tag should hold.
     */
    public static final String WRONG_SHIFT = "wrongShift";

    /** @return the findings that are dates not moved by the subject's own offset ({@link #WRONG_SHIFT}) */
    public List<TagChange> wrongShifts() {
        return findings.stream().filter(f -> f.action().equals(WRONG_SHIFT)).toList();
    }

    /** @return the findings that are tags the policy would still change (PHI), without {@link #wrongShifts()} */
    public List<TagChange> phiFindings() {
        return findings.stream().filter(f -> !f.action().equals(WRONG_SHIFT)).toList();
    }

    /** @return true when the policy would change nothing and no original value was found */
    public boolean passed() {
        return findings.isEmpty() && leaks.isEmpty();
    }

    /** @return true when the file was checked against its original (the leak check ran) */
    public boolean leakChecked() {
        return checks.contains(Check.LEAK_CHECK);
    }
}
