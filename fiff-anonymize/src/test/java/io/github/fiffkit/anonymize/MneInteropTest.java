package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNE-Python is the judge: every corpus file that MNE-Python 1.3 reads with the reader for its kind is anonymized
 * with {@code mne-anonymize} (default, and brute with the MNE environment), {@code mne-python} and {@code strict};
 * the same reader must read each output and see the same channels, channel info, data (bit for bit), projectors,
 * events, annotation onsets and compensation, and, for every PHI field it reports, what the preset promises
 * ({@link InteropMode#expectation()}). Where MNE-Python's own anonymization refuses a recording (a shifted date
 * outside 32 bits), the {@code mne-python} preset must refuse it too, and only then.
 *
 * <p>Files no reader opens are reported as skipped with the reason. Run with
 * {@code ./mvnw verify -Pinterop -Dfiff.corpus=<absolute corpus dir>}; needs {@code /usr/bin/python3} with MNE-Python.
 */
@Tag("interop")
class MneInteropTest {
    @TempDir
    static Path work;

    static Path corpusRoot;

    @BeforeAll
    static void needsMneAndCorpus() throws Exception {
        String dir = System.getProperty("fiff.corpus", "");
        if (dir.isBlank() && Boolean.getBoolean("fiff.interop.required")) {
            throw new AssertionError("the interop profile needs -Dfiff.corpus=/absolute/path/to/corpus");
        }
        Assumptions.assumeFalse(dir.isBlank(), "set -Dfiff.corpus to the corpus folder");
        corpusRoot = Path.of(dir).toAbsolutePath();
        MnePython.assumeAvailable();
    }

    static List<Path> corpus() throws IOException {
        List<Path> files = io.github.fiffkit.testkit.FiffFiles.under(corpusRoot);
        assertFalse(files.isEmpty(), "no FIFF files under " + corpusRoot);
        return files;
    }

    /** One corpus file through one mode: what the anonymizer did, then what MNE-Python saw. */
    static final class Job {
        final String id;
        final Path input;
        final CorpusReaders.Choice choice;
        Path output;
        PolicyException refused;
        Throwable failed;
        JsonNode verdict;

        Job(String id, Path input, CorpusReaders.Choice choice) {
            this.id = id;
            this.input = input;
            this.choice = choice;
        }
    }

    @TestFactory
    Stream<DynamicNode> everyReadableCorpusFileThroughEveryPreset() throws IOException {
        List<Path> files = corpus();
        CorpusReaders readers = new CorpusReaders(corpusRoot);
        return Stream.of(InteropMode.values()).map(mode -> DynamicContainer.dynamicContainer(mode.toString(),
                Stream.of(mode).flatMap(m -> run(m, files, readers).stream())));
    }

    private static List<DynamicNode> run(InteropMode mode, List<Path> files, CorpusReaders readers) {
        try {
            deleteOutputsOfEarlierModes(); // their tests have run: keep the disk use to one mode's outputs
            Path dir = Files.createDirectories(work.resolve(mode.name()));
            List<Job> jobs = new ArrayList<>();
            Map<Path, Path> splitOutputs = new HashMap<>();
            int n = 0;
            for (Path file : files) {
                Job job = new Job(mode.name() + "-" + n++, file, readers.choose(file));
                jobs.add(job);
                if (job.choice.reader() != null) {
                    anonymize(mode, job, dir, splitOutputs);
                }
            }
            List<Map<String, Object>> requests = new ArrayList<>();
            for (Job job : jobs) {
                if (job.choice.reader() != null && job.failed == null) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", job.id);
                    r.put("reader", job.choice.reader());
                    r.put("input", job.input.toString());
                    r.put("output", job.output == null ? null : job.output.toString());
                    r.put("expect", mode.expectation());
                    requests.add(r);
                }
            }
            Map<String, JsonNode> verdicts = new HashMap<>();
            for (JsonNode v : MnePython.batch(requests, dir)) {
                verdicts.put(v.get("id").asText(), v);
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (Job job : jobs) {
                job.verdict = verdicts.get(job.id);
                String name = corpusRoot.relativize(job.input) + (job.choice.reader() != null
                        ? " [" + job.choice.reader() + "]" : " [no reader]");
                tests.add(DynamicTest.dynamicTest(name, () -> assertVerdict(mode, job)));
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteOutputsOfEarlierModes() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(work)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (!p.equals(work)) {
                Files.delete(p);
            }
        }
    }

    private static void anonymize(InteropMode mode, Job job, Path dir, Map<Path, Path> splitOutputs) {
        try {
            List<Path> parts = job.choice.reader().equals("raw") ? splitParts(job.input) : List.of(job.input);
            if (parts.size() > 1) {
                // a split recording is anonymized as one, once; each part is checked against its own output
                Path first = parts.get(0);
                if (!splitOutputs.containsKey(first)) {
                    Path sub = Files.createDirectories(dir.resolve("split-" + splitOutputs.size()));
                    List<Path> outs = SplitRecording.outputNames(sub.resolve(SplitRecording.anonymizedName(first.getFileName().toString())),
                            parts.size());
                    mode.anonymizer.anonymizeRecording(parts, outs);
                    for (int i = 0; i < parts.size(); i++) {
                        splitOutputs.put(parts.get(i), outs.get(i));
                    }
                }
                job.output = splitOutputs.get(job.input);
                return;
            }
            Path out = dir.resolve(job.id + "-" + job.input.getFileName().toString().replace(".gz", ""));
            mode.anonymizer.anonymize(job.input, out);
            job.output = out;
        } catch (PolicyException e) {
            job.refused = e;
        } catch (IOException | RuntimeException e) {
            job.failed = e;
        }
    }

    private static List<Path> splitParts(Path file) {
        try {
            return SplitRecording.parts(file);
        } catch (IOException | RuntimeException e) {
            return List.of(file); // not a readable split recording: anonymized (or refused) as one file
        }
    }

    private static void assertVerdict(InteropMode mode, Job job) {
        if (job.choice.reader() == null) {
            System.out.println("interop: skipped " + job.input + ": " + job.choice.skipReason());
            Assumptions.abort("skipped, no MNE-Python reader: " + job.choice.skipReason());
        }
        if (job.failed != null) {
            fail("the anonymizer failed on " + job.input + ": " + job.failed, job.failed);
        }
        JsonNode v = job.verdict;
        assertNotNull(v, "no verdict for " + job.input);
        if (v.get("ok").isNull()) {
            System.out.println("interop: skipped " + job.input + ": " + v.get("skip").asText());
            Assumptions.abort("skipped: " + v.get("skip").asText());
        }
        if (mode.isMnePython() && v.has("mne_refuses")) {
            JsonNode mne = v.get("mne_refuses");
            if (job.refused != null) {
                PolicyException e = job.refused;
                assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
                assertFalse(job.output != null && Files.exists(job.output), "refused, yet an output exists");
                if (mne.isNull()) {
                    // Deliberate (docs/interoperability.md): MNE-Python never checks the measurement block's own
                    // parent ID (it drops it and writes its measurement ID instead); we never drop a tag nor wrap a
                    // time, so a time there that cannot move is refused.
                    assertEquals(Integer.valueOf(FiffKind.PARENT_BLOCK_ID), e.kind(),
                            "mne-python refused a file MNE-Python anonymizes: " + e.getMessage());
                    assertEquals(FiffBlock.MEAS, e.blockPath().innermost(), e.getMessage());
                }
                return;
            }
            assertTrue(mne.isNull(), "MNE-Python refuses this file (" + mne.asText()
                    + "), the mne-python preset must refuse it too");
        }
        if (job.refused != null) {
            fail(mode + " refused " + job.input + ": " + job.refused.getMessage(), job.refused);
        }
        List<String> problems = new ArrayList<>();
        v.get("problems").forEach(p -> problems.add(p.asText()));
        assertTrue(v.get("ok").asBoolean(), "MNE-Python sees differences in " + job.output + ":\n  "
                + String.join("\n  ", problems));
        assertTrue(v.get("checked").size() > 0, "nothing was compared");
        assertEquals(job.choice.reader(), v.get("reader").asText());
    }
}
