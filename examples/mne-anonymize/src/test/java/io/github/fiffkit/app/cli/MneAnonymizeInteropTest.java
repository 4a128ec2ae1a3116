package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split recording anonymized by mne_anonymize reads in MNE-Python as one continuous recording, from the
 * anonymized parts only, with the same data, channels, annotations and compensation as the original; no file
 * reference names an original part. Uses the project's checker {@code fiff-anonymize/src/test/python/mne_interop.py}
 * ({@code ./mvnw verify -Pinterop -Dfiff.corpus=DIR}; needs MNE-Python in {@code /usr/bin/python3}).
 */
@Tag("interop")
class MneAnonymizeInteropTest {
    static final Path CHECKER = Path.of("../../fiff-anonymize/src/test/python/mne_interop.py").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aSplitRecordingReadsAsOneContinuousRecordingFromTheAnonymizedPartsOnly() throws Exception {
        String root = System.getProperty("fiff.corpus", "");
        Assumptions.assumeFalse(root.isBlank(), "set -Dfiff.corpus to the corpus folder");
        String python = System.getProperty("fiff.python", "/usr/bin/python3");
        if (!Files.isExecutable(Path.of(python)) && Boolean.getBoolean("fiff.interop.required")) {
            throw new AssertionError(python + " is missing (the interop profile needs it)");
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of(python)), python + " is missing");
        Path synthetic = Path.of(root, "mne-synthetic");

        Path out = dir.resolve("phi_split_anon_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-b", "--mne_environment", "-i",
                synthetic.resolve("phi_split_raw-2.fif").toString(), "-o", out.toString());
        // status 4: the subject's first name stays in an annotation description (see MneAnonymizeCorpusTest)
        assertEquals(4, r.status(), r.toString());
        List<String> names = List.of("phi_split_anon_raw.fif", "phi_split_anon_raw-1.fif",
                "phi_split_anon_raw-2.fif", "phi_split_anon_raw-3.fif");
        for (String n : names) {
            for (String ref : TestFiles.strings(dir.resolve(n), FiffKind.REF_FILE_NAME)) {
                assertTrue(names.contains(ref), n + " refers to " + ref + ", not an anonymized part");
            }
        }

        String expect = "{\"meas_date\": {\"mode\": \"set\", \"date\": \"2000-01-01\"}, \"fields\": {"
                + "\"subject_info.last_name\": {\"op\": \"replace\", \"value\": \"mne_anonymize\"},"
                + "\"subject_info.his_id\": {\"op\": \"replace\", \"value\": \"mne_anonymize\"},"
                + "\"subject_info.sex\": {\"op\": \"replace\", \"value\": 0},"
                + "\"experimenter\": {\"op\": \"replace\", \"value\": \"mne_anonymize\"}}}";
        for (int part = 0; part < names.size(); part++) {
            String in = part == 0 ? "phi_split_raw.fif" : "phi_split_raw-" + part + ".fif";
            JsonNode v = check(python, synthetic.resolve(in), dir.resolve(names.get(part)), expect);
            List<String> problems = new ArrayList<>();
            v.get("problems").forEach(p -> problems.add(p.asText()));
            assertTrue(v.get("ok").asBoolean(), names.get(part) + ":\n  " + String.join("\n  ", problems));
            List<String> checked = new ArrayList<>();
            v.get("checked").forEach(c -> checked.add(c.asText()));
            assertTrue(checked.containsAll(List.of("data", "n_parts", "parts", "annotations", "meas_date",
                    "subject_info.last_name")), checked.toString());
        }
    }

    private static JsonNode check(String python, Path input, Path output, String expect) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(python, CHECKER.toString(), "check", "--reader", "raw", "--input",
                input.toString(), "--output", output.toString(), "--expect", expect);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "checker timed out");
        Assumptions.assumeFalse(json.isBlank() && p.exitValue() != 0, "MNE-Python is not importable by " + python);
        assertEquals(0, p.exitValue(), json);
        return new ObjectMapper().readTree(json);
    }
}
