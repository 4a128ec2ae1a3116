package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.app.run.ExitStatus;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.testkit.Canary;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #18, "No personal data in messages, logs or reports", where users meet it: mne_anonymize on canary files
 * with options that fail, damaged inputs and verify; neither standard output, standard error nor the
 * {@code --report} file holds an original value, unless {@code -v} asked for the old values (then standard output
 * lists them, and the report still does not).
 */
class NoPhiInAppMessagesTest {
    @TempDir
    Path dir;

    private static final Generated CANARY = SyntheticFiff.builder(31).canaries(true).generate();

    private static List<String> phi() {
        List<String> texts = new ArrayList<>();
        for (Canary c : CANARY.canaries()) {
            texts.addAll(c.texts());
        }
        return texts;
    }

    /** The personal values of {@link TestFiles#small}, as a message could show them. */
    private static final List<String> SMALL_PHI = Stream.of(TestFiles.FIRST, TestFiles.LAST, TestFiles.HIS,
            TestFiles.BIRTHDAY.toString(), Integer.toString(Julian.of(TestFiles.BIRTHDAY)),
            TestFiles.MEAS.toString(), "2019-03-14", Integer.toString(TestFiles.MEAS.seconds()),
            Integer.toHexString(TestFiles.MACHINE0), Integer.toHexString(TestFiles.MACHINE1))
            .map(s -> s.toLowerCase(Locale.ROOT)).toList();

    private static void assertClean(String what, String text, List<String> phi) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : phi) {
            if (lower.contains(s)) {
                fail(what + ": the original value \"" + s + "\" is in:\n" + text);
            }
        }
    }

    /** Runs with a report; checks standard output, standard error and the report; returns the run. */
    private AppRun runClean(List<String> phi, String... args) throws IOException {
        Path report = dir.resolve("report.json");
        Files.deleteIfExists(report);
        List<String> all = new ArrayList<>(List.of("--no-gui", "--report", report.toString()));
        all.addAll(Arrays.asList(args));
        AppRun r = AppRun.of(all.toArray(String[]::new));
        String what = String.join(" ", args) + " (status " + r.status() + ")";
        assertClean(what + ", standard output", r.out(), phi);
        assertClean(what + ", standard error", r.err(), phi);
        if (Files.exists(report)) {
            assertClean(what + ", report", Files.readString(report), phi);
        }
        return r;
    }

    static Stream<List<String>> failingOptions() {
        return Stream.of(List.of("--mdo", "100000"), List.of("--mdo", "-100000"), List.of("--sbo", "-2147483648"),
                List.of("--sbo", "2147483647"), List.of("--sbo", "99999999"), List.of("--md", "01012050"),
                List.of("--preset", "mne-python", "--sbo", "-40000"), List.of("--mdo", "10", "--sb", "01012037"),
                List.of("--preset", "strict", "--mdo", "-30000"), List.of("--dry-run", "--mdo", "100000"));
    }

    @ParameterizedTest
    @MethodSource("failingOptions")
    void failingOptionsOnACanaryFileSayNoCanary(List<String> options) throws IOException {
        Path in = CANARY.write(dir.resolve("canary_raw.fif"));
        List<String> args = new ArrayList<>(List.of("-i", in.toString(), "-o", dir.resolve("out.fif").toString()));
        args.addAll(options);
        AppRun r = runClean(phi(), args.toArray(String[]::new));
        assertNotEquals(0, r.status(), r.toString());
        assertFalse(r.err().isBlank(), "the failure is explained: " + r);
    }

    @Test
    void theMessagesTheIssueQuotesNameTheTagAndTheOffset() throws IOException {
        Path in = TestFiles.small(dir.resolve("small.fif"), "gain 2");
        Path out = dir.resolve("out.fif");
        AppRun mdo = runClean(SMALL_PHI, "-i", in.toString(), "-o", out.toString(), "--mdo", "100000");
        assertEquals(ExitStatus.POLICY, mdo.status(), mdo.toString());
        assertTrue(mdo.err().contains("FIFF_MEAS_DATE") && mdo.err().contains("100000 days earlier"), mdo.err());
        String report = Files.readString(dir.resolve("report.json"));
        assertTrue(report.contains("\"error\"") && report.contains("100000 days earlier"), report);
        // no file can take this offset: refused with the option, before the file is read (the run model's check)
        AppRun sbo = runClean(SMALL_PHI, "-i", in.toString(), "-o", out.toString(), "--sbo", "-2147483648");
        assertEquals(ExitStatus.USAGE, sbo.status(), sbo.toString());
        assertTrue(sbo.err().contains("--sbo -2147483648 moves every birthday a FIFF file can hold"), sbo.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBirthdayOffsetBeyondYearOneIsRefusedWithStatus1ForAnyFileAnd7ForThisFile() throws IOException {
        // --sbo 99999999 wrote the year -271807 and exited 0; no file can take it: a usage error (status 1)
        Path in = TestFiles.small(dir.resolve("small.fif"), "gain 2");
        Path out = dir.resolve("out.fif");
        AppRun any = runClean(SMALL_PHI, "-i", in.toString(), "-o", out.toString(), "--sbo", "99999999");
        assertEquals(ExitStatus.USAGE, any.status(), any.toString());
        assertTrue(any.err().contains("--sbo 99999999 moves every birthday a FIFF file can hold before year 1"),
                any.err());
        // this file's birthday (1980) moved 730000 days earlier: before year 1 for this file only (status 7)
        AppRun r = runClean(SMALL_PHI, "-i", in.toString(), "-o", out.toString(), "--sbo", "730000");
        assertEquals(ExitStatus.POLICY, r.status(), r.toString());
        assertTrue(r.err().contains("FIFF_SUBJ_BIRTH_DAY") && r.err().contains("before year 1"), r.err());
        assertTrue(r.err().contains("--sbo"), r.err());
        assertFalse(Files.exists(out));
        AppRun later = runClean(SMALL_PHI, "-i", in.toString(), "-o", out.toString(), "--mdo", "10", "--sbo",
                "-20000");
        assertEquals(ExitStatus.POLICY, later.status(), later.toString());
        assertTrue(later.err().contains("after the measurement date"), later.err());
    }

    @Test
    void damagedCanaryFilesSayNoCanary() throws IOException {
        byte[] whole = CANARY.bytes();
        for (int cut : new int[] {40, whole.length / 3, whole.length / 2, whole.length - 9}) {
            Path in = Files.write(dir.resolve("cut_raw.fif"), Arrays.copyOf(whole, cut));
            runClean(phi(), "-i", in.toString(), "-o", dir.resolve("out.fif").toString());
            runClean(phi(), "--verify", in.toString());
        }
    }

    @Test
    void verifyingAnOriginalNamesTagsOnlyUnlessVerbose() throws IOException {
        Path in = CANARY.write(dir.resolve("canary_raw.fif"));
        AppRun r = runClean(phi(), "--verify", in.toString());
        assertEquals(ExitStatus.VERIFY_FOUND, r.status(), r.toString());
        assertTrue(r.out().contains("FIFF_SUBJ_FIRST_NAME"), r.out());
    }

    @Test
    void verboseListsTheOldValuesOnStandardOutputButNotInTheReport() throws IOException {
        Path in = CANARY.write(dir.resolve("canary_raw.fif"));
        Path report = dir.resolve("verbose.json");
        AppRun r = AppRun.of("--no-gui", "-v", "-i", in.toString(), "-o", dir.resolve("out.fif").toString(),
                "--report", report.toString());
        assertEquals(0, r.status(), r.toString());
        String first = CANARY.canaries().stream().filter(c -> c.kinds().contains(FiffKind.SUBJ_FIRST_NAME))
                .findFirst().orElseThrow().value();
        assertTrue(r.out().contains(first), "old values were asked for: " + r.out());
        assertClean("the report of a verbose run", Files.readString(report), phi());
        assertClean("standard error of a verbose run", r.err(), phi());
    }
}
