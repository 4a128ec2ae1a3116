package io.github.fiffkit.anonymize.policyfile;

import static io.github.fiffkit.anonymize.Files2.all;
import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.actions.ActionFixture;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample policy of examples/policies loads, runs on a file full of PHI and verifies its own output. */
public class ExamplePoliciesTest {
    /** The samples, found from the module folder where Surefire runs (or through -Dfiff.policies=DIR). */
    public static final Path SAMPLES = Path.of(System.getProperty("fiff.policies", "../examples/policies"));
    public static final String SECRET = "a-secret-for-tests";
    public static final PolicyLoader LOADER = PolicyLoader.standard().withEnvironment(Map.of("FIFF_POLICY_SECRET", SECRET));

    @TempDir
    public Path dir;

    public static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private List<Entry> run(String sample, boolean expectNoLeaks) throws IOException {
        Policy p = LOADER.load(SAMPLES.resolve(sample));
        Anonymizer a = Anonymizer.builder().policy(p).leakCheck(true).build();
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        AnonymizationResult r = a.anonymize(in, out);
        if (expectNoLeaks) {
            assertEquals(List.of(), r.leaks(), sample);
        }
        VerifyResult v = a.verify(out);
        assertTrue(v.passed(), () -> sample + ": verify findings on its output: " + v.findings());
        assertFalse(a.verify(in).passed(), sample + ": verify must fail on the PHI input");
        return Files2.read(out);
    }

    private static String text(Entry e) {
        return TagData.string(e.data());
    }

    private static FiffTime measDate(List<Entry> out) {
        int[] v = TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data());
        return new FiffTime(v[0], v[1]);
    }

    @Test
    public void thereAreSevenSamplesAndEachLoadsAndRunsWithoutLeaks() throws IOException {
        List<Path> all = samples();
        assertEquals(7, all.size(), () -> "samples: " + all);
        for (Path p : all) {
            Policy policy = LOADER.load(p);
            assertEquals(p.getFileName().toString().replace(".json", ""), policy.name());
            run(p.getFileName().toString(), !p.getFileName().toString().startsWith("keyed-hash")
                    && !p.getFileName().toString().startsWith("pseudonym"));
        }
    }

    @Test
    public void studyKeyedDatesMovesTheSubjectByItsOwnOffsetAndKeepsTheAge() throws IOException {
        List<Entry> out = run("study-keyed-dates.json", true);
        long days = (Phi.MEAS.seconds() - (long) measDate(out).seconds()) / 86400;
        assertEquals(Phi.MEAS.plusDays(-days), measDate(out), "whole days");
        assertTrue(days >= 365 && days <= 3650, "in the sample's range: " + days);
        assertEquals(Julian.of(Phi.BIRTHDAY.minusDays(days)), TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data())[0],
                "the birthday follows, so the age in days survives");
        assertTrue(text(first(out, FiffKind.SUBJ_HIS_ID)).matches("[0-9a-f]{16}"), "the HIS id as a keyed hash");
    }

    @Test
    public void labDefaultMovesEveryDate35DaysEarlierAndAppliesBrute() throws IOException {
        List<Entry> out = run("lab-default.json", true);
        assertEquals(Phi.MEAS.plusDays(-35), measDate(out));
        assertEquals(Julian.of(Phi.BIRTHDAY.minusDays(35)), TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data())[0]);
        assertEquals(0f, TagData.floats(first(out, FiffKind.SUBJ_WEIGHT).data())[0]);
        assertEquals("anonymized", text(first(out, FiffKind.COMMENT, FiffBlock.MEAS_INFO)));
        assertFalse(text(first(out, FiffKind.DACQ_PARS)).contains(Phi.LAST));
        assertTrue(all(out, FiffKind.UTC_OFFSET).isEmpty());
    }

    @Test
    public void bidsSampleLandsTheRecordingIn1924AndKeepsTheAge() throws IOException {
        List<Entry> out = run("bids-before-1925.json", true);
        FiffTime t = measDate(out);
        assertEquals(Instant.parse("1924-01-01T00:00:00Z"), t.toInstant());
        int birthday = TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data())[0];
        long ageDays = Julian.of(Phi.MEAS.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                - Julian.of(Phi.BIRTHDAY);
        long newAgeDays = Julian.of(java.time.LocalDate.of(1924, 1, 1)) - birthday;
        assertTrue(Math.abs(ageDays - newAgeDays) <= 1, ageDays + " vs " + newAgeDays);
        assertFalse(text(first(out, FiffKind.DACQ_PARS)).contains(Phi.LAST));
    }

    @Test
    public void keyedHashSampleHashesTheHisIdWithTheSecretFromTheEnvironment() throws IOException {
        List<Entry> out = run("keyed-hash-his.json", false);
        assertEquals(ActionFixture.hmacHex(SECRET, Phi.HIS), text(first(out, FiffKind.SUBJ_HIS_ID)));
        int subjId = ByteBuffer.wrap(first(out, FiffKind.SUBJ_ID).data()).getInt();
        assertTrue(subjId >= 0 && subjId != 4711);
    }

    @Test
    public void pseudonymSampleUsesTheTableNextToThePolicy() throws IOException {
        List<Entry> out = run("pseudonym-table.json", false);
        assertEquals("sub-001", text(first(out, FiffKind.SUBJ_HIS_ID)));
    }

    @Test
    public void strictSampleDropsTheExtraHeadShapePoints() throws IOException {
        List<Entry> out = run("strict-no-head-shape.json", true);
        for (Entry e : all(out, FiffKind.DIG_POINT)) {
            ByteBuffer b = ByteBuffer.wrap(e.data());
            while (b.hasRemaining()) {
                assertTrue(DigPoint.read(b).kind() != DigPoint.KIND_EXTRA);
            }
        }
        assertEquals(1, all(out, FiffKind.DIG_POINT).size(), "the tag holding only an extra point is gone");
    }

    @Test
    public void ownRulesOnlySampleCoversTheSeedTableItselfAndKeepsOnlyWhatItNames() throws IOException {
        Policy p = LOADER.load(SAMPLES.resolve("own-rules-only.json"));
        assertEquals(null, p.preset());
        assertEquals(List.of(new io.github.fiffkit.anonymize.policy.PhiTag(FiffKind.EXPERIMENTER, null)),
                p.uncoveredPhiTags(io.github.fiffkit.anonymize.actions.Preset.MNE_ANONYMIZE));
        List<Entry> out = run("own-rules-only.json", true);
        for (int kind : new int[] {FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_MIDDLE_NAME, FiffKind.SUBJ_LAST_NAME,
            FiffKind.SUBJ_COMMENT, FiffKind.PROJ_PERSONS}) {
            assertTrue(all(out, kind).isEmpty(), FiffKind.describe(kind));
        }
        assertEquals("unknown", text(first(out, FiffKind.SUBJ_HIS_ID)));
        assertEquals(Phi.EXPERIMENTER, text(first(out, FiffKind.EXPERIMENTER)), "kept, as the policy says");
        assertEquals(Phi.MEAS.plusDays(-35), measDate(out));
        assertEquals(Julian.of(java.time.LocalDate.of(Phi.BIRTHDAY.getYear(), 1, 1)),
                TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data())[0]);
        assertFalse(text(first(out, FiffKind.DACQ_PARS)).contains(Phi.LAST));
    }
}
