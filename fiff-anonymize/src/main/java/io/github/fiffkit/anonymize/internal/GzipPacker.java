package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Packs a finished, uncompressed output into its gzip-compressed temporary file, written back and forced to disk
 * as the uncompressed outputs are. The pass writes the plain file first because it seeks back into what it wrote
 * (the last tag's {@code next} pointer), which a compressed stream cannot do, and the leak check reads the plain
 * file before it is packed.
 */
final class GzipPacker {
    /**
     * The deflate level of compressed outputs: 2, the level MNE-Python writes {@code .fif.gz} with. On recorded
     * data zlib's default (6) took five times as long for a file 8% smaller.
     */
    static final int GZIP_LEVEL = 2;

    private GzipPacker() {
    }

    /**
     * Compresses one file into another.
     *
     * @param files the file layer that opens, writes back and forces {@code to}
     * @param from  the plain output
     * @param to    the compressed temporary file, already created
     * @throws IOException when reading, writing, a write-back or the force fails
     */
    static void pack(OutputFiles files, Path from, Path to) throws IOException {
        try (FileChannel out = files.open(to)) {
            Engine.holdLock(out);
            // the write-back closes (its failure thrown) after the stream has written the trailer, before the force
            try (Writeback writeback = new Writeback(out, files, Writeback.STEP);
                    InputStream in = Files.newInputStream(from);
                    OutputStream z = new GZIPOutputStream(counted(Channels.newOutputStream(out), writeback),
                            64 * 1024) {
                        {
                            def.setLevel(GZIP_LEVEL);
                        }

                        @Override
                        public void close() throws IOException {
                            // finish the stream but leave the channel open: it is forced below
                            finish();
                            flush();
                        }
                    }) {
                in.transferTo(z);
            }
            files.force(out);
        }
    }

    /** A stream that tells {@code progress} how many bytes went through it so far. */
    private static OutputStream counted(OutputStream out, LongConsumer progress) {
        return new FilterOutputStream(out) {
            private long count;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress.accept(++count);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                count += len;
                progress.accept(count);
            }
        };
    }
}
