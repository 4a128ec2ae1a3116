package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preset that keeps tags which often hold names or paths ends the output with one hint line naming them and
 * the option that would change them, never their values; only for tags the files really hold, with text.
 */
class KeptTagsHintTest {
    @TempDir
    Path dir;

    private static List<String> hints(AppRun r) {
        return r.outLines().stream().filter(l -> l.startsWith("hint: ")).toList();
    }

    private static String lastLine(AppRun r) {
        List<String> lines = r.outLines();
        return lines.get(lines.size() - 1);
    }

    /** A small file whose annotations (outside the measurement info) name the subject. */
    private Path withAnnotation(Path file) throws IOException {
        try (FiffWriter w = FiffWriter.create(file)) {
            FiffId id = new FiffId(FiffId.VERSION_1_4, 1, 2, TestFiles.MEAS);
            w.writeFileHeader(id);
            w.startBlock(FiffBlock.MEAS);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, TestFiles.FIRST);
            w.endBlock(FiffBlock.SUBJECT);
            w.writeTime(FiffKind.MEAS_DATE, TestFiles.MEAS);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.MNE_ANNOTATIONS);
            w.writeString(FiffKind.COMMENT, "BAD_blink:call Dr Holm");
            w.endBlock(FiffBlock.MNE_ANNOTATIONS);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        return file;
    }

    @Test
    void theDefaultPresetEndsWithOneHintNamingTheKeptTagsAndTheOptionsThatChangeThem() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 7 by jmortensen");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(1, hints(r).size(), r.out());
        String hint = lastLine(r);
        assertEquals("hint: kept FIFF_DACQ_PARS: --preset strict scrubs them; kept FIFF_MNE_ENV_WORKING_DIR:"
                + " --mne_environment replaces them", hint);
        assertFalse(r.out().contains("jmortensen") || r.err().contains("jmortensen"), "never a value: " + r);
    }

    @Test
    void onlyTheTagsThePresetKeepsAreNamed() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 7");
        AppRun env = AppRun.of("--no-gui", "-i", in.toString(), "--mne_environment");
        assertEquals("hint: kept FIFF_DACQ_PARS: --preset strict scrubs them", lastLine(env));
        AppRun strict = AppRun.of("--no-gui", "-i", in.toString(), "--preset", "strict");
        assertEquals(List.of(), hints(strict), strict.out());
    }

    @Test
    void silentPrintsNoHint() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 7");
        AppRun r = AppRun.of("--no-gui", "-s", "-i", in.toString());
        assertEquals("", r.out());
    }

    @Test
    void emptyTextIsNoReasonForAHint() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--mne_environment");
        assertEquals(List.of(), hints(r), r.out());
    }

    @Test
    void commentsOutsideTheMeasurementInfoAreNamedAsSuch() throws IOException {
        Path in = withAnnotation(dir.resolve("ann_raw.fif"));
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals("hint: kept FIFF_COMMENT (outside the measurement info): --preset strict scrubs them",
                lastLine(r));
        assertFalse(r.out().contains("Holm"), r.out());
    }

    @Test
    void severalFilesGetOneHintAfterTheSummaryAndTheDryRunGetsItToo() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "gain 7");
        Path b = withAnnotation(dir.resolve("b_raw.fif"));
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-o", dir.resolve("out") + "/");
        assertEquals(1, hints(r).size(), r.out());
        assertTrue(r.outLines().get(r.outLines().size() - 2).startsWith("summary: "), r.out());
        assertEquals("hint: kept FIFF_DACQ_PARS, FIFF_COMMENT (outside the measurement info): --preset strict"
                + " scrubs them; kept FIFF_MNE_ENV_WORKING_DIR: --mne_environment replaces them", lastLine(r));
        AppRun dry = AppRun.of("--no-gui", "--dry-run", "-i", a.toString());
        assertTrue(lastLine(dry).startsWith("hint: kept FIFF_DACQ_PARS"), dry.out());
    }

    @Test
    void aPolicyFileIsPointedToItsOwnRules() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 7");
        Path policy = java.nio.file.Files.writeString(dir.resolve("p.json"),
                "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\", \"options\": {\"mneEnvironment\": true}}");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--policy", policy.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("hint: kept FIFF_DACQ_PARS: a \"scrub\" rule in the policy file (or \"extends\": \"strict\")"
                + " scrubs them", lastLine(r));
    }
}
