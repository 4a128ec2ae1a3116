package io.github.fiffkit.anonymize.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.core.FiffKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyJsonTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void canonicalJsonHasSortedKeysNoSpacesAndEveryRuleInOrder() throws Exception {
        Policy p = PolicyLoader.standard().parse("""
                {"fiffPolicy": 1, "name": "n", "extends": "strict",
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "replace", "value": "S01"}]}""", "p.json");
        String c = p.canonicalJson();
        assertFalse(c.contains(" \""), "no spaces between tokens: " + c);
        JsonNode j = JSON.readTree(c);
        assertSorted(j);
        assertEquals("n", j.get("name").asText());
        assertEquals("strict", j.get("extends").asText());
        assertEquals(p.resolvedRules().size(), j.get("rules").size(), "the preset's rules are part of it");
        JsonNode first = j.get("rules").get(0);
        assertEquals(FiffKind.SUBJ_HIS_ID, first.get("tag").get("number").asInt());
        assertEquals("FIFF_SUBJ_HIS_ID", first.get("tag").get("name").asText());
        assertEquals("S01", first.get("parameters").get("value").asText());
        assertEquals("policy rule 1", first.get("origin").asText());
        assertTrue(j.get("options").get("brute").asBoolean(), "strict's effective options");
        assertTrue(j.get("dates").get("birthday").get("yearOnly").asBoolean());
        assertEquals(c, PolicyLoader.standard().parse("""
                {"rules": [{"value": "S01", "action": "replace", "tag": 410}],
                 "extends": "strict", "name": "n", "fiffPolicy": 1}""", "q.json").canonicalJson(),
                "the same policy written differently has the same canonical JSON");
    }

    private static void assertSorted(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            assertEquals(sorted, keys);
            n.forEach(PolicyJsonTest::assertSorted);
        } else if (n.isArray()) {
            n.forEach(PolicyJsonTest::assertSorted);
        }
    }

    @Test
    void theHashChangesWithTheTableContentButNeverShowsTheSecret() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nA,B\n");
        String json = """
                {"fiffPolicy": 1, "rules": [{"tag": 1, "action": "pseudonym", "table": "t.csv", "missing": "hash",
                 "secret": "env:K"}],
                 "extends": "none", "uncovered": {"keep": "all", "comment": "only the table's hash is tested"}}""";
        PolicyLoader l = PolicyLoader.standard().withEnvironment(Map.of("K", "the-secret-value")).withBaseDirectory(dir);
        Policy a = l.parse(json, "p.json");
        assertFalse(a.canonicalJson().contains("the-secret-value"));
        assertTrue(a.canonicalJson().contains("\"secret\":\"env:K\""));
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nA,C\n");
        Policy b = l.parse(json, "p.json");
        assertNotEquals(a.sha256(), b.sha256());
        Policy c = PolicyLoader.standard().withEnvironment(Map.of("K", "another-secret")).withBaseDirectory(dir).parse(json,
                "p.json");
        assertEquals(b.sha256(), c.sha256(), "the secret is not part of the hash");
    }

    @Test
    void aPresetAsAPolicyHasAStableHash() {
        assertEquals(Policy.of(Preset.MNE_ANONYMIZE).sha256(), Policy.of(Preset.MNE_ANONYMIZE).sha256());
        assertNotEquals(Policy.of(Preset.MNE_ANONYMIZE).sha256(), Policy.of(Preset.STRICT).sha256());
        assertTrue(Policy.of(Preset.MNE_ANONYMIZE).sha256().matches("[0-9a-f]{64}"));
    }
}
