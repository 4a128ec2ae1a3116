package io.github.fiffkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example program on the bundled sample recording and checks what it printed and wrote. The sample's
 * personal data is invented; its measurement date is 2023-05-17T09:41:26.215347Z.
 */
class ExamplesTest {
    /** The sample of examples/mne-anonymize, from this module's folder (Maven runs tests there). */
    static final Path SAMPLE = Path.of("..", "mne-anonymize", "sample", "sample_raw.fif");
    static final Instant SAMPLE_DATE = Instant.parse("2023-05-17T09:41:26.215347Z");
    /** The example policy file of this module. */
    static final Path POLICY = Path.of("policy", "lab-default.json");

    @TempDir
    Path dir;

    /** Runs a main method and returns what it printed on standard output. */
    interface Main {
        void run(String[] args) throws IOException;
    }

    static String run(Main main, String... args) throws IOException {
        assertTrue(Files.isRegularFile(SAMPLE), "the sample recording is missing: " + SAMPLE.toAbsolutePath());
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.run(args);
        } finally {
            System.setOut(saved);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        saved.print(printed);
        return printed;
    }

    /** Kind and data of every tag of a file's chain, in order. */
    record Tag(int kind, byte[] data) {
        @Override
        public String toString() {
            return FiffKind.describe(kind) + " " + data.length + " bytes";
        }
    }

    static List<Tag> tags(Path file) throws IOException {
        List<Tag> tags = new ArrayList<>();
        try (FiffReader reader = FiffReader.open(file)) {
            for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
                tags.add(new Tag(tag.kind(), reader.readData()));
            }
        }
        return tags;
    }

    static List<Tag> tags(Path file, int kind) throws IOException {
        return tags(file).stream().filter(t -> t.kind() == kind).toList();
    }

    static Instant measurementDate(Path file) throws IOException {
        List<Tag> dates = tags(file, FiffKind.MEAS_DATE);
        assertFalse(dates.isEmpty(), file + " has no FIFF_MEAS_DATE");
        int[] v = TagData.ints(dates.get(0).data());
        return new FiffTime(v[0], v[1]).toInstant();
    }

    static String string(Path file, int kind) throws IOException {
        List<Tag> found = tags(file, kind);
        assertEquals(1, found.size(), FiffKind.describe(kind) + " tags in " + file);
        return TagData.string(found.get(0).data());
    }

    /** Whether the file's bytes hold the text in Latin-1 or in UTF-8 (FIFF strings come in both). */
    static boolean contains(Path file, String text) throws IOException {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return content.contains(text)
                || content.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anonymizeWithBuilder() throws IOException {
        Path out = dir.resolve("sub01_raw_anon.fif");
        String printed = run(AnonymizeWithBuilder::main, SAMPLE.toString(), out.toString());

        assertTrue(printed.contains("FIFF_SUBJ_LAST_NAME at 478: "), printed);
        assertTrue(printed.contains("FIFF_SUBJ_WEIGHT at 609: "), printed); // brute
        assertTrue(printed.contains("measurement date 2023-05-17T09:41:26.215347Z -> 2023-04-12T09:41:26.215347Z"),
                printed);
        assertTrue(printed.contains("leak check: no original value left"), printed);

        assertEquals("S01", string(out, FiffKind.SUBJ_HIS_ID));
        assertEquals(SAMPLE_DATE.minus(Duration.ofDays(35)), measurementDate(out));
        for (String phi : List.of("Lindqvist", "Sandström", "NIC-1984-0229-AL", "ALPHA-REST")) {
            assertTrue(contains(SAMPLE, phi), "the sample holds " + phi);
            assertFalse(contains(out, phi), "the output still holds " + phi);
        }
    }

    @Test
    void anonymizeStudyKeepsTheDaysBetweenSessions() throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.copy(SAMPLE, study.resolve("sub01_raw.fif"));
        // a second session ten days later, made with the library itself
        Anonymizer.builder().measurementDateOffsetDays(-10).build()
                .anonymize(SAMPLE, study.resolve("sub02_raw.fif"));
        Instant second = measurementDate(study.resolve("sub02_raw.fif"));
        assertEquals(SAMPLE_DATE.plus(Duration.ofDays(10)), second);
        Path outputs = dir.resolve("anonymized");

        String printed = run(AnonymizeStudy::main, study.toString(), outputs.toString(), "1000");

        Path out1 = outputs.resolve("sub01_raw_anonymized.fif");
        Path out2 = outputs.resolve("sub02_raw_anonymized.fif");
        Instant date1 = measurementDate(out1);
        Instant date2 = measurementDate(out2);
        assertEquals(SAMPLE_DATE.minus(Duration.ofDays(1000)), date1);
        assertEquals(second.minus(Duration.ofDays(1000)), date2);
        assertEquals(Duration.ofDays(10), Duration.between(date1, date2));
        assertEquals(List.of(
                "sub01_raw.fif -> sub01_raw_anonymized.fif: measurement date " + SAMPLE_DATE + " -> " + date1,
                "sub02_raw.fif -> sub02_raw_anonymized.fif: measurement date " + second + " -> " + date2),
                printed.lines().toList());
        assertFalse(contains(out1, "Lindqvist"));
    }

    @Test
    void dumpTagsPrintsTheSubjectAndTheSession() throws IOException {
        String printed = run(DumpTags::main, SAMPLE.toString());

        List<String> lines = printed.lines().toList();
        assertTrue(lines.contains("FIFF_SUBJ_HIS_ID = \"NIC-1984-0229-AL\""), printed);
        assertTrue(lines.contains("FIFF_SUBJ_LAST_NAME = \"Lindqvist-Øberg\""), printed);
        assertTrue(lines.contains("  born 1984-02-29"), printed);
        assertTrue(lines.contains("measured 2023-05-17T09:41:26.215347Z"), printed);
        assertTrue(lines.contains("experimenter Dr. Henrik Sandström"), printed);
        assertEquals("93 tags", lines.get(lines.size() - 1));
        // the subject block of the sample holds 11 tags, each printed once
        assertEquals(11, lines.stream().filter(l -> l.startsWith("FIFF_SUBJ_")).count(), printed);
    }

    @Test
    void rewriteTagChangesOneValueAndCopiesTheRest() throws IOException {
        Path out = dir.resolve("rewritten.fif");
        String printed = run(RewriteTag::main, SAMPLE.toString(), out.toString(), "anonymous");

        assertEquals("93 tags read, 1 experimenter tag(s) replaced", printed.strip());
        assertEquals("anonymous", string(out, FiffKind.EXPERIMENTER));
        List<Tag> before = tags(SAMPLE);
        List<Tag> after = tags(out);
        List<Integer> rebuilt = List.of(FiffKind.DIR_POINTER, FiffKind.DIR, FiffKind.NOP, FiffKind.EXPERIMENTER);
        List<Tag> keptBefore = before.stream().filter(t -> !rebuilt.contains(t.kind())).toList();
        List<Tag> keptAfter = after.stream().filter(t -> !rebuilt.contains(t.kind())).toList();
        assertEquals(keptBefore.size(), keptAfter.size());
        for (int i = 0; i < keptBefore.size(); i++) {
            assertEquals(keptBefore.get(i).kind(), keptAfter.get(i).kind(), "tag " + i);
            assertTrue(Arrays.equals(keptBefore.get(i).data(), keptAfter.get(i).data()), "data of " + keptBefore.get(i));
        }
        try (FiffReader reader = FiffReader.open(out)) {
            assertEquals(FiffKind.FILE_ID, reader.nextTag().kind());
            assertEquals(FiffKind.DIR_POINTER, reader.nextTag().kind());
            // one entry per tag of the copy, the directory itself included
            assertEquals(after.size(), reader.readDirectory().orElseThrow().size());
        }
        assertEquals(FiffKind.DIR, after.get(after.size() - 1).kind());
    }

    @Test
    void anonymizeWithPolicyFileNamesTheRuleOfEachChange() throws IOException {
        Path out = dir.resolve("sub01_raw_anon.fif");
        String printed = run(AnonymizeWithPolicyFile::main, POLICY.toString(), SAMPLE.toString(), out.toString());

        List<String> lines = printed.lines().toList();
        assertTrue(lines.get(0).startsWith("policy lab-default (sha256 "), printed);
        assertTrue(lines.contains("FIFF_COMMENT: replace (policy rule 1)"), printed);
        assertTrue(lines.contains("FIFF_SUBJ_LAST_NAME: replace (preset mne-anonymize)"), printed);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FIFF_MNE_ENV_COMMAND_LINE: ")), printed);
        assertEquals("leak check: no original value left", lines.get(lines.size() - 1));

        assertEquals("resting state", string(out, FiffKind.COMMENT));
        assertEquals("S01", string(out, FiffKind.SUBJ_HIS_ID));
        assertEquals(SAMPLE_DATE.minus(Duration.ofDays(35)), measurementDate(out));
        for (String phi : List.of("Lindqvist", "Sandström", "hsandstrom", "ALPHA-REST")) {
            assertTrue(contains(SAMPLE, phi), "the sample holds " + phi);
            assertFalse(contains(out, phi), "the output still holds " + phi);
        }
    }

    @Test
    void verifyPassesTheAnonymizedFileAndFailsTheOriginal() throws IOException {
        Path out = dir.resolve("sub01_raw_anon.fif");
        run(AnonymizeWithPolicyFile::main, POLICY.toString(), SAMPLE.toString(), out.toString());

        String printed = run(VerifyAnonymized::main, POLICY.toString(), out.toString(), SAMPLE.toString());

        List<String> lines = printed.lines().toList();
        assertEquals("PASS sub01_raw_anon.fif", lines.get(0), printed);
        assertEquals("FAIL sample_raw.fif", lines.get(1), printed);
        List<String> findings = lines.subList(2, lines.size());
        assertTrue(findings.stream().anyMatch(l -> l.startsWith("  FIFF_SUBJ_LAST_NAME in ")
                && l.endsWith(" at offset 478: replace (preset mne-anonymize)")), printed);
        assertTrue(findings.stream().anyMatch(l -> l.startsWith("  FIFF_COMMENT in ")
                && l.endsWith(": replace (policy rule 1)")), printed);
        assertTrue(findings.stream().allMatch(l -> l.startsWith("  FIFF_")), printed);
    }
}
