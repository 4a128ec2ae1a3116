package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One input file: the seed's options, their output, prompts, errors and exit statuses, run in-process. */
class MneAnonymizeTest {
    @TempDir
    Path dir;

    private Path sample() throws IOException {
        return TestFiles.sample(dir.resolve("sample_raw.fif"));
    }

    @Test
    void writesTheOutputNextToTheInputAndPrintsOneLine() throws IOException {
        Path in = sample();
        byte[] before = Files.readAllBytes(in);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        Path out = dir.resolve("sample_raw_anonymized.fif");
        assertEquals(List.of(in + " -> " + out + ": 15 tags changed", "hint: kept FIFF_DACQ_PARS: --preset strict"
                + " scrubs them; kept FIFF_MNE_ENV_WORKING_DIR, FIFF_MNE_ENV_COMMAND_LINE: --mne_environment replaces"
                + " them"), r.outLines());
        assertEquals("", r.err());
        assertArrayEquals(before, Files.readAllBytes(in), "the input is never changed");
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_LAST_NAME));
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_HIS_ID));
        assertEquals(FiffTime.startOf(LocalDate.of(2000, 1, 1)), TestFiles.measDate(out));
        assertEquals(LocalDate.of(2000, 1, 1), TestFiles.birthday(out));
    }

    @Test
    void anInputWithoutExtensionGetsTheSuffixAppended() throws IOException {
        Path in = TestFiles.sample(dir.resolve("recording"));
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.isRegularFile(dir.resolve("recording_anonymized")));
    }

    @Test
    void verbosePrintsAHeaderAndEveryChangedFieldOldToNewInFileOrder() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("--no-gui", "--verbose", "-i", in.toString(), "--his", "S01");
        assertEquals(0, r.status(), r.toString());
        List<String> lines = r.outLines();
        assertEquals("mne_anonymize (FiffKit) " + System.getProperty("fiffkit.expectedVersion"), lines.get(0));
        assertTrue(lines.get(1).startsWith("options: preset mne-anonymize, brute off,"), lines.get(1));
        assertTrue(lines.get(1).contains("his 'S01'"), lines.get(1));
        assertTrue(lines.contains("  FIFF_SUBJ_LAST_NAME in /FIFFB_MEAS/FIFFB_MEAS_INFO/FIFFB_SUBJECT at 478: "
                + SampleFileWriter.LAST_NAME + " -> mne_anonymize"), r.out());
        assertTrue(lines.contains("  FIFF_SUBJ_HIS_ID in /FIFFB_MEAS/FIFFB_MEAS_INFO/FIFFB_SUBJECT at 446: "
                + SampleFileWriter.HIS_ID + " -> S01"), r.out());
        assertTrue(lines.contains("  FIFF_SUBJ_BIRTH_DAY in /FIFFB_MEAS/FIFFB_MEAS_INFO/FIFFB_SUBJECT at 549: "
                + "2445760 (1984-02-29) -> 2451545 (2000-01-01)"), r.out());
        long previous = -1;
        int changes = 0;
        for (String line : lines) {
            int at = line.indexOf(" at ");
            if (line.startsWith("  FIFF_") && at > 0) {
                long pos = Long.parseLong(line.substring(at + 4, line.indexOf(':', at)));
                assertTrue(pos > previous, "file order: " + line);
                previous = pos;
                changes++;
            }
        }
        assertEquals(15, changes);
        assertTrue(lines.contains("  15 tags changed"), r.out());
    }

    @Test
    void silentPrintsNothingOnSuccess() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("--no-gui", "-s", "-i", in.toString(), "-o", dir.resolve("o.fif").toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(dir.resolve("o.fif")));
    }

    @Test
    void withoutNoGuiAndWithoutADisplayItSaysSoAndRunsOnTheCommandLine() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: no display, so no window; running on the command line as with"
                + " --no-gui"), r.errLines());
        assertTrue(Files.isRegularFile(dir.resolve("sample_raw_anonymized.fif")));
    }

    @Test
    void aDisplayThatCannotBeUsedFallsBackToTheCommandLine() throws IOException {
        // the test JVM is headless: the window cannot open although DISPLAY says there is a display
        Path in = sample();
        AppRun r = AppRun.run("", true, false, "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: cannot open the window (the display cannot be used); running on the"
                + " command line as with --no-gui"), r.errLines());
        assertTrue(Files.isRegularFile(dir.resolve("sample_raw_anonymized.fif")));
    }

    @Test
    void helpListsEveryOptionAndTheExitStatuses() {
        AppRun r = AppRun.of("-h");
        assertEquals(0, r.status(), r.toString());
        for (String option : new String[] {"--help", "--no-gui", "--version", "-i, --in", "-o, --out",
            "-v, --verbose", "-s, --silent", "--delete_input_file_after", "--delete_input_file",
            "-f, --avoid_delete_confirmation", "-b, --brute", "--md, --measurement_date",
            "--mdo, --measurement_date_offset", "--sb, --subject_birthday", "--sbo, --subject_birthday_offset",
            "--his", "--mne_environment", "--preset", "--jobs", "--no-leak-check", "--keep-his", "--drop-head-shape",
            "--policy", "--secret-env", "--secret-file", "--report", "--dry-run", "--verify"}) {
            assertTrue(r.out().contains(option), option);
        }
        for (int status : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}) {
            assertTrue(r.out().contains("\n  " + status + "  "), "exit status " + status);
        }
        assertEquals(r.out(), AppRun.of("--help").out());
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        AppRun r = AppRun.of("--version");
        assertEquals(0, r.status(), r.toString());
        assertEquals("mne_anonymize (FiffKit) " + System.getProperty("fiffkit.expectedVersion") + "\n", r.out());
    }

    @Test
    void clusteredShortFlagsBruteDeleteForceWithAnOffset() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-vbdf", "--mdo", "35");
        assertEquals(0, r.status(), r.toString());
        assertFalse(Files.exists(in), "deleted without a question");
        assertFalse(r.err().contains("?"), r.err());
        Path out = dir.resolve("sample_raw_anonymized.fif");
        assertEquals(FiffTime.of(SampleFileWriter.MEAS_DATE).plusDays(-35), TestFiles.measDate(out));
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.PROJ_NAME), "brute");
        assertEquals(0f, TestFiles.values(out, FiffKind.SUBJ_WEIGHT).stream().map(TagData::floats).findFirst()
                .orElseThrow()[0]);
        assertTrue(r.out().contains("deleted " + in), r.out());
        assertTrue(r.out().contains("SUBJ_WEIGHT"), "verbose");
    }

    @Test
    void measurementDateBirthdayHisAndMneEnvironment() throws IOException {
        Path in = sample();
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--measurement_date",
                "24122010", "--subject_birthday", "02031970", "--his", "Sübject 7", "--mne_environment");
        assertEquals(0, r.status(), r.toString());
        assertEquals(FiffTime.startOf(LocalDate.of(2010, 12, 24)), TestFiles.measDate(out));
        assertEquals(LocalDate.of(1970, 3, 2), TestFiles.birthday(out));
        assertEquals("Sübject 7", TestFiles.string(out, FiffKind.SUBJ_HIS_ID));
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.MNE_ENV_WORKING_DIR));
        assertEquals(SampleFileWriter.PROJECT_NAME, TestFiles.string(out, FiffKind.PROJ_NAME), "no brute");
    }

    @Test
    void shortAliasesOfTheDateOptionsAndABirthdayOffset() throws IOException {
        Path in = sample();
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--md", "01022003", "--sbo",
                "-10");
        assertEquals(0, r.status(), r.toString());
        assertEquals(FiffTime.startOf(LocalDate.of(2003, 2, 1)), TestFiles.measDate(out));
        assertEquals(SampleFileWriter.BIRTHDAY.plusDays(10), TestFiles.birthday(out));
    }

    @Test
    void keepHisAndDropHeadShape() throws IOException {
        Path in = sample();
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--preset", "mne-python",
                "--keep-his", "--drop-head-shape", "--mne_environment");
        assertEquals(0, r.status(), r.toString());
        assertEquals(SampleFileWriter.HIS_ID, TestFiles.string(out, FiffKind.SUBJ_HIS_ID), "kept");
        assertEquals(10, TestFiles.values(out, FiffKind.DIG_POINT).size(), "the 12 extra points are gone");
        assertEquals(22, TestFiles.values(in, FiffKind.DIG_POINT).size());

        AppRun plain = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--preset", "mne-python",
                "--mne_environment");
        assertEquals(0, plain.status(), plain.toString());
        assertEquals(22, TestFiles.values(out, FiffKind.DIG_POINT).size());
        assertFalse(TestFiles.string(out, FiffKind.SUBJ_HIS_ID).equals(SampleFileWriter.HIS_ID));
    }

    @Test
    void offsetZeroKeepsTheDatesWithAWarning() throws IOException {
        Path in = sample();
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--mdo", "0");
        assertEquals(0, r.status(), r.toString());
        assertEquals(FiffTime.of(SampleFileWriter.MEAS_DATE), TestFiles.measDate(out));
        assertTrue(r.err().contains("warning: --mdo 0 keeps the original measurement dates"), r.err());
    }

    @Test
    void presetStrictScrubsAndPresetNamesAreChecked() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "patient " + TestFiles.LAST + " gain 2");
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--preset", "strict");
        assertEquals(0, r.status(), r.toString());
        assertFalse(TestFiles.string(out, FiffKind.DACQ_PARS).contains(TestFiles.LAST));

        AppRun bad = AppRun.of("--no-gui", "-i", in.toString(), "--preset", "lenient");
        assertEquals(1, bad.status(), bad.toString());
        assertTrue(bad.err().contains("--preset lenient: not a preset"), bad.err());
    }

    @Test
    void leakHitsGiveStatusFourKeepTheOutputAndNeverDeleteTheInput() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "patient " + TestFiles.LAST + " gain 2");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(4, r.status(), r.toString());
        assertTrue(Files.exists(in));
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")));
        assertTrue(r.err().contains("leak: ") && r.err().contains("FIFF_DACQ_PARS"), r.err());
        assertTrue(r.err().contains("not deleting " + in + ", because the leak check found"), r.err());

        AppRun off = AppRun.of("--no-gui", "-i", in.toString(), "--no-leak-check");
        assertEquals(0, off.status(), off.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"y\n", "yes\n", "Y\n", "  YES  \n"})
    void deletionIsConfirmedByYOrYes(String answer) throws IOException {
        Path in = sample();
        AppRun r = AppRun.withInput(answer, "--no-gui", "-i", in.toString(), "-d");
        assertEquals(0, r.status(), r.toString());
        assertEquals("Delete " + in + "? [y/N] ", r.err());
        assertFalse(Files.exists(in));
        assertTrue(Files.exists(dir.resolve("sample_raw_anonymized.fif")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "n\n", "no\n", "yep\n", "", "x"})
    void anyOtherAnswerAnEmptyLineOrTheEndOfInputKeepsTheInput(String answer) throws IOException {
        Path in = sample();
        AppRun r = AppRun.withInput(answer, "--no-gui", "-i", in.toString(), "--delete_input_file");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().startsWith("Delete " + in + "? [y/N] "), r.err());
        assertTrue(Files.exists(in));
        assertTrue(r.out().contains("kept " + in), r.out());
    }

    @Test
    void silentStillAsksTheQuestion() throws IOException {
        Path in = sample();
        AppRun r = AppRun.withInput("y\n", "--no-gui", "-s", "-i", in.toString(), "--delete_input_file_after");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out());
        assertEquals("Delete " + in + "? [y/N] ", r.err());
        assertFalse(Files.exists(in));
    }

    @Test
    void forceAloneDeletesNothing() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-f");
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(in));
    }

    @Test
    void noDeletionAfterAFailure() throws IOException {
        Path in = TestFiles.notFiff(dir.resolve("text_raw.fif"));
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(2, r.status(), r.toString());
        assertTrue(Files.exists(in));
        assertEquals(List.of("text_raw.fif"), Folders.listing(dir), "no output");
        assertTrue(r.err().startsWith("mne_anonymize: " + in + ": offset 0: not a FIFF file"), r.err());
        assertTrue(r.err().contains("not deleting " + in + ", because its anonymization failed"), r.err());
    }

    @Test
    void noDeletionWhenTheInputRaisedWarnings() throws IOException {
        Path in = TestFiles.unterminated(dir.resolve("cut_raw.fif"));
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(8, r.status(), "done, but the input was not deleted as asked: " + r);
        assertTrue(Files.exists(in));
        assertTrue(Files.exists(dir.resolve("cut_raw_anonymized.fif")));
        assertTrue(r.err().contains("warning: " + in), r.err());
        assertTrue(r.err().contains("not deleting " + in + ", because the input raised warnings"), r.err());
    }

    @Test
    void badInputsGiveStatusTwoAndWriteNothing() throws IOException {
        Path missing = dir.resolve("missing_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", missing.toString());
        assertEquals(2, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: " + missing + ": no such file"), r.errLines());

        Path empty = Files.createFile(dir.resolve("empty_raw.fif"));
        r = AppRun.of("--no-gui", "-i", empty.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().startsWith("mne_anonymize: " + empty + ": offset 0:"), r.err());
        assertEquals(List.of("empty_raw.fif"), Folders.listing(dir));
    }

    @Test
    void aMissingOutputFolderGivesStatusThree() throws IOException {
        Path in = sample();
        Path out = dir.resolve("no/such/folder/o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: cannot write " + out + ": the folder " + out.getParent()
                + " does not exist"), r.errLines());
        assertEquals(List.of("sample_raw.fif"), Folders.listing(dir));
    }

    @Test
    void anOutputThatCannotBeWrittenGivesStatusThreeAndLeavesNothingBehind() throws IOException {
        Path in = sample();
        Path blocked = Files.createDirectory(dir.resolve("sample_raw_anonymized.fif")); // a folder in the way
        Files.writeString(blocked.resolve("keep.txt"), "x");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().startsWith("mne_anonymize: cannot write " + blocked + ": "), r.err());
        assertTrue(Files.exists(in), "no deletion after a failure");
        assertEquals(List.of("sample_raw.fif", "sample_raw_anonymized.fif"), Folders.listing(dir),
                "no temporary file left");
    }

    @Test
    void anOutputThatIsAnExistingFolderReceivesTheOriginalName() throws IOException {
        Path in = sample();
        Path folder = Files.createDirectory(dir.resolve("anon"));
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", folder.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.isRegularFile(folder.resolve("sample_raw.fif")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--md 01012000 --mdo 3", "--sb 01012000 --sbo 3", "-v -s", "--md 31022001",
        "--md 2001-01-01", "--mdo many", "--bogus", "-x", "--jobs 0", "-i"})
    void usageErrorsGiveStatusOneAndWriteNothing(String options) throws IOException {
        Path in = sample();
        List<String> args = new ArrayList<>(List.of("--no-gui", "-i", in.toString()));
        args.addAll(List.of(options.split(" ")));
        AppRun r = AppRun.of(args.toArray(String[]::new));
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith("mne_anonymize: "), r.err());
        assertTrue(r.err().contains("Try 'mne_anonymize --help'"), r.err());
        assertEquals("", r.out());
        assertEquals(List.of("sample_raw.fif"), Folders.listing(dir));
    }

    @Test
    void noInputIsAUsageError() {
        AppRun r = AppRun.of("--no-gui");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("no input file"), r.err());
    }

    @Test
    void sameInputAndOutputIsReplacedOnlyWithForce() throws IOException {
        Path in = sample();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", in.toString(), "-f");
        assertEquals(0, r.status(), r.toString());
        assertEquals("mne_anonymize", TestFiles.string(in, FiffKind.SUBJ_LAST_NAME));
        assertEquals(List.of("sample_raw.fif"), Folders.listing(dir));
        assertTrue(r.out().contains("replaced " + in + " with the anonymized version"), r.out());
    }

    @Test
    void sameInputAndOutputAsksAndKeepsBothUnderAPrintedNameWhenRefused() throws IOException {
        Path in = sample();
        byte[] before = Files.readAllBytes(in);
        AppRun r = AppRun.withInput("n\n", "--no-gui", "-i", in.toString(), "-o", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().startsWith("Replace " + in + " with the anonymized version? [y/N] "), r.err());
        assertArrayEquals(before, Files.readAllBytes(in));
        Path kept = dir.resolve("sample_raw_anonymized.fif");
        assertTrue(r.out().contains("kept " + in + "; the anonymized output is " + kept), r.out());
        assertEquals("mne_anonymize", TestFiles.string(kept, FiffKind.SUBJ_LAST_NAME));

        AppRun yes = AppRun.withInput("yes\n", "--no-gui", "-i", in.toString(), "-o", in.toString());
        assertEquals(0, yes.status(), yes.toString());
        assertEquals("mne_anonymize", TestFiles.string(in, FiffKind.SUBJ_LAST_NAME));
    }

    @Test
    void anOutputThatIsALinkToTheInputIsTheSameFile() throws IOException {
        Path in = sample();
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.fif"), in);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", link.toString());
        assertEquals(0, r.status(), r.toString());
        assertArrayEquals(before, Files.readAllBytes(in), "no consent, no replacement");
        AppRun f = AppRun.of("--no-gui", "-i", in.toString(), "-o", link.toString(), "-f");
        assertEquals(0, f.status(), f.toString());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("mne_anonymize", TestFiles.string(in, FiffKind.SUBJ_LAST_NAME));
        Files.delete(link);
    }

    @Test
    void sameInputAndOutputWithLeakHitsIsNeverReplaced() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "patient " + TestFiles.LAST + " gain 2");
        byte[] before = Files.readAllBytes(in);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", in.toString(), "-f");
        assertEquals(4, r.status(), r.toString());
        assertArrayEquals(before, Files.readAllBytes(in));
        assertTrue(r.err().contains(in + " not replaced, because the leak check"), r.err());
    }

    @Test
    void gzipInputAndOutput() throws IOException {
        Path gz = TestFiles.gzip(sample(), dir.resolve("s_raw.fif.gz"));
        AppRun r = AppRun.of("--no-gui", "-i", gz.toString());
        assertEquals(0, r.status(), r.toString());
        Path out = dir.resolve("s_raw_anonymized.fif.gz");
        byte[] head = Arrays2.head(out, 2);
        assertArrayEquals(new byte[] {(byte) 0x1f, (byte) 0x8b}, head, "compressed");
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_LAST_NAME));

        Path plain = dir.resolve("plain.fif");
        assertEquals(0, AppRun.of("--no-gui", "-i", gz.toString(), "-o", plain.toString()).status());
        assertEquals(0x00, Arrays2.head(plain, 1)[0], "not compressed: the name does not end in .gz");
    }

    /** Small file helpers. */
    static final class Arrays2 {
        static byte[] head(Path p, int n) throws IOException {
            try (var in = Files.newInputStream(p)) {
                return in.readNBytes(n);
            }
        }
    }
}
