package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job over the whole corpus: every output byte-identical to the library's, every failure the library's. */
@Tag("corpus")
class CorpusArchiveTest {
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTests.start("CorpusArchiveTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    private static Path corpus() {
        String c = System.getProperty("fiff.corpus", "");
        assumeTrue(!c.isBlank(), "no corpus: -Dfiff.corpus=/path/to/corpus");
        return Path.of(c).toAbsolutePath();
    }

    @Test
    void theWholeCorpusGivesTheLibrarysBytes() throws IOException {
        Path corpus = corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> Units.isFiffName(p.getFileName().toString()))
                    .filter(p -> !SplitRecording.isAnonymizedName(p.getFileName().toString())).sorted().toList();
        }
        PolicySettings settings = new PolicySettings(Preset.MNE_ANONYMIZE.id(), null, null, null, true, true, false,
                false, null, null, 35, null, 35, true, false);
        Path out = dir.resolve("out");
        ArchiveJob.Summary summary = ArchiveJob.run(sc, JobSpec.of(corpus.toString(), out.toString(), settings));

        Map<String, Integer> expected = LocalReference.run(corpus, files, settings.builder().build(),
                dir.resolve("ref"));
        Map<String, JsonNode> got = new TreeMap<>();
        for (JsonNode r : SparkTests.report(SparkTests.local(summary.report()))) {
            got.put(LocalReference.rel(corpus, SparkTests.local(r.path("input").asText())), r);
        }
        assertEquals(expected.keySet(), got.keySet());
        assertEquals(files.size(), summary.files());
        int compared = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            JsonNode row = got.get(e.getKey());
            assertEquals(e.getValue().intValue(), row.path("exitStatus").asInt(), e.getKey() + ": " + row);
            if (e.getValue() == 0 || e.getValue() == 4) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("ref").resolve(e.getKey())),
                        Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
                compared++;
            }
        }
        // the corpus's split recording is one unit of four parts
        assertEquals(4, got.get("mne-synthetic/phi_split_raw-2.fif").path("parts").asInt());
        assertEquals(files.size() - 3, summary.units());
        assertTrue(compared > files.size() / 2, compared + " of " + files.size() + " written");
    }
}
