package io.github.fiffkit.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Any seekable channel: positions set before each read, bulk copies through a fixed buffer. */
public final class ChannelSource implements Source {
    private static final int CHUNK = 256 * 1024;

    private final SeekableByteChannel channel;
    private ByteBuffer chunk;

    /**
     * @param channel an open channel, owned by this source from now on
     */
    public ChannelSource(SeekableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void read(long position, ByteBuffer dst) throws IOException {
        channel.position(position);
        while (dst.hasRemaining()) {
            if (channel.read(dst) < 0) {
                throw new EOFException("end of data at " + channel.position());
            }
        }
    }

    @Override
    public void transferTo(long position, long count, WritableByteChannel out) throws IOException {
        if (chunk == null) {
            chunk = ByteBuffer.allocate(CHUNK);
        }
        long pos = position;
        long left = count;
        while (left > 0) {
            chunk.clear().limit((int) Math.min(CHUNK, left));
            read(pos, chunk);
            chunk.flip();
            Source.writeFully(chunk, out);
            pos += chunk.limit();
            left -= chunk.limit();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
