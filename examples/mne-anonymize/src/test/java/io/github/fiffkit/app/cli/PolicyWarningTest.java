package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file that leaves tags of the seed table unchanged is named in a warning, which -s silences. */
class PolicyWarningTest {
    @TempDir
    Path dir;

    private Path policy(String json) throws IOException {
        return Files.writeString(dir.resolve("policy.json"), json);
    }

    @Test
    void aPolicyThatKeepsTheExperimenterAndTheHisIdIsWarnedAbout() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("""
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "rules": [{"tag": "FIFF_EXPERIMENTER", "action": "keep"}]}""");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", dir.resolve("o.fif").toString(), "--policy",
                p.toString(), "--keep-his");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.errLines().contains("mne_anonymize: warning: the policy " + p + " leaves 2 tags that usually"
                + " hold personal data unchanged: FIFF_EXPERIMENTER, FIFF_SUBJ_HIS_ID"), r.toString());
        assertEquals(1, r.errLines().stream().filter(l -> l.contains("warning")).count(),
                "the run model's warning, printed once: " + r);
        assertEquals(TestFiles.HIS, TestFiles.string(dir.resolve("o.fif"), FiffKind.SUBJ_HIS_ID),
                "the warning says what the run did");

        AppRun silent = AppRun.of("--no-gui", "-s", "-f", "-i", in.toString(), "-o", dir.resolve("o.fif").toString(),
                "--policy", p.toString(), "--keep-his");
        assertEquals(0, silent.status(), silent.toString());
        assertFalse(silent.err().contains("warning"), silent.toString());
    }

    @Test
    void aPolicyOfItsOwnWarnsAboutWhatItsUncoveredSays() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("""
                {"fiffPolicy": 1, "extends": "none",
                 "uncovered": {"keep": "all", "comment": "an empty room recording: no subject"}}""");
        AppRun r = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "--policy", p.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("leaves 18 tags that usually hold personal data unchanged: FIFF_FILE_ID,"),
                r.toString());
        assertTrue(r.err().contains("FIFF_COMMENT in FIFFB_MEAS_INFO"), r.toString());
    }

    @Test
    void aPolicyThatCoversTheSeedTableRunsWithoutAWarningAndTheOneOfTheIssueIsRefused() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\"}");
        AppRun r = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "--policy", p.toString());
        assertEquals(0, r.status(), r.toString());
        assertFalse(r.err().contains("warning"), r.toString());

        Path nothing = policy("{\"fiffPolicy\": 1}");
        AppRun refused = AppRun.of("--no-gui", "-i", in.toString(), "--policy", nothing.toString());
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains(nothing + ":1:1: extends: the policy must say what it starts from"),
                refused.toString());
    }
}
