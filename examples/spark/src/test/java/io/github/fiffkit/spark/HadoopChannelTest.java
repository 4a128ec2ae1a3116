package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel the Spark job reads its inputs through: the file's bytes at any position, into any kind of buffer. */
class HadoopChannelTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void readsTheFilesBytesAtRandomPositionsIntoHeapDirectAndOffsetBuffers() throws IOException {
        SplittableRandom random = new SplittableRandom(20261207);
        byte[] content = new byte[3 * (1 << 20) + 12345];
        random.nextBytes(content);
        java.nio.file.Path file = Files.write(dir.resolve("in.fif"), content);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        try (HadoopChannel ch = new HadoopChannel(fs.open(new Path(file.toUri())), content.length)) {
            for (int i = 0; i < 300; i++) {
                int at = random.nextInt(content.length + 1);
                int want = random.nextInt(1, 3 << 20);
                ByteBuffer dst = switch (i % 3) {
                    case 0 -> ByteBuffer.allocate(want);
                    case 1 -> ByteBuffer.allocateDirect(want);
                    default -> ByteBuffer.wrap(new byte[want + 17], 17, want).slice();
                };
                ch.position(at);
                int expected = Math.min(want, content.length - at);
                int got = 0;
                while (dst.hasRemaining()) {
                    int n = ch.read(dst);
                    if (n < 0) {
                        break;
                    }
                    got += n;
                }
                assertEquals(expected, got, "bytes read from " + at);
                assertEquals(at + got, ch.position());
                byte[] read = new byte[got];
                dst.flip().get(read);
                assertArrayEquals(Arrays.copyOfRange(content, at, at + got), read, "bytes from " + at);
            }
            ch.position(content.length);
            assertEquals(-1, ch.read(ByteBuffer.allocate(1)));
        }
    }
}
