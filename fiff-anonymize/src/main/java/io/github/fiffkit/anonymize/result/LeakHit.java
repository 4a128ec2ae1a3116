package io.github.fiffkit.anonymize.result;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;

/**
 * An original PHI value found again in an anonymized output by the leak check.
 *
 * @param position   offset of the output tag that holds it
 * @param kind       that tag's kind
 * @param blockPath  that tag's blocks
 * @param what       which original value it is, e.g. {@code the value of FIFF_SUBJ_LAST_NAME} (not the value)
 * @param suggestion the rule or option that would remove it
 */
public record LeakHit(long position, int kind, BlockPath blockPath, String what, String suggestion) {
    @Override
    public String toString() {
        return FiffKind.describe(kind) + " in " + blockPath + " at offset " + position + " still holds " + what
                + " (" + suggestion + ")";
    }
}
