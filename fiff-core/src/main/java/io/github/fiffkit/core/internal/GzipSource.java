package io.github.fiffkit.core.internal;

import io.github.fiffkit.core.FiffFormatException.Problem;
import io.github.fiffkit.core.FiffFormatException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.GZIPInputStream;

/**
 * The decompressed bytes of a gzip file ({@code .fif.gz}) as a random-access source. Reading forward
 * decompresses as it goes; a jump backwards (rare: only some chains jump back) starts decompressing again
 * from the beginning. The decompressed size is counted once, when the source opens, so that tag sizes can
 * be checked against it. Memory stays constant whatever the file size. The work is bounded too: once the
 * bytes decompressed after the counting pass exceed {@link #budget(long) a budget} (a file whose chain jumps
 * back again and again), reading fails with {@link Problem#LIMIT_EXCEEDED}.
 */
public final class GzipSource implements Source {
    /** Opens the compressed bytes from their start, each time it is called. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return a fresh stream over the compressed bytes
         * @throws IOException when the stream cannot be opened
         */
        InputStream open() throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final Opener opener;
    private final String name;
    private final long size;
    private final long budget;
    private long inflated;
    private InputStream in;
    private long position;
    private final byte[] chunk = new byte[BUFFER];

    /**
     * @param opener opens the compressed bytes
     * @throws IOException when the data is not valid gzip or cannot be read
     */
    public GzipSource(Opener opener) throws IOException {
        this(opener, null);
    }

    /**
     * @param opener opens the compressed bytes
     * @param name   the file name for messages, or {@code null}
     * @throws IOException when the data is not valid gzip or cannot be read
     */
    public GzipSource(Opener opener, String name) throws IOException {
        this.opener = opener;
        this.name = name;
        long n = 0;
        try (InputStream counting = gunzip()) {
            long skipped;
            while ((skipped = counting.read(chunk)) >= 0) {
                n += skipped;
            }
        } catch (java.util.zip.ZipException | EOFException e) {
            throw new CorruptException(n, e);
        }
        this.size = n;
        this.budget = budget(n);
    }

    /**
     * How many bytes may be decompressed in all after the counting pass: enough for a forward read and several
     * jumps back to the start, but not for a chain built to jump back thousands of times over a large body.
     *
     * @param size the decompressed size
     * @return 32 times the size plus 256 MiB (real files read in any order stay far below it: the corpus's worst,
     *         read tag by tag out of order, decompresses about 21 times its size)
     */
    public static long budget(long size) {
        long times = size > Long.MAX_VALUE / 64 ? Long.MAX_VALUE / 2 : size * 32;
        return times + 256L * 1024 * 1024;
    }

    private void spend(long n, long offset) throws FiffFormatException {
        inflated += n;
        if (inflated > budget) {
            throw new FiffFormatException(Problem.LIMIT_EXCEEDED, "decompressing the gzip data again and again: "
                    + inflated + " bytes decompressed for a file of " + size + " bytes (the limit is " + budget
                    + "); the chain of tags jumps back too often", name, offset, null, null);
        }
    }

    /** The gzip data is damaged or cut short; nothing of it is used. */
    public static final class CorruptException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        CorruptException(long offset, IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
            this.offset = offset;
        }

        /** @return how many bytes decompressed before the damage (a lower bound of where it is) */
        public long offset() {
            return offset;
        }

        /** @return true when the data ends early rather than being damaged */
        public boolean truncated() {
            return getCause() instanceof EOFException;
        }
    }

    private InputStream gunzip() throws IOException {
        return new GZIPInputStream(opener.open(), BUFFER);
    }

    /**
     * Keeps a caller's stream open when a decompressor is closed.
     *
     * @param in the stream
     * @return a view whose close does nothing
     */
    public static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
    }

    @Override
    public long size() {
        return size;
    }

    private void seek(long target) throws IOException {
        spend(in == null || target < position ? target : target - position, target);
        if (in == null || target < position) {
            if (in != null) {
                in.close();
            }
            in = gunzip();
            position = 0;
        }
        while (position < target) {
            long n = in.skip(target - position);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("end of decompressed data at " + position);
                }
                n = 1;
            }
            position += n;
        }
    }

    @Override
    public void read(long pos, ByteBuffer dst) throws IOException {
        seek(pos);
        while (dst.hasRemaining()) {
            int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
            if (n < 0) {
                throw new EOFException("end of decompressed data at " + position);
            }
            dst.put(chunk, 0, n);
            position += n;
            spend(n, position);
        }
    }

    @Override
    public void transferTo(long pos, long count, WritableByteChannel out) throws IOException {
        seek(pos);
        long left = count;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                throw new EOFException("end of decompressed data at " + position);
            }
            spend(n, position);
            Source.writeFully(ByteBuffer.wrap(chunk, 0, n), out);
            position += n;
            left -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
