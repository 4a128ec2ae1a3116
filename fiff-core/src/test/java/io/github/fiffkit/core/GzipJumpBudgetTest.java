package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffFormatException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip file whose chain jumps back over a large hidden body again and again would be decompressed from the
 * start at every jump; the total work is bounded instead.
 */
class GzipJumpBudgetTest {
    private static final int PAD = 2 * 1024 * 1024;

    @TempDir
    Path dir;

    /**
     * File id, directory pointer jumping over a hidden padding to the B tags; each B tag jumps back to its A tag,
     * which jumps forward to the next B tag.
     */
    static byte[] jumping(int pad, int n) {
        int header = 16 + 20 + 16 + 4;
        int aStart = header + 16 + pad;
        int tagSize = 16 + 4;
        int bStart = aStart + n * tagSize;
        ByteBuffer b = ByteBuffer.allocate(bStart + n * tagSize);
        b.putInt(FiffKind.FILE_ID).putInt(FiffType.ID_STRUCT).putInt(20).putInt(0);
        b.putInt(1).putInt(0).putInt(0).putInt(0).putInt(0);
        b.putInt(FiffKind.DIR_POINTER).putInt(FiffType.INT).putInt(4).putInt(bStart).putInt(-1);
        b.putInt(FiffKind.NOP).putInt(FiffType.VOID).putInt(pad).putInt(0);
        b.position(aStart);
        for (int i = 0; i < n; i++) {
            b.putInt(FiffKind.NOP).putInt(FiffType.INT).putInt(4).putInt(i + 1 < n ? bStart + (i + 1) * tagSize : -1)
                    .putInt(0);
        }
        for (int i = 0; i < n; i++) {
            b.putInt(FiffKind.NOP).putInt(FiffType.INT).putInt(4).putInt(aStart + i * tagSize).putInt(0);
        }
        return b.array();
    }

    private static int readAll(Path f) throws IOException {
        int tags = 0;
        try (FiffReader r = FiffReader.open(f)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                r.readData();
                tags++;
            }
        }
        return tags;
    }

    @Test
    void manyJumpsBackOverALargeBodyExceedTheBudget() throws IOException {
        int n = 200;
        Path f = Files.write(dir.resolve("jumps.fif.gz"), FuzzSeeds.gzip(jumping(PAD, n)));
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> readAll(f));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertTrue(e.getMessage().startsWith(f + ": offset "), e.getMessage());
        assertTrue(e.getMessage().contains("jumps back too often"), e.getMessage());
    }

    @Test
    void aFewJumpsBackStillRead() throws IOException {
        Path f = Files.write(dir.resolve("few.fif.gz"), FuzzSeeds.gzip(jumping(PAD, 3)));
        assertEquals(2 + 2 * 3, readAll(f));
    }

    @Test
    void theSamePlainFileReadsWithAllItsJumps() throws IOException {
        Path f = Files.write(dir.resolve("jumps.fif"), jumping(PAD, 200));
        assertEquals(2 + 2 * 200, readAll(f));
    }
}
