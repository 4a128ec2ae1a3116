package io.github.fiffkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads through the adaptive window return the file's bytes, whatever the pattern of positions and sizes. */
class FileSourceTest {
    @TempDir
    Path dir;

    @Test
    void seededRandomReadsReturnTheFilesBytes() throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        byte[] content = new byte[600_000];
        random.nextBytes(content);
        Path f = Files.write(dir.resolve("bytes.bin"), content);
        try (FileSource src = new FileSource(FileChannel.open(f, StandardOpenOption.READ))) {
            long pos = 0;
            for (int i = 0; i < 5_000; i++) {
                // mostly forward walks with small reads (headers), big jumps (bulk data), some going back
                int pattern = random.nextInt(10);
                if (pattern < 5) {
                    pos += random.nextInt(64);
                } else if (pattern < 8) {
                    pos += random.nextInt(200_000);
                } else {
                    pos = random.nextInt(content.length);
                }
                int want = random.nextInt(10) == 0 ? random.nextInt(70_000) : 1 + random.nextInt(32);
                if (pos + want > content.length) {
                    pos = random.nextInt(content.length - want);
                }
                ByteBuffer dst = ByteBuffer.allocate(want);
                src.read(pos, dst);
                assertArrayEquals(Arrays.copyOfRange(content, (int) pos, (int) pos + want), dst.array(),
                        "read of " + want + " at " + pos);
            }
            ByteBuffer past = ByteBuffer.allocate(32);
            assertThrows(EOFException.class, () -> src.read(content.length - 16, past));
        }
    }
}
