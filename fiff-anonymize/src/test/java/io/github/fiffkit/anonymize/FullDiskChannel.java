package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import org.apache.commons.io.channels.FilterFileChannel;

/**
 * A file channel that fails like a full disk once a write would end past a capacity, and can be slow like a busy
 * disk (a pause before each write), so that a test can kill or interrupt a run half-way. Everything else goes to
 * the real channel it wraps.
 */
final class FullDiskChannel extends FilterFileChannel {
    private final long capacity;
    private final long delayMillis;

    FullDiskChannel(FileChannel channel, long capacity, long delayMillis) {
        super(channel);
        this.capacity = capacity;
        this.delayMillis = delayMillis;
    }

    /** The file system, with temporary files that hold at most {@code capacity} bytes. */
    static OutputFiles files(long capacity) {
        return files(capacity, 0);
    }

    /** The file system, with temporary files that hold at most {@code capacity} bytes and slow writes. */
    static OutputFiles files(long capacity, long delayMillis) {
        return new OutputFiles() {
            @Override
            public FileChannel open(Path temp) throws IOException {
                return new FullDiskChannel(OutputFiles.super.open(temp), capacity, delayMillis);
            }
        };
    }

    private void check(long end) throws IOException {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
        if (end > capacity) {
            throw new IOException("No space left on device (injected)");
        }
    }

    // FilterFileChannel returns the channel it wraps from these two: a caller that chains a write would bypass
    // the check
    @Override
    public FileChannel position(long newPosition) throws IOException {
        super.position(newPosition);
        return this;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        super.truncate(size);
        return this;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check(position() + src.remaining());
        return super.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += srcs[i].remaining();
        }
        check(position() + n);
        return super.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        check(position + src.remaining());
        return super.write(src, position);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check(position + count);
        return super.transferFrom(src, position, count);
    }
}
