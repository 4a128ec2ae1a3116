package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus file ({@code .fif} and {@code .fif.gz}) read with {@link FiffReader}, written again tag by tag with
 * {@link FiffWriter}, and read again: the same chain of tags (kind, type, size, block path, data bit for bit).
 * Runs with {@code -Pcorpus -Dfiff.corpus=<absolute dir>}.
 */
@Tag("corpus")
class CorpusRoundTripTest {
    private static final int IN_MEMORY = 1 << 20;

    @TempDir
    static Path work;

    static List<Path> corpus() throws IOException {
        String dir = System.getProperty("fiff.corpus", "");
        Assumptions.assumeFalse(dir.isBlank(), "set -Dfiff.corpus to the corpus folder");
        List<Path> files = FiffFiles.under(Path.of(dir));
        assertFalse(files.isEmpty(), "no FIFF files under " + dir);
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileReadWrittenAndReadAgainGivesTheSameChain() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Path file : corpus()) {
            int n = i++;
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> roundTrip(file, n)));
        }
        return tests.stream();
    }

    private static void roundTrip(Path file, int n) throws IOException {
        Path out = work.resolve(n + ".fif");
        long tags = 0;
        try (FiffReader in = FiffReader.open(file); FiffWriter w = FiffWriter.create(out)) {
            for (TagHeader t = in.nextTag(); t != null; t = in.nextTag()) {
                w.copyTag(in, t.isLast() ? TagHeader.NEXT_NONE : TagHeader.NEXT_SEQUENTIAL);
                tags++;
            }
        }
        assertTrue(tags > 0, file.toString());
        long compared = 0;
        try (FiffReader a = FiffReader.open(file); FiffReader b = FiffReader.open(out)) {
            for (TagHeader x = a.nextTag(); x != null; x = a.nextTag()) {
                TagHeader y = b.nextTag();
                String where = file + ": tag " + compared + " " + x;
                assertEquals(x.kind(), y.kind(), where);
                assertEquals(x.type(), y.type(), where);
                assertEquals(x.size(), y.size(), where);
                assertEquals(x.isLast(), y.isLast(), where);
                assertEquals(a.blockPath(), b.blockPath(), where);
                if (x.size() <= IN_MEMORY) {
                    assertArrayEquals(a.readData(), b.readData(), where);
                } else {
                    assertArrayEquals(digest(a), digest(b), where);
                }
                compared++;
            }
            assertNull(b.nextTag(), file + ": the copy has more tags");
            assertEquals(a.isTerminated(), b.isTerminated(), file.toString());
        }
        assertEquals(tags, compared);
    }

    private static byte[] digest(FiffReader r) throws IOException {
        MessageDigest md = Sha256.digest();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            r.transferData(Channels.newChannel(sink));
        }
        return md.digest();
    }
}
