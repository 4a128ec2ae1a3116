package io.github.fiffkit.core.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Random-access bytes of an (uncompressed) FIFF file, whatever holds them. */
public interface Source extends Closeable {
    /**
     * @return the number of bytes
     * @throws IOException when the size cannot be determined
     */
    long size() throws IOException;

    /**
     * Fills the buffer's remaining space from a position.
     *
     * @param position where to start
     * @param dst      the buffer to fill completely
     * @throws EOFException when the source ends first
     * @throws IOException  when reading fails
     */
    void read(long position, ByteBuffer dst) throws IOException;

    /**
     * Copies bytes to a channel without keeping them in memory.
     *
     * @param position where to start
     * @param count    how many bytes
     * @param out      the destination
     * @throws EOFException when the source ends first
     * @throws IOException  when reading or writing fails
     */
    void transferTo(long position, long count, WritableByteChannel out) throws IOException;

    /**
     * Writes all remaining bytes of a buffer to a channel.
     *
     * @param buf the bytes
     * @param out the channel
     * @throws IOException when writing fails or makes no progress
     */
    static void writeFully(ByteBuffer buf, WritableByteChannel out) throws IOException {
        int stalls = 0;
        while (buf.hasRemaining()) {
            if (out.write(buf) == 0) {
                if (++stalls > 1000) {
                    throw new IOException("the output accepts no more bytes");
                }
                Thread.onSpinWait();
            } else {
                stalls = 0;
            }
        }
    }
}
