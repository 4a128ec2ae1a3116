package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-subject date offsets and the key file in the Spark job: the library's offsets, rows written by the driver. */
class KeyFileJobTest {
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTests.start("KeyFileJobTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    private Path policy(String name, int min, int max) throws IOException {
        Files.writeString(dir.resolve("study.secret"), "the study's secret\n");
        return Files.writeString(dir.resolve(name), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": %d, "max": %d,
                                                          "secret": "file:study.secret"}},
                           "birthday": {"followMeasurement": true}}}""".formatted(min, max));
    }

    private static PolicySettings settings(Path policy) {
        return new PolicySettings(null, policy.toString(), null, null, false, false, false, false, null, null, null,
                null, null, true, true);
    }

    @Test
    void eachRecordingGetsTheLibrarysOffsetAndARowInTheDriversKeyFile() throws IOException {
        Path in = dir.resolve("in");
        List<Path> singles = List.of(PhiFiles.write(in.resolve("s01/a_raw.fif"), "Mortensen", 1),
                PhiFiles.write(in.resolve("s02/b_raw.fif"), "Okafor", 2));
        List<Path> split = PhiFiles.writeSplit(in.resolve("s03"), "run_raw.fif", 3, "Haddad", 4);
        Path policy = policy("study.json", 365, 3650);
        Path key = dir.resolve("secure").resolve("key.csv");
        Files.createDirectories(key.getParent());
        Path out = dir.resolve("out");
        ArchiveJob.Summary s = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings(policy)), key);
        assertEquals(0, s.failedFiles(), s.toString());
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(5, rows.size(), rows::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        Anonymizer library = Anonymizer.builder().policy(PolicyLoader.standard().load(policy)).build();
        for (Path file : singles) {
            Path mine = dir.resolve("library-" + file.getFileName());
            AnonymizationResult r = library.anonymize(file, mine);
            KeyFile.Row row = rows.stream().filter(x -> x.input().endsWith(in.relativize(file).toString()))
                    .findFirst().orElseThrow();
            assertEquals(r.subjectShift().orElseThrow().days(), row.offsetDays(), "the library's offset");
            assertEquals(r.subjectShift().orElseThrow().subject(), row.subjectKey());
            Path sparkOut = out.resolve(in.relativize(file).toString());
            assertEquals(-1, Files.mismatch(mine, sparkOut), "the library's bytes");
        }
        assertEquals(1, rows.stream().filter(x -> x.input().contains("/s03/")).map(KeyFile.Row::offsetDays)
                .distinct().count(), "every part of the split recording gets its offset");
        assertTrue(rows.stream().map(KeyFile.Row::offsetDays).distinct().count() > 1, "subjects move apart");

        // another range with the same secret: every unit is refused before its outputs are in place
        byte[] before = Files.readAllBytes(key);
        Path other = dir.resolve("other");
        ArchiveJob.Summary again = ArchiveJob.run(sc, JobSpec.of(in.toString(), other.toString(),
                settings(policy("other.json", 10, 20))), key);
        assertEquals(5, again.failedFiles(), again.toString());
        for (JsonNode row : SparkTests.report(SparkTests.local(again.report()))) {
            assertEquals(7, row.path("exitStatus").asInt(), row.toString());
            assertTrue(row.path("error").asText().contains("has another date offset in line"), row.toString());
        }
        assertFalse(Files.exists(other.resolve("s01/a_raw.fif")), "no output");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)), "key file unchanged");
    }

    @Test
    void theRowsOfARunWhoseDriverFailedAfterTheUnitsReachTheKeyFileOnTheNextRun() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("s01/a_raw.fif"), "Mortensen", 1);
        PhiFiles.writeSplit(in.resolve("s03"), "run_raw.fif", 2, "Haddad", 4);
        List<Path> inputs;
        try (var walk = Files.walk(in)) {
            inputs = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path policy = policy("study.json", 365, 3650);
        Path key = dir.resolve("key.csv");
        Path out = dir.resolve("out");
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
        JobSpec failing = new JobSpec(in.toString(), null, null, out.toString(),
                notAFolder.resolve("report.jsonl").toString(), settings(policy), 0);
        assertThrows(IOException.class, () -> ArchiveJob.run(sc, failing, key), "the report cannot be written");
        assertEquals(List.of(), new KeyFile(key).read(), "the driver failed before appending the rows");
        List<byte[]> written = new ArrayList<>();
        for (Path file : inputs) {
            written.add(Files.readAllBytes(out.resolve(in.relativize(file).toString())));
        }

        ArchiveJob.Summary again = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings(policy)),
                key);

        assertEquals(0, again.failedFiles(), again.toString());
        assertEquals(0, again.skipped(), "the key file lacked their rows: not already done");
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(inputs.size(), rows.size(), rows::toString);
        for (int i = 0; i < inputs.size(); i++) {
            Path file = inputs.get(i);
            Path target = out.resolve(in.relativize(file).toString());
            String name = in.relativize(file).toString();
            assertEquals(1, rows.stream().filter(r -> r.input().endsWith("/in/" + name)
                    && r.output().endsWith("/out/" + name)).count(), rows::toString);
            assertTrue(java.util.Arrays.equals(written.get(i), Files.readAllBytes(target)), "the same bytes");
        }

        ArchiveJob.Summary third = ArchiveJob.run(sc, JobSpec.of(in.toString(), out.toString(), settings(policy)),
                key);
        assertEquals(2, third.skipped(), "rows in the key file: already done");
        assertEquals(inputs.size(), new KeyFile(key).read().size(), "no row twice");
    }

    @Test
    void aKeyFileNeedsAPolicyWhoseDatesMovePerSubject() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Path plain = Files.writeString(dir.resolve("plain.json"), "{\"fiffPolicy\": 1, \"extends\": \"strict\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchiveJob.run(sc,
                JobSpec.of(in.toString(), dir.resolve("out").toString(), settings(plain)), dir.resolve("k.csv")));
        assertTrue(e.getMessage().contains("--key-file: the policy's dates do not move per subject"), e.getMessage());
        List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", dir.resolve("o").toString(),
                "--policy", plain.toString(), "--key-file", dir.resolve("k.csv").toString()));
        assertEquals(1, AnonymizeArchive.run(args.toArray(String[]::new)));
        assertFalse(Files.exists(dir.resolve("k.csv")));
    }

    @Test
    void aTableWithoutASecretOrAnUnusableKeyFileStopsTheJobBeforeSparkRuns() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Files.writeString(dir.resolve("offsets.csv"), "original,pseudonym,offsetDays\nHIS-1,P1,400\n");
        Path table = Files.writeString(dir.resolve("table.json"), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"table": "offsets.csv", "subject": "FIFF_SUBJ_HIS_ID",
                                                          "missing": {"offsetDays": 3}}}}}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchiveJob.run(sc,
                JobSpec.of(in.toString(), dir.resolve("out").toString(), settings(table)), dir.resolve("k.csv")));
        assertTrue(e.getMessage().contains("needs a secret"), e.getMessage());
        Path missing = dir.resolve("no-such-folder").resolve("k.csv");
        List<String> args = List.of("--input", in.toString(), "--output", dir.resolve("o").toString(),
                "--policy", policy("study.json", 365, 3650).toString(), "--key-file", missing.toString());
        assertEquals(1, AnonymizeArchive.run(args.toArray(String[]::new)));
        assertFalse(Files.exists(dir.resolve("o")));
        assertThrows(io.github.fiffkit.anonymize.KeyFileException.class, () -> ArchiveJob.run(sc,
                JobSpec.of(in.toString(), dir.resolve("out").toString(), settings(policy("study.json", 365, 3650))),
                missing));
    }
}
