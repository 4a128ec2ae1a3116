package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.core.FiffType;
import java.nio.ByteBuffer;

/**
 * An action whose result cannot be reproduced from its own output (hashes, pseudonyms), but whose results can be
 * recognized: verify accepts a tag that already looks like this action's result.
 */
public interface WellFormed {
    /**
     * @param ctx a tag of a file being verified
     * @return true when the tag's value looks like a result of this action
     */
    boolean wellFormed(ActionContext ctx);

    /** @return true when the value looks like a keyed hash: 16 lower-case hexadecimal digits, or a non-negative int */
    static boolean isHash(ActionContext ctx) {
        int type = ctx.tag().type();
        if (type == FiffType.STRING) {
            return ctx.text().matches("[0-9a-f]{16}");
        }
        byte[] d = ctx.data();
        return (type == FiffType.INT || type == FiffType.UINT) && d.length >= 4 && ByteBuffer.wrap(d).getInt(0) >= 0;
    }
}
