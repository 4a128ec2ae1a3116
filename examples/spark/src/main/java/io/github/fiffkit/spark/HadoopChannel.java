package io.github.fiffkit.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/** A read-only seekable channel over a Hadoop input stream, so that the FIFF reader walks a file in place. */
final class HadoopChannel implements SeekableByteChannel {
    /** The most read at once into a buffer without an array. */
    private static final int SPARE = 1 << 20;

    private final FSDataInputStream in;
    private final long size;
    private long position;
    private boolean open = true;
    /** Reused for callers whose buffers have no array (direct buffers), at most {@link #SPARE} bytes. */
    private byte[] spare;

    HadoopChannel(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        if (in.getPos() != position) {
            in.seek(position);
        }
        int want = (int) Math.min(dst.remaining(), size - position);
        int n;
        if (dst.hasArray()) {
            // straight into the caller's array: no copy, and as much as the caller asks for at once
            n = in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
        } else {
            if (spare == null || spare.length < Math.min(want, SPARE)) {
                spare = new byte[Math.min(want, SPARE)];
            }
            n = in.read(spare, 0, Math.min(want, spare.length));
            if (n > 0) {
                dst.put(spare, 0, n);
            }
        }
        if (n < 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long s) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            in.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
