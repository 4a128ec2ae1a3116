package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus file through every preset: unchanged tags byte-identical, changed tags as listed, and the PHI
 * fields holding what each preset promises. Runs with {@code -Pcorpus -Dfiff.corpus=<absolute dir>}.
 */
@Tag("corpus")
class CorpusAnonymizeTest {
    @TempDir
    static Path work;

    static List<Path> corpus() throws IOException {
        String dir = System.getProperty("fiff.corpus", "");
        Assumptions.assumeFalse(dir.isBlank(), "set -Dfiff.corpus to the corpus folder");
        List<Path> files = io.github.fiffkit.testkit.FiffFiles.under(Path.of(dir));
        assertFalse(files.isEmpty(), "no FIFF files under " + dir);
        return files;
    }

    enum Mode {
        DEFAULT(Anonymizer.builder()),
        BRUTE_ENV(Anonymizer.builder().brute(true).mneEnvironment(true)),
        MNE_PYTHON(Anonymizer.builder().preset(Preset.MNE_PYTHON)),
        STRICT(Anonymizer.builder().preset(Preset.STRICT));

        final Anonymizer anonymizer;

        Mode(AnonymizerBuilder b) {
            this.anonymizer = b.leakCheck(true).recordOldValues(false).build();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileThroughEveryPreset() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Path file : corpus()) {
            for (Mode mode : Mode.values()) {
                int n = i++;
                tests.add(DynamicTest.dynamicTest(mode + " " + file.getFileName(), () -> check(file, mode, n)));
            }
        }
        return tests.stream();
    }

    private static void check(Path file, Mode mode, int n) throws IOException {
        Path out = work.resolve(n + "-" + file.getFileName().toString().replace(".gz", ""));
        AnonymizationResult r;
        try {
            r = mode.anonymizer.anonymize(file, out);
        } catch (PolicyException e) {
            // only MNE-Python's exact shift can leave 32 bits (measurement date 1970, IDs decades later)
            assertEquals(Mode.MNE_PYTHON, mode, "unexpected refusal: " + e.getMessage());
            assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
            assertFalse(Files.exists(out));
            return;
        }
        ChainCompare.assertFaithful(file, out, r);
        assertPromises(out, mode);
        if (mode == Mode.STRICT) {
            assertTrue(r.leaks().isEmpty(), "strict leaves no original value: " + r.leaks());
        }
        Files.delete(out);
    }

    /** What each preset promises, checked on the output alone, independently of the engine's own list. */
    private static void assertPromises(Path out, Mode mode) throws IOException {
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                int kind = t.kind();
                if (t.size() > 1 << 16) {
                    continue;
                }
                byte[] data = r.readData();
                boolean isId = kind == FiffKind.FILE_ID || kind == FiffKind.BLOCK_ID || kind == FiffKind.PARENT_FILE_ID
                        || kind == FiffKind.PARENT_BLOCK_ID || kind == FiffKind.REF_FILE_ID
                        || kind == FiffKind.REF_BLOCK_ID;
                if (isId && t.type() == FiffType.ID_STRUCT && data.length == 20) {
                    FiffId id = TagData.id(data);
                    assertTrue(id.machineIdZero(), "machine id left in " + t);
                    if (mode != Mode.MNE_PYTHON) {
                        FiffTime time = id.time();
                        assertTrue(time.isNone() || time.equals(new FiffTime(946684800, 0)), "ID time " + time);
                    }
                }
                if (t.type() == FiffType.STRING && mode != Mode.MNE_PYTHON) {
                    String s = TagData.string(data);
                    switch (kind) {
                        case FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_LAST_NAME, FiffKind.EXPERIMENTER,
                            FiffKind.SUBJ_COMMENT, FiffKind.SUBJ_HIS_ID, FiffKind.PROJ_PERSONS ->
                            assertEquals("mne_anonymize", s, FiffKind.describe(kind));
                        case FiffKind.SUBJ_MIDDLE_NAME -> assertEquals("mne", s);
                        default -> {
                        }
                    }
                    if (kind == FiffKind.COMMENT && r.blockPath().innermost() == FiffBlock.MEAS_INFO) {
                        assertEquals("mne_anonymize", s);
                    }
                }
                if (kind == FiffKind.SUBJ_BIRTH_DAY && data.length >= 4 && mode != Mode.MNE_PYTHON) {
                    int jd = ByteBuffer.wrap(data).getInt(0);
                    if (mode == Mode.STRICT) {
                        LocalDate d = Julian.toLocalDate(jd);
                        assertEquals(1, d.getDayOfYear(), "year-only birthday " + d);
                    } else {
                        assertEquals(2451545, jd);
                    }
                }
                if (mode == Mode.STRICT || mode == Mode.MNE_PYTHON) {
                    if (kind == FiffKind.UTC_OFFSET) {
                        fail("the UTC offset stays in " + out);
                    }
                }
                if (mode == Mode.MNE_PYTHON && kind == FiffKind.SUBJ_HAND) {
                    fail("handedness stays in " + out);
                }
            }
        }
    }
}
