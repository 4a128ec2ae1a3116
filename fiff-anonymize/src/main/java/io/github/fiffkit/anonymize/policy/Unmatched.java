package io.github.fiffkit.anonymize.policy;

/** What happens to a tag that no rule of a policy matches. */
public enum Unmatched {
    /** The tag is copied unchanged (the default). */
    KEEP,
    /** The tag is removed, unless it is structural (file and block IDs, pointers, block starts and ends, data). */
    REMOVE
}
