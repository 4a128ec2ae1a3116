package io.github.fiffkit.anonymize.policyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.ActionFixture;
import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    @TempDir
    Path dir;

    /** Ends a one-line policy: every policy names what it starts from, here after the keys a test is about. */
    private static final String EXT = ", \"extends\": \"mne-anonymize\"}";

    private static final PolicyLoader LOADER = PolicyLoader.standard().withEnvironment(Map.of("FIFF_SECRET", "s3cret-key"));

    private Policy parse(String json) throws PolicyFileException {
        return LOADER.withBaseDirectory(dir).parse(json, "p.json");
    }

    private List<PolicyProblem> problems(String json) {
        return problems(LOADER, json);
    }

    private List<PolicyProblem> problems(PolicyLoader loader, String json) {
        PolicyFileException e = assertThrows(PolicyFileException.class,
                () -> loader.withBaseDirectory(dir).parse(json, "p.json"));
        return e.problems();
    }

    /** Exactly one problem, at this line, column and field, whose message contains these words. */
    private PolicyProblem one(String json, int line, int column, String field, String words) {
        List<PolicyProblem> ps = problems(json);
        assertEquals(1, ps.size(), () -> "problems: " + ps);
        PolicyProblem p = ps.get(0);
        assertEquals("p.json", p.source());
        assertEquals(line, p.line(), p::toString);
        assertEquals(column, p.column(), p::toString);
        assertEquals(field, p.field(), p::toString);
        assertTrue(p.message().contains(words), () -> "message: " + p.message());
        return p;
    }

    // ---- reading ----

    @Test
    void aFullPolicyLoadsWithItsRulesOptionsDatesAndUnmatched() throws Exception {
        Policy p = parse("""
                {
                  "fiffPolicy": 1,
                  "name": "lab-default",
                  "description": "what the lab shares",
                  "extends": "mne-anonymize",
                  "options": { "brute": true, "mneEnvironment": true, "hisId": "S01" },
                  "dates": { "measurement": { "offsetDays": 35 }, "birthday": { "offsetDays": 35 } },
                  "rules": [
                    { "tag": "FIFF_COMMENT", "inBlock": "FIFFB_MEAS_INFO", "action": "replace", "value": "anonymized" },
                    { "tag": 3701, "action": "remove", "comment": "a vendor tag" },
                    { "underBlock": "FIFFB_PROCESSING_HISTORY", "type": "FIFFT_STRING", "action": "scrub" }
                  ],
                  "unmatched": "remove"
                }""");
        assertEquals("lab-default", p.name());
        assertEquals(Preset.MNE_ANONYMIZE, p.preset());
        assertEquals(new PolicyOptions(true, true, false, false, "S01"), p.options());
        assertEquals(new Dates(MeasurementDate.offsetDays(35), BirthdayDate.offsetDays(35)), p.dates());
        assertEquals(Unmatched.REMOVE, p.unmatched());
        assertEquals(3, p.rules().size());
        Rule r0 = p.rules().get(0);
        assertEquals(FiffKind.COMMENT, r0.selector().kindOrNull());
        assertEquals(FiffBlock.MEAS_INFO, r0.selector().inBlockOrNull());
        assertEquals("replace", r0.action().name());
        assertEquals(Map.of("value", "anonymized"), r0.action().parameters());
        assertEquals("policy rule 1", r0.origin());
        assertEquals(3701, p.rules().get(1).selector().kindOrNull());
        assertEquals("remove", p.rules().get(1).action().name());
        Rule r2 = p.rules().get(2);
        assertNull(r2.selector().kindOrNull());
        assertEquals(FiffBlock.PROCESSING_HISTORY, r2.selector().underBlockOrNull());
        assertEquals(FiffType.STRING, r2.selector().typeOrNull());
        assertEquals("scrub", r2.action().name());
    }

    @Test
    void everyActionWithItsParametersLoads() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nHIS-1,S01\n");
        Policy p = LOADER.withCustomAction("upper", Actions.keep()).withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "rules": [
                  {"tag": 1, "action": "keep"},
                  {"tag": 2, "action": "remove"},
                  {"tag": 3, "action": "replace", "value": 0},
                  {"tag": 4, "action": "replace", "value": 61.5},
                  {"tag": 5, "action": "setDate", "date": "2000-01-01"},
                  {"tag": 6, "action": "shiftDays", "days": -7},
                  {"tag": 7, "action": "landOn", "instant": "2000-01-01T00:00:00Z"},
                  {"tag": 8, "action": "measurementDate"},
                  {"tag": 9, "action": "rewriteId"},
                  {"tag": 10, "action": "anonymizedMeasurementDate"},
                  {"tag": 11, "action": "birthday"},
                  {"tag": 12, "action": "yearOnly"},
                  {"tag": 13, "action": "scrub"},
                  {"tag": 14, "action": "referenceFileName"},
                  {"tag": 15, "action": "dropHeadShape"},
                  {"tag": 16, "action": "hash", "secret": "env:FIFF_SECRET"},
                  {"tag": 17, "action": "pseudonym", "table": "t.csv"},
                  {"tag": 18, "action": "pseudonym", "table": "t.csv", "missing": "hash", "secret": "env:FIFF_SECRET"},
                  {"tag": 19, "action": "custom", "name": "upper"}
                ],
                 "extends": "mne-anonymize"}""", "p.json");
        List<String> names = p.rules().stream().map(r -> r.action().name()).toList();
        assertEquals(List.of("keep", "remove", "replace", "replace", "setDate", "shiftDays", "landOn",
                "measurementDate", "rewriteId", "anonymizedMeasurementDate", "birthday", "yearOnly", "scrub",
                "referenceFileName", "dropHeadShape", "hash", "pseudonym", "pseudonym", "keep"), names);
        assertEquals("0", p.rules().get(2).action().parameters().get("value"));
        assertEquals("61.5", p.rules().get(3).action().parameters().get("value"));
        assertEquals("2000-01-01", p.rules().get(4).action().parameters().get("date"));
        assertEquals(-7, p.rules().get(5).action().parameters().get("days"));
        assertEquals("2000-01-01T00:00:00Z", p.rules().get(6).action().parameters().get("instant"));
        assertEquals("env:FIFF_SECRET", p.rules().get(15).action().parameters().get("secret"));
        assertEquals("t.csv", p.rules().get(16).action().parameters().get("table"));
        assertEquals("error", p.rules().get(16).action().parameters().get("missing"));
        assertEquals("hash", p.rules().get(17).action().parameters().get("missing"));
        java.util.Set<String> tried = new java.util.HashSet<>(names);
        tried.add("custom");
        assertEquals(Vocabulary.ACTIONS.keySet(), tried, "every action of the format is tried");
    }

    @Test
    void tagsBlocksAndTypesResolveByNameByNumberAndByShortName() throws Exception {
        Policy p = parse("""
                {"fiffPolicy": 1, "rules": [
                  {"tag": "SUBJ_HIS_ID", "inBlock": 106, "type": 10, "action": "keep"},
                  {"tag": "212", "underBlock": "FIFFB_SUBJECT", "type": "FIFFT_INT", "action": "keep"}
                ],
                 "extends": "mne-anonymize"}""");
        assertEquals(FiffKind.SUBJ_HIS_ID, p.rules().get(0).selector().kindOrNull());
        assertEquals(106, p.rules().get(0).selector().inBlockOrNull());
        assertEquals(10, p.rules().get(0).selector().typeOrNull());
        assertEquals(212, p.rules().get(1).selector().kindOrNull());
        assertEquals(FiffBlock.SUBJECT, p.rules().get(1).selector().underBlockOrNull());
        assertEquals(FiffType.INT, p.rules().get(1).selector().typeOrNull());
    }

    @Test
    void withoutANameThePolicyIsNamedAfterItsFile() throws Exception {
        Path f = dir.resolve("archive-2026.json");
        Files.writeString(f, "{\"fiffPolicy\": 1" + EXT);
        assertEquals("archive-2026", PolicyFiles.load(f).name());
    }

    @Test
    void everyDateChoiceLoads() throws Exception {
        assertEquals(new Dates(MeasurementDate.set(LocalDate.of(2001, 2, 3)), BirthdayDate.set(LocalDate.of(1800, 1,
                1))), parse("""
                {"fiffPolicy": 1, "dates": {"measurement": {"set": "2001-02-03"}, "birthday": {"set": "1800-01-01"}},
                 "extends": "mne-anonymize"}
                """).dates());
        assertEquals(new Dates(MeasurementDate.landOn(Instant.parse("2000-01-01T00:00:00Z")), BirthdayDate.yearOnly()),
                parse("""
                {"fiffPolicy": 1, "dates": {"measurement": {"landOn": "2000-01-01T00:00:00Z"},
                 "birthday": {"yearOnly": true}},
                 "extends": "mne-anonymize"}""").dates());
        assertEquals(new Dates(MeasurementDate.keep(), BirthdayDate.followMeasurement()), parse("""
                {"fiffPolicy": 1, "extends": "strict", "dates": {"measurement": {"keep": true},
                 "birthday": {"followMeasurement": true}}}""").dates());
        assertEquals(BirthdayDate.keep(), parse("""
                {"fiffPolicy": 1, "extends": "strict", "dates": {"birthday": {"keep": true}}}""").dates().birthday());
    }

    // ---- precedence ----

    @Test
    void policyRulesAreTriedBeforeThePresetRules() throws Exception {
        Policy p = parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "replace", "value": "S07"}]}""");
        List<Rule> all = p.resolvedRules();
        assertEquals("policy rule 1", all.get(0).origin());
        assertTrue(all.get(1).origin().startsWith("preset mne-anonymize"));
        assertTrue(all.stream().skip(1).anyMatch(r -> Integer.valueOf(FiffKind.SUBJ_HIS_ID).equals(
                r.selector().kindOrNull())), "the preset's own HIS rule is still there, after the policy's");
    }

    @Test
    void policyOptionsAndDatesOverrideThePresetsOneKeyAtATime() throws Exception {
        Policy strict = parse("""
                {"fiffPolicy": 1, "extends": "strict", "options": {"dropHeadShape": true},
                 "dates": {"measurement": {"offsetDays": 10}}}""");
        // strict's own defaults (brute, mneEnvironment, year-only birthday) stay where the policy is silent
        assertEquals(new PolicyOptions(true, true, false, true, null), strict.options());
        assertEquals(new Dates(MeasurementDate.offsetDays(10), BirthdayDate.yearOnly()), strict.dates());
        Policy noBrute = parse("""
                {"fiffPolicy": 1, "extends": "strict", "options": {"brute": false}}""");
        assertFalse(noBrute.options().brute());
        Policy bare = parse("""
                {"fiffPolicy": 1, "extends": "none",
                 "uncovered": {"keep": "all", "comment": "a test of what a policy of its own starts from"}}""");
        assertEquals(PolicyOptions.NONE, bare.options());
        assertEquals(new Dates(MeasurementDate.keep(), BirthdayDate.keep()), bare.dates());
        assertNull(bare.preset());
    }

    @Test
    void builderOptionsOverrideThePolicyFile() throws Exception {
        Policy p = parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize", "options": {"brute": true, "hisId": "FROM-POLICY"},
                 "dates": {"measurement": {"offsetDays": 35}, "birthday": {"offsetDays": 35}}}""");
        Policy resolved = Anonymizer.builder().policy(p).brute(false).hisId("FROM-CLI").measurementDateOffsetDays(7)
                .build().policy();
        assertFalse(resolved.options().brute());
        assertEquals("FROM-CLI", resolved.options().hisId());
        assertEquals(MeasurementDate.offsetDays(7), resolved.dates().measurement());
        assertEquals(BirthdayDate.offsetDays(35), resolved.dates().birthday(), "what the builder leaves alone stays");
        assertEquals(p.rules(), resolved.rules());
    }

    // ---- secrets ----

    @Test
    void aSecretComesFromTheEnvironmentVariableTheRuleNames() throws Exception {
        Policy a = parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "env:FIFF_SECRET"}],
                 "extends": "mne-anonymize"}""");
        Policy b = PolicyLoader.standard().withEnvironment(Map.of("FIFF_SECRET", "another")).parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "env:FIFF_SECRET"}],
                 "extends": "mne-anonymize"}""",
                "p.json");
        assertEquals(hashOf(a, "HIS-1"), hashOf(a, "HIS-1"));
        assertFalse(hashOf(a, "HIS-1").equals(hashOf(b, "HIS-1")), "the secret keys the hash");
        assertEquals(ActionFixture.hmacHex("s3cret-key", "HIS-1"), hashOf(a, "HIS-1"));
        assertFalse(a.canonicalJson().contains("s3cret-key"), "the secret is never in the canonical JSON");
    }

    @Test
    void aSecretFileIsRelativeToThePolicyAndLosesItsFinalLineBreak() throws Exception {
        Files.writeString(dir.resolve("key.txt"), "s3cret-key\n");
        Path f = dir.resolve("p.json");
        Files.writeString(f, """
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "file:key.txt"}],
                 "extends": "mne-anonymize"}""");
        Policy p = PolicyLoader.standard().withEnvironment(Map.of()).load(f);
        assertEquals(ActionFixture.hmacHex("s3cret-key", "HIS-1"), hashOf(p, "HIS-1"));
    }

    @Test
    void aRunTimeSecretOverridesTheOneThePolicyNamesAndServesRulesThatNameNone() throws Exception {
        Files.writeString(dir.resolve("cli.key"), "from-the-command-line");
        PolicyLoader cli = LOADER.withSecretFromFile(dir.resolve("cli.key"));
        Policy p = cli.withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "rules": [
                  {"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "env:FIFF_SECRET"},
                  {"tag": "FIFF_SUBJ_LAST_NAME", "action": "hash"}],
                 "extends": "mne-anonymize"}""", "p.json");
        assertEquals(ActionFixture.hmacHex("from-the-command-line", "HIS-1"), hashOf(p, "HIS-1"));
        Policy e = LOADER.withEnvironment(Map.of("CLI_KEY", "k2")).withSecretFromEnvironment("CLI_KEY").parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash"}],
                 "extends": "mne-anonymize"}""", "p.json");
        assertEquals(ActionFixture.hmacHex("k2", "HIS-1"), hashOf(e, "HIS-1"));
    }

    private static String hashOf(Policy p, String text) throws IOException {
        return ActionFixture.applyToText(p.rules().get(0).action(), FiffKind.SUBJ_HIS_ID, text);
    }

    @Test
    void aSecretWrittenInThePolicyIsRefusedWithoutRepeatingIt() {
        PolicyProblem p = one("""
                {"fiffPolicy": 1,
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "hunter2hunter2"}],
                 "extends": "mne-anonymize"}""",
                2, 68, "rules[0].secret", "must never be written in the policy file");
        assertFalse(p.toString().contains("hunter2"));
    }

    @Test
    void aHashWithoutAnySecretSaysHowToGiveOne() {
        one("""
                {"fiffPolicy": 1,
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash"}],
                 "extends": "mne-anonymize"}""", 2, 12, "rules[0].secret",
                "needs a secret: add \"secret\": \"env:NAME\"");
    }

    @Test
    void aMissingEnvironmentVariableOrSecretFileIsNamed() {
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "hash", "secret": "env:NOPE"}],
                 "extends": "mne-anonymize"}""", 1, 68,
                "rules[0].secret", "environment variable NOPE, which is not set");
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "hash", "secret": "file:none.key"}],
                 "extends": "mne-anonymize"}""", 1, 68,
                "rules[0].secret", "none.key, which cannot be read (it does not exist)");
        List<PolicyProblem> ps = problems(LOADER.withSecretFromEnvironment("UNSET"), """
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "hash"}],
                 "extends": "mne-anonymize"}""");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().startsWith("the secret given when running should be in the environment"
                + " variable UNSET"), ps.get(0)::toString);
    }

    @Test
    void anEmptySecretIsRefused() throws Exception {
        Files.writeString(dir.resolve("empty.key"), "\n");
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "hash", "secret": "file:empty.key"}],
                 "extends": "mne-anonymize"}""", 1, 68,
                "rules[0].secret", "is empty");
    }

    // ---- pseudonym tables ----

    @Test
    void aPseudonymTableIsReadRelativeToThePolicyFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(sub.resolve("subjects.csv"), "\uFEFForiginal,pseudonym\r\nHIS-1,S01\n\"HIS, 2\",\"S\"\"02\"\n\n");
        Path f = sub.resolve("p.json");
        Files.writeString(f, """
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "subjects.csv"}],
                 "extends": "mne-anonymize"}""");
        Policy p = PolicyFiles.load(f);
        TagAction a = p.rules().get(0).action();
        assertEquals("S01", ActionFixture.applyToText(a, FiffKind.SUBJ_HIS_ID, "HIS-1"));
        assertEquals("S\"02", ActionFixture.applyToText(a, FiffKind.SUBJ_HIS_ID, "HIS, 2"));
        assertEquals(64, ((String) a.parameters().get("tableSha256")).length());
    }

    @Test
    void aValueMissingFromTheTableStopsTheFileByDefault() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nHIS-1,S01\n");
        Policy p = parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "t.csv"}],
                 "extends": "mne-anonymize"}""");
        PolicyException e = assertThrows(PolicyException.class,
                () -> ActionFixture.applyToText(p.rules().get(0).action(), FiffKind.SUBJ_HIS_ID, "HIS-9"));
        assertTrue(e.getMessage().contains("missing from the pseudonym table t.csv"), e::getMessage);
        Policy explicit = parse("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "t.csv", "missing": "error"}],
                 "extends": "mne-anonymize"}""");
        assertEquals("error", explicit.rules().get(0).action().parameters().get("missing"));
    }

    @Test
    void aValueMissingFromTheTableGetsAKeyedHashWhenTheRuleSaysSo() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nHIS-1,S01\n");
        Policy p = parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "t.csv",
                  "missing": "hash", "secret": "env:FIFF_SECRET"}],
                 "extends": "mne-anonymize"}""");
        TagAction a = p.rules().get(0).action();
        assertEquals("S01", ActionFixture.applyToText(a, FiffKind.SUBJ_HIS_ID, "HIS-1"));
        assertEquals(ActionFixture.hmacHex("s3cret-key", "HIS-9"),
                ActionFixture.applyToText(a, FiffKind.SUBJ_HIS_ID, "HIS-9"));
    }

    @Test
    void pseudonymTableProblemsNameTheTableLine() throws Exception {
        Files.writeString(dir.resolve("bad.csv"),
                "original,pseudonym\nHIS-1,S01\nHIS-1,S02\nHIS-3,S01\nonly-one\nHIS-5,\n\"open,S05\n");
        List<PolicyProblem> ps = problems("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "bad.csv"}],
                 "extends": "mne-anonymize"}""");
        String table = dir.resolve("bad.csv").toString();
        assertEquals(5, ps.size(), ps::toString);
        for (PolicyProblem p : ps) {
            assertEquals(table, p.source());
            assertEquals("rules[0].table", p.field());
        }
        assertEquals(3, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("already listed on line 2"));
        assertFalse(ps.get(0).message().contains("HIS-1"), "originals are PHI and are not repeated");
        assertEquals(4, ps.get(1).line());
        assertTrue(ps.get(1).message().contains("\"S01\" is also given on line 2"));
        assertEquals(5, ps.get(2).line());
        assertTrue(ps.get(2).message().contains("exactly two values"));
        assertEquals(6, ps.get(3).line());
        assertTrue(ps.get(3).message().contains("the pseudonym is empty"));
        assertEquals(7, ps.get(4).line());
        assertTrue(ps.get(4).message().contains("quote is not closed"));
    }

    @Test
    void aTableWithoutTheHeaderOrFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("nohead.csv"), "HIS-1,S01\n");
        List<PolicyProblem> ps = problems("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "nohead.csv"}],
                 "extends": "mne-anonymize"}""");
        assertEquals(1, ps.size());
        assertEquals(1, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("header original,pseudonym"));
        Files.writeString(dir.resolve("empty.csv"), "");
        ps = problems("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "empty.csv"}],
                 "extends": "mne-anonymize"}""");
        assertTrue(ps.get(0).message().contains("the pseudonym table is empty"));
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "none.csv"}],
                 "extends": "mne-anonymize"}""", 1, 72,
                "rules[0].table", "cannot be read (it does not exist); a table path is relative");
    }

    @Test
    void theMissingChoiceIsErrorOrHash() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nA,B\n");
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "t.csv", "missing": "skip"}],
                 "extends": "mne-anonymize"}""",
                1, 92, "rules[0].missing", "\"missing\" is \"error\"");
    }

    @Test
    void hashingMissingValuesNeedsASecretAndErrorTakesNone() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nA,B\n");
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "t.csv", "missing": "hash"}],
                 "extends": "mne-anonymize"}""",
                1, 29, "rules[0].secret", "a pseudonym table that hashes missing values needs a secret");
        one("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "t.csv", "secret": "env:X"}],
                 "extends": "mne-anonymize"}""",
                1, 81, "rules[0].secret", "only used with \"missing\": \"hash\"");
    }

    // ---- every other problem, with its place ----

    @Test
    void brokenJsonIsOneProblemAtItsPlace() {
        one("{\n  \"fiffPolicy\": 1,\n  \"name\": \"x\"\n  \"rules\": []\n}", 4, 3, "", "a comma is missing between two members");
        one("", 1, 1, "", "the file is empty");
        one("{\"fiffPolicy\": 1} {}", 1, 19, "", "more text after the end");
    }

    @Test
    void theFileMustBeAnObjectMarkedWithVersionOne() {
        one("[1, 2]", 1, 1, "", "must be a JSON object");
        one("{\"name\": \"x\"" + EXT, 1, 1, "fiffPolicy", "add \"fiffPolicy\": 1");
        one("{\"fiffPolicy\": 2" + EXT, 1, 16, "fiffPolicy", "reads version 1 of the policy format, not version 2");
        one("{\"fiffPolicy\": \"1\"" + EXT, 1, 16, "fiffPolicy", "must be a whole number, not text (\"1\")");
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() {
        one("{\"fiffPolicy\": 1,\n \"option\": {}" + EXT, 2, 2, "option", "unknown key \"option\" in the policy; did you"
                + " mean \"options\"?");
        one("{\"fiffPolicy\": 1, \"options\": {\"bruteForce\": true}" + EXT, 1, 31, "options.bruteForce",
                "unknown key \"bruteForce\" in the options");
        one("{\"fiffPolicy\": 1, \"dates\": {\"birth\": {}}" + EXT, 1, 29, "dates.birth", "did you mean \"birthday\"?");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"keep\", \"inblock\": 106}]" + EXT, 1, 58,
                "rules[0].inblock", "did you mean \"inBlock\"?");
        one("{\"fiffPolicy\": 1, \"zzzzzz\": 1" + EXT, 1, 19, "zzzzzz", "the keys allowed here are \"$schema\"");
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        one("{\"fiffPolicy\": 1, \"name\": \"a\",\n \"name\": \"b\"" + EXT, 2, 2, "name", "given twice");
    }

    @Test
    void presetUnmatchedAndNameProblems() {
        one("{\"fiffPolicy\": 1, \"extends\": \"mne\"}", 1, 30, "extends", "there is no preset named \"mne\"; write"
                + " a preset (\"mne-anonymize\", \"mne-python\", \"strict\") or \"none\" (only the policy's own rules)");
        one("{\"fiffPolicy\": 1, \"extends\": \"STRICT\"}", 1, 30, "extends", "there is no preset named \"STRICT\";"
                + " write \"strict\"");
        one("{\"fiffPolicy\": 1, \"unmatched\": \"delete\"" + EXT, 1, 32, "unmatched", "\"keep\" or \"remove\"");
        one("{\"fiffPolicy\": 1, \"name\": \" \"" + EXT, 1, 27, "name", "the policy's name is empty");
        one("{\"fiffPolicy\": 1, \"name\": 5" + EXT, 1, 27, "name", "must be text, not a whole number (5)");
        one("{\"fiffPolicy\": 1, \"rules\": {}" + EXT, 1, 28, "rules", "the rules must be a list");
        one("{\"fiffPolicy\": 1, \"options\": {\"brute\": \"yes\"}" + EXT, 1, 40, "options.brute",
                "\"brute\" must be true or false, not text (\"yes\")");
        one("{\"fiffPolicy\": 1, \"options\": {\"hisId\": 7}" + EXT, 1, 40, "options.hisId", "must be text");
    }

    @Test
    void dateProblems() {
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"set\": \"01/02/2000\"}}" + EXT, 1, 52,
                "dates.measurement.set", "is not a day written as YYYY-MM-DD");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"set\": \"1850-01-01\"}}" + EXT, 1, 52,
                "dates.measurement.set", "outside the range of FIFF times");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": 3.5}}" + EXT, 1, 59,
                "dates.measurement.offsetDays", "must be a whole number, not a number with a fraction (3.5)");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": 99999999999}}" + EXT, 1, 59,
                "dates.measurement.offsetDays", "far too large");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"landOn\": \"2000-01-01\"}}" + EXT, 1, 55,
                "dates.measurement.landOn", "not a UTC time such as");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"landOn\": \"2100-01-01T00:00:00Z\"}}" + EXT, 1, 55,
                "dates.measurement.landOn", "outside the range of FIFF times");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"set\": \"2000-01-01\", \"offsetDays\": 3}}" + EXT, 1, 44,
                "dates.measurement", "needs exactly one of \"set\", \"offsetDays\", \"landOn\", \"keep\", not 2");
        one("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {}}" + EXT, 1, 44, "dates.measurement", "needs exactly one");
        one("{\"fiffPolicy\": 1, \"dates\": {\"birthday\": {\"yearOnly\": false}}" + EXT, 1, 54, "dates.birthday.yearOnly",
                "false chooses nothing");
        one("{\"fiffPolicy\": 1, \"dates\": {\"birthday\": {\"landOn\": \"2000-01-01T00:00:00Z\"}}" + EXT, 1, 42,
                "dates.birthday.landOn", "unknown key \"landOn\" in dates.birthday");
    }

    @Test
    void ruleSelectorProblems() {
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": \"FIFF_SUBJ_HIS\", \"action\": \"keep\"}]" + EXT, 1, 37,
                "rules[0].tag", "unknown tag name \"FIFF_SUBJ_HIS\"; did you mean \"FIFF_SUBJ_HIS_ID\"?");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": \"fiff_subj_his_id\", \"action\": \"keep\"}]" + EXT, 1, 37,
                "rules[0].tag", "did you mean \"FIFF_SUBJ_HIS_ID\"?");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": -1, \"action\": \"keep\"}]" + EXT, 1, 37, "rules[0].tag",
                "not a valid code");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": true, \"action\": \"keep\"}]" + EXT, 1, 37, "rules[0].tag",
                "must be a FIFF name (text) or a number");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"inBlock\": \"FIFFB_MEASINFO\", \"action\": \"keep\"}]" + EXT, 1, 41,
                "rules[0].inBlock", "unknown block name \"FIFFB_MEASINFO\"; did you mean \"FIFFB_MEAS_INFO\"?");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"underBlock\": \"FIFFB_NOPE_NOPE_NOPE\", \"action\": \"keep\"}]" + EXT, 1, 44,
                "rules[0].underBlock", "unknown block name");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"type\": \"FIFFT_STRIN\", \"action\": \"keep\"}]" + EXT, 1, 38,
                "rules[0].type", "unknown data type name \"FIFFT_STRIN\"; did you mean");
        one("{\"fiffPolicy\": 1, \"rules\": [\"keep\"]" + EXT, 1, 29, "rules[0]", "a rule must be an object");
    }

    @Test
    void ruleActionProblems() {
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1}]" + EXT, 1, 29, "rules[0].action", "the rule has no \"action\"");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"delete\"}]" + EXT, 1, 50, "rules[0].action",
                "unknown action \"delete\"; the actions are \"keep\"");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"replce\", \"value\": \"x\"}]" + EXT, 1, 50,
                "rules[0].action", "did you mean \"replace\"?");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"replace\"}]" + EXT, 1, 29, "rules[0].value",
                "the action \"replace\" needs \"value\"");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"keep\", \"value\": \"x\"}]" + EXT, 1, 58,
                "rules[0].value", "the action \"keep\" does not take \"value\"");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"replace\", \"value\": true}]" + EXT, 1, 70,
                "rules[0].value", "the value must be text or a number");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"setDate\", \"date\": \"2000-13-01\"}]" + EXT, 1, 69,
                "rules[0].date", "is not a day written as YYYY-MM-DD");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"shiftDays\", \"days\": \"35\"}]" + EXT, 1, 71,
                "rules[0].days", "must be a whole number, not text");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"landOn\", \"instant\": \"noon\"}]" + EXT, 1, 71,
                "rules[0].instant", "not a UTC time");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"custom\", \"name\": \"upper\"}]" + EXT, 1, 68,
                "rules[0].name", "no custom action named \"upper\" is known to this program (it knows none)");
        one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"keep\", \"comment\": 3}]" + EXT, 1, 69,
                "rules[0].comment", "a comment must be text");
    }

    @Test
    void removingAStructuralTagIsRefused() {
        for (String tag : List.of("FIFF_FILE_ID", "FIFF_DIR_POINTER", "FIFF_BLOCK_START", "FIFF_BLOCK_END",
                "FIFF_DATA_BUFFER")) {
            one("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": \"" + tag + "\", \"action\": \"remove\"}]" + EXT, 1,
                    42 + tag.length() + 9, "rules[0].action", "a rule may not remove " + tag);
        }
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        List<PolicyProblem> ps = problems("""
                {
                  "fiffPolicy": 3,
                  "extends": "lenient",
                  "options": { "brute": 1 },
                  "rules": [
                    { "tag": "FIFF_NOTHING", "action": "keep" },
                    { "tag": 1, "action": "shiftDays", "days": 1.5 },
                    { "tag": 2, "action": "hash", "secret": "plain" }
                  ],
                  "unmatched": "maybe",
                  "extra": true
                }""");
        assertEquals(List.of("fiffPolicy", "extends", "options.brute", "rules[0].tag", "rules[1].days",
                "rules[2].secret", "unmatched", "extra"), ps.stream().map(PolicyProblem::field).toList());
        assertEquals(List.of(2, 3, 4, 6, 7, 8, 10, 11), ps.stream().map(PolicyProblem::line).toList());
        PolicyFileException e = assertThrows(PolicyFileException.class, () -> parse("""
                {"fiffPolicy": 3, "unmatched": "maybe",
                 "extends": "mne-anonymize"}"""));
        assertTrue(e.getMessage().startsWith("the policy file p.json has 2 problems:"), e::getMessage);
        assertTrue(e.getMessage().contains("p.json:1:16: fiffPolicy: this FiffKit reads version 1"), e::getMessage);
        assertInstanceOf(PolicyException.class, e);
    }

    @Test
    void aPolicyFileThatDoesNotExistIsAnIoErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> PolicyFiles.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json: the policy file does not exist"), e::getMessage);
    }

    @Test
    void aPolicyReadFromAReaderUsesItsSourceNameInMessages() {
        PolicyFileException e = assertThrows(PolicyFileException.class,
                () -> PolicyFiles.load(new java.io.StringReader("{}"), "stdin"));
        assertEquals("stdin", e.problems().get(0).source());
    }

    /** The example of mistakes in docs/policy-files.md ("Mistakes") shows exactly these messages. */
    @Test
    void theMessagesShownInThePolicyFilesPageAreTheRealOnes() throws IOException {
        Path f = dir.resolve("lab.json");
        Files.writeString(f, """
                {
                  "fiffPolicy": 1,
                  "name": "lab",
                  "extends": "mne-anonymize",
                  "options": { "brute": "yes" },
                  "rules": [
                    { "tag": "FIFF_SUBJ_HIS", "action": "keep" }
                  ]
                }
                """);
        PolicyFileException e = assertThrows(PolicyFileException.class, () -> PolicyFiles.load(f));
        String nl = System.lineSeparator();
        assertEquals("the policy file " + f + " has 2 problems:" + nl
                + "  " + f + ":5:25: options.brute: \"brute\" must be true or false, not text (\"yes\")" + nl
                + "  " + f + ":7:14: rules[0].tag: unknown tag name \"FIFF_SUBJ_HIS\"; did you mean"
                + " \"FIFF_SUBJ_HIS_ID\"?", e.getMessage());
    }

    /** Exactly one problem with this field and these words (the place is checked by the tests above). */
    private void oneAt(String json, String field, String words) {
        List<PolicyProblem> ps = problems(json);
        assertEquals(1, ps.size(), () -> "problems: " + ps);
        assertEquals(field, ps.get(0).field(), ps.get(0)::toString);
        assertTrue(ps.get(0).line() > 0 && ps.get(0).column() > 0, ps.get(0)::toString);
        assertTrue(ps.get(0).message().contains(words), ps.get(0)::toString);
    }

    @Test
    void lessCommonMistakesEachHaveTheirMessage() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nA,B\n");
        oneAt("{\"fiffPolicy\": 1, \"description\": []" + EXT, "description", "the description must be text");
        oneAt("{\"fiffPolicy\": 1, \"$schema\": 1" + EXT, "$schema", "the schema reference must be text");
        oneAt("{\"fiffPolicy\": 1, \"extends\": 1}", "extends", "the preset to extend must be text");
        oneAt("{\"fiffPolicy\": 1, \"options\": true" + EXT, "options", "the options must be an object");
        oneAt("{\"fiffPolicy\": 1, \"dates\": []" + EXT, "dates", "the dates must be an object");
        oneAt("{\"fiffPolicy\": 1, \"dates\": {\"measurement\": 35}" + EXT, "dates.measurement",
                "the measurement date must be an object");
        oneAt("{\"fiffPolicy\": 1, \"dates\": {\"birthday\": {\"yearOnly\": \"yes\"}}" + EXT, "dates.birthday.yearOnly",
                "\"yearOnly\" must be true or false");
        oneAt("{\"fiffPolicy\": 1, \"dates\": {\"birthday\": {\"set\": \"17.05.1980\"}}" + EXT, "dates.birthday.set",
                "is not a day written as YYYY-MM-DD");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": 5}]" + EXT, "rules[0].action",
                "the action must be text");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"custom\", \"name\": 5}]" + EXT,
                "rules[0].name", "the custom action's name must be text");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"hash\", \"secret\": \"env:\"}]" + EXT,
                "rules[0].secret", "names no environment variable");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"hash\", \"secret\": \"file:\"}]" + EXT,
                "rules[0].secret", "names no file");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"hash\", \"secret\": 5}]" + EXT,
                "rules[0].secret", "the secret must be text");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"pseudonym\", \"table\": 5}]" + EXT,
                "rules[0].table", "the table must be text");
        oneAt("{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"pseudonym\", \"table\": \"t.csv\","
                + " \"missing\": 1}]" + EXT, "rules[0].missing", "\"missing\" must be text");
    }

    @Test
    void anUnknownCustomActionListsTheKnownOnes() {
        List<PolicyProblem> ps = problems(LOADER.withCustomAction("upper", Actions.keep())
                .withCustomAction("lower", Actions.keep()), """
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "custom", "name": "title"}],
                 "extends": "mne-anonymize"}""");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().endsWith("is known to this program; it knows \"lower\", \"upper\""),
                ps.get(0)::toString);
    }

    @Test
    void tableContentProblemsNotCoveredAbove() throws Exception {
        Files.write(dir.resolve("latin1.csv"), "original,pseudonym\nM\u00fcller,S01\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        List<PolicyProblem> ps = problems("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "latin1.csv"}],
                 "extends": "mne-anonymize"}""");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().contains("not UTF-8"), ps.get(0)::toString);
        Files.writeString(dir.resolve("noorig.csv"), "original,pseudonym\n,S01\n");
        ps = problems("""
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "noorig.csv"}],
                 "extends": "mne-anonymize"}""");
        assertEquals(1, ps.size());
        assertEquals(2, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("the original value is empty"), ps.get(0)::toString);
    }

    @Test
    void aPolicyFileTooBigToBeOneIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.json");
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), PolicyLoader.MAX_FILE_SIZE);
        }
        IOException e = assertThrows(IOException.class, () -> PolicyFiles.load(f));
        assertTrue(e.getMessage().contains("too large to be a policy file"), e::getMessage);
    }
}
