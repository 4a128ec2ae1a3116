package io.github.fiffkit.app.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * fiff-dump over every file of the corpus ({@code -Pcorpus -Dfiff.corpus=/abs/path/to/shared/corpus}): both
 * formats exit 0, say the same, follow the chain tag by tag, and count as many tags as the corpus manifest.
 */
@Tag("corpus")
class FiffDumpCorpusTest {
    private static final Pattern FIFF_NAME = Pattern.compile(".*\\.fif(\\.gz)?");
    private static final Pattern TAG_COUNT = Pattern.compile("# (\\d+) tags?(;.*)?");

    private static Path corpus() {
        String dir = System.getProperty("fiff.corpus", "");
        if (dir.isBlank()) {
            fail("the corpus tests need -Dfiff.corpus=/absolute/path/to/corpus");
        }
        Path root = Path.of(dir);
        assertTrue(Files.isDirectory(root), root + " is not a folder");
        return root;
    }

    /** Tag counts from {@code real/MANIFEST.tsv} (column {@code n_tags}), by path relative to the corpus. */
    private static Map<String, Integer> manifestTagCounts(Path root) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Path manifest = root.resolve("real").resolve("MANIFEST.tsv");
        if (!Files.exists(manifest)) {
            return counts;
        }
        List<String> lines = Files.readAllLines(manifest);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int file = header.indexOf("file");
        int nTags = header.indexOf("n_tags");
        if (file < 0 || nTags < 0) {
            return counts;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length > nTags && cells[nTags].matches("\\d+")) {
                counts.put("real/" + cells[file], Integer.parseInt(cells[nTags]));
            }
        }
        return counts;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileDumps() throws IOException {
        Path root = corpus();
        Map<String, Integer> manifest = manifestTagCounts(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> FIFF_NAME.matcher(p.getFileName().toString())
                    .matches()).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no FIFF files under " + root);
        return files.stream().map(file -> {
            String relative = root.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(relative, () -> check(file, manifest.get(relative)));
        });
    }

    private static void check(Path file, Integer manifestCount) {
        DumpRun tree = DumpRun.of(file.toString());
        assertEquals(0, tree.status(), tree.err());
        List<String> lines = tree.outLines();
        Matcher m = TAG_COUNT.matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), lines.get(lines.size() - 1));
        int count = Integer.parseInt(m.group(1));
        assertEquals(count + 2, lines.size(), "one line per tag, a first and a last line");
        if (manifestCount != null) {
            assertEquals(manifestCount.intValue(), count, "tags on the chain, as the corpus manifest counts them");
        }

        DumpRun json = DumpRun.of("--json", file.toString());
        assertEquals(0, json.status(), json.err());
        assertEquals(tree.err(), json.err(), "the same warnings in both formats");
        List<JsonNode> tags = json.json();
        assertEquals(count, tags.size());
        assertEquals(0, tags.get(0).get("pos").asLong());
        assertEquals(100, tags.get(0).get("kind").asInt(), "FIFF_FILE_ID first");
        for (int i = 0; i + 1 < tags.size(); i++) {
            JsonNode t = tags.get(i);
            long next = t.get("next").asLong();
            long expected = next == 0 ? t.get("pos").asLong() + 16 + t.get("size").asLong() : next;
            assertEquals(expected, tags.get(i + 1).get("pos").asLong(), "the chain goes on from " + t);
            assertTrue(t.get("type").asLong() >= 0, "unsigned type: " + t);
        }
        JsonNode last = tags.get(tags.size() - 1);
        assertTrue(last.get("next").asInt() == -1 || json.err().contains("without a terminating tag"),
                "the chain ends with next = -1, or a warning says it does not: " + last);
    }
}
