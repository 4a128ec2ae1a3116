package io.github.fiffkit.anonymize.policyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema and the loader know the same keys, and every sample uses only those. */
class PolicySchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws IOException {
        return JSON.readTree(PolicyLoader.schema());
    }

    private static Set<String> keys(JsonNode properties) {
        Set<String> out = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSchemaIsDraft202012AndRefusesUnknownKeysEverywhere() throws IOException {
        JsonNode s = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
        assertEquals(1, s.get("properties").get("fiffPolicy").get("const").asInt());
        assertEquals(false, s.get("additionalProperties").asBoolean(true));
        assertEquals(false, s.get("properties").get("options").get("additionalProperties").asBoolean(true));
        assertEquals(false, s.get("properties").get("dates").get("additionalProperties").asBoolean(true));
        for (String def : List.of("rule", "measurement", "birthday", "uncovered", "subjectOffset")) {
            assertEquals(false, s.get("$defs").get(def).get("additionalProperties").asBoolean(true), def);
        }
        assertTrue(PolicyLoader.class.getResource("fiff-policy-1.schema.json") != null);
        assertEquals(PolicyLoader.SCHEMA_RESOURCE, "/" + PolicyLoader.class.getPackageName().replace('.', '/')
                + "/fiff-policy-1.schema.json");
    }

    @Test
    void theSchemaAndTheLoaderKnowTheSameKeysAtEveryLevel() throws IOException {
        JsonNode s = schema();
        JsonNode top = s.get("properties");
        assertEquals(Vocabulary.TOP_KEYS, keys(top));
        assertEquals(Vocabulary.OPTION_KEYS, keys(top.get("options").get("properties")));
        assertEquals(Vocabulary.DATES_KEYS, keys(top.get("dates").get("properties")));
        assertEquals(Vocabulary.MEASUREMENT_KEYS, keys(s.get("$defs").get("measurement").get("properties")));
        assertEquals(Vocabulary.BIRTHDAY_KEYS, keys(s.get("$defs").get("birthday").get("properties")));
        assertEquals(Vocabulary.SUBJECT_OFFSET_KEYS, keys(s.get("$defs").get("subjectOffset").get("properties")));
        JsonNode rule = s.get("$defs").get("rule");
        assertEquals(Vocabulary.RULE_KEYS, keys(rule.get("properties")));
        assertEquals(Vocabulary.ACTIONS.keySet(), strings(rule.get("properties").get("action").get("enum")));
        assertEquals(Set.of("mne-anonymize", "mne-python", "strict", Vocabulary.NONE),
                strings(top.get("extends").get("enum")));
        assertEquals(Set.of("fiffPolicy", "extends"), strings(s.get("required")));
        assertEquals(Vocabulary.UNCOVERED_KEYS, keys(s.get("$defs").get("uncovered").get("properties")));
        assertEquals(Vocabulary.UNCOVERED_KEYS, strings(s.get("$defs").get("uncovered").get("required")));
        for (Preset p : Preset.values()) {
            assertTrue(strings(top.get("extends").get("enum")).contains(p.id()));
        }
    }

    @Test
    void theSchemaGivesEachActionExactlyTheParametersTheLoaderTakes() throws IOException {
        JsonNode allOf = schema().get("$defs").get("rule").get("allOf");
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode cond : allOf) {
            String action = cond.get("if").get("properties").get("action").get("const").asText();
            seen.add(action);
            JsonNode then = cond.get("then");
            Set<String> required = then.has("required") ? strings(then.get("required")) : Set.of();
            assertEquals(new LinkedHashSet<>(Vocabulary.REQUIRED.get(action)), required, action);
            Set<String> allowed = new LinkedHashSet<>(Vocabulary.SELECTOR_KEYS);
            allowed.add("action");
            allowed.add("comment");
            allowed.addAll(Vocabulary.ACTIONS.get(action));
            assertEquals(allowed, strings(then.get("propertyNames").get("enum")), action);
        }
        assertEquals(Vocabulary.ACTIONS.keySet(), seen);
    }

    @Test
    void everyKeyOfEverySamplePolicyIsInTheSchema() throws IOException {
        JsonNode s = schema();
        JsonNode top = s.get("properties");
        List<String> unknown = new ArrayList<>();
        for (Path file : ExamplePoliciesTest.samples()) {
            JsonNode p = JSON.readTree(file.toFile());
            check(file, "", p, keys(top), unknown);
            if (p.has("options")) {
                check(file, "options", p.get("options"), keys(top.get("options").get("properties")), unknown);
            }
            if (p.has("dates")) {
                JsonNode d = p.get("dates");
                check(file, "dates", d, keys(top.get("dates").get("properties")), unknown);
                for (String part : List.of("measurement", "birthday")) {
                    if (d.has(part)) {
                        check(file, "dates." + part, d.get(part), keys(s.get("$defs").get(part).get("properties")),
                                unknown);
                    }
                }
            }
            if (p.has("uncovered")) {
                check(file, "uncovered", p.get("uncovered"), keys(s.get("$defs").get("uncovered").get("properties")),
                        unknown);
            }
            if (p.has("rules")) {
                for (JsonNode r : p.get("rules")) {
                    check(file, "rules[]", r, keys(s.get("$defs").get("rule").get("properties")), unknown);
                    assertTrue(strings(s.get("$defs").get("rule").get("properties").get("action").get("enum"))
                            .contains(r.get("action").asText()));
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everySamplePolicyIsValidAgainstTheSchemaAndBrokenOnesAreNot() throws IOException {
        com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(PolicyLoader.schema());
        for (Path file : ExamplePoliciesTest.samples()) {
            List<com.networknt.schema.Error> errors = schema.validate(JSON.readTree(file.toFile()));
            assertEquals(List.of(), errors.stream().map(Object::toString).toList(), file.toString());
        }
        String ext = ", \"extends\": \"mne-anonymize\"}";
        for (String broken : List.of("{}", "{\"fiffPolicy\": 1}", "{\"fiffPolicy\": 2" + ext,
                "{\"fiffPolicy\": 1, \"extra\": 1" + ext,
                "{\"fiffPolicy\": 1, \"extends\": \"None\"}",
                "{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"keep\", \"value\": \"x\"}]" + ext,
                "{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"replace\"}]" + ext,
                "{\"fiffPolicy\": 1, \"rules\": [{\"tag\": 1, \"action\": \"hash\", \"secret\": \"plain\"}]" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"set\": \"2000-01-01\", \"keep\": true}}" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": {\"keyed\": [\"FIFF_SUBJ_HIS_ID\"],"
                        + " \"min\": 1}}}" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": {\"keyed\": [\"FIFF_MEAS_DATE\"],"
                        + " \"min\": 1, \"max\": 9, \"secret\": \"env:X\"}}}" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": {\"table\": \"t.csv\","
                        + " \"keyed\": [\"FIFF_SUBJ_HIS_ID\"]}}}" + ext,
                "{\"fiffPolicy\": 1, \"uncovered\": {\"keep\": \"all\", \"comment\": \"c\"}" + ext,
                "{\"fiffPolicy\": 1, \"extends\": \"none\", \"uncovered\": {\"keep\": \"all\"}}",
                "{\"fiffPolicy\": 1, \"extends\": \"none\", \"uncovered\": {\"keep\": [], \"comment\": \"c\"}}",
                "{\"fiffPolicy\": 1, \"extends\": \"none\", \"uncovered\": {\"keep\": \"some\", \"comment\": \"c\"}}",
                "{\"fiffPolicy\": 1, \"extends\": \"none\", \"uncovered\": {\"keep\": \"all\", \"comment\": \" \"}}")) {
            assertTrue(!schema.validate(JSON.readTree(broken)).isEmpty(), broken);
            org.junit.jupiter.api.Assertions.assertThrows(PolicyFileException.class,
                    () -> PolicyLoader.standard().parse(broken, "broken.json"), broken);
        }
    }

    @Test
    void whatTheLoaderTakesWithASecretGivenWhenRunningTheSchemaTakesToo(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(PolicyLoader.schema());
        Path secret = java.nio.file.Files.writeString(dir.resolve("s.secret"), "study\n");
        java.nio.file.Files.writeString(dir.resolve("t.csv"), "original,pseudonym,offsetDays\nA,P,3\n");
        String ext = ", \"extends\": \"mne-anonymize\"}";
        // no "secret" in the file: --secret-env or --secret-file gives it
        for (String good : List.of(
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": {\"keyed\": [\"FIFF_SUBJ_HIS_ID\"],"
                        + " \"min\": 1, \"max\": 9}}}" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"measurement\": {\"offsetDays\": {\"table\": \"t.csv\","
                        + " \"subject\": \"FIFF_SUBJ_HIS_ID\", \"missing\": \"keyed\", \"min\": 1, \"max\": 9}}}" + ext,
                "{\"fiffPolicy\": 1, \"dates\": {\"birthday\": {\"offsetDays\": {\"keyed\": [\"FIFF_SUBJ_ID\"],"
                        + " \"min\": -9, \"max\": 9}}}" + ext,
                "{\"fiffPolicy\": 1, \"rules\": [{\"tag\": \"FIFF_SUBJ_HIS_ID\", \"action\": \"hash\"}]" + ext)) {
            assertEquals(List.of(), schema.validate(JSON.readTree(good)).stream().map(Object::toString).toList(), good);
            java.nio.file.Files.writeString(dir.resolve("p.json"), good);
            PolicyLoader.standard().withSecretFromFile(secret).load(dir.resolve("p.json"));
        }
    }

    private static void check(Path file, String where, JsonNode object, Set<String> known, List<String> unknown) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!known.contains(k)) {
                unknown.add(file.getFileName() + ": " + where + "." + k);
            }
        }
    }
}
