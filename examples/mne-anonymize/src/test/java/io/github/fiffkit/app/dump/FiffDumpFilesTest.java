package io.github.fiffkit.app.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fiff-dump with several files: one after the other, each named, a failure in one not stopping the others. */
class FiffDumpFilesTest {
    private static final String EOL = System.lineSeparator();

    @TempDir
    Path dir;

    private Path file(String name, String comment) throws IOException {
        Path file = dir.resolve(name);
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 3, 4, new FiffTime(1_700_000_000, 5)));
            w.startBlock(FiffBlock.MEAS);
            w.writeString(FiffKind.COMMENT, comment);
            w.writeInt(FiffKind.NCHAN, comment.length());
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        return file;
    }

    /** A file whose chain is cut inside its fifth tag's header: its first tags print, then it fails. */
    private Path cutFile() throws IOException {
        byte[] whole = Files.readAllBytes(file("whole.fif", "cut short"));
        return Files.write(dir.resolve("cut.fif"), Arrays.copyOf(whole, 76 + 16 + 4 + 8));
    }

    private static String jsonName(Path file) {
        return "\"" + file.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void treeOfSeveralFilesIsTheirOwnTreesInOrderWithAnEmptyLineBetween() throws IOException {
        Path a = file("a_raw.fif", "first");
        Path b = file("b raw \"quoted\".fif", "second file");
        DumpRun both = DumpRun.of(a.toString(), b.toString(), a.toString());
        assertEquals(0, both.status(), both.toString());
        assertEquals("", both.err());
        String treeA = DumpRun.of(a.toString()).out();
        String treeB = DumpRun.of(b.toString()).out();
        assertEquals(treeA + EOL + treeB + EOL + treeA, both.out());
        List<String> headers = both.outLines().stream().filter(l -> l.startsWith("# ") && l.endsWith(" bytes"))
                .toList();
        assertEquals(List.of("# " + a + ": " + Files.size(a) + " bytes", "# " + b + ": " + Files.size(b) + " bytes",
                "# " + a + ": " + Files.size(a) + " bytes"), headers, "each file's tree starts with its name");
    }

    @Test
    void jsonLinesOfSeveralFilesStartWithTheirFile() throws IOException {
        Path a = file("a_raw.fif", "first");
        Path b = file("b raw \"quoted\".fif", "second file");
        DumpRun both = DumpRun.of("--json", a.toString(), b.toString());
        assertEquals(0, both.status(), both.toString());
        assertEquals("", both.err());

        List<String> expected = new ArrayList<>();
        for (Path f : new Path[] {a, b}) {
            for (String line : DumpRun.of("--json", f.toString()).outLines()) {
                assertTrue(line.startsWith("{\"pos\":"), "one file: no file member: " + line);
                expected.add("{\"file\":" + jsonName(f) + "," + line.substring(1));
            }
        }
        assertEquals(expected, both.outLines());
        List<JsonNode> tags = both.json();
        assertEquals(a.toString(), tags.get(0).get("file").asText());
        assertEquals(b.toString(), tags.get(tags.size() - 1).get("file").asText());
        assertEquals("second file", tags.stream().filter(t -> t.get("file").asText().equals(b.toString())
                && t.get("kind").asInt() == FiffKind.COMMENT).findFirst().orElseThrow().get("value").asText());
    }

    @Test
    void aFileThatFailsDoesNotStopTheOthersAndTheFirstFailureGivesTheStatus() throws IOException {
        Path a = file("a_raw.fif", "first");
        Path b = file("b_raw.fif", "second file");
        Path missing = dir.resolve("missing_raw.fif");
        Path text = Files.writeString(dir.resolve("notes.fif"), "not a FIFF file, only notes\n");
        Path cut = cutFile();
        String[] files = {a.toString(), missing.toString(), cut.toString(), text.toString(), b.toString()};

        DumpRun tree = DumpRun.of(files);
        assertEquals(2, tree.status(), tree.toString());
        List<String> errors = tree.errLines();
        assertEquals(3, errors.size(), tree.err());
        assertEquals("fiff-dump: " + missing + ": no such file", errors.get(0));
        assertTrue(errors.get(1).startsWith("fiff-dump: " + cut + ": offset 96: "), errors.get(1));
        assertTrue(errors.get(2).startsWith("fiff-dump: " + text + ": offset 0: not a FIFF file"), errors.get(2));
        // each file's tree as it prints alone, an empty line between: the missing file prints nothing (and adds
        // no empty line), the cut one what came before the cut, the text file its first line only
        List<String> alone = new ArrayList<>();
        for (String f : files) {
            String out = DumpRun.of(f).out();
            if (!out.isEmpty()) {
                alone.add(out);
            }
        }
        assertEquals(4, alone.size());
        assertTrue(alone.get(1).startsWith("# " + cut + ": ") && alone.get(1).contains("FIFFB_MEAS (100) {")
                && !alone.get(1).contains(" tags"), alone.get(1));
        assertEquals(List.of("# " + text + ": " + Files.size(text) + " bytes" + EOL), alone.subList(2, 3));
        assertEquals(String.join(EOL, alone), tree.out());

        DumpRun json = DumpRun.of(prepend("--json", files));
        assertEquals(2, json.status(), json.toString());
        assertEquals(tree.err(), json.err());
        List<JsonNode> tags = json.json();
        List<String> order = new ArrayList<>();
        for (JsonNode t : tags) {
            String f = t.get("file").asText();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(f)) {
                order.add(f);
            }
        }
        assertEquals(List.of(a.toString(), cut.toString(), b.toString()), order);
        assertEquals(DumpRun.of("--json", b.toString()).outLines().size(),
                tags.stream().filter(t -> t.get("file").asText().equals(b.toString())).count(),
                "the last file is dumped whole");
    }

    @Test
    void aFailedFileBeforeGoodOnesIsStatusTwoAndTheGoodOnesArePrinted() throws IOException {
        Path a = file("a_raw.fif", "first");
        DumpRun run = DumpRun.of(dir.toString(), a.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals(List.of("fiff-dump: " + dir + ": is a directory, not a FIFF file"), run.errLines());
        assertEquals(DumpRun.of(a.toString()).out(), run.out(), "no empty line before the first tree printed");
    }

    @Test
    void whenTheOutputFailsTheFilesStillToComeAreNotRead() throws IOException {
        Path a = file("a_raw.fif", "first");
        Path missing = dir.resolve("missing_raw.fif");
        StringWriter err = new StringWriter();
        int status = FiffDump.run(new String[] {a.toString(), missing.toString()}, new PrintWriter(failing()),
                new PrintWriter(err));
        assertEquals(3, status);
        assertEquals("", err.toString(), "the missing file is never tried: there is nowhere to print it");

        err = new StringWriter();
        status = FiffDump.run(new String[] {missing.toString(), a.toString()}, new PrintWriter(failing()),
                new PrintWriter(err));
        assertEquals(2, status, "the first failure's status, the missing file's");
        assertEquals("fiff-dump: " + missing + ": no such file" + EOL, err.toString());
    }

    @Test
    void oneFileHasNoFileMemberAndNoEmptyLine() throws IOException {
        Path a = file("a_raw.fif", "first");
        DumpRun json = DumpRun.of("--json", a.toString());
        assertFalse(json.out().contains("\"file\""), json.out());
        DumpRun tree = DumpRun.of(a.toString());
        assertFalse(tree.outLines().contains(""), tree.out());
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A writer on a full disk. */
    private static Writer failing() {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
    }
}
