package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options value that the command line and the desktop window both build their anonymizer from. */
class AppOptionsTest {
    private static AppOptions with(boolean brute, LocalDate md, Integer mdo, Integer sbo, String his,
            Preset preset) {
        return new AppOptions(List.of(Path.of("a.fif")), null, false, false, false, false, brute, false, md, mdo,
                null, sbo, his, preset, true, 1, true, null, null, null, null, false, List.of(), false, false);
    }

    @Test
    void theDefaultsAreTheSeedsAndConflictFree() throws IOException {
        AppOptions o = AppOptions.defaults(List.of(Path.of("a.fif")));
        assertEquals(List.of(), o.conflicts());
        Policy p = o.anonymizer().policy();
        assertEquals(Preset.MNE_ANONYMIZE.id(), p.name());
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).options(), p.options());
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).dates(), p.dates());
        assertTrue(o.jobs() >= 1);
    }

    @Test
    void everyGivenOptionOverridesThePreset() throws IOException {
        Policy p = with(true, null, 35, -3, "S01", Preset.MNE_PYTHON).anonymizer().policy();
        assertEquals(Preset.MNE_PYTHON.id(), p.name());
        assertTrue(p.options().brute());
        assertEquals("S01", p.options().hisId());
        assertEquals(MeasurementDate.offsetDays(35), p.dates().measurement());
        assertEquals(BirthdayDate.offsetDays(-3), p.dates().birthday());
        assertEquals(MeasurementDate.set(LocalDate.of(2001, 2, 3)),
                with(false, LocalDate.of(2001, 2, 3), null, null, null, null).anonymizer().policy().dates()
                        .measurement());
    }

    @Test
    void optionsNotGivenLeaveThePresetsValues() throws IOException {
        Policy strict = with(false, null, null, null, null, Preset.STRICT).anonymizer().policy();
        assertEquals(Policy.of(Preset.STRICT).options(), strict.options(), "strict keeps its own brute");
    }

    @Test
    void conflictsAreListedInWords() {
        AppOptions o = new AppOptions(List.of(), null, true, true, false, false, false, false,
                LocalDate.of(2000, 1, 1), 3, LocalDate.of(2000, 1, 1), 4, null, null, true, 1, true, null, null, null, null,
                false, List.of(), false, false);
        assertEquals(4, o.conflicts().size(), o.conflicts().toString());
    }

    @Test
    void mdSbAndHisAreForOneRecording() {
        AppOptions o = with(false, LocalDate.of(2000, 1, 1), null, null, "x", null);
        assertNull(o.singleRecordingProblem(1));
        assertTrue(o.singleRecordingProblem(2).startsWith("--md, --his are allowed for one recording only"));
        assertNull(with(false, null, 35, 35, null, null).singleRecordingProblem(9));
    }

    @Test
    void withAPolicyFileThePresetStaysSetSoTheWindowCanBePrefilled() throws IOException {
        AppOptions o = new AppOptions(List.of(), null, false, false, false, false, false, false, null, null, null,
                null, null, null, false, 1, true, Path.of("lab.json"), null, null, null, false, List.of());
        assertEquals(Preset.MNE_ANONYMIZE, o.preset());
        assertEquals("lab.json", io.github.fiffkit.app.gui.GuiModel.from(o).policy());
    }
}
