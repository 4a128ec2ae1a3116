package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.policyfile.PolicyFiles;
import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.anonymize.report.ReportWriter;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Canary;
import io.github.fiffkit.testkit.Corruption;
import io.github.fiffkit.testkit.Corruptions;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #18, "No personal data in messages, logs or reports": every error and warning path the library can be
 * driven into, on files whose personal values are known (the test kit's canary files, and {@link Phi} files with
 * hand-made damage), and nowhere in what it says (exception messages with their causes and suppressed exceptions,
 * result warnings, leak hits, the JSON report of a result or of a failure) is there an original value, unless old
 * values were asked for.
 */
class NoPhiInMessagesTest {
    @TempDir
    Path dir;

    /** The personal values of {@link Phi#standard()}, as a message could show them. */
    private static final List<String> PHI = lower(List.of(Phi.FIRST, Phi.LAST, Phi.HIS, Phi.EXPERIMENTER, "Okafor",
            "SN-99172", "Northfield", "guid-1234-abcd", "Tinnitus2019", "violinist", "jmortensen",
            Phi.MEAS.toString(), "2019-03-14", "09:26:53", Integer.toString(Phi.MEAS.seconds()),
            Integer.toString(Phi.FILE_TIME.seconds()), Integer.toString(Phi.PROC_TIME.seconds()),
            Phi.BIRTHDAY.toString(), Integer.toString(Julian.of(Phi.BIRTHDAY)), "17.05.1980",
            Integer.toHexString(Phi.MACHINE0), Integer.toHexString(Phi.MACHINE1), Integer.toString(Phi.MACHINE0),
            Integer.toString(Phi.MACHINE1)));

    private static List<String> lower(List<String> texts) {
        return texts.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> texts(Generated g) {
        List<String> all = new ArrayList<>();
        for (Canary c : g.canaries()) {
            all.addAll(c.texts());
        }
        return all;
    }

    // ---- what a run says ----

    /** Everything an exception says: each message, cause and suppressed exception, and the failure report. */
    private static String said(Throwable e, String input) throws IOException {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = new LinkedHashSet<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            sb.append(t).append('\n');
            if (t instanceof PolicyException p) {
                sb.append(p.detail()).append('\n');
            }
            todo.add(t.getCause());
            todo.addAll(Arrays.asList(t.getSuppressed()));
        }
        StringWriter json = new StringWriter();
        try (ReportWriter w = new ReportWriter(Report.of(Policy.of(Preset.MNE_ANONYMIZE)), json)) {
            w.writeFailure(input, e instanceof PolicyException ? 7 : 2, e.getMessage());
        }
        return sb.append(json).toString();
    }

    /** Everything a result says: warnings, leak hits, values too short to check, changes and the JSON report. */
    private static String said(AnonymizationResult r, Policy p) {
        StringBuilder sb = new StringBuilder();
        r.warnings().forEach(w -> sb.append(w).append('\n'));
        r.notChecked().forEach(w -> sb.append(w).append('\n'));
        for (LeakHit h : r.leaks()) {
            sb.append(h).append('\n');
        }
        for (TagChange c : r.changes()) {
            assertEquals(null, c.oldValue(), "old values were not asked for");
            sb.append(c.kindName()).append(' ').append(c.origin()).append(' ').append(c.newValue()).append('\n');
        }
        return sb.append(Report.of(p).toJson(r)).toString();
    }

    private static String said(VerifyResult v, Policy p) {
        StringBuilder sb = new StringBuilder();
        v.warnings().forEach(w -> sb.append(w).append('\n'));
        for (TagChange c : v.findings()) {
            assertEquals(null, c.oldValue(), "old values were not asked for");
        }
        return sb.append(Report.of(p).toJson(v)).toString();
    }

    private static void assertClean(String what, String text, List<String> phi) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : phi) {
            if (lower.contains(s)) {
                fail(what + ": the original value \"" + s + "\" is in what the library said:\n" + text);
            }
        }
    }

    /** Runs a file through an anonymizer that may fail; returns what it said and whether it failed. */
    private String attempt(Anonymizer a, Path in) throws IOException {
        Path out = dir.resolve("out-" + in.getFileName());
        Files.deleteIfExists(out);
        try {
            AnonymizationResult r = a.anonymize(in, out);
            return said(r, a.policy());
        } catch (PolicyException | InputException | FiffFormatException e) {
            assertFalse(Files.exists(out), "a failed run writes nothing");
            return "FAILED " + said(e, in.toString());
        }
    }

    private PolicyException policyError(Anonymizer a, Phi file) throws IOException {
        Path in = file.write(dir.resolve("in.fif"));
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, dir.resolve("out.fif")));
        assertClean(e.getMessage(), said(e, in.toString()), PHI);
        PolicyException planned = assertThrows(PolicyException.class, () -> a.plan(in));
        assertClean("dry run", said(planned, in.toString()), PHI);
        return e;
    }

    private static AnonymizerBuilder builder() {
        return Anonymizer.builder().leakCheck(true);
    }

    private static Anonymizer with(Rule rule) {
        return builder().policy(Policy.builder("test").extending(Preset.MNE_ANONYMIZE).rule(rule).build()).build();
    }

    // ---- dates out of range (the messages #18 quotes) ----

    @Test
    void aHugeMeasurementDateOffsetNamesTheTagAndTheOffset() throws IOException {
        PolicyException e = policyError(builder().measurementDateOffsetDays(100_000).build(), Phi.standard());
        assertEquals(Integer.valueOf(FiffKind.MEAS_DATE), e.kind());
        assertTrue(e.getMessage().contains("FIFF_MEAS_DATE"), e.getMessage());
        assertTrue(e.getMessage().contains("100000 days earlier"), e.getMessage());
        assertTrue(e.getMessage().contains("1901-12-13 to 2038-01-19"), e.getMessage());
        assertTrue(e.getMessage().contains("choose a smaller offset"), e.getMessage());
        assertTrue(policyError(builder().measurementDateOffsetDays(-100_000).build(), Phi.standard()).getMessage()
                .contains("100000 days later"));
    }

    @Test
    void theSmallestBirthdayOffsetNamesTheTagNotTheBirthday() throws IOException {
        PolicyException e = policyError(builder().subjectBirthdayOffsetDays(Integer.MIN_VALUE).build(),
                Phi.standard());
        assertEquals(Integer.valueOf(FiffKind.SUBJ_BIRTH_DAY), e.kind());
        assertTrue(e.getMessage().contains("2147483648 days later"), e.getMessage());
    }

    @Test
    void aMeasurementDateSetOutsideFiffTimeIsAPolicyErrorNotAnArithmeticOne() throws IOException {
        PolicyException e = policyError(builder().measurementDate(LocalDate.of(2050, 1, 1)).build(),
                Phi.standard());
        assertTrue(e.getMessage().contains("setting it to 2050-01-01"), e.getMessage());
    }

    @Test
    void idTimesThatLandOutsideFiffTimeNameTheIdTag() throws IOException {
        // measured in 1975 (so landing on 2000 moves 25 years later), IDs written in 2019: they would pass 2038
        Phi f = Phi.standard();
        FiffTime measured = new FiffTime(170_000_123, 4242);
        f.set(FiffKind.MEAS_DATE, FiffType.INT, TagData.ofInts(measured.seconds(), measured.microseconds()));
        List<String> phi = new ArrayList<>(PHI);
        phi.addAll(lower(List.of(measured.toString().substring(0, 19), "170000123")));
        Path in = f.write(dir.resolve("in.fif"));
        Anonymizer a = builder().preset(Preset.MNE_PYTHON).build();
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, dir.resolve("out.fif")));
        assertEquals(Integer.valueOf(FiffKind.FILE_ID), e.kind());
        assertTrue(e.getMessage().contains("lands on 2000-01-01T00:00:00Z"), e.getMessage());
        assertClean("landOn", said(e, in.toString()), phi);
    }

    @Test
    void explicitDateActionsNameTheActionNotTheDate() throws IOException {
        PolicyException shift = policyError(with(Rule.of(Selector.kind(FiffKind.MEAS_DATE),
                Actions.shiftDays(-100_000))), Phi.standard());
        assertTrue(shift.getMessage().contains("(action shiftDays)"), shift.getMessage());
        PolicyException birthdayShift = policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY),
                Actions.shiftDays(Integer.MIN_VALUE))), Phi.standard());
        assertTrue(birthdayShift.getMessage().contains("Julian days"), birthdayShift.getMessage());
        PolicyException land = policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY),
                Actions.landOn(Instant.parse("+6000000-01-01T00:00:00Z")))), Phi.standard());
        assertTrue(land.getMessage().contains("(action landOn)"), land.getMessage());
        // the file's ID time is 87 seconds after its measurement date, which lands 67 seconds before 2^31
        PolicyException landTime = policyError(with(Rule.of(Selector.kind(FiffKind.FILE_ID),
                Actions.landOn(Instant.parse("2038-01-19T03:13:00Z")))), Phi.standard());
        assertTrue(landTime.getMessage().contains("(action landOn)"), landTime.getMessage());
    }

    @Test
    void aDayOutsideFiffTimeMovedAsATimeNamesTheTag() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(Julian.of(LocalDate.of(1850, 7, 23))));
        Path in = f.write(dir.resolve("in.fif"));
        Anonymizer a = with(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.measurementDate()));
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, dir.resolve("out.fif")));
        List<String> phi = new ArrayList<>(PHI);
        phi.addAll(List.of("1850-07-23", Integer.toString(Julian.of(LocalDate.of(1850, 7, 23)))));
        assertClean("a day moved as a time", said(e, in.toString()), phi);
        assertTrue(e.getMessage().contains("FIFF_SUBJ_BIRTH_DAY"), e.getMessage());
    }

    // ---- tags of the wrong type or size ----

    @Test
    void wrongTypedDateTagsNameTypeAndSizeOnly() throws IOException {
        Phi meas = Phi.standard();
        meas.tags.add(meas.tags.indexOf(meas.tags.stream().filter(t -> t.kind() == FiffKind.EXPERIMENTER)
                .findFirst().orElseThrow()), new Phi.T(FiffKind.MEAS_DATE, FiffType.STRING,
                TagData.ofString("2019-03-14 09:26:53")));
        assertTrue(policyError(builder().build(), meas).getMessage().contains("holds no date in type"));
        Phi birthday = Phi.standard();
        birthday.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.STRING, TagData.ofString("17.05.1980"));
        assertTrue(policyError(builder().build(), birthday).getMessage().contains("is not a Julian day"));
        Phi shortBirthday = Phi.standard();
        shortBirthday.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, new byte[] {0, 0x25});
        policyError(builder().preset(Preset.STRICT).build(), shortBirthday);
    }

    @Test
    void aDamagedIdWithAnOffsetIsRefusedAndWithAFixedDateWarnsWithoutItsMachineId() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.FILE_ID, FiffType.INT, TagData.ofInts(Phi.MACHINE0, Phi.MACHINE1, Phi.FILE_TIME.seconds()));
        PolicyException e = policyError(builder().measurementDateOffsetDays(10).build(), f);
        assertTrue(e.getMessage().contains("too damaged"), e.getMessage());
        Path in = f.write(dir.resolve("damaged.fif"));
        Anonymizer fixed = builder().build();
        AnonymizationResult r = fixed.anonymize(in, dir.resolve("fixed.fif"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("well-formed 20-byte ID")), r.warnings().toString());
        assertClean("damaged ID warning", said(r, fixed.policy()), PHI);
    }

    // ---- policies that cannot apply ----

    @Test
    void aNameMissingFromThePseudonymTableIsNotShown() throws IOException {
        TagAction table = Actions.pseudonym(Map.of("Someone Else", "P-001"), Actions.Missing.ERROR, null, "pt.csv");
        PolicyException e = policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_FIRST_NAME), table)),
                Phi.standard());
        assertTrue(e.getMessage().contains("missing from the pseudonym table pt.csv"), e.getMessage());
        Phi shortId = Phi.standard();
        shortId.set(FiffKind.SUBJ_ID, FiffType.INT, new byte[] {0x12, 0x67});
        policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_ID), table)), shortId);
    }

    @Test
    void actionsThatDoNotFitTheTagNameTheTypeNotTheValue() throws IOException {
        policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.replace("not a number"))), Phi.standard());
        policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_WEIGHT), Actions.hash(new byte[] {1, 2, 3}, "k"))),
                Phi.standard());
        policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.referenceFileName())), Phi.standard());
        policyError(with(Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.setDate(LocalDate.of(2000, 1, 1)))),
                Phi.standard());
        // a custom action that removes a structural tag
        policyError(builder().policy(Policy.builder("custom").extending(Preset.MNE_ANONYMIZE).rule(Rule.of(
                        Selector.kind(FiffKind.FILE_ID), new TagAction() {
                            @Override
                            public io.github.fiffkit.anonymize.policy.Outcome apply(
                                    io.github.fiffkit.anonymize.policy.ActionContext c) {
                                return io.github.fiffkit.anonymize.policy.Outcome.remove();
                            }

                            @Override
                            public String name() {
                                return "dropIt";
                            }
                        })).build()).build(), Phi.standard());
    }

    @Test
    void aPolicyFileWhoseBirthdayOffsetIsImpossibleSaysSoWithoutTheBirthday() throws IOException {
        String json = """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": 30}, "birthday": {"offsetDays": -2147483648}}}
                """;
        Policy p = PolicyFiles.load(new StringReader(json), "far.json");
        PolicyException e = policyError(builder().policy(p).build(), Phi.standard());
        assertTrue(e.getMessage().contains("dates.birthday.offsetDays"), e.getMessage());
    }

    @Test
    void aTagTooLargeForItsRuleIsNamedBySize() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_LAST_NAME, FiffType.STRING, TagData.ofString((Phi.LAST + " ").repeat(50)));
        Path in = f.write(dir.resolve("in.fif"));
        Anonymizer a = builder().maxRuleValueSize(64).build();
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> a.anonymize(in, dir.resolve("o.fif")));
        assertClean("limit", said(e, in.toString()), PHI);
    }

    // ---- damaged files ----

    @Test
    void filesCutAnywhereSayNothingOfWhatTheyHold() throws IOException {
        byte[] whole = Files.readAllBytes(Phi.standard().write(dir.resolve("whole.fif")));
        int failures = 0;
        for (int cut = 17; cut < whole.length; cut += 37) {
            Path in = Files.write(dir.resolve("cut.fif"), Arrays.copyOf(whole, cut));
            String said = attempt(builder().build(), in);
            failures += said.startsWith("FAILED") ? 1 : 0;
            assertClean("cut at " + cut, said, PHI);
            try {
                assertClean("verify, cut at " + cut, said(builder().build().verify(in), Policy.of(Preset.MNE_ANONYMIZE)),
                        PHI);
            } catch (IOException e) {
                assertClean("verify, cut at " + cut, said(e, in.toString()), PHI);
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try {
                builder().build().anonymize(new ByteArrayInputStream(Arrays.copyOf(whole, cut)), "stream.fif", sink);
            } catch (IOException e) {
                assertClean("stream, cut at " + cut, said(e, "stream.fif"), PHI);
            }
        }
        assertTrue(failures > 10, "most cuts fail: " + failures);
    }

    private static final Generated CORRUPTED = Corruptions.baseFile(3);
    private static final List<String> CORRUPTED_PHI = texts(CORRUPTED);

    static Stream<Corruption> corruptions() {
        return Corruptions.of(CORRUPTED).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void everyCorruptionOfACanaryFileIsReportedWithoutItsCanaries(Corruption c) throws IOException {
        List<String> phi = CORRUPTED_PHI;
        Path in = c.write(dir.resolve("in.fif"));
        String said = attempt(builder().build(), in);
        assertClean(c.toString(), said, phi);
        if (!said.startsWith("FAILED")) {
            // read to the end: the same damage with an offset that fails
            assertClean(c + ", strict, mdo", attempt(builder().preset(Preset.STRICT)
                    .measurementDateOffsetDays(100_000).build(), in), phi);
        }
    }

    // ---- canary files in every variant, with options that fail ----

    private static final List<UnaryOperator<AnonymizerBuilder>> FAILING = List.of(
            b -> b.measurementDateOffsetDays(100_000),
            b -> b.measurementDateOffsetDays(-100_000),
            b -> b.measurementDateOffsetDays(Integer.MAX_VALUE),
            b -> b.measurementDate(LocalDate.of(2050, 1, 1)),
            b -> b.measurementDateLandOn(Instant.parse("2038-01-19T03:00:00Z")),
            b -> b.subjectBirthdayOffsetDays(Integer.MIN_VALUE),
            b -> b.subjectBirthdayOffsetDays(Integer.MAX_VALUE),
            b -> b.subjectBirthdayOffsetDays(99_999_999),
            b -> b.measurementDateOffsetDays(10).subjectBirthdayOffsetDays(-40_000),
            b -> b.measurementDateOffsetDays(10).subjectBirthday(LocalDate.of(2037, 1, 1)),
            b -> b.maxRuleValueSize(8));

    @ParameterizedTest
    @EnumSource(SyntheticFiff.Variant.class)
    void canaryFilesWithFailingOptionsSayNoCanary(SyntheticFiff.Variant variant) throws IOException {
        int failed = 0;
        for (long seed = 200; seed < 201; seed++) {
            Generated g = SyntheticFiff.builder(seed).variants(variant).canaries(true).hiddenTags(1).generate();
            Path in = g.write(dir.resolve("canary-" + seed + ".fif"));
            List<String> phi = texts(g);
            for (Preset p : Preset.values()) {
                for (int i = 0; i < FAILING.size(); i++) {
                    String said = attempt(FAILING.get(i).apply(builder().preset(p)).build(), in);
                    failed += said.startsWith("FAILED") ? 1 : 0;
                    assertClean(variant + ", seed " + seed + ", " + p + ", options #" + i, said, phi);
                }
            }
        }
        assertTrue(failed > Preset.values().length * 4, "the options fail: " + failed);
    }

    @Test
    void verifyingAnOriginalNamesTagsAndRulesOnly() throws IOException {
        Generated g = SyntheticFiff.builder(7).canaries(true).generate();
        Path in = g.write(dir.resolve("original.fif"));
        for (Preset p : Preset.values()) {
            Anonymizer a = builder().preset(p).build();
            VerifyResult v = a.verify(in);
            assertFalse(v.passed());
            assertClean("verify " + p, said(v, a.policy()), texts(g));
        }
    }

    @Test
    void aMissingPartOfASplitRecordingIsNamedByItsFileNameOnly() throws IOException {
        SyntheticFiff.Builder b = SyntheticFiff.builder(11).canaries(true);
        List<Generated> parts = b.generateRecording(3, "rec_raw.fif");
        List<Path> files = b.writeRecording(dir, 3, "rec_raw.fif");
        Files.delete(files.get(1));
        InputException e = assertThrows(InputException.class, () -> SplitRecording.parts(files.get(0)));
        List<String> phi = new ArrayList<>();
        parts.forEach(p -> phi.addAll(texts(p)));
        assertClean("split", said(e, files.get(0).toString()), phi);
    }

    // ---- the check itself ----

    @Test
    void oldValuesAppearWhenAskedForWhichShowsTheCheckFindsThem() throws IOException {
        Generated g = SyntheticFiff.builder(5).canaries(true).generate();
        Path in = g.write(dir.resolve("in.fif"));
        Anonymizer a = builder().recordOldValues(true).build();
        AnonymizationResult r = a.anonymize(in, dir.resolve("out.fif"));
        String json = Report.of(a.policy()).withOldValues(true).toJson(r).toLowerCase(Locale.ROOT);
        long found = g.canaries().stream().filter(c -> c.kinds().contains(FiffKind.SUBJ_FIRST_NAME)
                || c.kinds().contains(FiffKind.SUBJ_BIRTH_DAY) || c.block() == FiffBlock.MEAS_INFO)
                .filter(c -> c.texts().stream().anyMatch(json::contains)).count();
        assertTrue(found >= 3, "names, birthday and measurement date are in a report with old values: " + found);
        assertThrows(AssertionError.class, () -> assertClean("with old values", json, texts(g)));
    }
}
