package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * An output laid out by {@link Engine#layOut} and written as one forward stream, for a file system that cannot
 * seek back into a file being written (HDFS, object stores): no local copy, and the bytes are those the file path
 * writes (a {@code .gz} output compressed as {@link GzipPacker} compresses it). The leak check has already read the
 * same bytes; the input channel is read again here for the tags copied unchanged.
 */
public final class ForwardOutput {
    private static final int CHUNK = 1 << 20;

    private final Layout layout;
    private final SeekableByteChannel input;
    private final String name;
    private final AnonymizationResult result;

    ForwardOutput(Layout layout, SeekableByteChannel input, String name, AnonymizationResult result) {
        this.layout = layout;
        this.input = input;
        this.name = name;
        this.result = result;
    }

    /** @return what the run did (the output's digest not set) */
    public AnonymizationResult result() {
        return result;
    }

    /**
     * Writes the output.
     *
     * @param out      the destination (flushed, not closed)
     * @param compress whether to write it gzip-compressed
     * @param digest   whether to return the SHA-256 of the bytes written
     * @return the hexadecimal SHA-256 of what {@code out} received, or {@code null}
     * @throws InputException when the input cannot be read again
     * @throws IOException    when writing fails
     */
    public String write(OutputStream out, boolean compress, boolean digest) throws IOException {
        MessageDigest md = digest ? Sha256.digest() : null;
        // digests what goes through; its close leaves the caller's stream open
        OutputStream counted = new java.io.FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                if (md != null) {
                    md.update(b, off, len);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        OutputStream sink = compress ? gzip(counted) : counted;
        SeekableByteChannel bytes = layout.channel(input);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, layout.size())));
        while (true) {
            buffer.clear();
            int n;
            try {
                n = bytes.read(buffer);
            } catch (IOException e) {
                throw new InputException(name + ": cannot read: " + Engine.describe(e), e);
            }
            if (n < 0) {
                break;
            }
            sink.write(buffer.array(), 0, n);
        }
        sink.close();
        out.flush();
        return md == null ? null : HexFormat.of().formatHex(md.digest());
    }

    /** A gzip stream as {@link GzipPacker} makes it; its close finishes the stream and leaves {@code out} open. */
    private static OutputStream gzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(GzipPacker.GZIP_LEVEL);
            }

            @Override
            public void close() throws IOException {
                finish();
                flush();
            }
        };
    }
}
