package io.github.fiffkit.anonymize.policyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PhiTag;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every policy says what it starts from; a policy that starts from nothing ({@code "extends": "none"}) covers the
 * seed table with its own rules, or names what it leaves and why in {@code "uncovered"}.
 */
class ExtendsTest {
    private static final List<PhiTag> SEED = Preset.MNE_ANONYMIZE.phiTags();

    private static Policy parse(String json) throws PolicyFileException {
        return PolicyLoader.standard().parse(json, "p.json");
    }

    private static List<PolicyProblem> problems(String json) {
        return assertThrows(PolicyFileException.class, () -> parse(json)).problems();
    }

    /** Rules, one a line (from line 2 on), changing every seed tag but those of the kinds given. */
    private static String rulesFor(int... except) {
        List<String> rules = new ArrayList<>();
        for (PhiTag t : SEED) {
            if (java.util.Arrays.stream(except).noneMatch(k -> k == t.kind())) {
                rules.add("  {\"tag\": \"" + FiffKind.describe(t.kind()) + "\""
                        + (t.inBlock() == null ? "" : ", \"inBlock\": \"" + FiffBlock.describe(t.inBlock()) + "\"")
                        + ", \"action\": \"" + (t.kind() == FiffKind.FILE_ID ? "rewriteId" : "remove") + "\"}");
            }
        }
        return String.join(",\n", rules);
    }

    @Test
    void aPolicyThatDoesNotSayWhatItStartsFromIsRefusedWithTheChoices() {
        List<PolicyProblem> ps = problems("{\"fiffPolicy\": 1}");
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("p.json:1:1: extends: the policy must say what it starts from: add \"extends\" with a preset"
                + " (\"mne-anonymize\", \"mne-python\", \"strict\") or \"none\" (only the policy's own rules)",
                ps.get(0).toString());
    }

    @Test
    void aWrongNameGetsTheChoicesOrItsSpelling() {
        assertEquals("p.json:1:30: extends: there is no preset named \"nothing\"; write a preset (\"mne-anonymize\","
                + " \"mne-python\", \"strict\") or \"none\" (only the policy's own rules)",
                problems("{\"fiffPolicy\": 1, \"extends\": \"nothing\"}").get(0).toString());
        assertTrue(problems("{\"fiffPolicy\": 1, \"extends\": \"None\"}").get(0).message()
                .endsWith("; write \"none\""));
    }

    @Test
    void noneWithoutRulesListsEveryTagOfTheSeedTableAtExtends() {
        List<PolicyProblem> ps = problems("{\"fiffPolicy\": 1,\n \"extends\": \"none\"}");
        assertEquals(SEED.size(), ps.size(), ps::toString);
        for (int i = 0; i < SEED.size(); i++) {
            PolicyProblem p = ps.get(i);
            assertEquals("extends", p.field());
            assertEquals(2, p.line());
            assertEquals(13, p.column());
            assertTrue(p.message().startsWith("\"none\" leaves " + SEED.get(i) + " unchanged, a tag that usually"
                    + " holds personal data: add a rule that changes or removes it, or name it in \"uncovered\""),
                    p::toString);
        }
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("FIFF_COMMENT in FIFFB_MEAS_INFO")));
    }

    @Test
    void noneWithRulesForEveryTagOfTheSeedTableLoads() throws Exception {
        Policy p = parse("{\"fiffPolicy\": 1, \"extends\": \"none\", \"rules\": [\n" + rulesFor() + "\n]}");
        assertNull(p.preset());
        assertEquals(SEED.size(), p.rules().size());
        assertEquals(List.of(), p.uncoveredPhiTags(Preset.MNE_ANONYMIZE));
    }

    @Test
    void aTagLeftOutIsNamedAtExtendsAndOneKeptIsNamedAtItsRule() {
        String json = "{\"fiffPolicy\": 1, \"extends\": \"none\", \"rules\": [\n"
                + rulesFor(FiffKind.SUBJ_HIS_ID, FiffKind.EXPERIMENTER) + ",\n"
                + "  {\"tag\": \"FIFF_EXPERIMENTER\", \"action\": \"keep\"}\n]}";
        List<PolicyProblem> ps = problems(json);
        assertEquals(2, ps.size(), ps::toString);
        assertEquals("p.json:1:30: extends: \"none\" leaves FIFF_SUBJ_HIS_ID unchanged", ps.get(0).toString()
                .substring(0, "p.json:1:30: extends: \"none\" leaves FIFF_SUBJ_HIS_ID unchanged".length()));
        PolicyProblem kept = ps.get(1);
        assertEquals(SEED.size(), kept.line(), "the last rule's line");
        assertEquals(3, kept.column());
        assertEquals("rules[" + (SEED.size() - 2) + "]", kept.field());
        assertTrue(kept.message().startsWith("this rule keeps FIFF_EXPERIMENTER (all or some of them)"), kept::toString);
    }

    @Test
    void uncoveredNamesTheTagsLeftAndWhy() throws Exception {
        Policy p = parse("{\"fiffPolicy\": 1, \"extends\": \"none\", \"rules\": [\n"
                + rulesFor(FiffKind.SUBJ_HIS_ID, FiffKind.EXPERIMENTER) + ",\n"
                + "  {\"tag\": \"FIFF_EXPERIMENTER\", \"action\": \"keep\"}\n],\n"
                + " \"uncovered\": {\"keep\": [\"FIFF_SUBJ_HIS_ID\", 212], \"comment\": \"the ward links the files\"}}");
        assertEquals(List.of(new PhiTag(FiffKind.EXPERIMENTER, null), new PhiTag(FiffKind.SUBJ_HIS_ID, null)),
                p.uncoveredPhiTags(Preset.MNE_ANONYMIZE), "the policy still says what it leaves, for warnings");
        assertEquals(List.of(), parse("{\"fiffPolicy\": 1, \"extends\": \"none\","
                + " \"uncovered\": {\"keep\": \"all\", \"comment\": \"phantom recordings: no subject\"}}").rules());
    }

    @Test
    void uncoveredMistakesEachHaveTheirMessage() {
        String head = "{\"fiffPolicy\": 1, \"extends\": \"none\", \"rules\": [\n" + rulesFor(FiffKind.SUBJ_HIS_ID)
                + "\n],\n \"uncovered\": ";
        int line = SEED.size() + 2; // the rules from line 2 on, all but one, then "],", then "uncovered"
        assertEquals(List.of("uncovered.comment: say why the policy leaves these tags unchanged: \"uncovered\" needs"
                + " a \"comment\""), messages(head + "{\"keep\": [\"FIFF_SUBJ_HIS_ID\"]}}"));
        assertEquals(List.of("uncovered.comment: the comment is empty; say why the policy leaves these tags"
                + " unchanged"), messages(head + "{\"keep\": [\"FIFF_SUBJ_HIS_ID\"], \"comment\": \" \"}}"));
        assertEquals(List.of("uncovered.keep: \"uncovered\" needs \"keep\": the list of the tags the policy leaves"
                + " unchanged, or \"all\""), messages(head + "{\"comment\": \"c\"}}"));
        assertEquals(List.of("uncovered.keep: \"keep\" is \"all\" or a list of tag names such as"
                + " [\"FIFF_SUBJ_WEIGHT\"], not \"everything\""), messages(head
                + "{\"keep\": \"everything\", \"comment\": \"c\"}}"));
        assertEquals(List.of("uncovered.keep: the list is empty; name the tags the policy leaves unchanged"),
                messages(head + "{\"keep\": [], \"comment\": \"c\"}}"));
        List<String> notSeed = messages(head + "{\"keep\": [\"FIFF_SUBJ_HIS_ID\", \"FIFF_DACQ_PARS\"],"
                + " \"comment\": \"c\"}}");
        assertEquals(1, notSeed.size(), notSeed::toString);
        assertTrue(notSeed.get(0).startsWith("uncovered.keep[1]: FIFF_DACQ_PARS is not in the table of tags that"
                + " usually hold personal data; the tags to name here are \"FIFF_FILE_ID\""), notSeed::toString);
        assertEquals(List.of("uncovered.keep: the rules already change or remove FIFF_SUBJ_ID; take it off the"
                + " list"), messages(head + "{\"keep\": [\"FIFF_SUBJ_HIS_ID\", \"FIFF_SUBJ_ID\"], \"comment\": \"c\"}}"));
        assertEquals(List.of("uncovered.every: unknown key \"every\" in \"uncovered\"; the keys allowed here are"
                + " \"keep\", \"comment\""), messages(head + "{\"keep\": \"all\", \"comment\": \"c\", \"every\": 1}}"));
        List<PolicyProblem> ps = problems(head + "{\"keep\": [\"FIFF_SUBJ_ID\"], \"comment\": \"c\"}}");
        assertEquals(List.of("extends", "uncovered.keep"), ps.stream().map(PolicyProblem::field).toList(),
                "the tag left and the tag covered");
        assertEquals(line, ps.get(1).line());
    }

    @Test
    void uncoveredOnlyGoesWithNone() {
        List<PolicyProblem> ps = problems("{\"fiffPolicy\": 1, \"extends\": \"strict\",\n"
                + " \"uncovered\": {\"keep\": \"all\", \"comment\": \"c\"}}");
        assertEquals(List.of("p.json:2:2: uncovered: \"uncovered\" only goes with \"extends\": \"none\"; a policy"
                + " that extends a preset has the preset's rules for these tags"),
                ps.stream().map(PolicyProblem::toString).toList());
    }

    @Test
    void coverageIsNotJudgedWhileARuleCannotBeRead() {
        List<PolicyProblem> ps = problems("{\"fiffPolicy\": 1, \"extends\": \"none\","
                + " \"rules\": [{\"tag\": \"FIFF_SUBJ_NAME\", \"action\": \"remove\"}]}");
        assertEquals(List.of("rules[0].tag"), ps.stream().map(PolicyProblem::field).toList(), ps::toString);
        List<PolicyProblem> notAList = problems("{\"fiffPolicy\": 1, \"extends\": \"none\", \"rules\": {}}");
        assertEquals(List.of("rules"), notAList.stream().map(PolicyProblem::field).toList(), notAList::toString);
    }

    @Test
    void thePolicyFilesPageListsTheSeedTableAsTheLoaderHasIt() throws Exception {
        java.nio.file.Path page = ExamplePoliciesTest.SAMPLES.resolve("../../docs/policy-files.md").normalize();
        String text = java.nio.file.Files.readString(page).replaceAll("\\s+", " ");
        String list = SEED.stream().map(t -> "`" + FiffKind.describe(t.kind()) + "`"
                + (t.inBlock() == null ? "" : " in `" + FiffBlock.describe(t.inBlock()) + "`"))
                .collect(Collectors.joining(", "));
        assertTrue(text.contains(list), () -> page + " should list the seed table as " + list);
    }

    private static List<String> messages(String json) {
        return problems(json).stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.toList());
    }
}
