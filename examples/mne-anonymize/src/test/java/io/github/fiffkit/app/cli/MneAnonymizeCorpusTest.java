package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mne_anonymize on the corpus's split recording written by MNE-Python ({@code -Pcorpus -Dfiff.corpus=DIR}): its
 * references carry a full path of the recording machine with a name in it.
 */
@Tag("corpus")
class MneAnonymizeCorpusTest {
    @TempDir
    Path dir;

    private static Path synthetic() {
        String root = System.getProperty("fiff.corpus", "");
        if (root.isBlank()) {
            fail("the corpus tests need -Dfiff.corpus=/absolute/path/to/corpus");
        }
        Path p = Path.of(root, "mne-synthetic");
        assertTrue(Files.isRegularFile(p.resolve("phi_split_raw-1.fif")), p.toString());
        return p;
    }

    @Test
    void theSplitRecordingGivenByItsSecondPartBecomesFourAnonymizedParts() throws IOException {
        Path second = synthetic().resolve("phi_split_raw-1.fif");
        Path out = dir.resolve("phi_split_anon_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-b", "-i", second.toString(), "-o", out.toString());
        // the leak check finds the subject's first name in an annotation description of every part (the default
        // preset keeps annotations; strict scrubs them): status 4, one hit per part, and nothing else
        assertEquals(4, r.status(), r.toString());
        assertEquals(4, r.errLines().size(), r.err());
        for (String line : r.errLines()) {
            assertTrue(line.startsWith("mne_anonymize: leak: ") && line.contains(
                    "FIFF_COMMENT in /FIFFB_MEAS/FIFFB_MNE_ANNOTATIONS") && line.contains("FIFF_SUBJ_FIRST_NAME"), line);
        }
        List<String> names = List.of("phi_split_anon_raw.fif", "phi_split_anon_raw-1.fif",
                "phi_split_anon_raw-2.fif", "phi_split_anon_raw-3.fif");
        for (String n : names) {
            Path part = dir.resolve(n);
            assertTrue(Files.isRegularFile(part), n);
            for (String ref : TestFiles.strings(part, FiffKind.REF_FILE_NAME)) {
                assertTrue(names.contains(ref), n + " refers to " + ref);
            }
            String bytes = new String(Files.readAllBytes(part), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("/data/meg/"), n + " still holds the recording machine's path");
            assertFalse(bytes.contains("jane_doe"), n + " still holds the name from the path");
        }
        // one line per part, then the hint: the default preset keeps the annotation descriptions
        assertEquals(5, r.outLines().size(), r.out());
        assertEquals("hint: kept FIFF_COMMENT (outside the measurement info): --preset strict scrubs them",
                r.outLines().get(4), r.out());
    }

    @Test
    void theWholeCorpusAsOneFolderRunsWithoutAFailureAndEveryOutputReadsBack() throws Exception {
        Path real = synthetic().resolveSibling("real");
        Path out = dir.resolve("real");
        AppRun r = AppRun.of("--no-gui", "-s", "-i", real.toString(), "-o", out.toString(), "--jobs", "2");
        // one known hit: fsaverage's source space names its MRI file with the FreeSurfer subject (its HIS id)
        assertEquals(4, r.status(), r.toString());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("mne_anonymize: leak: ") && r.errLines().get(0).contains(
                "fsaverage-vol7-nointerp-src.fif.gz: FIFF_MNE_FILE_NAME"), r.err());
        List<Path> inputs = io.github.fiffkit.app.run.RunPlan.scan(real);
        int outputs = 0;
        for (Path in : inputs) {
            Path o = out.resolve(real.relativize(in));
            assertTrue(Files.isRegularFile(o), "no output for " + in);
            assertFalse(TestFiles.values(o, FiffKind.FILE_ID).isEmpty(), o.toString());
            outputs++;
        }
        assertEquals(inputs.size(), outputs);
        assertFalse(r.err().contains("mne_anonymize: /"), "no file failed: " + r.err());
    }
}
