package io.github.fiffkit.anonymize.policyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.core.FiffKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-subject date offsets in policy files: keyed, from a table, what a subject without one gets, and mistakes. */
class SubjectOffsetLoaderTest {
    private static final PolicyLoader LOADER = PolicyLoader.standard().withEnvironment(Map.of("STUDY", "s3cret"));

    @TempDir
    Path dir;

    private Policy parse(String offsetDays) throws PolicyFileException {
        return LOADER.withBaseDirectory(dir).parse("{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\", \"dates\":"
                + " {\"measurement\": {\"offsetDays\": " + offsetDays + "}}}", "p.json");
    }

    private static SubjectOffset offset(Policy p) {
        return ((MeasurementDate.PerSubject) p.dates().measurement()).offset();
    }

    private List<PolicyProblem> problems(String offsetDays) {
        return assertThrows(PolicyFileException.class, () -> parse(offsetDays)).problems();
    }

    private void oneProblem(String offsetDays, String field, String words) {
        List<PolicyProblem> ps = problems(offsetDays);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(field, ps.get(0).field(), ps::toString);
        assertTrue(ps.get(0).message().contains(words), ps.get(0)::message);
    }

    @Test
    void aKeyedOffsetLoadsAndGivesEachSubjectItsOwnDaysInTheRange() throws Exception {
        Policy p = parse("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\", 404], \"min\": 365, \"max\": 3650,"
                + " \"secret\": \"env:STUDY\"}");
        SubjectOffset o = offset(p);
        assertEquals(List.of(FiffKind.SUBJ_HIS_ID, FiffKind.SUBJ_BIRTH_DAY), o.keyTags());
        assertEquals(new SubjectOffset.Keyed(365, 3650), o.keyed());
        SubjectOffset.Shift a = o.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-1", FiffKind.SUBJ_BIRTH_DAY, "1970-01-01"));
        assertTrue(a.days() >= 365 && a.days() <= 3650, a::toString);
        assertEquals("keyed", a.source());
        assertTrue(p.canonicalJson().contains("\"secret\":\"env:STUDY\""), p.canonicalJson());
        assertFalse(p.canonicalJson().contains("s3cret"), "the secret never appears");
        Policy other = parse("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\", 404], \"min\": 365, \"max\": 3651,"
                + " \"secret\": \"env:STUDY\"}");
        assertNotEquals(p.sha256(), other.sha256(), "the range is part of the policy hash");
    }

    @Test
    void aTableColumnGivesTheOffsetsAndTheMissingChoiceTheRest() throws Exception {
        Files.writeString(dir.resolve("subjects.csv"),
                "original,pseudonym,offsetDays,other\nHIS-1,S01,400,x\n his-2 ,S02,,y\nHIS-3,S03,-20,z\n");
        Policy p = parse("{\"table\": \"subjects.csv\", \"subject\": \"FIFF_SUBJ_HIS_ID\"}");
        SubjectOffset o = offset(p);
        assertEquals(new SubjectOffset.Shift(400, "", "table"), o.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "his-1 ")));
        assertEquals(-20, o.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-3")).days());
        PolicyException e = assertThrows(PolicyException.class, () -> o.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-2")));
        assertTrue(e.getMessage().contains("not in the table of offsets subjects.csv"), e.getMessage());
        assertFalse(e.getMessage().contains("HIS-2"), e.getMessage());
        SubjectOffset fixed = offset(parse("{\"table\": \"subjects.csv\", \"subject\": \"FIFF_SUBJ_HIS_ID\","
                + " \"missing\": {\"offsetDays\": 1000}}"));
        assertEquals(new SubjectOffset.Shift(1000, "", "fallback"), fixed.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-9")));
        assertEquals(1000, fixed.resolve(Map.of()).days(), "no HIS id at all");
        SubjectOffset keyed = offset(parse("{\"table\": \"subjects.csv\", \"subject\": \"FIFF_SUBJ_HIS_ID\","
                + " \"missing\": \"keyed\", \"min\": 10, \"max\": 20, \"secret\": \"env:STUDY\"}"));
        SubjectOffset.Shift k = keyed.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-9"));
        assertEquals("keyed", k.source());
        assertTrue(k.days() >= 10 && k.days() <= 20, k::toString);
        assertTrue(k.subject().matches("[0-9a-f]{32}"), "with a secret the subject gets its keyed hash");
        assertEquals(400, keyed.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-1")).days(), "the table comes first");
        SubjectOffset other = offset(parse("{\"table\": \"subjects.csv\", \"subject\": 410, \"column\": \"offsetDays\"}"));
        assertEquals(o.table().offsets(), other.table().offsets());
    }

    @Test
    void aKeyedOffsetWithoutItsTagsIsRefusedOrTakesTheFallback() throws Exception {
        SubjectOffset o = offset(parse("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 1, \"max\": 9,"
                + " \"secret\": \"env:STUDY\", \"missing\": \"error\"}"));
        PolicyException e = assertThrows(PolicyException.class, () -> o.resolve(Map.of(FiffKind.SUBJ_ID, "7")));
        assertTrue(e.getMessage().contains("needs FIFF_SUBJ_HIS_ID"), e.getMessage());
        SubjectOffset f = offset(parse("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 1, \"max\": 9,"
                + " \"secret\": \"env:STUDY\", \"missing\": {\"offsetDays\": 77}, \"keyFileRaw\": true}"));
        assertEquals(new SubjectOffset.Shift(77, "", "fallback"), f.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "  ")));
        assertEquals("his-1", f.resolve(Map.of(FiffKind.SUBJ_HIS_ID, " HIS-1")).subject(), "raw: the normal form");
    }

    @Test
    void thePolicySaysWhichColumnDrivesWhichDate() throws Exception {
        Files.writeString(dir.resolve("subjects.csv"),
                "original,pseudonym,offsetDays,birthdayOffsetDays\nHIS-1,S01,400,9000\nHIS-2,S02,500,\n");
        Policy p = LOADER.withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize", "dates": {
                  "measurement": {"offsetDays": {"table": "subjects.csv", "subject": "FIFF_SUBJ_HIS_ID"}},
                  "birthday": {"offsetDays": {"table": "subjects.csv", "column": "birthdayOffsetDays",
                                              "subject": "FIFF_SUBJ_HIS_ID", "missing": {"offsetDays": 7}}}}}""",
                "p.json");
        SubjectOffset birthday = ((BirthdayDate.PerSubject) p.dates().birthday()).offset();
        assertEquals(9000, birthday.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-1")).days());
        assertEquals(7, birthday.resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-2")).days(), "an empty cell: the fallback");
        assertEquals(500, offset(p).resolve(Map.of(FiffKind.SUBJ_HIS_ID, "HIS-2")).days());
        assertTrue(p.canonicalJson().contains("\"birthday\":{\"offsetDays\":{"), p.canonicalJson());
        List<PolicyProblem> ps = assertThrows(PolicyFileException.class, () -> LOADER.withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize", "dates": {
                  "birthday": {"offsetDays": {"table": "subjects.csv", "column": "age"}}}}""", "p.json")).problems();
        assertEquals(List.of("dates.birthday.offsetDays", "dates.birthday.offsetDays.column"),
                ps.stream().map(PolicyProblem::field).toList(), ps::toString);
    }

    @Test
    void mistakesAreNamedWithTheirField() throws Exception {
        String f = "dates.measurement.offsetDays";
        oneProblem("{\"min\": 1, \"max\": 2}", f, "either \"keyed\"");
        oneProblem("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 1, \"max\": 2}", f + ".secret", "needs a secret");
        oneProblem("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"secret\": \"env:STUDY\"}", f, "needs \"min\" and \"max\"");
        oneProblem("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 9, \"max\": 2, \"secret\": \"env:STUDY\"}", f + ".max",
                "smaller than \"min\"");
        oneProblem("{\"keyed\": [\"FIFF_MEAS_DATE\"], \"min\": 1, \"max\": 2, \"secret\": \"env:STUDY\"}",
                f + ".keyed[0]", "made of the subject's tags");
        oneProblem("{\"keyed\": [], \"min\": 1, \"max\": 2, \"secret\": \"env:STUDY\"}", f + ".keyed", "at least one");
        oneProblem("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 1, \"max\": 2, \"secret\": \"env:STUDY\","
                + " \"missing\": \"keyed\"}", f + ".missing", "\"missing\" is \"error\"");
        oneProblem("{\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 1, \"max\": 2, \"secret\": \"env:STUDY\","
                + " \"minn\": 3}", f + ".minn", "");
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym,offsetDays\nA,S1,12\na ,S2,13\nB,S3,x\n");
        List<PolicyProblem> ps = problems("{\"table\": \"t.csv\", \"subject\": \"FIFF_SUBJ_HIS_ID\"}");
        assertEquals(2, ps.size(), ps::toString);
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("pseudonyms S1 and S2 are one subject")), ps::toString);
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("pseudonym S3 is not a whole number")), ps::toString);
        Files.writeString(dir.resolve("u.csv"), "original,pseudonym\nA,S1\n");
        oneProblem("{\"table\": \"u.csv\", \"subject\": \"FIFF_SUBJ_HIS_ID\"}", f + ".column",
                "has no column offsetDays");
        Files.writeString(dir.resolve("v.csv"), "original,pseudonym,offsetDays\nA,S1,3\n");
        oneProblem("{\"table\": \"v.csv\"}", f, "needs \"subject\"");
    }

    @Test
    void normaliseIsAHashOrPseudonymRulesSwitchAndATableMustNotContradictItself() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "original,pseudonym\nHIS-1,P1\n his-1,P2\n");
        String rules = "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\", \"rules\": [%s]}";
        PolicyLoader loader = LOADER.withBaseDirectory(dir);
        List<PolicyProblem> ps = assertThrows(PolicyFileException.class, () -> loader.parse(rules.formatted(
                "{\"tag\": \"FIFF_SUBJ_HIS_ID\", \"action\": \"pseudonym\", \"table\": \"p.csv\", \"normalise\": true}"),
                "p.json")).problems();
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("rules[0].table", ps.get(0).field());
        assertTrue(ps.get(0).message().contains("two spellings of one value"), ps.get(0)::message);
        // without normalise the same table is fine: each spelling is its own value
        loader.parse(rules.formatted("{\"tag\": \"FIFF_SUBJ_HIS_ID\", \"action\": \"pseudonym\","
                + " \"table\": \"p.csv\"}"), "p.json");
        Policy hash = loader.parse(rules.formatted("{\"tag\": \"FIFF_SUBJ_HIS_ID\", \"action\": \"hash\","
                + " \"secret\": \"env:STUDY\", \"normalise\": true}"), "p.json");
        assertTrue(hash.canonicalJson().contains("\"normalise\":true"), hash.canonicalJson());
        ps = assertThrows(PolicyFileException.class, () -> loader.parse(rules.formatted("{\"tag\":"
                + " \"FIFF_SUBJ_HIS_ID\", \"action\": \"hash\", \"secret\": \"env:STUDY\", \"normalise\": false}"),
                "p.json")).problems();
        assertEquals("rules[0].normalise", ps.get(0).field(), ps::toString);
    }
}
