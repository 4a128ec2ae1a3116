package io.github.fiffkit.core;

import java.nio.ByteBuffer;

/**
 * A reference to data stored outside the tag ({@code FIFFT_DATA_REF_STRUCT}, 24 bytes): data type, byte
 * order, size and offset (both 64-bit).
 *
 * @param type   data type of the referenced data
 * @param endian byte order code
 * @param size   size in bytes
 * @param offset offset of the data
 */
public record DataRef(int type, int endian, long size, long offset) {
    /** Encoded size in bytes. */
    public static final int SIZE = 24;

    /**
     * Reads a reference at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the reference
     */
    public static DataRef read(ByteBuffer in) {
        return new DataRef(in.getInt(), in.getInt(), in.getLong(), in.getLong());
    }

    /**
     * Writes this reference at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(type).putInt(endian).putLong(size).putLong(offset);
    }
}
