package io.github.fiffkit.anonymize.result;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;

/**
 * One tag the anonymizer changed, removed or did not copy.
 *
 * @param position  offset of the tag in the input
 * @param kind      the tag kind
 * @param blockPath the blocks around it
 * @param action    the action's name ({@code replace}, {@code rewriteId}, ...; {@code notCopied} for the old
 *                  directory, free list and directory pointer value)
 * @param origin    which rule decided (e.g. {@code preset mne-anonymize}, {@code policy rule 2}, {@code structure})
 * @param oldValue  the old value as text, only when the caller asked for old values (they are PHI), else
 *                  {@code null}
 * @param newValue  the new value as text, or {@code null} when the tag was removed
 */
public record TagChange(long position, int kind, BlockPath blockPath, String action, String origin, String oldValue,
        String newValue) {
    /** @return the kind's FIFF name, or its number */
    public String kindName() {
        return FiffKind.describe(kind);
    }

    /** @return true when the tag is not in the output */
    public boolean removed() {
        return newValue == null;
    }
}
