package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verify OUT --original IN}: the library's verify against the original (policy replay and leak check),
 * files and folders paired by name and split part; 5 on any hit, 6 when a pair cannot be read; the report gets
 * the hits; the output says what was checked and what was not.
 */
class VerifyAgainstOriginalsTest {
    @TempDir
    Path dir;

    private Path leaky(String name) throws IOException {
        return TestFiles.small(dir.resolve(name), "patient " + TestFiles.LAST + " gain 2");
    }

    private Path anonymized(Path in) {
        AppRun r = AppRun.of("--no-gui", "-s", "--no-leak-check", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        String name = io.github.fiffkit.anonymize.SplitRecording.anonymizedName(in.getFileName().toString());
        return in.resolveSibling(name);
    }

    @Test
    void aNameLeftInFreeTextIsFoundAgainstTheOriginalButNotByThePolicyAlone() throws IOException {
        Path in = leaky("a_raw.fif");
        Path out = anonymized(in);
        AppRun alone = AppRun.of("--no-gui", "--verify", out.toString());
        assertEquals(0, alone.status(), "the policy keeps the acquisition parameters: " + alone);
        assertTrue(alone.out().contains("not checked: "), "it says what it cannot know: " + alone.out());

        AppRun r = AppRun.of("--no-gui", "--verify", out.toString(), "--original", in.toString());
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.out().contains(out + ": PHI found (against " + in + "): 0 tags the policy would change,"
                + " 1 original value found"), r.out());
        assertTrue(r.out().contains("  leak: FIFF_DACQ_PARS"), r.out());
        assertFalse(r.out().contains(TestFiles.LAST) || r.err().contains(TestFiles.LAST), "never the value: " + r);
    }

    @Test
    void aCleanOutputPassesAndTheReportGetsTheHits() throws IOException {
        Path clean = TestFiles.small(dir.resolve("c_raw.fif"), "gain 1");
        Path cleanOut = anonymized(clean);
        AppRun ok = AppRun.of("--no-gui", "--verify", cleanOut.toString(), "--original", clean.toString());
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(ok.out().contains(cleanOut + ": passed (against " + clean + ")"), ok.out());

        Path in = leaky("a_raw.fif");
        Path out = anonymized(in);
        Path report = dir.resolve("report.jsonl");
        AppRun r = AppRun.of("--no-gui", "-s", "--verify", out.toString(), "--original", in.toString(), "--report",
                report.toString());
        assertEquals(5, r.status(), r.toString());
        String json = Files.readString(report);
        assertTrue(json.contains("FIFF_DACQ_PARS"), json);
        assertFalse(json.contains(TestFiles.LAST), json);
    }

    @Test
    void foldersArePairedByTheirMirroredNamesAndAMissingOriginalIsSix() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.small(in.resolve("a_raw.fif"), "gain 1");
        TestFiles.small(in.resolve("b_raw.fif"), "patient " + TestFiles.LAST);
        Path anon = dir.resolve("anon");
        AppRun run = AppRun.of("--no-gui", "-s", "--no-leak-check", "-i", in.toString(), "-o", anon + "/");
        assertEquals(0, run.status(), run.toString());

        AppRun r = AppRun.of("--no-gui", "--verify", anon.toString(), "--original", in.toString());
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.out().contains(anon.resolve("a_raw.fif") + ": passed"), r.out());
        assertTrue(r.out().contains(anon.resolve("b_raw.fif") + ": PHI found"), r.out());

        Files.delete(in.resolve("a_raw.fif"));
        AppRun missing = AppRun.of("--no-gui", "--verify", anon.toString(), "--original", in.toString());
        assertEquals(6, missing.status(), missing.toString());
        assertTrue(missing.err().contains("no original " + in.resolve("a_raw.fif")), missing.err());
    }

    @Test
    void ourDefaultOutputNamesFindTheirOriginalsAndSplitPartsPairUp() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        AppRun run = AppRun.of("--no-gui", "-s", "--no-leak-check", "-i", parts.get(0).toString());
        assertEquals(0, run.status(), run.toString());
        Path first = dir.resolve("run_raw_anonymized.fif");
        AppRun r = AppRun.of("--no-gui", "--verify", first.toString(), "--original", parts.get(0).toString());
        assertEquals(0, r.status(), r.toString());
        for (int i = 1; i < 3; i++) {
            assertTrue(r.out().contains(dir.resolve("run_raw_anonymized-" + i + ".fif") + ": passed (against "
                    + parts.get(i) + ")"), r.out());
        }
    }

    @Test
    void mistakesAreUsageErrors() throws IOException {
        Path in = leaky("a_raw.fif");
        Path out = anonymized(in);
        AppRun count = AppRun.of("--no-gui", "--verify", out.toString(), "--original", in.toString(), in.toString());
        assertEquals(1, count.status(), count.toString());
        assertTrue(count.err().contains("give as many --original values"), count.err());
        AppRun alone = AppRun.of("--no-gui", "-i", in.toString(), "--original", in.toString());
        assertEquals(1, alone.status(), alone.toString());
        assertTrue(alone.err().contains("--original names the originals that --verify compares"), alone.err());
        AppRun mixed = AppRun.of("--no-gui", "--verify", dir.toString(), "--original", in.toString());
        assertEquals(1, mixed.status(), mixed.toString());
    }
}
