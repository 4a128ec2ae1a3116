package io.github.fiffkit.app.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.app.Version;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiffDumpTest {
    private static final int MACHINE_0 = 0x00112233;
    private static final int MACHINE_1 = 0x44550000;
    private static final FiffTime MEAS_TIME = new FiffTime(1_684_316_486, 215_347); // 2023-05-17T09:41:26.215347Z

    @TempDir
    Path dir;

    /** A small, well-formed file: a measurement with its info, a subject and one data buffer. */
    private Path smallFile() throws IOException {
        Path file = dir.resolve("small_raw.fif");
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, MACHINE_0, MACHINE_1, MEAS_TIME));
            w.startBlock(FiffBlock.MEAS);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeString(FiffKind.EXPERIMENTER, "Dr. Erika Beispiel");
            w.writeTime(FiffKind.MEAS_DATE, MEAS_TIME);
            w.writeInt(FiffKind.NCHAN, 2);
            w.writeFloat(FiffKind.SFREQ, 1000f);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, "Jana");
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(LocalDate.of(1984, 2, 29)));
            w.endBlock(FiffBlock.SUBJECT);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeFloat(FiffKind.DATA_BUFFER, new float[100]);
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        return file;
    }

    private static String lineWith(List<String> lines, String part) {
        return lines.stream().filter(l -> l.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + part + " in\n" + String.join("\n", lines)));
    }

    /** @return the text after the offset column */
    private static String body(String line) {
        return line.replaceFirst("^ *\\d+ ", "");
    }

    // ---- the tree ----

    @Test
    void treeShowsEachTagWithItsNameNumberTypeSizeAndDecodedValue() throws IOException {
        DumpRun run = DumpRun.of(smallFile().toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err());
        List<String> lines = run.outLines();
        assertEquals("FIFF_EXPERIMENTER (212) FIFFT_STRING 18  \"Dr. Erika Beispiel\"",
                body(lineWith(lines, "FIFF_EXPERIMENTER")).strip());
        assertEquals("FIFF_SUBJ_FIRST_NAME (401) FIFFT_STRING 4  \"Jana\"",
                body(lineWith(lines, "FIFF_SUBJ_FIRST_NAME")).strip());
        assertTrue(lineWith(lines, "FIFF_SUBJ_BIRTH_DAY").endsWith("FIFFT_JULIAN 4  2445760 (1984-02-29)"));
        assertTrue(lineWith(lines, "FIFF_MEAS_DATE").endsWith("FIFFT_INT 8  2023-05-17T09:41:26.215347Z"));
        assertTrue(lineWith(lines, "FIFF_NCHAN").endsWith("FIFFT_INT 4  [2]"));
        assertTrue(lineWith(lines, "FIFF_FILE_ID").contains("machine 00:11:22:33:44:55:00:00"));
        assertTrue(lineWith(lines, "FIFF_FILE_ID").contains("2023-05-17T09:41:26.215347Z"));
        // 400 bytes of samples: more than --max-value's default, so no value
        assertTrue(lineWith(lines, "FIFF_DATA_BUFFER").endsWith("FIFFT_FLOAT 400"));
        // the last tag ends the chain
        assertTrue(lineWith(lines, "FIFF_NOP").endsWith("FIFFT_VOID 0 next=-1"));
    }

    @Test
    void treeIndentsTagsByBlockDepthAndShowsBlocksByName() throws IOException {
        List<String> lines = DumpRun.of(smallFile().toString()).outLines();
        assertTrue(lines.get(0).startsWith("# ") && lines.get(0).endsWith("small_raw.fif: " + Files.size(smallFile())
                + " bytes"), lines.get(0));
        assertEquals("FIFFB_MEAS (100) {", body(lineWith(lines, "FIFFB_MEAS (100) {")));
        assertEquals("  FIFFB_MEAS_INFO (101) {", body(lineWith(lines, "FIFFB_MEAS_INFO (101) {")));
        assertEquals("    FIFF_NCHAN (200) FIFFT_INT 4  [2]", body(lineWith(lines, "FIFF_NCHAN")));
        assertEquals("    FIFFB_SUBJECT (106) {", body(lineWith(lines, "FIFFB_SUBJECT (106) {")));
        assertEquals("      FIFF_SUBJ_FIRST_NAME (401) FIFFT_STRING 4  \"Jana\"",
                body(lineWith(lines, "FIFF_SUBJ_FIRST_NAME")));
        assertEquals("    } FIFFB_SUBJECT (106)", body(lineWith(lines, "} FIFFB_SUBJECT")));
        assertEquals("} FIFFB_MEAS (100)", body(lineWith(lines, "} FIFFB_MEAS (100)")));
        assertEquals("FIFF_FILE_ID (100) FIFFT_ID_STRUCT 20",
                body(lineWith(lines, "FIFF_FILE_ID")).substring(0, "FIFF_FILE_ID (100) FIFFT_ID_STRUCT 20".length()));
        assertEquals("# 19 tags", lines.get(lines.size() - 1));
    }

    @Test
    void treeRightAlignsOffsetsToTheWidthOfTheFileSize() throws IOException {
        List<String> lines = DumpRun.of(smallFile().toString()).outLines();
        int width = Long.toString(Files.size(smallFile())).length();
        for (String line : lines.subList(1, lines.size() - 1)) {
            assertEquals(' ', line.charAt(width), line);
            assertTrue(line.substring(0, width).strip().matches("\\d+"), line);
        }
        assertTrue(lines.get(1).startsWith(" ".repeat(width - 1) + "0 FIFF_FILE_ID"), lines.get(1));
    }

    @Test
    void treeEscapesControlCharactersFromTheFile() throws IOException {
        Path file = dir.resolve("esc.fif");
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, MEAS_TIME));
            w.writeString(FiffKind.COMMENT, "red\u001b[31m\ttab\u0000nul\u0085");
            w.endFile();
        }
        DumpRun run = DumpRun.of(file.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(lineWith(run.outLines(), "FIFF_COMMENT").endsWith("\"red\\x1b[31m\\x09tab\\x00nul\\x85\""),
                run.out());
        assertFalse(run.out().contains("\u001b"));
    }

    @Test
    void treeSaysWhatIsNotOnTheChainAndWhereTheDirectoryIs() throws IOException {
        Path file = dir.resolve("dir.fif");
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, MEAS_TIME));
            w.writeString(FiffKind.COMMENT, "x");
            w.endFileWithDirectory();
        }
        List<String> lines = DumpRun.of(file.toString()).outLines();
        // FILE_ID 36 + DIR_POINTER 20 + FREE_LIST 20 + COMMENT 17 = 93: the directory comes right after
        assertEquals("# 5 tags; tag directory at offset 93 with 5 entries", lines.get(lines.size() - 1));

        byte[] bytes = FiffBytes.withHeader().tag(FiffKind.NOP, FiffType.VOID, new byte[0], -1)
                .tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("after the end"), 0).toBytes();
        List<String> hidden = DumpRun.of(Files.write(dir.resolve("hidden.fif"), bytes).toString()).outLines();
        assertEquals("# 3 tags; 29 bytes are not on the chain", hidden.get(hidden.size() - 1));
    }

    // ---- JSON Lines ----

    /**
     * FILE_ID, DIR_POINTER jumps forward over a hidden tag to A; A jumps back to B; B is the last tag. The chain is
     * FILE_ID, DIR_POINTER, A (inside a block that B closes), B.
     */
    private Path jumpingFile() throws IOException {
        FiffBytes f = new FiffBytes();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, 1, 2, MEAS_TIME)), 0);
        int dirPointer = f.position(); // 36
        int hidden = dirPointer + 16 + 4; // 56
        int start = hidden + 16 + 6; // 78: block start, reached from A
        int b = start + 16 + 4; // 98: block end, the last tag
        int a = b + 16 + 4; // 118
        f.tag(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(-1), a);
        f.tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("hidden"), 0);
        f.tag(FiffKind.BLOCK_START, FiffType.INT, TagData.ofInts(FiffBlock.MEAS), 0);
        f.tag(FiffKind.BLOCK_END, FiffType.INT, TagData.ofInts(FiffBlock.MEAS), -1);
        f.tag(FiffKind.SUBJ_HIS_ID, FiffType.STRING, TagData.ofString("A"), start);
        assertEquals(a + 16 + 1, f.position());
        return f.write(dir.resolve("jumps.fif"));
    }

    @Test
    void jsonHasOneObjectPerTagOfTheChainInChainOrderAcrossJumps() throws IOException {
        DumpRun run = DumpRun.of("--json", jumpingFile().toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err());
        List<JsonNode> tags = run.json();
        // pos, kind, type, size, next, block
        long[][] expected = {
            {0, FiffKind.FILE_ID, FiffType.ID_STRUCT, 20, 0},
            {36, FiffKind.DIR_POINTER, FiffType.INT, 4, 118},
            {118, FiffKind.SUBJ_HIS_ID, FiffType.STRING, 1, 78},
            {78, FiffKind.BLOCK_START, FiffType.INT, 4, 0},
            {98, FiffKind.BLOCK_END, FiffType.INT, 4, -1}};
        int[][] blocks = {{}, {}, {}, {FiffBlock.MEAS}, {FiffBlock.MEAS}};
        assertEquals(expected.length, tags.size(), run.out());
        for (int i = 0; i < expected.length; i++) {
            JsonNode t = tags.get(i);
            String where = "tag " + i + ": " + t;
            assertEquals(expected[i][0], t.get("pos").asLong(), where);
            assertEquals(expected[i][1], t.get("kind").asLong(), where);
            assertEquals(expected[i][2], t.get("type").asLong(), where);
            assertEquals(expected[i][3], t.get("size").asLong(), where);
            assertEquals(expected[i][4], t.get("next").asLong(), where);
            assertTrue(t.get("block").isArray(), where);
            int[] block = new int[t.get("block").size()];
            for (int k = 0; k < block.length; k++) {
                block[k] = t.get("block").get(k).intValue();
            }
            assertEquals(Arrays.toString(blocks[i]), Arrays.toString(block), where);
        }
        assertFalse(run.out().contains("hidden"), "the hidden tag is not on the chain");
        assertEquals("FIFF_SUBJ_HIS_ID", tags.get(2).get("kindName").asText());
        assertEquals("FIFFT_STRING", tags.get(2).get("typeName").asText());
        assertEquals("A", tags.get(2).get("value").asText());
        assertEquals(FiffBlock.MEAS, tags.get(3).get("value").asInt());
    }

    @Test
    void treeShowsNextWhereTheChainJumps() throws IOException {
        DumpRun run = DumpRun.of(jumpingFile().toString());
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.outLines();
        assertTrue(lineWith(lines, "FIFF_DIR_POINTER").endsWith("FIFFT_INT 4 next=118  [-1]"));
        assertTrue(lineWith(lines, "FIFF_SUBJ_HIS_ID").endsWith("FIFFT_STRING 1 next=78  \"A\""));
        assertTrue(lineWith(lines, "} FIFFB_MEAS").endsWith("} FIFFB_MEAS (100) next=-1"));
        assertFalse(run.out().contains("hidden"));
        assertEquals("# 5 tags; 22 bytes are not on the chain", lines.get(lines.size() - 1));
    }

    @Test
    void typesWithTheHighBitSetArePrintedAsUnsignedNumbers() throws IOException {
        // a 2 x 3 float matrix: elements, then the dimensions in reverse order, then the number of dimensions
        ByteBuffer matrix = ByteBuffer.allocate(6 * 4 + 3 * 4);
        for (int i = 1; i <= 6; i++) {
            matrix.putFloat(i / 2f);
        }
        matrix.putInt(3).putInt(2).putInt(2);
        byte[] bytes = FiffBytes.withHeader()
                .tag(FiffKind.MNE_COV, FiffType.MATRIX_FLOAT, matrix.array(), 0)
                .tag(FiffKind.COMMENT, 0x80000001, new byte[] {1, 2, (byte) 0xAB}, 0)
                .tag(FiffKind.NOP, FiffType.VOID, new byte[0], -1).toBytes();
        Path file = Files.write(dir.resolve("types.fif"), bytes);

        DumpRun json = DumpRun.of("--json", file.toString());
        assertEquals(0, json.status(), json.toString());
        JsonNode m = json.json().get(2);
        assertEquals(0x40000004L, m.get("type").asLong());
        assertTrue(m.get("type").canConvertToLong() && m.get("type").asLong() > 0);
        assertEquals("FIFFT_MATRIX_FLOAT", m.get("typeName").asText());
        assertEquals("[2,3]", m.get("value").get("dims").toString());
        assertEquals("[0.5,1.0,1.5,2.0,2.5,3.0]", m.get("value").get("data").toString());
        JsonNode odd = json.json().get(3);
        assertEquals(2147483649L, odd.get("type").asLong());
        assertTrue(json.outLines().get(3).contains("\"type\":2147483649,"), json.outLines().get(3));
        assertTrue(odd.get("typeName").isNull());
        assertNull(odd.get("value"));
        assertEquals("0102ab", odd.get("data").asText());

        DumpRun tree = DumpRun.of(file.toString());
        assertEquals(0, tree.status(), tree.toString());
        assertTrue(lineWith(tree.outLines(), "FIFF_MNE_COV").contains("FIFFT_MATRIX_FLOAT 36"));
        assertTrue(lineWith(tree.outLines(), "FIFF_COMMENT").contains("FIFF_COMMENT (206) ? (2147483649) 3"),
                tree.out());
    }

    @Test
    void jsonValuesHaveTheShapeOfTheirType() throws IOException {
        byte[] bytes = FiffBytes.withHeader()
                .tag(FiffKind.BLOCK_ID, FiffType.ID_STRUCT,
                        TagData.ofId(new FiffId(FiffId.VERSION_1_4, MACHINE_0, MACHINE_1, MEAS_TIME)), 0)
                .tag(FiffKind.MEAS_DATE, FiffType.INT, TagData.ofInts(MEAS_TIME.seconds(), MEAS_TIME.microseconds()), 0)
                .tag(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(2445760), 0)
                .tag(FiffKind.SFREQ, FiffType.FLOAT, TagData.ofFloats(0.1f), 0)
                .tag(FiffKind.HPI_COIL_FREQ, FiffType.FLOAT, TagData.ofFloats(83f, Float.NaN, Float.NEGATIVE_INFINITY), 0)
                .tag(FiffKind.MNE_BASELINE_MIN, FiffType.DOUBLE, TagData.ofDoubles(-0.2), 0)
                .tag(FiffKind.BAD_CHS, FiffType.INT, new byte[0], 0)
                .tag(FiffKind.SUBJ_WEIGHT, FiffType.INT, new byte[5], 0) // not a whole number of ints
                .tag(FiffKind.NOP, FiffType.VOID, new byte[0], -1).toBytes();
        DumpRun run = DumpRun.of("--json", Files.write(dir.resolve("values.fif"), bytes).toString());
        assertEquals(0, run.status(), run.toString());
        List<JsonNode> tags = run.json();

        JsonNode id = tags.get(2).get("value");
        assertEquals(FiffId.VERSION_1_4, id.get("version").asInt());
        assertEquals("[" + MACHINE_0 + "," + MACHINE_1 + "]", id.get("machid").toString());
        assertEquals(MEAS_TIME.seconds(), id.get("secs").asInt());
        assertEquals(MEAS_TIME.microseconds(), id.get("usecs").asInt());
        assertEquals("[1684316486,215347]", tags.get(3).get("value").toString());
        assertEquals("2023-05-17T09:41:26.215347Z", tags.get(3).get("date").asText());
        assertEquals(2445760, tags.get(4).get("value").asInt());
        assertEquals("1984-02-29", tags.get(4).get("date").asText());
        assertEquals("0.1", tags.get(5).get("value").toString(), "a float in its shortest form");
        assertEquals("[83.0,\"NaN\",\"-Infinity\"]", tags.get(6).get("value").toString());
        assertEquals(-0.2, tags.get(7).get("value").asDouble());
        assertEquals("[]", tags.get(8).get("value").toString());
        assertNull(tags.get(9).get("value"));
        assertTrue(tags.get(9).get("valueError").asText().contains("5 bytes"), tags.get(9).toString());
        assertTrue(tags.get(10).get("value").isNull(), "a tag without data");
    }

    @Test
    void jsonEscapesQuotesControlCharactersAndNonAsciiText() throws IOException {
        String text = "say \"hi\" \\ back\nline\ttab\u0001\u001f\u007f Åsa 日本 \uD83D\uDE00";
        byte[] bytes = FiffBytes.withHeader().tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString(text), -1)
                .toBytes();
        DumpRun run = DumpRun.of("--json", Files.write(dir.resolve("text.fif"), bytes).toString());
        assertEquals(0, run.status(), run.toString());
        String line = run.outLines().get(2);
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "plain printable ASCII: " + line);
        assertTrue(line.contains("\\n") && line.contains("\\t") && line.contains("\\u0001")
                && line.contains("\\u00c5") && line.contains("\\ud83d\\ude00"), line);
        assertEquals(text, run.json().get(2).get("value").asText());
    }

    @Test
    void jsonLinesKeepTheirExactTextMemberOrderNumberFormsAndEscapes() throws IOException {
        // the text, not only what a parser makes of it: scripts grep these lines
        String text = "a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0085\u00ff";
        byte[] bytes = FiffBytes.withHeader()
                .tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString(text), 0)
                .tag(FiffKind.HPI_COIL_FREQ, FiffType.FLOAT, TagData.ofFloats(0.1f, 1e-5f, 2.5e9f, Float.NaN,
                        Float.POSITIVE_INFINITY, -0f), 0)
                .tag(FiffKind.MNE_BASELINE_MIN, FiffType.DOUBLE, TagData.ofDoubles(-0.2, 1e-300), 0)
                .tag(FiffKind.NOP, 0x80000001, new byte[] {(byte) 0xFE, 0x01}, -1).toBytes();
        DumpRun run = DumpRun.of("--json", Files.write(dir.resolve("exact.fif"), bytes).toString());
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.outLines();
        assertEquals(List.of(
                "{\"pos\":56,\"kind\":206,\"kindName\":\"FIFF_COMMENT\",\"type\":10,\"typeName\":\"FIFFT_STRING\","
                        + "\"size\":14,\"next\":0,\"block\":[],"
                        + "\"value\":\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0085\\u00ff\"}",
                "{\"pos\":86,\"kind\":236,\"kindName\":\"FIFF_HPI_COIL_FREQ\",\"type\":4,\"typeName\":\"FIFFT_FLOAT\","
                        + "\"size\":24,\"next\":0,\"block\":[],"
                        + "\"value\":[0.1,1.0E-5,2.5E9,\"NaN\",\"Infinity\",-0.0]}",
                "{\"pos\":126,\"kind\":3568,\"kindName\":\"FIFF_MNE_BASELINE_MIN\",\"type\":5,"
                        + "\"typeName\":\"FIFFT_DOUBLE\",\"size\":16,\"next\":0,\"block\":[],\"value\":[-0.2,1.0E-300]}",
                "{\"pos\":158,\"kind\":108,\"kindName\":\"FIFF_NOP\",\"type\":2147483649,\"typeName\":null,"
                        + "\"size\":2,\"next\":-1,\"block\":[],\"data\":\"fe01\"}"),
                lines.subList(2, lines.size()));
        assertEquals(String.join(System.lineSeparator(), lines) + System.lineSeparator(), run.out(),
                "every line ends with the platform's line end, the last one too");
    }

    @Test
    void maxValueDecidesWhichTagsShowTheirValue() throws IOException {
        Path file = smallFile();
        List<JsonNode> none = DumpRun.of("--json", "--max-value", "0", file.toString()).json();
        assertTrue(none.stream().allMatch(t -> t.get("value") == null || t.get("size").asInt() == 0));
        List<JsonNode> small = DumpRun.of("--json", "--max-value=4", file.toString()).json();
        for (JsonNode t : small) {
            assertEquals(t.get("size").asInt() <= 4, t.has("value"), t.toString());
        }
        List<JsonNode> all = DumpRun.of("--json", "--max-value", "100000", file.toString()).json();
        JsonNode buffer = all.stream().filter(t -> t.get("kind").asInt() == FiffKind.DATA_BUFFER).findFirst()
                .orElseThrow();
        assertEquals(100, buffer.get("value").size());
    }

    @Test
    void gzipFilesDumpLikeTheFileTheyCompress() throws IOException {
        Path plain = smallFile();
        Path gz = dir.resolve("small_raw.fif.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        DumpRun fromGz = DumpRun.of("--json", gz.toString());
        assertEquals(0, fromGz.status(), fromGz.toString());
        assertEquals(DumpRun.of("--json", plain.toString()).out(), fromGz.out());
        DumpRun tree = DumpRun.of(gz.toString());
        assertTrue(tree.outLines().get(0).endsWith(Files.size(plain) + " bytes uncompressed (gzip)"),
                tree.outLines().get(0));
    }

    // ---- warnings, errors and exit statuses ----

    @Test
    void readerWarningsGoToStandardErrorAndTheStatusStaysZero() throws IOException {
        byte[] bytes = FiffBytes.withHeader().tag(FiffKind.BLOCK_START, FiffType.INT, TagData.ofInts(FiffBlock.MEAS), 0)
                .tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("cut here"), 0).toBytes();
        Path file = Files.write(dir.resolve("unterminated.fif"), bytes);
        for (String mode : new String[] {"--max-value=256", "--json"}) {
            DumpRun run = DumpRun.of(mode, file.toString());
            assertEquals(0, run.status(), run.toString());
            List<String> warnings = run.errLines();
            assertEquals(2, warnings.size(), run.err());
            assertTrue(warnings.get(0).startsWith("warning: " + file + ": offset " + bytes.length + ": "),
                    warnings.get(0));
            assertTrue(warnings.get(0).contains("without a terminating tag"), warnings.get(0));
            assertTrue(warnings.get(1).contains("left open"), warnings.get(1));
        }
    }

    private void assertBadInput(Path file, String... expectedInMessage) {
        for (String mode : new String[] {"--max-value=256", "--json"}) {
            DumpRun run = DumpRun.of(mode, file.toString());
            assertEquals(2, run.status(), run.toString());
            assertEquals(1, run.errLines().size(), "one line on standard error: " + run.err());
            String message = run.errLines().get(0);
            assertTrue(message.startsWith("fiff-dump: " + file + ": "), message);
            for (String part : expectedInMessage) {
                assertTrue(message.contains(part), message + " should contain " + part);
            }
        }
    }

    @Test
    void aMissingFileIsStatusTwo() {
        assertBadInput(dir.resolve("nope.fif"), "no such file");
    }

    @Test
    void anEmptyFileIsStatusTwo() throws IOException {
        assertBadInput(Files.write(dir.resolve("empty.fif"), new byte[0]), "offset 0", "empty");
    }

    @Test
    void aTextFileIsStatusTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.fif"), "These are my notes, not a FIFF file at all.\n");
        assertBadInput(file, "offset 0", "not a FIFF file");
    }

    @Test
    void aFolderIsStatusTwo() {
        assertBadInput(dir, "directory");
    }

    @Test
    void aFileCutInsideATagIsStatusTwoAndNamesTheOffset() throws IOException {
        byte[] whole = Files.readAllBytes(smallFile());
        // keep FILE_ID (36), DIR_POINTER (20) and FREE_LIST (20), then half of the MEAS block start's header
        Path file = Files.write(dir.resolve("cut.fif"), Arrays.copyOf(whole, 76 + 8));
        assertBadInput(file, "offset 76", "ends inside a tag header");
        DumpRun run = DumpRun.of(file.toString());
        assertTrue(run.out().contains("FIFF_FREE_LIST"), "what came before the problem is printed: " + run.out());

        Path inData = Files.write(dir.resolve("cut-data.fif"), Arrays.copyOf(whole, whole.length - 300));
        assertBadInput(inData, "runs past the end of the file");
    }

    @Test
    void usageErrorsAreStatusOne() throws IOException {
        Path file = smallFile();
        for (String[] args : new String[][] {{}, {"--no-such-option", file.toString()}, {"--max-value", "-1",
            file.toString()}, {"--max-value", "lots", file.toString()}, {"--json", "--max-value", "1"}}) {
            DumpRun run = DumpRun.of(args);
            assertEquals(1, run.status(), String.join(" ", args) + ": " + run);
            assertEquals("", run.out());
            assertTrue(run.err().contains("Usage: fiff-dump"), run.err());
        }
    }

    @Test
    void helpAndVersionAreStatusZero() {
        DumpRun help = DumpRun.of("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: fiff-dump"), help.out());
        assertTrue(help.out().contains("--json") && help.out().contains("--max-value") && help.out().contains("Exit status"));

        DumpRun version = DumpRun.of("--version");
        assertEquals(0, version.status());
        String expected = System.getProperty("fiffkit.expectedVersion");
        assertTrue(expected != null && !expected.isBlank(), "the build passes the project version");
        assertEquals("fiff-dump (FiffKit) " + expected, version.out().strip());
        assertEquals(expected, Version.get());
    }

    @Test
    void anOutputThatFailsIsStatusThree() throws IOException {
        Writer broken = new Writer() {
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
        StringWriter err = new StringWriter();
        int status = FiffDump.run(new String[] {smallFile().toString()}, new PrintWriter(broken),
                new PrintWriter(err));
        assertEquals(3, status);
    }

    @Test
    void treeShowsNonAsciiNamesAsText() throws IOException {
        Path file = dir.resolve("latin1.fif");
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, MEAS_TIME));
            w.writeString(FiffKind.SUBJ_LAST_NAME, "Lindqvist-Øberg");
            w.endFile();
        }
        assertTrue(Arrays.equals("Lindqvist-Øberg".getBytes(StandardCharsets.ISO_8859_1),
                Arrays.copyOfRange(Files.readAllBytes(file), 92, 92 + 15)), "stored as Latin-1");
        assertTrue(DumpRun.of(file.toString()).out().contains("\"Lindqvist-Øberg\""));
    }
}
