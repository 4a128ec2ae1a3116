package io.github.fiffkit.anonymize.actions;

import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsTest {
    @TempDir
    Path dir;

    /** Runs a policy made of one rule (no preset) and returns the output's tags. */
    private List<Entry> only(Rule rule) throws IOException {
        return with(Phi.standard(), Policy.builder("t").rule(rule).build());
    }

    private List<Entry> with(Phi f, Policy p) throws IOException {
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().policy(p).build().anonymize(in, out);
        return Files2.read(out);
    }

    @Test
    void replaceKeepsTheTagsOwnTypeAndArraySize() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_ID, FiffType.INT, TagData.ofInts(1, 2, 3));
        Policy p = Policy.builder("t").rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.replace("7")))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_WEIGHT), Actions.replace("0.5")))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.replace("1999-12-31")))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_LAST_NAME), Actions.replace("Doe")))
                .build();
        List<Entry> tags = with(f, p);
        assertArrayEquals(new int[] {7, 7, 7}, TagData.ints(first(tags, FiffKind.SUBJ_ID).data()));
        assertEquals(FiffType.FLOAT, first(tags, FiffKind.SUBJ_WEIGHT).type());
        assertArrayEquals(new float[] {0.5f}, TagData.floats(first(tags, FiffKind.SUBJ_WEIGHT).data()));
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(1999, 12, 31))},
                TagData.ints(first(tags, FiffKind.SUBJ_BIRTH_DAY).data()));
        assertEquals("Doe", TagData.string(first(tags, FiffKind.SUBJ_LAST_NAME).data()));
    }

    @Test
    void replaceWritesTextIntoAStringSubjectIdAsBtiExportsStoreIt() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_ID, FiffType.STRING, TagData.ofString("jul011"));
        List<Entry> tags = with(f, Policy.of(Preset.MNE_ANONYMIZE));
        Entry id = first(tags, FiffKind.SUBJ_ID);
        assertEquals(FiffType.STRING, id.type());
        assertEquals("0", TagData.string(id.data()));
    }

    @Test
    void aValueThatDoesNotFitTheTypeIsAPolicyError() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Anonymizer a = Anonymizer.builder().policy(Policy.builder("t")
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.replace("abc"))).build()).build();
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, dir.resolve("o.fif")));
        assertTrue(e.getMessage().contains("FIFF_SUBJ_ID"), e.getMessage());
    }

    @Test
    void setDateShiftDaysAndLandOnWorkOnEveryDateEncoding() throws IOException {
        List<Entry> set = only(Rule.of(Selector.kind(FiffKind.MEAS_DATE), Actions.setDate(LocalDate.of(1999, 1, 2))));
        assertArrayEquals(new int[] {915235200, 0},
                TagData.ints(first(set, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
        assertArrayEquals(new double[] {915235200, 0},
                TagData.doubles(first(set, FiffKind.MEAS_DATE, FiffBlock.MNE_ANNOTATIONS).data()));

        List<Entry> shifted = only(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.shiftDays(-3)));
        assertArrayEquals(new int[] {Julian.of(Phi.BIRTHDAY) + 3},
                TagData.ints(first(shifted, FiffKind.SUBJ_BIRTH_DAY).data()));

        List<Entry> landed = only(Rule.of(Selector.kind(FiffKind.MEAS_DATE).inBlock(FiffBlock.MEAS_INFO),
                Actions.landOn(Instant.parse("1990-06-01T12:00:00Z"))));
        assertArrayEquals(new int[] {644241600, 0},
                TagData.ints(first(landed, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
    }

    @Test
    void aMeasurementDateStoredAsOneIntOrOneFloatKeepsItsEncoding() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.MEAS_DATE, FiffType.INT, TagData.ofInts(Phi.MEAS.seconds()));
        List<Entry> tags = with(f, Policy.of(Preset.MNE_ANONYMIZE));
        assertArrayEquals(new int[] {946684800}, TagData.ints(first(tags, FiffKind.MEAS_DATE).data()));
        Phi g = Phi.standard();
        g.set(FiffKind.MEAS_DATE, FiffType.FLOAT, TagData.ofFloats(1.0e9f));
        List<Entry> floats = with(g, Policy.of(Preset.MNE_ANONYMIZE));
        assertEquals(FiffType.FLOAT, first(floats, FiffKind.MEAS_DATE).type());
        assertArrayEquals(new float[] {946684800f}, TagData.floats(first(floats, FiffKind.MEAS_DATE).data()));
    }

    @Test
    void yearOnlyKeepsJanuaryFirst() throws IOException {
        List<Entry> tags = only(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.yearOnly()));
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(1980, 1, 1))},
                TagData.ints(first(tags, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void yearOnlyMakesASubjectOver89NinetyAtTheWrittenMeasurementDate() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(Julian.of(LocalDate.of(1900, 5, 5))));
        // strict writes 2000-01-01 as the measurement date: the subject is shown as 90 then, not as 100 and more
        List<Entry> tags = with(f, Policy.of(Preset.STRICT));
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(1910, 1, 1))},
                TagData.ints(first(tags, FiffKind.SUBJ_BIRTH_DAY).data()));
        List<Entry> offset = with(f, Policy.builder("t").extending(Preset.STRICT).dates(new Dates(
                MeasurementDate.offsetDays(365 * 30), BirthdayDate.yearOnly())).build());
        int[] meas = TagData.ints(first(offset, FiffKind.MEAS_DATE).data());
        int measYear = new FiffTime(meas[0], meas[1]).toInstant().atZone(java.time.ZoneOffset.UTC).getYear();
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(measYear - 90, 1, 1))},
                TagData.ints(first(offset, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void rewriteIdKeepsTheNoDateMarker() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, 5, 6,
                FiffTime.NONE)));
        List<Entry> tags = with(f, Policy.builder("t").dates(new Dates(MeasurementDate.offsetDays(10),
                BirthdayDate.keep())).rule(Rule.of(Selector.kind(FiffKind.FILE_ID), Actions.rewriteId())).build());
        FiffId id = TagData.id(first(tags, FiffKind.FILE_ID).data());
        assertEquals(FiffTime.NONE, id.time());
        assertTrue(id.machineIdZero());
    }

    @Test
    void aDamagedIdGetsAWellFormedIdWithAFixedDateAndIsAnErrorWithAnOffset() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, new byte[12]);
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        AnonymizationResult r = Anonymizer.builder().build().anonymize(in, out);
        FiffId id = TagData.id(first(Files2.read(out), FiffKind.BLOCK_ID).data());
        assertEquals(new FiffTime(946684800, 0), id.time());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("well-formed 20-byte ID")), r.warnings().toString());

        PolicyException e = assertThrows(PolicyException.class,
                () -> Anonymizer.builder().measurementDateOffsetDays(3).build().anonymize(in, dir.resolve("o2.fif")));
        assertTrue(e.getMessage().contains("too damaged"), e.getMessage());
    }

    @Test
    void scrubUsesThePhiKnownFromStructuredTags() throws IOException {
        List<Entry> tags = only(Rule.of(Selector.kind(FiffKind.MNE_ENV_COMMAND_LINE), Actions.scrub()));
        assertEquals("mne_process_raw --raw XXXXXXXXX_raw.fif",
                TagData.string(first(tags, FiffKind.MNE_ENV_COMMAND_LINE).data()));
    }

    @Test
    void removeDropsTheTag() throws IOException {
        List<Entry> tags = only(Rule.of(Selector.kind(FiffKind.SUBJ_COMMENT), Actions.remove()));
        assertTrue(Files2.all(tags, FiffKind.SUBJ_COMMENT).isEmpty());
    }

    @Test
    void keyedHashIsStableAcrossFilesAndNeedsTheSecret() throws IOException {
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        Rule r = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.hash(secret, "env:TEST"));
        String a = TagData.string(first(only(r), FiffKind.SUBJ_HIS_ID).data());
        String b = TagData.string(first(only(r), FiffKind.SUBJ_HIS_ID).data());
        assertEquals(a, b);
        assertEquals(16, a.length());
        assertTrue(a.matches("[0-9a-f]{16}"));
        Rule other = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID),
                Actions.hash("other".getBytes(StandardCharsets.UTF_8), "env:OTHER"));
        assertNotEquals(a, TagData.string(first(only(other), FiffKind.SUBJ_HIS_ID).data()));
        assertEquals(Map.of("secret", "env:TEST"), r.action().parameters());
    }

    @Test
    void pseudonymsComeFromTheTableAndAMissingValueIsAnErrorOrAHash() throws IOException {
        Rule hit = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID),
                Actions.pseudonym(Map.of(Phi.HIS, "SUBJ-01"), Actions.Missing.ERROR, null, "t.csv"));
        assertEquals("SUBJ-01", TagData.string(first(only(hit), FiffKind.SUBJ_HIS_ID).data()));
        Rule miss = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID),
                Actions.pseudonym(Map.of("x", "y"), Actions.Missing.ERROR, null, "t.csv"));
        PolicyException e = assertThrows(PolicyException.class, () -> only(miss));
        assertTrue(e.getMessage().contains("t.csv"));
        Rule hashed = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.pseudonym(Map.of("x", "y"),
                Actions.Missing.HASH, "k".getBytes(StandardCharsets.UTF_8), "t.csv"));
        assertTrue(TagData.string(first(only(hashed), FiffKind.SUBJ_HIS_ID).data()).matches("[0-9a-f]{16}"));
    }

    @Test
    void customActionsPlugInThroughTheInterface() throws IOException {
        TagAction upper = new TagAction() {
            @Override
            public Outcome apply(ActionContext ctx) {
                return Outcome.replaceText(ctx.text().toUpperCase(Locale.ROOT) + "@" + ctx.blockPath());
            }

            @Override
            public String name() {
                return "upper";
            }
        };
        List<Entry> tags = only(Rule.of(Selector.kind(FiffKind.SUBJ_FIRST_NAME), upper));
        assertEquals("JENNIFER@/FIFFB_MEAS/FIFFB_MEAS_INFO/FIFFB_SUBJECT",
                TagData.string(first(tags, FiffKind.SUBJ_FIRST_NAME).data()));
    }

    @Test
    void referenceFileNamesLoseTheirDirectories() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(f.tags.size() - 1, new Phi.T(FiffKind.REF_FILE_NAME, FiffType.STRING,
                TagData.ofString("/data/meg/jane_doe_1980/run1_raw-1.fif")));
        List<Entry> tags = with(f, Policy.of(Preset.MNE_ANONYMIZE));
        assertEquals("run1_raw-1.fif", TagData.string(first(tags, FiffKind.REF_FILE_NAME).data()));
    }
}
