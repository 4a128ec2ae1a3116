package io.github.fiffkit.core;

import java.nio.ByteBuffer;

/**
 * One entry of a tag directory ({@code FIFFT_DIR_ENTRY_STRUCT}, 16 bytes): a tag's kind, type, size and the
 * position of its header. A directory ends with the sentinel entry {@code (-1, -1, -1, -1)}.
 *
 * @param kind     tag kind
 * @param type     data type
 * @param size     data size in bytes
 * @param position offset of the tag header
 */
public record DirEntry(int kind, int type, int size, int position) {
    /** Encoded size in bytes. */
    public static final int SIZE = 16;
    /** The entry that ends a directory. */
    public static final DirEntry SENTINEL = new DirEntry(-1, -1, -1, -1);

    /**
     * Reads an entry at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the entry
     */
    public static DirEntry read(ByteBuffer in) {
        return new DirEntry(in.getInt(), in.getInt(), in.getInt(), in.getInt());
    }

    /**
     * Writes this entry at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(kind).putInt(type).putInt(size).putInt(position);
    }
}
