package io.github.fiffkit.anonymize;

import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusualInputTest {
    @TempDir
    Path dir;

    private AnonymizationResult result;

    private List<Entry> run(Phi f) throws IOException {
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        result = Anonymizer.builder().build().anonymize(in, out);
        return Files2.read(out);
    }

    @Test
    void anUnterminatedChainIsAnonymizedAsItIsWithAWarning() throws IOException {
        Phi f = Phi.standard();
        f.without(FiffKind.NOP);
        f.terminated = false;
        List<Entry> tags = run(f);
        assertEquals(0, tags.get(tags.size() - 1).next());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("without a terminating tag")));
        try (FiffReader r = FiffReader.open(dir.resolve("out.fif"))) {
            while (r.nextTag() != null) {
                // walk
            }
            assertTrue(!r.isTerminated());
        }
    }

    @Test
    void theLastTagIsTerminatedEvenWhenTheTagsAfterItAreNotCopied() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(new Phi.T(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, new byte[32]));
        List<Entry> tags = run(f);
        assertEquals(FiffKind.NOP, tags.get(tags.size() - 1).kind());
        assertEquals(-1, tags.get(tags.size() - 1).next());
        assertTrue(tags.stream().limit(tags.size() - 1).allMatch(e -> e.next() == 0));
    }

    @Test
    void anEmptyDirectoryPointerIsWrittenAsMinusOneWithAWarning() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.DIR_POINTER, FiffType.INT, new byte[0]);
        List<Entry> tags = run(f);
        assertArrayEquals(new int[] {-1}, TagData.ints(tags.get(1).data()));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("FIFF_DIR_POINTER has no data")));
    }

    @Test
    void aSecondTagThatIsNotTheDirectoryPointerIsLeftAsItIs() throws IOException {
        Phi f = Phi.standard();
        f.without(FiffKind.DIR_POINTER);
        List<Entry> tags = run(f);
        assertEquals(FiffKind.BLOCK_START, tags.get(1).kind());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("not FIFF_DIR_POINTER")));
    }

    @Test
    void aDirectoryPointerIsResetAndTheOldFreeListIsNotCopied() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(12345));
        f.set(FiffKind.FREE_LIST, FiffType.INT, TagData.ofInts(99));
        List<Entry> tags = run(f);
        assertArrayEquals(new int[] {-1}, TagData.ints(first(tags, FiffKind.DIR_POINTER).data()));
        assertTrue(Files2.all(tags, FiffKind.FREE_LIST).isEmpty());
        assertEquals(2, result.changes().stream().filter(c -> c.action().equals("notCopied")).count());
    }

    @Test
    void aFreshDirectoryCanBeWritten() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().writeDirectory(true).build().anonymize(in, out);
        try (FiffReader r = FiffReader.open(out)) {
            int n = 0;
            while (r.nextTag() != null) {
                n++;
            }
            assertEquals(n, r.readDirectory().orElseThrow().size());
        }
    }

    @Test
    void aNewerFileVersionIsCopiedWithAWarning() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new io.github.fiffkit.core.FiffId((1 << 16) | 7,
                1, 2, Phi.FILE_TIME)));
        run(f);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("1.7")), result.warnings().toString());
    }

    @Test
    void unknownKindsAndTypesAreCopiedByteForByte() throws IOException {
        Phi f = Phi.standard();
        byte[] blob = {9, 8, 7, 6, 5};
        f.tags.add(5, new Phi.T(31999, 0x7777, blob));
        List<Entry> tags = run(f);
        assertArrayEquals(blob, first(tags, 31999).data());
        assertEquals(0x7777, first(tags, 31999).type());
    }

    @Test
    void mriPixelDataRaisesAWarning() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(5, new Phi.T(FiffKind.MRI_PIXEL_DATA, FiffType.SHORT, new byte[8]));
        run(f);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("MRI")), result.warnings().toString());
    }
}
