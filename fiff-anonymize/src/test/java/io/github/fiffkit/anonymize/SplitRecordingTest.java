package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitRecordingTest {
    @TempDir
    Path dir;

    @Test
    void partAndOutputNamesFollowMnesPattern() {
        assertEquals("x_raw.fif", SplitRecording.partName("x_raw.fif", 0));
        assertEquals("x_raw-2.fif", SplitRecording.partName("x_raw.fif", 2));
        assertEquals("x_raw-1.fif.gz", SplitRecording.partName("x_raw.fif.gz", 1));
        assertEquals("x_raw_anonymized.fif", SplitRecording.anonymizedName("x_raw.fif"));
        assertEquals("x_raw_anonymized-1.fif", SplitRecording.anonymizedName("x_raw-1.fif"));
        assertEquals("x_raw_anonymized.fif.gz", SplitRecording.anonymizedName("x_raw.fif.gz"));
        assertEquals("a.b_anonymized.fiff", SplitRecording.anonymizedName("a.b.fiff"));
        assertEquals("noext_anonymized", SplitRecording.anonymizedName("noext"));
        assertTrue(SplitRecording.isAnonymizedName("x_raw_anonymized-3.fif"));
        assertTrue(SplitRecording.isAnonymizedName("x_raw_anonymized.fif.gz"));
        assertFalse(SplitRecording.isAnonymizedName("x_raw.fif"));
        assertEquals(List.of(dir.resolve("o.fif"), dir.resolve("o-1.fif"), dir.resolve("o-2.fif")),
                SplitRecording.outputNames(dir.resolve("o.fif"), 3));
        assertEquals("run1_raw.fif", SplitRecording.baseName("/data/meg/jane/run1_raw.fif"));
        assertEquals("run1_raw.fif", SplitRecording.baseName("C:\\meg\\jane\\run1_raw.fif"));
    }

    /** Three linked parts whose previous-part references carry a full path with a name in it. */
    static List<Path> writeSplit(Path dir, String first) throws IOException {
        List<Path> parts = new ArrayList<>();
        int n = 3;
        for (int i = 0; i < n; i++) {
            Phi f = Phi.standard();
            int at = f.tags.size() - 3; // before the end of RAW_DATA, MEAS and MNE_ENV blocks... find RAW_DATA end
            for (int k = 0; k < f.tags.size(); k++) {
                Phi.T t = f.tags.get(k);
                if (t.kind() == FiffKind.BLOCK_END && TagData.ints(t.data())[0] == FiffBlock.RAW_DATA) {
                    at = k;
                    break;
                }
            }
            List<Phi.T> refs = new ArrayList<>();
            if (i > 0) {
                refs.addAll(ref(1, "/data/meg/jennifer_mortensen/" + SplitRecording.partName(first, i - 1), i - 1));
            }
            if (i < n - 1) {
                refs.addAll(ref(2, SplitRecording.partName(first, i + 1), i + 1));
            }
            f.tags.addAll(at, refs);
            parts.add(f.write(dir.resolve(SplitRecording.partName(first, i))));
        }
        return parts;
    }

    private static List<Phi.T> ref(int role, String name, int num) {
        return List.of(new Phi.T(FiffKind.BLOCK_START, FiffType.INT, TagData.ofInts(FiffBlock.REF)),
                new Phi.T(FiffKind.REF_ROLE, FiffType.INT, TagData.ofInts(role)),
                new Phi.T(FiffKind.REF_FILE_NAME, FiffType.STRING, TagData.ofString(name)),
                new Phi.T(FiffKind.REF_FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4,
                        Phi.MACHINE0, Phi.MACHINE1, Phi.MEAS))),
                new Phi.T(FiffKind.REF_FILE_NUM, FiffType.INT, TagData.ofInts(num)),
                new Phi.T(FiffKind.BLOCK_END, FiffType.INT, TagData.ofInts(FiffBlock.REF)));
    }

    @Test
    void anyPartLeadsToAllPartsInOrder() throws IOException {
        List<Path> parts = writeSplit(dir, "run_raw.fif");
        assertEquals(parts, SplitRecording.parts(parts.get(1)));
        assertEquals(parts, SplitRecording.parts(parts.get(2)));
        assertEquals(parts, SplitRecording.parts(parts.get(0)));
    }

    @Test
    void aMiddlePartReferencesItsNeighbours() throws IOException {
        List<Path> parts = writeSplit(dir, "run_raw.fif");
        try (io.github.fiffkit.core.FiffReader r = io.github.fiffkit.core.FiffReader.open(parts.get(1))) {
            List<SplitRecording.Reference> refs = SplitRecording.references(r);
            assertEquals(List.of(SplitRecording.ROLE_PREVIOUS, SplitRecording.ROLE_NEXT),
                    refs.stream().map(SplitRecording.Reference::role).toList());
            assertTrue(refs.get(0).name().endsWith("run_raw.fif"), refs.toString());
            assertTrue(refs.get(1).name().endsWith("run_raw-2.fif"), refs.toString());
        }
        try (io.github.fiffkit.core.FiffReader r = io.github.fiffkit.core.FiffReader.open(
                Phi.standard().write(dir.resolve("single.fif")))) {
            assertEquals(List.of(), SplitRecording.references(r));
        }
    }

    @Test
    void aMissingPartIsAnInputError() throws IOException {
        List<Path> parts = writeSplit(dir, "run_raw.fif");
        Files.delete(parts.get(2));
        InputException e = assertThrows(InputException.class, () -> SplitRecording.parts(parts.get(0)));
        assertTrue(e.getMessage().contains("run_raw-2.fif"), e.getMessage());
    }

    @Test
    void aFileWithoutReferencesIsARecordingOfOnePart() throws IOException {
        Path f = Phi.standard().write(dir.resolve("single.fif"));
        assertEquals(List.of(f.toAbsolutePath()), SplitRecording.parts(f));
    }

    @Test
    void anonymizingTogetherRewritesReferencesToTheOutputNamesAndKeepsIdsConsistent() throws IOException {
        List<Path> parts = writeSplit(dir, "run_raw.fif");
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = SplitRecording.outputNames(outDir.resolve("run_raw_anonymized.fif"), parts.size());
        Anonymizer.builder().measurementDateOffsetDays(10).build().anonymizeRecording(parts, outs);
        List<String> names = new ArrayList<>();
        List<FiffTime> refTimes = new ArrayList<>();
        for (Path out : outs) {
            for (Files2.Entry e : Files2.read(out)) {
                if (e.kind() == FiffKind.REF_FILE_NAME) {
                    names.add(TagData.string(e.data()));
                }
                if (e.kind() == FiffKind.REF_FILE_ID) {
                    FiffId id = TagData.id(e.data());
                    assertTrue(id.machineIdZero());
                    refTimes.add(id.time());
                }
            }
            // the measurement ID of every part equals what the references carry
            FiffId measId = TagData.id(Files2.first(Files2.read(out), FiffKind.PARENT_BLOCK_ID).data());
            assertEquals(Phi.MEAS.plusDays(-10), measId.time());
        }
        assertEquals(List.of("run_raw_anonymized-1.fif", "run_raw_anonymized.fif", "run_raw_anonymized-2.fif",
                "run_raw_anonymized-1.fif"), names);
        assertTrue(refTimes.stream().allMatch(t -> t.equals(Phi.MEAS.plusDays(-10))));
        assertEquals(outs.stream().map(Path::toAbsolutePath).toList(), SplitRecording.parts(outs.get(1)));
    }

    @Test
    void whenOnePartFailsNoOutputIsWritten() throws IOException {
        List<Path> parts = writeSplit(dir, "run_raw.fif");
        byte[] bytes = Files.readAllBytes(parts.get(2));
        Files.write(parts.get(2), java.util.Arrays.copyOf(bytes, bytes.length - 30));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = SplitRecording.outputNames(outDir.resolve("r.fif"), parts.size());
        assertThrows(io.github.fiffkit.core.FiffFormatException.class,
                () -> Anonymizer.builder().build().anonymizeRecording(parts, outs));
        assertEquals(List.of(), Folders.listing(outDir));
    }
}
