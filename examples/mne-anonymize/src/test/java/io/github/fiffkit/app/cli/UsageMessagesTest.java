package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Usage errors in our own words: each names the option as the user typed it and says what a valid value looks
 * like; none of picocli's default sentences ("at index", "is not an int", "Missing required parameter") reaches
 * the user. Status 1, nothing written.
 */
class UsageMessagesTest {
    @TempDir
    Path dir;

    /** picocli's own phrasing, which must never reach the user. */
    private static final List<String> PICOCLI = List.of("at index", "is not an int", "Missing required parameter",
            "Unmatched argument", "Invalid value for option", "Expected parameter");

    private AppRun usage(String... args) throws IOException {
        AppRun r = AppRun.of(args);
        assertEquals(1, r.status(), r.toString());
        assertEquals("", r.out(), r.toString());
        for (String p : PICOCLI) {
            assertFalse(r.err().contains(p), "picocli's '" + p + "' leaks through: " + r.err());
        }
        assertTrue(r.err().endsWith("Try 'mne_anonymize --help' for more information." + System.lineSeparator())
                || r.err().endsWith("Try 'mne_anonymize --help' for more information.\n"), r.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("a_raw.fif"), s.map(p -> p.getFileName().toString()).toList(), "nothing written");
        }
        return r;
    }

    private String input() throws IOException {
        return TestFiles.small(dir.resolve("a_raw.fif"), "gain 1").toString();
    }

    static Stream<Arguments> missingValues() {
        return Stream.of(
                Arguments.of("-i", "give a file or folder after -i"),
                Arguments.of("--in", "give a file or folder after --in"),
                Arguments.of("-o", "give a file or folder after -o"),
                Arguments.of("--mdo", "give a number of days after --mdo"),
                Arguments.of("--measurement_date_offset", "give a number of days after --measurement_date_offset"),
                Arguments.of("--md", "give a date DDMMYYYY after --md"),
                Arguments.of("--his", "give a text after --his"),
                Arguments.of("--jobs", "give a number after --jobs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingValues")
    void anOptionWithoutItsValueSaysWhichValueItNeeds(String option, String expected) throws IOException {
        String in = input();
        AppRun r = option.startsWith("-i") || option.equals("--in") ? usage("--no-gui", option)
                : usage("--no-gui", "-i", in, option);
        assertTrue(r.err().startsWith("mne_anonymize: " + option + " needs a value: " + expected), r.err());
    }

    @Test
    void aNumberOutOfRangeNamesTheOptionAsTypedAndTheRange() throws IOException {
        String in = input();
        AppRun r = usage("--no-gui", "-i", in, "--mdo", "99999999999");
        assertTrue(r.err().startsWith("mne_anonymize: --mdo 99999999999: not a whole number of days from"
                + " -2147483648 to 2147483647"), r.err());
        AppRun longName = usage("--no-gui", "-i", in, "--subject_birthday_offset=12x");
        assertTrue(longName.err().startsWith("mne_anonymize: --subject_birthday_offset 12x: not a whole number of"
                + " days"), longName.err());
        AppRun jobs = usage("--no-gui", "-i", in, "--jobs", "many");
        assertTrue(jobs.err().startsWith("mne_anonymize: --jobs many: not a whole number; give 1 or more,"
                + " e.g. --jobs 4"), jobs.err());
    }

    @Test
    void aFileWithoutDashISaysHowToGiveInputFiles() throws IOException {
        String in = input();
        AppRun r = usage("--no-gui", in);
        assertEquals("mne_anonymize: '" + in + "' is not an option: give input files with -i, e.g. -i " + in,
                r.errLines().get(0));
        AppRun after = usage("--no-gui", "-s", in, "--mdo", "3");
        assertTrue(after.err().contains("give input files with -i"), after.err());
    }

    @Test
    void anUnknownOptionIsNamedAndTheClosestOneSuggested() throws IOException {
        String in = input();
        AppRun r = usage("--no-gui", "-i", in, "--dryrun");
        assertTrue(r.err().startsWith("mne_anonymize: unknown option '--dryrun'"), r.err());
        assertTrue(r.err().contains("--dry-run"), "the closest option is suggested: " + r.err());
    }

    @Test
    void badDatesAndPresetsNameTheOptionAsTyped() throws IOException {
        String in = input();
        AppRun md = usage("--no-gui", "-i", in, "--measurement_date", "2000-01-01");
        assertTrue(md.err().startsWith("mne_anonymize: --measurement_date 2000-01-01: "), md.err());
        assertTrue(md.err().contains("DDMMYYYY, e.g. 01012000"), md.err());
        AppRun preset = usage("--no-gui", "-i", in, "--preset", "lenient");
        assertTrue(preset.err().startsWith("mne_anonymize: --preset lenient: not a preset; give mne-anonymize,"
                + " mne-python or strict"), preset.err());
    }

    @Test
    void noInputAtAllSaysHowToGiveOne() throws IOException {
        input();
        AppRun r = usage("--no-gui");
        assertTrue(r.err().startsWith("mne_anonymize: no input file: give one with -i FILE"), r.err());
    }
}
