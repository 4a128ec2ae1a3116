package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several inputs, folders, split recordings and compressed files, run in-process. */
class BatchTest {
    @TempDir
    Path dir;

    /** in/a_raw.fif, in/sub/b_raw.fif.gz, in/sub/deeper/c.fiff, in/notes.txt */
    private Path archive() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in/sub/deeper"));
        TestFiles.small(dir.resolve("in/a_raw.fif"), "gain 1");
        Path plain = TestFiles.small(dir.resolve("b_plain.fif"), "gain 2");
        TestFiles.gzip(plain, dir.resolve("in/sub/b_raw.fif.gz"));
        Files.delete(plain);
        TestFiles.small(dir.resolve("in/sub/deeper/c.fiff"), "gain 3");
        Files.writeString(dir.resolve("in/notes.txt"), "not a recording");
        return in.getParent().getParent();
    }

    @Test
    void aFolderIsMirroredUnderTheOutputFolderWhichIsCreated() throws IOException {
        Path in = archive();
        Path out = dir.resolve("shared/anon");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--mdo", "35");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("a_raw.fif", "sub/b_raw.fif.gz", "sub/deeper/c.fiff"), Folders.tree(out));
        for (String f : Folders.tree(out)) {
            assertEquals("mne_anonymize", TestFiles.string(out.resolve(f), FiffKind.SUBJ_LAST_NAME), f);
            assertEquals(TestFiles.MEAS.plusDays(-35), TestFiles.measDate(out.resolve(f)), "--mdo applies to all");
        }
        assertTrue(r.out().contains("summary: 3 recordings (3 files): 3 anonymized, 0 with leak-check hits, 0"
                + " failed"), r.out());
        assertEquals(5, r.outLines().size(), "one line per file, the summary and the hint: " + r.out());
        assertTrue(r.outLines().get(4).startsWith("hint: kept FIFF_DACQ_PARS"), r.out());
    }

    @Test
    void withoutAnOutputFolderEachOutputGoesNextToItsInputAndARerunSkipsThem() throws IOException {
        Path in = archive();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--jobs", "1");
        assertEquals(0, r.status(), r.toString());
        List<String> expected = List.of("a_raw.fif", "a_raw_anonymized.fif", "notes.txt", "sub/b_raw.fif.gz",
                "sub/b_raw_anonymized.fif.gz", "sub/deeper/c.fiff", "sub/deeper/c_anonymized.fiff");
        assertEquals(expected, Folders.tree(in));

        AppRun again = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(expected, Folders.tree(in), "our own outputs are not anonymized again");
        assertTrue(again.out().contains("summary: 3 recordings"), again.out());
    }

    @Test
    void severalInputFilesAndFolders() throws IOException {
        Path a = TestFiles.small(dir.resolve("x_raw.fif"), "g");
        Path folder = Files.createDirectories(dir.resolve("more"));
        TestFiles.small(folder.resolve("y_raw.fif"), "g");
        Path out = dir.resolve("out");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), "-i", folder.toString(), "-o", out + "/");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("x_raw.fif", "y_raw.fif"), Folders.tree(out), "each root mirrored under -o");
    }

    @Test
    void oneCorruptFileDoesNotStopTheOthersAndTheRunEndsWithSix() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.small(in.resolve("a_raw.fif"), "g");
        TestFiles.notFiff(in.resolve("b_raw.fif"));
        byte[] c = Files.readAllBytes(TestFiles.small(dir.resolve("c.fif"), "g"));
        Files.write(in.resolve("c_raw.fif"), java.util.Arrays.copyOf(c, c.length - 7)); // cut inside a tag
        TestFiles.small(in.resolve("d_raw.fif"), "g");
        Path out = dir.resolve("out");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--jobs", "2");
        assertEquals(6, r.status(), r.toString());
        assertEquals(List.of("a_raw.fif", "d_raw.fif"), Folders.tree(out), "no output for the broken files");
        assertTrue(r.err().contains("mne_anonymize: " + in.resolve("b_raw.fif") + ": offset 0: not a FIFF file"),
                r.err());
        assertTrue(r.err().contains(in.resolve("c_raw.fif").toString()), r.err());
        assertTrue(r.out().contains("summary: 4 recordings (4 files): 2 anonymized, 0 with leak-check hits,"
                + " 2 failed"), r.out());
        assertTrue(r.out().contains("  failed: " + in.resolve("b_raw.fif") + " (status 2)"), r.out());
        assertTrue(r.out().contains("  failed: " + in.resolve("c_raw.fif") + " (status 2)"), r.out());
    }

    @Test
    void aMissingInputAmongSeveralIsOneFailure() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path missing = dir.resolve("gone_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), missing.toString());
        assertEquals(6, r.status(), r.toString());
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")));
        assertTrue(r.err().contains(missing + ": no such file"), r.err());
    }

    @Test
    void leakHitsInOneOfSeveralGiveFour() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "patient " + TestFiles.LAST);
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-d", "-f");
        assertEquals(4, r.status(), r.toString());
        assertFalse(Files.exists(a), "the clean one is deleted");
        assertTrue(Files.exists(b), "the leaky one is kept");
        assertTrue(r.out().contains("1 anonymized, 1 with leak-check hits, 0 failed"), r.out());
    }

    @Test
    void deletionQuestionsComeOneAtATimeInInputOrder() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "g");
        AppRun r = AppRun.withInput("n\ny\n", "--no-gui", "-d", "-i", a.toString(), b.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("Delete " + a + "? [y/N/a] Delete " + b + "? [y/N] ", r.err(), "a: yes to all the rest");
        assertTrue(Files.exists(a));
        assertFalse(Files.exists(b));
    }

    @Test
    void anOutputFolderInsideAnInputFolderIsRefused() throws IOException {
        Path in = archive();
        List<String> before = Folders.tree(in);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", in.resolve("anon").toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("is inside the input folder"), r.err());
        assertEquals(before, Folders.tree(in));
    }

    @Test
    void twoInputsThatMapToOneOutputAreRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = TestFiles.small(dir.resolve("a/x_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b/x_raw.fif"), "g");
        Path out = dir.resolve("out");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-o", out + "/");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("two inputs would be written to the same output " + out.resolve("x_raw.fif")),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void mdSbAndHisAreRefusedForSeveralRecordingsWithAReason() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "g");
        for (String[] option : new String[][] {{"--md", "01012000"}, {"--sb", "01012000"}, {"--his", "S1"}}) {
            AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), option[0], option[1]);
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().contains(option[0] + " is allowed for one recording only (this run has 2)"),
                    r.err());
            assertTrue(r.err().contains("use --mdo and --sbo"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("a_raw_anonymized.fif")));
    }

    @Test
    void aSplitRecordingGivenByItsSecondPartIsAnonymizedWhole() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        AppRun r = AppRun.of("--no-gui", "-i", parts.get(1).toString(), "--md", "05062001");
        assertEquals(0, r.status(), r.toString());
        assertEquals(4, r.outLines().size(), "one line per part and the hint: " + r.out());
        List<String> names = List.of("run_raw_anonymized.fif", "run_raw_anonymized-1.fif",
                "run_raw_anonymized-2.fif");
        for (String n : names) {
            Path out = dir.resolve(n);
            assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_LAST_NAME), n);
            assertEquals(FiffTime.startOf(LocalDate.of(2001, 6, 5)), TestFiles.measDate(out));
            for (String ref : TestFiles.strings(out, FiffKind.REF_FILE_NAME)) {
                assertTrue(names.contains(ref), "references name the new parts, base names only: " + ref);
            }
        }
        assertEquals(List.of("run_raw_anonymized.fif"), TestFiles.strings(dir.resolve(names.get(1)),
                FiffKind.REF_FILE_NAME).subList(0, 1));
    }

    @Test
    void aSplitRecordingWithOneOutputNameFollowsMnesPattern() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        Path out = dir.resolve("anon.fif");
        AppRun r = AppRun.of("--no-gui", "-i", parts.get(2).toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(dir.resolve("anon.fif")) && Files.exists(dir.resolve("anon-1.fif"))
                && Files.exists(dir.resolve("anon-2.fif")), String.join(",", Folders.tree(dir)));
        assertEquals(List.of("anon-1.fif"), TestFiles.strings(out, FiffKind.REF_FILE_NAME));
    }

    @Test
    void theSplitPartsInAFolderAreOneRecording() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.split(in, "run_raw.fif", 3);
        TestFiles.small(in.resolve("other_raw.fif"), "g");
        Path out = dir.resolve("out");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("other_raw.fif", "run_raw-1.fif", "run_raw-2.fif", "run_raw.fif"), Folders.tree(out));
        assertTrue(r.out().contains("summary: 2 recordings (4 files)"), r.out());
        assertEquals(List.of("run_raw-1.fif"), TestFiles.strings(out.resolve("run_raw.fif"),
                FiffKind.REF_FILE_NAME));

        // with --md: refused, two recordings
        assertEquals(1, AppRun.of("--no-gui", "-i", in.toString(), "-o", dir.resolve("o2").toString(), "--md",
                "01012000").status());
    }

    @Test
    void aSplitRecordingWithAMissingPartFailsWithoutOutput() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        Files.delete(parts.get(2));
        AppRun r = AppRun.of("--no-gui", "-i", parts.get(0).toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("run_raw-2.fif"), r.err());
        assertFalse(Files.exists(dir.resolve("run_raw_anonymized.fif")));
    }

    @Test
    void theProgressBarIsDrawnOnATerminalOnly() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "g");
        AppRun onTerminal = AppRun.run("", false, true, "--no-gui", "-i", a.toString(), b.toString());
        assertEquals(0, onTerminal.status(), onTerminal.toString());
        assertTrue(onTerminal.err().contains("\r[" + " ".repeat(30) + "] 0/2 recordings"), onTerminal.err());
        assertTrue(onTerminal.err().endsWith("\r"), "the bar is cleared at the end");
        assertFalse(onTerminal.out().contains("\r"), "never on standard output");

        AppRun piped = AppRun.of("--no-gui", "-i", a.toString(), b.toString());
        assertEquals("", piped.err());
    }

    @Test
    void anOutputOnAnotherInputIsRefused() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("a_raw_anonymized.fif"), "g");
        byte[] before = Files.readAllBytes(b);
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("would replace the input " + b), r.err());
        assertArrayEquals(before, Files.readAllBytes(b));
    }

    @Test
    void aFolderWithoutRecordingsIsNothingToDo() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.small(in.resolve("a_raw_anonymized.fif"), "g");
        Files.writeString(in.resolve("notes.txt"), "x");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: nothing to anonymize: no FIFF file (.fif, .fif.gz, .fiff) other than"
                + " our own outputs in " + in), r.errLines());
        assertEquals(List.of("a_raw_anonymized.fif", "notes.txt"), Folders.tree(in));
    }

    @Test
    void theTemporaryFilesOfARunCutShortCanBeRemoved() throws IOException {
        Path out = dir.resolve("x_raw_anonymized.fif");
        Path temp = Files.createFile(dir.resolve(".x_raw_anonymized.fif.fiffkit-0a1b2c3d.tmp"));
        Path otherTemp = Files.createFile(dir.resolve(".y_raw_anonymized.fif.fiffkit-0a1b2c3d.tmp"));
        Path lookalike = Files.createFile(dir.resolve(".x_raw_anonymized.fif.fiffkit-notours.txt"));
        assertEquals(1, io.github.fiffkit.app.run.Runner.removeTemporaries(List.of(out)));
        assertFalse(Files.exists(temp));
        assertTrue(Files.exists(otherTemp), "another output's temporary file stays");
        assertTrue(Files.exists(lookalike));
    }

    @Test
    void severalInputsNeedAnOutputFolderNotAFile() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "g");
        Path file = Files.writeString(dir.resolve("out.fif"), "x");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-o", file.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains(": several inputs need an output folder: give an existing folder, or end the"
                + " name with"), r.err());
        assertTrue(r.err().contains("(this one exists and is not a folder)"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aSplitRecordingThatReplacesItselfKeepsItsReferencesAndWaitsInAFolderUntilAllowed() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        byte[] before = Files.readAllBytes(parts.get(1));
        AppRun no = AppRun.withInput("n\n", "--no-gui", "-i", parts.get(0).toString(), "-o",
                parts.get(0).toString());
        assertEquals(0, no.status(), no.toString());
        assertEquals("Replace " + parts.get(0) + " and its 2 other parts with the anonymized version? [y/N] ",
                no.err());
        Path waiting = dir.resolve("run_raw_anonymized");
        assertTrue(no.out().contains("the anonymized output is " + waiting), no.out());
        assertArrayEquals(before, Files.readAllBytes(parts.get(1)));
        assertEquals(List.of("run_raw-1.fif", "run_raw-2.fif", "run_raw.fif"), Folders.tree(waiting));

        AppRun yes = AppRun.of("--no-gui", "-i", parts.get(1).toString(), "-o", parts.get(0).toString(), "-f");
        assertEquals(0, yes.status(), yes.toString());
        for (Path p : parts) {
            assertEquals("mne_anonymize", TestFiles.string(p, FiffKind.SUBJ_LAST_NAME), p.toString());
        }
        assertEquals(List.of("run_raw-1.fif"), TestFiles.strings(parts.get(0), FiffKind.REF_FILE_NAME),
                "the references name the parts as they are now called");
        assertEquals(List.of("run_raw.fif", "run_raw-2.fif"), TestFiles.strings(parts.get(1),
                FiffKind.REF_FILE_NAME));
        assertTrue(yes.out().contains("replaced " + parts.get(0) + " and its 2 other parts"), yes.out());
    }
}
