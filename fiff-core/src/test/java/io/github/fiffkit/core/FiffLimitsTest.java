package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffFormatException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiffLimitsTest {
    @TempDir
    Path dir;

    private static long walk(Path file, FiffLimits limits) throws IOException {
        try (FiffReader r = FiffReader.open(file, limits)) {
            while (r.nextTag() != null) {
                // walk
            }
            return r.tagCount();
        }
    }

    private static FiffFormatException failure(Path file, FiffLimits limits) {
        return assertThrows(FiffFormatException.class, () -> walk(file, limits));
    }

    @Test
    void theDefaultsAreSafeAndTheWithersChangeOneLimitEach() {
        FiffLimits d = FiffLimits.DEFAULT;
        assertEquals(new FiffLimits(64, 50_000_000L, 256 << 20, 10_000L), d);
        assertEquals(new FiffLimits(3, d.maxTags(), d.maxValueSize(), d.maxJumps()), d.withMaxDepth(3));
        assertEquals(new FiffLimits(d.maxDepth(), 9, d.maxValueSize(), d.maxJumps()), d.withMaxTags(9));
        assertEquals(new FiffLimits(d.maxDepth(), d.maxTags(), 77, d.maxJumps()), d.withMaxValueSize(77));
        assertEquals(new FiffLimits(d.maxDepth(), d.maxTags(), d.maxValueSize(), 0), d.withMaxJumps(0));
        assertEquals(d.maxJumps(), new FiffLimits(1, 2, 3).maxJumps());
    }

    @Test
    void limitsThatAreNotPositiveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FiffLimits.DEFAULT.withMaxDepth(0));
        assertThrows(IllegalArgumentException.class, () -> FiffLimits.DEFAULT.withMaxTags(0));
        assertThrows(IllegalArgumentException.class, () -> FiffLimits.DEFAULT.withMaxValueSize(-1));
        assertThrows(IllegalArgumentException.class, () -> FiffLimits.DEFAULT.withMaxJumps(-1));
    }

    @Test
    void aSizeOneByteLargerThanTheRestOfTheFileFailsAtTheHeaderBeforeAnyDataIsRead() throws IOException {
        RawFiff f = RawFiff.start();
        int at = f.position();
        f.header(FiffKind.COMMENT, FiffType.STRING, 33, -1).bytes(new byte[32]);
        Path file = f.write(dir, "cut.fif");
        try (FiffReader r = FiffReader.open(file)) {
            r.nextTag();
            r.nextTag();
            FiffFormatException e = assertThrows(FiffFormatException.class, r::nextTag);
            assertEquals(Problem.TRUNCATED, e.problem());
            assertEquals(at, e.offset());
            assertEquals(FiffKind.COMMENT, e.kind());
            assertTrue(e.getMessage().contains("32 bytes left"), e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString() + ": offset " + at + ": "), e.getMessage());
        }
        RawFiff exact = RawFiff.start();
        exact.header(FiffKind.COMMENT, FiffType.STRING, 32, -1).bytes(new byte[32]);
        assertEquals(3, walk(exact.write(dir, "exact.fif"), FiffLimits.DEFAULT));
    }

    @Test
    void aSizeLargerThanTheWholeFileIsABadSizeWhateverTheValueLimit() throws IOException {
        RawFiff f = RawFiff.start();
        f.header(FiffKind.DATA_BUFFER, FiffType.FLOAT, 1 << 30, -1).bytes(new byte[100]);
        Path file = f.write(dir, "huge.fif");
        FiffFormatException e = failure(file, FiffLimits.DEFAULT.withMaxValueSize(Integer.MAX_VALUE));
        assertEquals(Problem.BAD_SIZE, e.problem());
    }

    @Test
    void theNestingDepthMayReachTheLimitButNotPassIt() throws IOException {
        RawFiff f = RawFiff.start();
        int sixth = 0;
        for (int i = 0; i < 6; i++) {
            if (i == 5) {
                sixth = f.position();
            }
            f.block(FiffBlock.MEAS);
        }
        for (int i = 0; i < 6; i++) {
            f.end(FiffBlock.MEAS);
        }
        Path file = f.nop(-1).write(dir, "deep.fif");
        assertEquals(15, walk(file, FiffLimits.DEFAULT.withMaxDepth(6)));
        FiffFormatException e = failure(file, FiffLimits.DEFAULT.withMaxDepth(5));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertEquals(sixth, e.offset());
        assertTrue(e.getMessage().contains("deeper than 5"), e.getMessage());
    }

    @Test
    void theTagCountMayReachTheLimitButNotPassIt() throws IOException {
        Path file = RawFiff.start().nop(0).nop(0).nop(-1).write(dir, "five.fif");
        assertEquals(5, walk(file, FiffLimits.DEFAULT.withMaxTags(5)));
        FiffFormatException e = failure(file, FiffLimits.DEFAULT.withMaxTags(4));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertEquals(56 + 2 * 16, e.offset());
    }

    /** A chain that hops over a hidden tag n times. */
    private Path hops(int n) throws IOException {
        RawFiff f = RawFiff.start();
        for (int i = 0; i < n; i++) {
            int hidden = f.position() + 16;
            f.nop(hidden + 16);
            f.nop(0);
        }
        return f.nop(-1).write(dir, "hops" + n + ".fif");
    }

    @Test
    void jumpsAreCountedAndLimited() throws IOException {
        Path file = hops(4);
        assertEquals(2 + 4 + 1, walk(file, FiffLimits.DEFAULT.withMaxJumps(4)));
        FiffFormatException e = failure(file, FiffLimits.DEFAULT.withMaxJumps(3));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertTrue(e.getMessage().contains("more than 3 jumps"), e.getMessage());
    }

    @Test
    void aNextPointerToTheFollowingTagIsNotAJump() throws IOException {
        RawFiff f = RawFiff.start();
        for (int i = 0; i < 5; i++) {
            f.nop(f.position() + 16);
        }
        Path file = f.nop(-1).write(dir, "explicit.fif");
        assertEquals(8, walk(file, FiffLimits.DEFAULT.withMaxJumps(0)));
    }

    @Test
    void aChainThatComesBackIntoTheMiddleOfATagItReadIsACycle() throws IOException {
        RawFiff f = RawFiff.start();
        int comment = f.position();
        f.string(FiffKind.COMMENT, "abcdefghijklmnopqrstuvwxyz");
        int back = f.position();
        f.nop(comment + 20);
        Path file = Files.write(dir.resolve("mid.fif"), f.toBytes());
        FiffFormatException e = failure(file, FiffLimits.DEFAULT);
        assertEquals(Problem.CYCLE, e.problem());
        assertEquals(back, e.offset());
        assertEquals(FiffKind.NOP, e.kind());
        assertTrue(e.getMessage().contains("comes back to offset " + (comment + 20)), e.getMessage());
    }
}
