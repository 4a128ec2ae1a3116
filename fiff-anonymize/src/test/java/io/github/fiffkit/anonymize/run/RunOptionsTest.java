package io.github.fiffkit.anonymize.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policyfile.PolicyFileException;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run model every front-end builds its anonymizer from. */
class RunOptionsTest {
    @TempDir
    Path dir;

    private static List<String> texts(List<OptionMessage> messages) {
        return messages.stream().map(OptionMessage::text).toList();
    }

    @Test
    void nothingChosenIsTheSeedsPresetWithTheLeakCheckAndNoProblem() throws IOException {
        RunOptions o = RunOptions.defaults();
        assertEquals(List.of(), o.problems());
        assertEquals(List.of(), o.warnings());
        assertEquals(null, o.preset());
        assertEquals(Preset.MNE_ANONYMIZE, o.presetOrDefault());
        assertTrue(o.leakCheck());
        Policy p = o.toAnonymizer().policy();
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).options(), p.options());
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).dates(), p.dates());
    }

    @Test
    void everyGivenOptionOverridesThePreset() throws IOException {
        Policy p = RunOptions.builder().preset(Preset.MNE_PYTHON).brute(true).mneEnvironment(true)
                .dropHeadShape(true).hisId("S01").measurementDateOffset(35).subjectBirthdayOffset(-3).build()
                .toAnonymizer().policy();
        assertEquals(Preset.MNE_PYTHON.id(), p.name());
        assertTrue(p.options().brute());
        assertTrue(p.options().mneEnvironment());
        assertTrue(p.options().dropHeadShape());
        assertEquals("S01", p.options().hisId());
        assertEquals(MeasurementDate.offsetDays(35), p.dates().measurement());
        assertEquals(BirthdayDate.offsetDays(-3), p.dates().birthday());

        Policy fixed = RunOptions.builder().measurementDate(LocalDate.of(2001, 2, 3))
                .subjectBirthday(LocalDate.of(1980, 5, 6)).keepHis(true).build().toAnonymizer().policy();
        assertEquals(MeasurementDate.set(LocalDate.of(2001, 2, 3)), fixed.dates().measurement());
        assertEquals(BirthdayDate.set(LocalDate.of(1980, 5, 6)), fixed.dates().birthday());
        assertTrue(fixed.options().keepHis());
    }

    @Test
    void optionsNotGivenLeaveThePresetsOwn() throws IOException {
        Policy strict = RunOptions.builder().preset(Preset.STRICT).build().toAnonymizer().policy();
        assertEquals(Policy.of(Preset.STRICT).options(), strict.options());
        assertEquals(Policy.of(Preset.STRICT).dates(), strict.dates());
    }

    @Test
    void aPolicyFileIsReadWithItsSecretAndTheOptionsOverrideIt() throws IOException {
        Path policy = dir.resolve("lab.json");
        Files.writeString(policy, "{\"fiffPolicy\": 1, \"extends\": \"mne-python\", \"options\": {\"brute\": false}}");
        RunOptions o = RunOptions.builder().policyFile(policy).brute(true).build();
        assertEquals(List.of(), o.problems());
        Policy p = o.toAnonymizer().policy();
        assertTrue(p.options().brute(), "-b overrides the file");
        assertTrue(o.describe().startsWith("policy " + policy + ", brute on"), o.describe());

        Files.writeString(policy, "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\", \"colour\": 3}");
        assertThrows(PolicyFileException.class, o::toAnonymizer);
    }

    @Test
    void aDryRunKeepsTheLeakCheckForTheThrowAwayCopyItWrites() throws IOException {
        // mne_anonymize --dry-run anonymizes into a temporary copy to predict the run's leak-check hits
        Anonymizer dry = RunOptions.builder().dryRun(true).build().toAnonymizer();
        Anonymizer off = RunOptions.builder().dryRun(true).leakCheck(false).build().toAnonymizer();
        Path sample = SyntheticFiff.generate(3).write(dir.resolve("in_raw.fif"));
        assertTrue(dry.anonymize(sample, dir.resolve("copy.fif")).leakChecked());
        assertFalse(off.anonymize(sample, dir.resolve("copy2.fif")).leakChecked());
        assertFalse(dry.plan(sample).leakChecked(), "a plan alone has no output to search");
    }

    @Test
    void everyConflictIsListedAtOnceNamingTheOptions() {
        RunOptions o = RunOptions.builder().preset(Preset.STRICT).policyFile(Path.of("lab.json"))
                .secretEnv("S").secretFile(Path.of("s.txt")).dryRun(true).deleteInputs(true).keepHis(true)
                .hisId("NEW").measurementDate(LocalDate.of(2000, 1, 1)).measurementDateOffset(3)
                .subjectBirthday(LocalDate.of(1990, 1, 1)).subjectBirthdayOffset(4).build();
        assertEquals(List.of(
                "--preset and --policy exclude each other (a policy file names its preset with \"extends\")",
                "--secret-env and --secret-file exclude each other: give the secret one way",
                "--dry-run writes nothing, so -d has nothing to wait for",
                "--keep-his keeps the original hospital id and --his writes a new one: they exclude each other;"
                        + " give one of them",
                "--md (a measurement date) and --mdo (a measurement date offset) exclude each other",
                "--sb (a birthday) and --sbo (a birthday offset) exclude each other"), texts(o.problems()));
        assertEquals(List.of(RunOption.KEEP_HIS, RunOption.HIS_ID), o.problems().get(3).options());
        assertThrows(IllegalStateException.class, o::toAnonymizer);
    }

    @Test
    void aSecretNeedsAPolicyFile() {
        assertEquals(List.of("--secret-file gives the secret of a policy file's keyed hashes: it needs --policy"),
                texts(RunOptions.builder().secretFile(Path.of("s")).build().problems()));
        assertEquals(List.of("--secret-env gives the secret of a policy file's keyed hashes: it needs --policy"),
                texts(RunOptions.builder().secretEnv("S").build().problems()));
    }

    @Test
    void keepHisAloneAndHisAloneAreFine() {
        assertEquals(List.of(), RunOptions.builder().keepHis(true).build().problems());
        assertEquals(List.of(), RunOptions.builder().hisId("NEW").build().problems());
    }

    @Test
    void aFormNamesTheOptionsByItsLabelsAndACommandLineAsTyped() {
        OptionMessage m = RunOptions.builder().measurementDate(LocalDate.of(2000, 1, 1)).measurementDateOffset(3)
                .build().problems().get(0);
        assertEquals("Measurement date (a measurement date) and Measurement date offset (a measurement date offset)"
                + " exclude each other", m.text(RunOption.LABELS));
        Map<RunOption, String> typed = Map.of(RunOption.MEASUREMENT_DATE, "--measurement_date");
        assertEquals("--measurement_date (a measurement date) and --mdo (a measurement date offset) exclude each"
                + " other", m.text(o -> typed.getOrDefault(o, o.commandLineName())));
    }

    @Test
    void aMeasurementDateOutsideFiffTimeIsRefused() {
        RunOptions o = RunOptions.builder().measurementDate(LocalDate.of(2050, 1, 1)).build();
        assertEquals(List.of("--md 01012050 is outside the times a FIFF file can hold: give a day from 14121901 to"
                + " 19012038 (DDMMYYYY)"), texts(o.problems()));
        assertEquals(List.of(), RunOptions.builder().measurementDate(LocalDate.of(2038, 1, 19)).build().problems());
        assertEquals(1, RunOptions.builder().measurementDate(LocalDate.of(1901, 12, 13)).build().problems().size());
    }

    @Test
    void aBirthdayBeforeYearOneIsRefused() {
        assertEquals(List.of("--sb 31120000 is not a birthday: give a day from 01010001 to 31129999 (DDMMYYYY)"),
                texts(RunOptions.builder().subjectBirthday(LocalDate.of(0, 12, 31)).build().problems()));
        assertEquals(1, RunOptions.builder().subjectBirthday(LocalDate.of(-5, 1, 1)).build().problems().size());
    }

    @Test
    void aBirthdayOffsetNoFileCanTakeIsRefusedBothWays() {
        int max = RunOptions.MAX_BIRTHDAY_OFFSET_DAYS;
        assertEquals(744_017, max, "from 1 January of year 1 to 19 January 2038");
        assertEquals(List.of(), RunOptions.builder().subjectBirthdayOffset(max).build().problems());
        assertEquals(List.of(), RunOptions.builder().subjectBirthdayOffset(-max).build().problems());
        assertEquals(List.of("--sbo 99999999 moves every birthday a FIFF file can hold before year 1: give at most"
                + " 744017 days either way"),
                texts(RunOptions.builder().subjectBirthdayOffset(99_999_999).build().problems()));
        assertEquals(List.of("--sbo -744018 moves every birthday a FIFF file can hold after 19012038, the last"
                + " measurement date a FIFF file can hold: give at most 744017 days either way"),
                texts(RunOptions.builder().subjectBirthdayOffset(-max - 1).build().problems()));
        assertEquals(1, RunOptions.builder().subjectBirthdayOffset(Integer.MIN_VALUE).build().problems().size());
    }

    @Test
    void aPolicyFileThatLeavesSeedTagsUnchangedIsAWarningForEveryFrontEnd() throws IOException {
        assertEquals(List.of(), RunOptions.defaults().warnings(), "the default preset covers its own table");
        Path none = dir.resolve("empty-room.json");
        Files.writeString(none, "{\"fiffPolicy\": 1, \"extends\": \"none\", \"uncovered\": {\"keep\": \"all\","
                + " \"comment\": \"no subject\"}}");
        List<String> w = texts(RunOptions.builder().policyFile(none).build().warnings());
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("the policy " + none + " leaves 18 tags that usually hold personal data"
                + " unchanged: FIFF_FILE_ID, "), w.get(0));
        assertTrue(w.get(0).contains("FIFF_COMMENT in FIFFB_MEAS_INFO"), w.get(0));

        Path one = dir.resolve("one.json");
        Files.writeString(one, "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                + " \"rules\": [{\"tag\": \"FIFF_EXPERIMENTER\", \"action\": \"keep\"}]}");
        assertEquals(List.of("the policy " + one + " leaves 1 tag that usually holds personal data unchanged:"
                + " FIFF_EXPERIMENTER"), texts(RunOptions.builder().policyFile(one).build().warnings()));
        assertEquals(List.of("the policy " + one + " leaves 2 tags that usually hold personal data unchanged:"
                + " FIFF_EXPERIMENTER, FIFF_SUBJ_HIS_ID"),
                texts(RunOptions.builder().policyFile(one).keepHis(true).build().warnings()),
                "the options given with the policy count");

        Path full = dir.resolve("full.json");
        Files.writeString(full, "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\"}");
        assertEquals(List.of(), RunOptions.builder().policyFile(full).build().warnings());
        Files.writeString(full, "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\", \"colour\": 3}");
        assertEquals(List.of(), RunOptions.builder().policyFile(full).build().warnings(),
                "a policy file with mistakes fails where the anonymizer is built, not here");
    }

    @Test
    void zeroOffsetsAndABirthdayAfterTheMeasurementWarn() {
        assertEquals(List.of("--mdo 0 keeps the original measurement dates", "--sbo 0 keeps the original birthday"),
                texts(RunOptions.builder().measurementDateOffset(0).subjectBirthdayOffset(0).build().warnings()));
        RunOptions late = RunOptions.builder().measurementDate(LocalDate.of(2000, 1, 1))
                .subjectBirthday(LocalDate.of(2001, 2, 2)).build();
        assertEquals(List.of(), late.problems(), "a warning, not a refusal");
        assertEquals(List.of("--sb 02022001 is after --md 01012000: the subject would be born after the"
                + " measurement"), texts(late.warnings()));
        assertEquals(List.of(), RunOptions.builder().measurementDate(LocalDate.of(2000, 1, 1))
                .subjectBirthday(LocalDate.of(2000, 1, 1)).build().warnings(), "born that day is possible");
        assertEquals(List.of(), RunOptions.builder().measurementDateOffset(1).subjectBirthdayOffset(-1).build()
                .warnings());
    }

    @Test
    void aBirthdayAfterThePresetsFixedMeasurementDateWarns() {
        // mne-anonymize writes 01012000 as every measurement date unless --md or --mdo says otherwise
        assertEquals(List.of("--sb 01012030 is after the measurement date 01012000 that the preset mne-anonymize"
                + " writes: the subject would be born after the measurement; give --md too"),
                texts(RunOptions.builder().subjectBirthday(LocalDate.of(2030, 1, 1)).build().warnings()));
        assertEquals(List.of(), RunOptions.builder().subjectBirthday(LocalDate.of(1999, 12, 31)).build().warnings());
        assertEquals(List.of(), RunOptions.builder().subjectBirthday(LocalDate.of(2030, 1, 1))
                .measurementDateOffset(10).build().warnings(), "with an offset the file decides (status 7 if after)");
    }

    @Test
    void fixedDatesAndIdsAreForOneRecordingOnly() {
        RunOptions o = RunOptions.builder().measurementDate(LocalDate.of(2000, 1, 1)).hisId("x").build();
        assertTrue(o.recordingsProblem(1).isEmpty());
        assertTrue(o.recordingsProblem(0).isEmpty());
        OptionMessage m = o.recordingsProblem(2).orElseThrow();
        assertEquals("--md, --his are allowed for one recording only (this run has 2): every recording would get the"
                + " same date or hospital id, and the intervals between recordings would be lost; use --mdo and --sbo"
                + " to move every date by the same number of days", m.text());
        assertEquals(List.of(RunOption.MEASUREMENT_DATE, RunOption.HIS_ID, RunOption.MEASUREMENT_DATE_OFFSET,
                RunOption.SUBJECT_BIRTHDAY_OFFSET), m.options());
        assertTrue(RunOptions.builder().subjectBirthday(LocalDate.of(1990, 1, 1)).build().recordingsProblem(3)
                .orElseThrow().text().startsWith("--sb is allowed for one recording only (this run has 3)"));
        assertTrue(RunOptions.builder().measurementDateOffset(35).subjectBirthdayOffset(35).keepHis(true).build()
                .recordingsProblem(9).isEmpty());
    }

    @Test
    void rebuildKeepsEveryChoice() {
        RunOptions o = RunOptions.builder().preset(Preset.STRICT).brute(true).mneEnvironment(true).keepHis(true)
                .dropHeadShape(true).measurementDateOffset(7).subjectBirthdayOffset(8).leakCheck(false)
                .deleteInputs(true).recordOldValues(true).digests(true).secretEnv("E").build();
        assertEquals(o, o.rebuild().build());
        assertEquals(o.hashCode(), o.rebuild().build().hashCode());
        assertNotEquals(o, o.rebuild().digests(false).build());
        assertFalse(o.toString().contains("null"), o.toString());
    }

    @Test
    void theDescriptionNamesEveryChoice() {
        assertEquals("preset mne-anonymize, brute off, mne_environment off, measurement date: the preset's,"
                + " birthday: the preset's, his the preset's, leak check on", RunOptions.defaults().describe());
        assertEquals("preset strict, brute on, mne_environment off, keep his, drop head shape, measurement date"
                + " 2001-02-03, birthday offset -10 days, his the preset's, leak check off",
                RunOptions.builder().preset(Preset.STRICT).brute(true).keepHis(true).dropHeadShape(true)
                        .measurementDate(LocalDate.of(2001, 2, 3)).subjectBirthdayOffset(-10).leakCheck(false)
                        .build().describe());
    }
}
