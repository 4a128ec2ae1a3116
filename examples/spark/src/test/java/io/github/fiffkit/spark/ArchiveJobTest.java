package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in Spark's local mode over generated archives: same bytes as the library, failures as rows. */
class ArchiveJobTest {
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTests.start("ArchiveJobTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    private static final PolicySettings STRICT = new PolicySettings(Preset.STRICT.id(), null, null, null, true,
            false, false, false, null, null, 35, null, 35, true, true);

    /** An archive: single files in nested folders, a gzip file, a split recording, broken and odd files. */
    private List<Path> archive(Path in) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(PhiFiles.write(in.resolve("site1/s01/s01_raw.fif"), "Mortensen", 1));
        files.add(PhiFiles.write(in.resolve("site1/s02/s02_raw.fif"), "Okafor", 2));
        files.add(PhiFiles.write(in.resolve("site2/s03_raw.fif.gz"), "Lindqvist", 3));
        files.addAll(PhiFiles.writeSplit(in.resolve("site2/long"), "run_raw.fif", 3, "Haddad", 4));
        Path bad = PhiFiles.write(in.resolve("site1/bad_raw.fif"), "Brown", 5);
        byte[] b = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(b, b.length - 30));
        files.add(bad);
        files.add(Files.writeString(in.resolve("site1/notes.fif"), "not a FIFF file", StandardCharsets.US_ASCII));
        List<Path> broken = PhiFiles.writeSplit(in.resolve("site3"), "cut_raw.fif", 3, "Nakamura", 6);
        Files.delete(broken.get(2));
        files.addAll(broken.subList(0, 2));
        return files;
    }

    private static List<JsonNode> withoutRun(List<JsonNode> rows) {
        return rows.stream().map(r -> (JsonNode) ((com.fasterxml.jackson.databind.node.ObjectNode) r.deepCopy())
                .without("run")).toList();
    }

    private static Map<String, JsonNode> byInput(List<JsonNode> rows, Path root) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode r : rows) {
            m.put(LocalReference.rel(root, SparkTests.local(r.path("input").asText())), r);
        }
        return m;
    }

    @Test
    void tasksSpoolInsideSparksOwnLocalFoldersNotInTheTemporaryFolder() {
        List<String> dirs = Arrays.stream(org.apache.spark.SparkEnv.get().blockManager().diskBlockManager()
                .localDirs()).map(f -> f.toPath().toAbsolutePath().toString()).toList();
        List<List<String>> spools = sc.parallelize(List.of("u1", "u2", "u3", "u4"), 4).map(k -> {
            Path p = LocalDirs.spool(k);
            boolean made = Files.isDirectory(p);
            LocalDirs.release(p);
            return List.of(p.toAbsolutePath().toString(), String.valueOf(made), String.valueOf(Files.exists(p)));
        }).collect();
        for (List<String> s : spools) {
            Path p = Path.of(s.get(0));
            assertTrue(p.getFileName().toString().startsWith("fiffkit-spool-"), s.toString());
            assertTrue(dirs.contains(p.getParent().toString()), s + " is not in a block manager folder " + dirs);
            assertEquals(List.of("true", "false"), s.subList(1, 3), "made, then deleted");
        }
    }

    @Test
    void everyOutputEqualsTheLibrarysAndEveryFileHasAReportRow() throws IOException {
        Path in = dir.resolve("in");
        List<Path> files = archive(in);
        // one of our own outputs in the input tree: not an input
        PhiFiles.write(in.resolve("site1/s01/s01_raw_anonymized.fif"), "Mortensen", 1);
        Path out = dir.resolve("out");

        ArchiveJob.Summary summary = ArchiveJob.run(sc, JobSpec.of(in.toUri().toString(), out.toString(), STRICT));

        Map<String, Integer> expected = LocalReference.run(in, files, STRICT.builder().build(), dir.resolve("ref"));
        List<JsonNode> rows = SparkTests.report(SparkTests.local(summary.report()));
        Map<String, JsonNode> got = byInput(rows, in);
        assertEquals(expected.keySet(), got.keySet());
        assertEquals(files.size(), rows.size());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            JsonNode row = got.get(e.getKey());
            assertEquals(e.getValue().intValue(), row.path("exitStatus").asInt(), e.getKey() + ": " + row);
            if (e.getValue() == 0) {
                assertEquals("ok", row.path("status").asText());
                assertArrayEquals(Files.readAllBytes(dir.resolve("ref").resolve(e.getKey())),
                        Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
                assertEquals(out.resolve(e.getKey()), SparkTests.local(row.path("output").asText()));
                assertEquals(64, row.path("outputSha256").asText().length());
            } else {
                assertEquals("failed", row.path("status").asText());
                assertFalse(Files.exists(out.resolve(e.getKey())), e.getKey());
            }
        }
        assertEquals(6, expected.values().stream().filter(v -> v == 0).count(), expected.toString());
        JsonNode badRow = got.get("site1/bad_raw.fif");
        assertTrue(badRow.path("error").asText().contains("bad_raw.fif"), badRow.toString());
        assertTrue(got.get("site3/cut_raw.fif").path("error").asText().contains("missing"));
        assertEquals(2, got.get("site3/cut_raw-1.fif").path("exitStatus").asInt());

        // the split recording went through as one unit, its references renamed consistently
        for (int i = 0; i < 3; i++) {
            JsonNode r = got.get("site2/long/" + PhiFiles.partName("run_raw.fif", i));
            assertEquals(3, r.path("parts").asInt());
            assertEquals(i, r.path("part").asInt());
            assertTrue(r.path("recording").asText().endsWith("site2/long/run_raw.fif"), r.toString());
        }
        // no temporary file left behind
        for (String rel : Folders.tree(out)) {
            assertFalse(rel.contains(".fiffkit-"), rel);
        }
        assertFalse(Files.exists(out.resolve("site1/s01/s01_raw_anonymized.fif")));
        assertEquals(new ArchiveJob.Summary(7, 10, 7, 0, 4, 0, summary.report()), summary);
        // the rows carry no original value: names of the subjects never appear
        String report = Files.readString(SparkTests.local(summary.report()));
        for (String phi : List.of("Mortensen", "Okafor", "Lindqvist", "HIS-7788")) {
            assertFalse(report.contains(phi), phi);
        }
    }

    @Test
    void aReRunDoesNoWorkForCompleteOutputsAndRedoesTheRest() throws IOException {
        Path in = dir.resolve("in");
        archive(in);
        Path out = dir.resolve("out");
        JobSpec spec = JobSpec.of(in.toString(), out.toUri().toString(), STRICT);
        ArchiveJob.Summary first = ArchiveJob.run(sc, spec);
        Map<String, FileTime> times = new HashMap<>();
        Map<String, byte[]> bytes = new HashMap<>();
        for (String rel : Folders.tree(out)) {
            if (!rel.startsWith(ArchiveJob.STATE_FOLDER + "/")) {
                Path p = out.resolve(rel);
                // an old time, so that any rewrite shows
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
                times.put(rel, Files.getLastModifiedTime(p));
                bytes.put(rel, Files.readAllBytes(p));
            }
        }
        List<JsonNode> firstRows = SparkTests.report(SparkTests.local(first.report()));

        ArchiveJob.Summary second = ArchiveJob.run(sc, spec);
        // the four good recordings are skipped; the three failed ones are tried again and fail again
        assertEquals(4, second.skipped());
        assertEquals(3, second.processed());
        assertEquals(4, second.failedFiles());
        for (Map.Entry<String, FileTime> e : times.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(out.resolve(e.getKey())), e.getKey());
        }
        // the same rows, apart from the run that wrote them: the first for the skipped, the second for the redone
        List<JsonNode> secondRows = SparkTests.report(SparkTests.local(second.report()));
        assertEquals(withoutRun(firstRows), withoutRun(secondRows));
        for (int i = 0; i < firstRows.size(); i++) {
            boolean redone = firstRows.get(i).path("status").asText().equals("failed");
            assertEquals(redone, !firstRows.get(i).path("run").equals(secondRows.get(i).path("run")),
                    secondRows.get(i).toString());
        }

        // an output lost (or cut short) is made again, and only its recording is
        Files.delete(out.resolve("site1/s02/s02_raw.fif"));
        Files.write(out.resolve("site2/long/run_raw-1.fif"), new byte[] {1, 2, 3});
        ArchiveJob.Summary third = ArchiveJob.run(sc, spec);
        assertEquals(2, third.skipped());
        assertEquals(5, third.processed());
        assertArrayEquals(bytes.get("site1/s02/s02_raw.fif"), Files.readAllBytes(out.resolve("site1/s02/s02_raw.fif")));
        assertArrayEquals(bytes.get("site2/long/run_raw-1.fif"),
                Files.readAllBytes(out.resolve("site2/long/run_raw-1.fif")));
        assertEquals(times.get("site1/s01/s01_raw.fif"), Files.getLastModifiedTime(out.resolve("site1/s01/s01_raw.fif")));
        assertNotEquals(times.get("site2/long/run_raw.fif"),
                Files.getLastModifiedTime(out.resolve("site2/long/run_raw.fif")));

        // other settings: nothing is skipped
        PolicySettings other = PolicySettings.of(Preset.MNE_ANONYMIZE);
        ArchiveJob.Summary fourth = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), other));
        assertEquals(0, fourth.skipped());
        assertEquals(7, fourth.processed());
    }

    @Test
    void aListOfFilesIsMirroredUnderItsRoot() throws IOException {
        Path in = dir.resolve("in");
        List<Path> files = archive(in);
        List<Path> chosen = List.of(files.get(0), files.get(3), files.get(4), files.get(5));
        Path list = Files.write(dir.resolve("list.txt"), chosen.stream().map(p -> p.toUri().toString()).toList());
        Path out = dir.resolve("out");
        ArchiveJob.Summary s = ArchiveJob.run(sc, new JobSpec(null, list.toString(), in.toString(), out.toString(),
                dir.resolve("report.jsonl").toString(), STRICT, 3));
        assertEquals(2, s.units());
        assertEquals(4, s.files());
        assertEquals(List.of("site1/s01/s01_raw.fif", "site2/long/run_raw-1.fif", "site2/long/run_raw-2.fif",
                "site2/long/run_raw.fif"), Folders.tree(out).stream()
                        .filter(r -> !r.startsWith(ArchiveJob.STATE_FOLDER + "/")).toList());
        assertEquals(4, SparkTests.report(dir.resolve("report.jsonl")).size());
    }

    @Test
    void anOutputInsideTheInputIsRefused() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchiveJob.run(sc, JobSpec.of(in.toString(), in.resolve("anon").toString(), STRICT)));
        assertTrue(e.getMessage().contains("must not contain each other"), e.getMessage());
        assertFalse(Files.exists(in.resolve("anon")));
    }

    @Test
    void aPolicyFileWithAKeyedHashGivesTheLibrarysBytesAndTheSecretAppearsNowhere() throws IOException {
        Path in = dir.resolve("in");
        List<Path> files = new ArrayList<>();
        files.add(PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1));
        files.addAll(PhiFiles.writeSplit(in.resolve("b"), "run_raw.fif", 2, "Haddad", 4));
        String secret = "correct-horse-battery-staple-42";
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret + "\n");
        Path policy = Files.writeString(dir.resolve("lab.json"), """
                {"fiffPolicy": 1, "name": "lab", "extends": "strict",
                 "dates": {"measurement": {"offsetDays": 20}},
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "env:FIFFKIT_TEST_UNSET"}]}
                """);
        PolicySettings settings = new PolicySettings(null, policy.toString(), null, secretFile.toString(), false,
                false, false, false, null, null, null, null, null, true, true);
        Path out = dir.resolve("out");
        ArchiveJob.Summary s = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings));
        assertEquals(2, s.units());
        assertEquals(0, s.failedFiles());
        Map<String, Integer> expected = LocalReference.run(in, files, settings.builder().build(), dir.resolve("ref"));
        assertEquals(3, expected.size());
        for (String rel : expected.keySet()) {
            assertEquals(0, expected.get(rel).intValue(), rel);
            assertArrayEquals(Files.readAllBytes(dir.resolve("ref").resolve(rel)), Files.readAllBytes(out.resolve(rel)),
                    rel);
        }
        List<JsonNode> rows = SparkTests.report(SparkTests.local(s.report()));
        assertEquals("lab", rows.get(0).path("policy").asText());
        for (String rel : Folders.tree(out)) {
            String text = new String(Files.readAllBytes(out.resolve(rel)), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(secret), rel);
        }

        // the policy file changes: nothing is skipped
        Files.writeString(policy, Files.readString(policy).replace("20", "21"));
        ArchiveJob.Summary again = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings));
        assertEquals(0, again.skipped());
        assertEquals(2, again.processed());
    }

    @Test
    void keepHisAndDropHeadShapeRunAsInTheLibrary() throws IOException {
        Path in = dir.resolve("in");
        List<Path> files = List.of(PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1),
                PhiFiles.write(in.resolve("b_raw.fif"), "Okafor", 2));
        PolicySettings settings = new PolicySettings("mne-python", null, null, null, false, false, true, true, null,
                null, 10, null, null, true, false);
        Path out = dir.resolve("out");
        ArchiveJob.Summary summary = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings));
        assertEquals(2, summary.processed(), summary.toString());
        assertTrue(settings.builder().build().policy().options().keepHis());
        Map<String, Integer> expected = LocalReference.run(in, files, settings.builder().build(), dir.resolve("ref"));
        assertEquals(List.of("a_raw.fif", "b_raw.fif"), List.copyOf(expected.keySet()));
        Map<String, JsonNode> got = byInput(SparkTests.report(SparkTests.local(summary.report())), in);
        for (String name : expected.keySet()) {
            // mne-python leaves free-text names alone, so the leak check may find them: the same in both runs
            assertEquals(expected.get(name).intValue(), got.get(name).path("exitStatus").asInt(), name);
            assertArrayEquals(Files.readAllBytes(dir.resolve("ref").resolve(name)), Files.readAllBytes(out.resolve(name)),
                    name);
        }
        String a = new String(Files.readAllBytes(out.resolve("a_raw.fif")), StandardCharsets.ISO_8859_1);
        assertTrue(a.contains("HIS-778813"), "--keep-his kept the HIS id");
    }

    @Test
    void aFixedDateOrHisIdIsRefusedForSeveralRecordingsAsTheApplicationDoes() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        PhiFiles.write(in.resolve("b_raw.fif"), "Okafor", 2);
        PolicySettings his = new PolicySettings("strict", null, null, null, false, false, false, false, "S01",
                null, null, null, null, true, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchiveJob.run(sc, JobSpec.of(in.toString(), dir.resolve("out").toString(), his)));
        assertTrue(e.getMessage().startsWith("--his is allowed for one recording only (this run has 2)"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        // one recording: allowed
        ArchiveJob.Summary one = ArchiveJob.run(sc, JobSpec.of(in.resolve("a_raw.fif").toString(),
                dir.resolve("out").toString(), his));
        assertEquals(1, one.processed());
    }
}
