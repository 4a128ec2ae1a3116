package io.github.fiffkit.anonymize.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path phi() throws IOException {
        return Phi.standard().write(dir.resolve("sub01_raw.fif"));
    }

    private static JsonNode change(JsonNode report, int kind) {
        for (JsonNode c : report.get("changes")) {
            if (c.get("kind").asInt() == kind) {
                return c;
            }
        }
        throw new AssertionError("no change of kind " + kind + " in " + report);
    }

    @Test
    void aReportNamesToolPolicyFilesDigestsAndEveryChangedTag() throws IOException {
        Path in = phi();
        Path out = dir.resolve("sub01_raw_anonymized.fif");
        Anonymizer a = Anonymizer.builder().digests(true).leakCheck(true).build();
        AnonymizationResult r = a.anonymize(in, out);
        JsonNode j = JSON.readTree(Report.of(a.policy()).toJson(r));
        assertEquals(1, j.get("fiffReport").asInt());
        assertEquals("FiffKit", j.get("tool").get("name").asText());
        assertEquals(Report.libraryVersion(), j.get("tool").get("version").asText());
        assertTrue(j.get("tool").get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), "filtered from the pom");
        assertEquals("anonymize", j.get("mode").asText());
        assertEquals("mne-anonymize", j.get("policy").get("name").asText());
        assertEquals(a.policy().sha256(), j.get("policy").get("sha256").asText());
        assertEquals(in.toString(), j.get("input").get("name").asText());
        assertEquals(Files.size(in), j.get("input").get("size").asLong());
        assertEquals(Sha256.hex(in), j.get("input").get("sha256").asText());
        assertEquals(out.toAbsolutePath().toString(), j.get("output").get("name").asText());
        assertEquals(Sha256.hex(out), j.get("output").get("sha256").asText());
        assertEquals(Files.size(out), j.get("output").get("size").asLong());
        assertEquals("2000-01-01T00:00:00Z", j.get("measurementDate").get("after").asText());
        assertFalse(j.get("measurementDate").has("before"), "the original date is PHI");
        assertEquals(r.tagsRead(), j.get("tags").get("read").asLong());
        assertEquals(r.tagsWritten(), j.get("tags").get("written").asLong());
        assertEquals(r.changes().size(), j.get("changes").size());
        assertEquals(r.changes().size(), j.get("tags").get("changed").asInt());
        JsonNode last = change(j, FiffKind.SUBJ_LAST_NAME);
        assertEquals("FIFF_SUBJ_LAST_NAME", last.get("kindName").asText());
        assertEquals("replace", last.get("action").asText());
        assertEquals("preset mne-anonymize", last.get("rule").asText());
        assertEquals(List.of(FiffBlock.MEAS, FiffBlock.MEAS_INFO, FiffBlock.SUBJECT), ints(last.get("block")));
        assertEquals("FIFFB_SUBJECT", last.get("blockNames").get(2).asText());
        assertEquals("mne_anonymize", last.get("newValue").asText());
        assertFalse(last.get("removed").asBoolean());
        assertFalse(last.has("oldValue"));
        assertTrue(j.get("leakCheck").get("ran").asBoolean());
        assertEquals(r.leaks().size(), j.get("leakCheck").get("hits").size());
        assertTrue(j.get("leakCheck").get("hits").size() > 0, "mne-anonymize leaves the name in DACQ_PARS");
        JsonNode hit = j.get("leakCheck").get("hits").get(0);
        assertEquals(r.leaks().get(0).what(), hit.get("what").asText());
        assertEquals(r.leaks().get(0).suggestion(), hit.get("suggestion").asText());
        assertTrue(j.get("warnings").isArray());
        String text = j.toString();
        assertFalse(text.contains(Phi.LAST), "no PHI in a report without old values: " + text);
        assertFalse(text.contains(Phi.HIS));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void oldValuesAppearOnlyWhenAskedFor() throws IOException {
        Anonymizer a = Anonymizer.builder().recordOldValues(true).build();
        AnonymizationResult r = a.anonymize(phi(), dir.resolve("o.fif"));
        JsonNode without = JSON.readTree(Report.of(a.policy()).toJson(r));
        assertFalse(without.toString().contains(Phi.LAST));
        JsonNode with = JSON.readTree(Report.of(a.policy()).withOldValues(true).toJson(r));
        assertEquals(Phi.LAST, change(with, FiffKind.SUBJ_LAST_NAME).get("oldValue").asText());
        assertEquals("2019-03-14T09:26:53.589793Z", with.get("measurementDate").get("before").asText());
    }

    @Test
    void digestsAreLeftOutWhenNotComputed() throws IOException {
        Anonymizer a = Anonymizer.builder().build();
        JsonNode j = JSON.readTree(Report.toJson(a.anonymize(phi(), dir.resolve("o.fif")), a.policy()));
        assertFalse(j.get("input").has("sha256"));
        assertFalse(j.get("output").has("sha256"));
        assertFalse(j.get("leakCheck").get("ran").asBoolean());
    }

    @Test
    void removedTagsAreMarkedRemovedWithoutANewValue() throws IOException {
        Anonymizer a = Anonymizer.builder().preset(Preset.MNE_PYTHON).build();
        JsonNode j = JSON.readTree(Report.of(a.policy()).toJson(a.anonymize(phi(), dir.resolve("o.fif"))));
        JsonNode utc = change(j, FiffKind.UTC_OFFSET);
        assertTrue(utc.get("removed").asBoolean());
        assertTrue(utc.get("newValue").isNull());
        assertEquals("remove", utc.get("action").asText());
    }

    @Test
    void aDryRunReportHasNoOutputAndWritesNothing() throws IOException {
        Path in = phi();
        byte[] before = Files.readAllBytes(in);
        Anonymizer a = Anonymizer.builder().digests(true).build();
        AnonymizationResult planned = a.plan(in);
        assertEquals(List.of(in.getFileName().toString()), Folders.listing(dir), "a dry run leaves no file behind");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));
        JsonNode j = JSON.readTree(Report.of(a.policy()).toJson(planned));
        assertEquals("dryRun", j.get("mode").asText());
        assertTrue(j.get("output").isNull());
        assertEquals(Sha256.hex(in), j.get("input").get("sha256").asText());
        AnonymizationResult done = a.anonymize(in, dir.resolve("o.fif"));
        assertEquals(done.changes(), planned.changes(), "the plan lists exactly the changes a run makes");
    }

    @Test
    void theToolCanBeNamedByTheApplication() throws IOException {
        Anonymizer a = Anonymizer.builder().build();
        JsonNode j = JSON.readTree(Report.of(a.policy()).withTool("mne_anonymize", "9.9").toPrettyJson(
                a.plan(phi())));
        assertEquals("mne_anonymize", j.get("tool").get("name").asText());
        assertEquals("9.9", j.get("tool").get("version").asText());
    }

    @Test
    void severalFilesGiveJsonLinesIncludingFailures() throws IOException {
        Anonymizer a = Anonymizer.builder().build();
        StringWriter sw = new StringWriter();
        try (ReportWriter w = new ReportWriter(Report.of(a.policy()), sw)) {
            w.write(a.plan(phi()));
            w.writeFailure("broken.fif", 2, "broken.fif: not a FIFF file");
            w.write(a.verify(phi()));
        }
        String[] lines = sw.toString().split("\n");
        assertEquals(3, lines.length);
        assertTrue(sw.toString().endsWith("\n"));
        assertEquals("dryRun", JSON.readTree(lines[0]).get("mode").asText());
        JsonNode failed = JSON.readTree(lines[1]);
        assertEquals("failed", failed.get("mode").asText());
        assertEquals(2, failed.get("status").asInt());
        assertEquals("broken.fif", failed.get("input").get("name").asText());
        assertEquals("broken.fif: not a FIFF file", failed.get("error").asText());
        JsonNode verify = JSON.readTree(lines[2]);
        assertEquals("verify", verify.get("mode").asText());
        assertFalse(verify.get("passed").asBoolean());
        assertTrue(verify.get("findings").size() > 0);
    }

    @Test
    void thePolicyHashFollowsTheResolvedPolicy() throws IOException {
        String plain = Anonymizer.builder().build().policy().sha256();
        assertEquals(plain, Anonymizer.builder().build().policy().sha256(), "the same policy, the same hash");
        assertNotEquals(plain, Anonymizer.builder().brute(true).build().policy().sha256());
        assertNotEquals(plain, Anonymizer.builder().measurementDateOffsetDays(3).build().policy().sha256());
        assertEquals(64, plain.length());
        assertEquals(Sha256.hex(Anonymizer.builder().build().policy().canonicalJson()), plain);
    }
}
