package io.github.fiffkit.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file read with positional reads through a small window, so that walking many small tag headers costs few
 * system calls, and copied with {@link FileChannel#transferTo}, so that bulk data never passes through the heap.
 * The window adapts: where a window served a single read (a tag header followed by bulk data that is copied,
 * not read), the next one is small, so that walking a recording reads its headers, not 64 KiB of data after each.
 */
public final class FileSource implements Source {
    private static final int WINDOW = 64 * 1024;
    /** The window after one that served a single read. */
    private static final int SMALL_WINDOW = 4 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    /** Reads served by the current window. */
    private int served;

    /**
     * @param channel an open channel, owned by this source from now on
     * @throws IOException when its size cannot be read
     */
    public FileSource(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long position, ByteBuffer dst) throws IOException {
        int want = dst.remaining();
        if (want <= WINDOW) {
            if (windowStart < 0 || position < windowStart || position + want > windowStart + window.limit()) {
                fill(position, want);
            }
            served++;
            if (position + want > windowStart + window.limit()) {
                throw new EOFException("end of file at " + (windowStart + window.limit()));
            }
            ByteBuffer view = window.duplicate();
            view.position((int) (position - windowStart)).limit((int) (position - windowStart) + want);
            dst.put(view);
            return;
        }
        long pos = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new EOFException("end of file at " + pos);
            }
            pos += n;
        }
    }

    private void fill(long position, int want) throws IOException {
        window.clear();
        if (windowStart >= 0 && served <= 1) {
            window.limit(Math.max(want, SMALL_WINDOW));
        }
        served = 0;
        long pos = position;
        while (window.hasRemaining()) {
            int n = channel.read(window, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        window.flip();
        windowStart = position;
    }

    @Override
    public void transferTo(long position, long count, WritableByteChannel out) throws IOException {
        long pos = position;
        long left = count;
        int stalls = 0;
        while (left > 0) {
            long n = channel.transferTo(pos, left, out);
            if (n <= 0) {
                if (pos >= channel.size()) {
                    throw new EOFException("end of file at " + pos + " with " + left + " bytes still to copy");
                }
                if (++stalls > 1000) {
                    throw new IOException("copying stalled at " + pos);
                }
                continue;
            }
            stalls = 0;
            pos += n;
            left -= n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
