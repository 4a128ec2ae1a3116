package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffWriter;
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

    @Test
    void anOutputPairedWithItselfIsAUsageErrorAlsoThroughALink() throws IOException {
        Path in = leaky("a_raw.fif");
        Path out = anonymized(in);
        AppRun self = AppRun.of("--no-gui", "--verify", out.toString(), "--original", out.toString());
        assertEquals(1, self.status(), self.toString());
        assertTrue(self.err().contains("are the same file: the original must be the file the output was made from"),
                self.err());
        assertFalse(self.out().contains("passed"), self.out());

        Path link = dir.resolve("link_raw.fif");
        try {
            Files.createSymbolicLink(link, out);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no links here; the plain case above still holds
        }
        AppRun linked = AppRun.of("--no-gui", "--verify", out.toString(), "--original", link.toString());
        assertEquals(1, linked.status(), linked.toString());
        assertTrue(linked.err().contains("the original must be the file the output was made from"), linked.err());
    }

    @Test
    void outputsNextToTheirInputsArePairedWithTheirOriginalsNeverWithThemselves() throws IOException {
        Path sp = Files.createDirectories(dir.resolve("sp"));
        List<Path> parts = TestFiles.split(sp, "x_raw.fif", 2);
        Path leakyIn = TestFiles.small(sp.resolve("b_raw.fif"), "patient " + TestFiles.LAST);
        AppRun run = AppRun.of("--no-gui", "-s", "--no-leak-check", "-i", parts.get(0).toString());
        assertEquals(0, run.status(), run.toString());
        Path leakyOut = anonymized(leakyIn);

        AppRun r = AppRun.of("--no-gui", "--verify", sp.toString(), "--original", sp + "/");
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.out().contains(sp.resolve("x_raw_anonymized.fif") + ": passed (against " + parts.get(0) + ")"),
                r.out());
        assertTrue(r.out().contains(sp.resolve("x_raw_anonymized-1.fif") + ": passed (against " + parts.get(1)
                + ")"), r.out());
        assertTrue(r.out().contains(leakyOut + ": PHI found (against " + leakyIn + ")"), r.out());
        assertTrue(r.out().contains("  leak: FIFF_DACQ_PARS"), r.out());
        for (Path original : List.of(parts.get(0), parts.get(1), leakyIn)) {
            assertFalse(r.out().contains(original + ": "), "an original is not an output: " + r.out());
        }
        for (Path output : List.of(sp.resolve("x_raw_anonymized.fif"), sp.resolve("x_raw_anonymized-1.fif"),
                leakyOut)) {
            assertFalse(r.out().contains("(against " + output + ")"), "never against itself: " + r.out());
        }
        assertFalse(r.out().contains(TestFiles.LAST) || r.err().contains(TestFiles.LAST), "never the value: " + r);

        // a folder that holds only originals gives nothing to check against itself
        Path only = Files.createDirectories(dir.resolve("only"));
        TestFiles.small(only.resolve("c_raw.fif"), "gain 1");
        AppRun none = AppRun.of("--no-gui", "--verify", only.toString(), "--original", only.toString());
        assertEquals(1, none.status(), none.toString());
        assertTrue(none.err().contains("none of them is one of our outputs"), none.err());
    }

    @Test
    void anOriginalWithOtherDataIsNotTheSourceAndIsSix() throws IOException {
        Path in = leaky("a_raw.fif");
        Path out = anonymized(in);
        Path other = dir.resolve("other_raw.fif");
        try (FiffWriter w = FiffWriter.create(other)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2,
                    new FiffTime(1_600_000_000, 0)));
            w.startBlock(FiffBlock.MEAS);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeFloat(FiffKind.DATA_BUFFER, 1f, 2f, 3f, 4f, 5f, 6f);
            w.writeFloat(FiffKind.DATA_BUFFER, 1f, 2f, 3f, 4f, 5f, 6f);
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        AppRun r = AppRun.of("--no-gui", "--verify", out.toString(), "--original", other.toString());
        assertEquals(6, r.status(), r.toString());
        assertTrue(r.err().contains(out + " does not look like an anonymized copy of " + other
                + " (its data differ)"), r.err());
        assertFalse(r.out().contains("passed"), r.out());

        AppRun right = AppRun.of("--no-gui", "--verify", out.toString(), "--original", in.toString());
        assertEquals(5, right.status(), "the right original still finds the leak: " + right);
        assertTrue(right.out().contains("  leak: FIFF_DACQ_PARS"), right.out());
    }
}
