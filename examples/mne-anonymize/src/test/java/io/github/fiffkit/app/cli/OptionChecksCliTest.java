package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run model's option checks as the command line's users meet them: status 1, the option as typed. */
class OptionChecksCliTest {
    @TempDir
    Path dir;

    private Path input() throws IOException {
        return TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void keepHisWithANewHisIsAUsageError() throws IOException {
        Path in = input();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--keep-his", "--his", "NEW");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("--keep-his keeps the original hospital id and --his writes a new one: they"
                + " exclude each other"), r.err());
        assertEquals(1, files(), "nothing written");
    }

    @Test
    void aMeasurementDateFiffCannotHoldIsAUsageErrorWhenParsed() throws IOException {
        Path in = input();
        for (String option : new String[] {"--md", "--measurement_date"}) {
            AppRun r = AppRun.of("--no-gui", "-i", in.toString(), option, "01012050");
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().contains(option + " 01012050: outside the times a FIFF file can hold: give a day"
                    + " from 14121901 to 19012038 (DDMMYYYY)"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        AppRun last = AppRun.of("--no-gui", "-s", "-i", in.toString(), "--md", "19012038");
        assertEquals(0, last.status(), last.toString());
    }

    @Test
    void aBirthdayOffsetNoFileCanTakeIsAUsageError() throws IOException {
        Path in = input();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--subject_birthday_offset", "99999999");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("--subject_birthday_offset 99999999 moves every birthday a FIFF file can hold"
                + " before year 1: give at most 744017 days either way"), r.err());
        assertEquals(1, files());
    }

    @Test
    void aBirthdayBeforeYearOneIsAUsageError() throws IOException {
        AppRun r = AppRun.of("--no-gui", "-i", input().toString(), "--sb", "01010000");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("--sb 01010000: not a birthday: give a day from 01010001 to 31129999"), r.err());
    }

    @Test
    void aBirthdayAfterTheMeasurementDateWarnsAndRuns() throws IOException {
        Path in = input();
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--md", "01012000", "--sb", "02022001");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("mne_anonymize: warning: --sb 02022001 is after --md 01012000: the subject would"
                + " be born after the measurement"), r.err());
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")));
        AppRun silent = AppRun.of("--no-gui", "-s", "-i", in.toString(), "--md", "01012000", "--sb", "02022001");
        assertEquals("", silent.err(), "silent: no warning");
    }

    @Test
    void conflictsNameTheOptionsAsTyped() throws IOException {
        AppRun r = AppRun.of("--no-gui", "-i", input().toString(), "--measurement_date", "01012000", "--mdo", "3",
                "-vbd", "--dry-run");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("--measurement_date (a measurement date) and --mdo (a measurement date offset)"
                + " exclude each other"), r.err());
        assertTrue(r.err().contains("--dry-run writes nothing, so -d has nothing to wait for"), r.err());
    }
}
