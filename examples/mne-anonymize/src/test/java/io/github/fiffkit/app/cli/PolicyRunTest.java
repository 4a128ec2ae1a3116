package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files, keyed-hash secrets, reports, dry runs and verify, run in-process. */
class PolicyRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path policy(String json) throws IOException {
        return Files.writeString(dir.resolve("policy.json"), json);
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void aPolicyFileWithAPseudonymTableAndTheCommandLineOverridingItsOptions() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "patient " + TestFiles.LAST + " gain 2");
        Files.writeString(dir.resolve("subjects.csv"), "original,pseudonym\n" + TestFiles.HIS + ",SUBJ-01\n");
        Path p = policy("""
                {"fiffPolicy": 1, "name": "lab", "extends": "mne-anonymize",
                 "rules": [
                   {"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "subjects.csv"},
                   {"tag": "FIFF_DACQ_PARS", "action": "scrub"}
                 ]}""");
        Path out = dir.resolve("o.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString(), "--policy", p.toString(), "-b");
        assertEquals(0, r.status(), r.toString());
        assertEquals("SUBJ-01", TestFiles.string(out, FiffKind.SUBJ_HIS_ID));
        assertFalse(TestFiles.string(out, FiffKind.DACQ_PARS).contains(TestFiles.LAST));
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_LAST_NAME), "the preset's rules follow");
        assertEquals(0, TestFiles.values(out, FiffKind.SUBJ_SEX).get(0)[3], "-b overrides the policy's options");
    }

    @Test
    void aPolicyFileWithProblemsListsEveryOneAndWritesNothing() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("""
                {"fiffPolicy": 1,
                 "rules": [
                   {"tag": "FIFF_NO_SUCH_TAG", "action": "remove"},
                   {"tag": "FIFF_SUBJ_HIS_ID", "action": "explode"}
                 ],
                 "extends": "mne-anonymize"}""");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--policy", p.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("2 problems"), r.err());
        assertTrue(r.err().contains("FIFF_NO_SUCH_TAG") && r.err().contains("explode"), r.err());
        assertTrue(r.err().contains(":3:") || r.err().contains("line 3"), "names the line: " + r.err());
        assertEquals(List.of("a_raw.fif", "policy.json"), Folders.listing(dir));

        AppRun missing = AppRun.of("--no-gui", "-i", in.toString(), "--policy", dir.resolve("nope.json").toString());
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("nope.json"), missing.err());
    }

    @Test
    void presetAndPolicyExcludeEachOtherAndSecretsNeedAPolicy() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\"}");
        AppRun both = AppRun.of("--no-gui", "-i", in.toString(), "--policy", p.toString(), "--preset", "strict");
        assertEquals(1, both.status(), both.toString());
        assertTrue(both.err().contains("--preset and --policy exclude each other"), both.err());
        AppRun secret = AppRun.of("--no-gui", "-i", in.toString(), "--secret-env", "X");
        assertEquals(1, secret.status(), secret.toString());
        assertTrue(secret.err().contains("it needs --policy"), secret.err());
        assertEquals(List.of("a_raw.fif", "policy.json"), Folders.listing(dir));
    }

    @Test
    void theKeyedHashSecretComesFromAFileAndAMissingOneIsAUsageError() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path p = policy("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash"}],
                 "extends": "mne-anonymize"}""");
        Path s1 = Files.writeString(dir.resolve("s1.txt"), "correct horse battery staple\n");
        Path s2 = Files.writeString(dir.resolve("s2.txt"), "another secret\n");
        Path o1 = dir.resolve("o1.fif");
        Path o1again = dir.resolve("o1b.fif");
        Path o2 = dir.resolve("o2.fif");
        assertEquals(0, AppRun.of("--no-gui", "-i", in.toString(), "-o", o1.toString(), "--policy", p.toString(),
                "--secret-file", s1.toString()).status());
        assertEquals(0, AppRun.of("--no-gui", "-i", in.toString(), "-o", o1again.toString(), "--policy",
                p.toString(), "--secret-file", s1.toString()).status());
        assertEquals(0, AppRun.of("--no-gui", "-i", in.toString(), "-o", o2.toString(), "--policy", p.toString(),
                "--secret-file", s2.toString()).status());
        String h1 = TestFiles.string(o1, FiffKind.SUBJ_HIS_ID);
        assertTrue(h1.matches("[0-9a-f]{16}"), h1);
        assertEquals(h1, TestFiles.string(o1again, FiffKind.SUBJ_HIS_ID), "the same secret, the same hash");
        assertNotEquals(h1, TestFiles.string(o2, FiffKind.SUBJ_HIS_ID));

        AppRun noSecret = AppRun.of("--no-gui", "-i", in.toString(), "--policy", p.toString());
        assertEquals(1, noSecret.status(), noSecret.toString());
        assertTrue(noSecret.err().contains("--secret-env or --secret-file"), noSecret.err());
        AppRun unsetVariable = AppRun.of("--no-gui", "-i", in.toString(), "--policy", p.toString(), "--secret-env",
                "FIFFKIT_TEST_SECRET_THAT_IS_NOT_SET");
        assertEquals(1, unsetVariable.status(), unsetVariable.toString());
        assertTrue(unsetVariable.err().contains("FIFFKIT_TEST_SECRET_THAT_IS_NOT_SET"), unsetVariable.err());
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothing() throws IOException {
        Path in = TestFiles.sample(dir.resolve("sample_raw.fif"));
        AppRun r = AppRun.of("--no-gui", "--dry-run", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of(in + " -> " + dir.resolve("sample_raw_anonymized.fif")
                + ": 15 tags would change (dry run, nothing written)", "hint: kept FIFF_DACQ_PARS: --preset strict"
                + " scrubs them; kept FIFF_MNE_ENV_WORKING_DIR, FIFF_MNE_ENV_COMMAND_LINE: --mne_environment"
                + " replaces them"), r.outLines());
        assertEquals(List.of("sample_raw.fif"), Folders.listing(dir));

        AppRun verbose = AppRun.of("--no-gui", "--dry-run", "-v", "-i", in.toString());
        assertTrue(verbose.out().contains(SampleFileWriter.LAST_NAME + " -> mne_anonymize"), verbose.out());
        assertEquals(List.of("sample_raw.fif"), Folders.listing(dir));

        AppRun delete = AppRun.of("--no-gui", "--dry-run", "-d", "-i", in.toString());
        assertEquals(1, delete.status(), delete.toString());
    }

    @Test
    void theReportHasOneJsonRecordPerFileWithoutOldValues() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        TestFiles.sample(folder.resolve("a_raw.fif"));
        TestFiles.notFiff(folder.resolve("b_raw.fif"));
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.jsonl");
        AppRun r = AppRun.of("--no-gui", "-v", "-i", folder.toString(), "-o", out.toString(), "--report",
                report.toString());
        assertEquals(6, r.status(), r.toString());
        List<JsonNode> records = jsonLines(report);
        assertEquals(2, records.size(), Files.readString(report));
        JsonNode ok = records.stream().filter(n -> n.path("mode").asText().equals("anonymize")).findFirst()
                .orElseThrow();
        assertEquals(1, ok.path("fiffReport").asInt());
        assertEquals("mne_anonymize", ok.path("tool").path("name").asText());
        assertEquals("mne-anonymize", ok.path("policy").path("name").asText());
        assertTrue(ok.path("input").path("sha256").asText().matches("[0-9a-f]{64}"), ok.toString());
        assertTrue(ok.path("output").path("sha256").asText().matches("[0-9a-f]{64}"), ok.toString());
        assertEquals(15, ok.path("changes").size());
        JsonNode failed = records.stream().filter(n -> n.path("mode").asText().equals("failed")).findFirst()
                .orElseThrow();
        assertEquals(2, failed.path("status").asInt());
        assertTrue(failed.path("error").asText().contains("not a FIFF file"), failed.toString());
        String text = Files.readString(report);
        assertFalse(text.contains(SampleFileWriter.HIS_ID) || text.contains("Lindqvist"), "no PHI in the report");
    }

    @Test
    void aReportThatCannotBeWrittenStopsTheRunBeforeAnything() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--report", dir.resolve("no/such/r.json").toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("cannot write the report"), r.err());
        assertEquals(List.of("a_raw.fif"), Folders.listing(dir));
    }

    @Test
    void verifyPassesOnAnOutputAndFindsPhiInAnOriginal() throws IOException {
        Path in = TestFiles.sample(dir.resolve("sample_raw.fif"));
        assertEquals(0, AppRun.of("--no-gui", "-i", in.toString(), "--mdo", "35").status());
        Path out = dir.resolve("sample_raw_anonymized.fif");

        AppRun pass = AppRun.of("--no-gui", "--verify", out.toString(), "--mdo", "35");
        assertEquals(0, pass.status(), pass.toString());
        assertEquals(out + ": passed", pass.outLines().get(0));
        assertTrue(pass.outLines().contains("not checked: free text is not searched without the original: a name in"
                + " a comment, an annotation description or the acquisition parameters passes when the policy keeps"
                + " that tag (verify against the original to search for it)"), pass.out());
        assertTrue(pass.outLines().stream().skip(1).allMatch(l -> l.startsWith("not checked: ")), pass.out());

        AppRun found = AppRun.of("--no-gui", "--verify", in.toString());
        assertEquals(5, found.status(), found.toString());
        assertTrue(found.out().startsWith(in + ": PHI found in "), found.out());
        assertTrue(found.out().contains("  FIFF_SUBJ_LAST_NAME in /FIFFB_MEAS/FIFFB_MEAS_INFO/FIFFB_SUBJECT at 478"),
                found.out());
        assertFalse(found.out().contains(SampleFileWriter.LAST_NAME), "values only with -v");
        AppRun verbose = AppRun.of("--no-gui", "-v", "--verify", in.toString());
        assertTrue(verbose.out().contains(SampleFileWriter.LAST_NAME + " -> mne_anonymize"), verbose.out());
    }

    @Test
    void verifyOverAFolderChecksOutputsTooAndReports() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        TestFiles.sample(folder.resolve("a_raw.fif"));
        assertEquals(0, AppRun.of("--no-gui", "-i", folder.resolve("a_raw.fif").toString()).status());
        Path report = dir.resolve("verify.jsonl");
        AppRun r = AppRun.of("--no-gui", "--verify", folder.toString(), "--report", report.toString());
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.out().contains(folder.resolve("a_raw_anonymized.fif") + ": passed"), r.out());
        assertTrue(r.out().contains("summary: 2 files verified: 1 passed, 1 with PHI, 0 failed"), r.out());
        List<JsonNode> records = jsonLines(report);
        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(n -> n.path("mode").asText().equals("verify")), records.toString());

        TestFiles.notFiff(folder.resolve("c_raw.fif"));
        AppRun broken = AppRun.of("--no-gui", "--verify", folder.toString());
        assertEquals(6, broken.status(), broken.toString());
        AppRun one = AppRun.of("--no-gui", "--verify", folder.resolve("c_raw.fif").toString());
        assertEquals(2, one.status(), one.toString());
    }

    @Test
    void verifyGoesWithoutInputsToAnonymize() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        AppRun r = AppRun.of("--no-gui", "--verify", in.toString(), "-i", in.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("--verify checks files that are already anonymized"), r.err());
    }

    @Test
    void verifyingAFolderWithoutRecordingsIsNothingToDo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AppRun r = AppRun.of("--no-gui", "--verify", empty.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("mne_anonymize: nothing to verify: no FIFF file (.fif, .fif.gz, .fiff) in " + empty),
                r.errLines());
    }

    @Test
    void aDryRunReportsWhatItWouldDo() throws IOException {
        Path in = TestFiles.sample(dir.resolve("sample_raw.fif"));
        Path report = dir.resolve("plan.jsonl");
        AppRun r = AppRun.of("--no-gui", "-s", "--dry-run", "-i", in.toString(), "--report", report.toString());
        assertEquals(0, r.status(), r.toString());
        List<JsonNode> records = jsonLines(report);
        assertEquals(1, records.size());
        assertEquals("dryRun", records.get(0).path("mode").asText(), records.get(0).toString());
        assertEquals(15, records.get(0).path("changes").size());
        assertEquals(List.of("plan.jsonl", "sample_raw.fif"), Folders.listing(dir));
    }
}
