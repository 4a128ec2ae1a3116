package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.TagHeader;

/**
 * What a selector sees of a tag before its data is read: the header and the blocks around it.
 *
 * @param header    the tag header (kind, type, size, position)
 * @param blockPath the open blocks, outermost first
 */
public record TagInfo(TagHeader header, BlockPath blockPath) {
    /** @return the tag kind */
    public int kind() {
        return header.kind();
    }

    /** @return the data type */
    public int type() {
        return header.type();
    }
}
