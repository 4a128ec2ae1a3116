package io.github.fiffkit.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.run.RunOption;
import io.github.fiffkit.anonymize.run.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's options: the files and the console around the library's run model. */
class AppOptionsTest {
    private static AppOptions with(List<Path> inputs, boolean verbose, boolean silent, List<Path> verify,
            RunOptions run) {
        return new AppOptions(inputs, null, verbose, silent, false, true, 1, null, verify, run);
    }

    @Test
    void theDefaultsAreTheSeedsAndConflictFree() throws IOException {
        AppOptions o = AppOptions.defaults(List.of(Path.of("a.fif")));
        assertEquals(List.of(), o.conflicts(RunOption.COMMAND_LINE));
        Policy p = o.anonymizer().policy();
        assertEquals(Preset.MNE_ANONYMIZE.id(), p.name());
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).options(), p.options());
        assertTrue(o.jobs() >= 1);
    }

    @Test
    void theApplicationsOwnConflictsComeBeforeTheRunModelsNamedAsGiven() {
        RunOptions run = RunOptions.builder().measurementDate(LocalDate.of(2000, 1, 1)).measurementDateOffset(3)
                .keepHis(true).hisId("NEW").build();
        AppOptions o = with(List.of(), true, true, List.of(), run);
        assertEquals(List.of("no input file: give one with -i FILE", "--verbose and --silent exclude each other",
                "--keep-his keeps the original hospital id and --his writes a new one: they exclude each other; give"
                        + " one of them",
                "--measurement_date (a measurement date) and --mdo (a measurement date offset) exclude each other"),
                o.conflicts(opt -> opt == RunOption.MEASUREMENT_DATE ? "--measurement_date" : opt.commandLineName()));
    }

    @Test
    void verifyGoesWithoutInputsDeletionOrADryRun() {
        AppOptions o = with(List.of(Path.of("a.fif")), false, false, List.of(Path.of("out")),
                RunOptions.builder().deleteInputs(true).build());
        assertEquals(List.of("--verify checks files that are already anonymized; it goes with neither -i, -o, -d nor"
                + " --dry-run"), o.conflicts(RunOption.COMMAND_LINE));
        assertEquals(List.of(), with(List.of(), false, false, List.of(Path.of("out")), RunOptions.defaults())
                .conflicts(RunOption.COMMAND_LINE));
    }

    @Test
    void theHeaderNamesTheRunModelsChoicesThenTheApplications() {
        AppOptions o = new AppOptions(List.of(Path.of("a.fif")), null, true, false, true, true, 3,
                Path.of("r.jsonl"), List.of(), RunOptions.builder().deleteInputs(true).dryRun(false).build());
        assertEquals(RunOptions.builder().deleteInputs(true).build().describe()
                + ", delete input yes, without asking, jobs 3, report r.jsonl", o.describe());
    }

    @Test
    void jobsMustBeOneOrMore() {
        assertThrows(IllegalArgumentException.class, () -> new AppOptions(List.of(), null, false, false, false,
                true, 0, null, List.of(), null));
    }

    @Test
    void withAPolicyFileTheWindowIsPrefilledWithIt() throws IOException {
        AppOptions o = with(List.of(), false, false, List.of(),
                RunOptions.builder().policyFile(Path.of("lab.json")).keepHis(true).build());
        io.github.fiffkit.app.gui.GuiModel m = io.github.fiffkit.app.gui.GuiModel.from(o);
        assertEquals("lab.json", m.policy());
        assertEquals(Preset.MNE_ANONYMIZE, m.preset());
        assertTrue(m.runOptions(false).keepHis(), "what the window has no field for comes along");
    }
}
