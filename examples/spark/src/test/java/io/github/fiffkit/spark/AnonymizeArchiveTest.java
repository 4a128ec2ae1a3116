package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: options as the application's, usage errors before Spark starts, and one real run. */
class AnonymizeArchiveTest {
    @TempDir
    Path dir;

    private static JobSpec parse(String... args) {
        AnonymizeArchive a = new AnonymizeArchive();
        new CommandLine(a).parseArgs(args);
        return a.spec();
    }

    @Test
    void optionsBecomeTheSettingsTheApplicationWouldUse() throws IOException {
        JobSpec s = parse("--input", "hdfs://nn/meg", "--output", "hdfs://nn/anon", "--preset", "mne-python",
                "--mdo", "35", "--sb", "01011970", "-b", "--his", "S01", "--no-leak-check", "--partitions", "8");
        assertEquals("hdfs://nn/meg", s.input());
        assertEquals("hdfs://nn/anon", s.output());
        assertEquals(8, s.partitions());
        PolicySettings p = s.settings();
        assertEquals(new PolicySettings("mne-python", null, null, null, true, false, false, false, "S01",
                null, 35, LocalDate.of(1970, 1, 1), null, false, true), p);
        Anonymizer expected = Anonymizer.builder().preset(Preset.MNE_PYTHON).brute(true).hisId("S01")
                .measurementDateOffsetDays(35).subjectBirthday(LocalDate.of(1970, 1, 1)).build();
        assertEquals(expected.policy().options(), p.anonymizer().policy().options());
        assertEquals(expected.policy().dates(), p.anonymizer().policy().dates());
        assertEquals("mne-anonymize", parse("--input", "x", "--output", "y").settings().preset());
        assertEquals(LocalDate.of(2000, 2, 29), parse("--input", "x", "--output", "y", "--measurement_date",
                "29022000").settings().measurementDate());
    }

    @Test
    void everyPolicyOptionOfTheApplicationIsAcceptedKeepHisAndDropHeadShapeIncluded() throws IOException {
        PolicySettings p = parse("--input", "x", "--output", "y", "--keep-his", "--drop-head-shape",
                "--mne_environment", "--sbo", "-7", "--md", "19012038").settings();
        assertTrue(p.keepHis());
        assertTrue(p.dropHeadShape());
        assertEquals(io.github.fiffkit.anonymize.run.RunOptions.builder().preset(Preset.MNE_ANONYMIZE).keepHis(true)
                .dropHeadShape(true).mneEnvironment(true).subjectBirthdayOffset(-7)
                .measurementDate(LocalDate.of(2038, 1, 19)).digests(true).build(), p.runOptions(),
                "the same run model as the application's");
        assertTrue(p.anonymizer().policy().options().keepHis());
        assertTrue(p.anonymizer().policy().options().dropHeadShape());
        assertTrue(p.anonymizer().policy().options().mneEnvironment());
    }

    @Test
    void theRunModelsRefusalsAreTheJobsToo() {
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--keep-his", "--his", "NEW"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--md", "01012050"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--sbo", "99999999"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--sb", "01010000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--input", "x", "--output", "y", "--keep-his", "--his", "NEW"));
        assertEquals("--keep-his keeps the original hospital id and --his writes a new one: they exclude each other;"
                + " give one of them", e.getMessage());
    }

    @Test
    void usageErrorsExitWithStatusOneBeforeSparkStarts() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"fiffPolicy\": 1, \"extends\": \"lenient\"}");
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--policy", bad.toString()));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--md", "01012000", "--mdo", "3"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--md", "2000-01-01"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--sb", "31022000"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--preset", "strict", "--policy",
                "p.json"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--policy",
                dir.resolve("missing.json").toString()));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--preset", "lenient"));
        assertEquals(1, AnonymizeArchive.run("--input", "x"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--input-list", "l", "--output", "y"));
        assertEquals(1, AnonymizeArchive.run("--input", "x", "--output", "y", "--mdo", "soon"));
        assertThrows(IllegalArgumentException.class, () -> parse("--input-root", "r", "--input", "x", "--output", "y"));
    }

    @Test
    void aJobSparkAbortsExitsWithItsOwnStatus() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out");
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.hadoop.fs.file.impl", AbortingFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
        int status;
        try {
            status = AnonymizeArchive.run("--input", in.toString(), "--output", out.toString());
        } finally {
            for (String p : List.of("spark.master", "spark.ui.enabled", "spark.hadoop.fs.file.impl",
                    "spark.hadoop.fs.file.impl.disable.cache")) {
                System.clearProperty(p);
            }
        }
        assertEquals(AnonymizeArchive.JOB_ABORTED, status);
        assertEquals(9, status, "the README's number");
        assertFalse(Files.exists(out.resolve("a_raw.fif")));
    }

    @Test
    void speculationIsRefusedBeforeSparkStarts() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out");
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.speculation", "true");
        int status;
        try {
            status = AnonymizeArchive.run("--input", in.toString(), "--output", out.toString());
        } finally {
            System.clearProperty("spark.master");
            System.clearProperty("spark.speculation");
        }
        assertEquals(1, status);
        assertFalse(Files.exists(out));
    }

    @Test
    void sparkThatCannotStartIsAUsageErrorNotAnAbortedJob() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out");
        String old = System.getProperty("spark.master");
        System.clearProperty("spark.master");
        int status;
        try {
            // no master URL: the context cannot be made, no job ran
            status = AnonymizeArchive.run("--input", in.toString(), "--output", out.toString());
        } finally {
            if (old != null) {
                System.setProperty("spark.master", old);
            }
        }
        assertEquals(1, status);
        assertFalse(Files.exists(out.resolve("a_raw.fif")));
    }

    @Test
    void aReportTheDriverCannotWriteIsStatusThreeAndTheFinishedRecordingsStay() throws IOException {
        Path in = dir.resolve("in");
        PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out");
        Path notAFolder = Files.writeString(dir.resolve("afile"), "x");
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        int status;
        try {
            status = AnonymizeArchive.run("--input", in.toString(), "--output", out.toString(), "--report",
                    notAFolder.resolve("report.jsonl").toString());
        } finally {
            System.clearProperty("spark.master");
            System.clearProperty("spark.ui.enabled");
        }
        assertEquals(AnonymizeArchive.DRIVER_IO, status);
        assertEquals(3, status, "docs/spark.md's number");
        assertTrue(Files.exists(out.resolve("a_raw.fif")), "the finished recording is kept");
    }

    @Test
    void theMainRunsAJobAndExitsZeroEvenWhenAFileFails() throws IOException {
        Path in = dir.resolve("in");
        Path good = PhiFiles.write(in.resolve("a_raw.fif"), "Mortensen", 1);
        Files.writeString(in.resolve("b_raw.fif"), "not FIFF");
        Path out = dir.resolve("out");
        String old = System.getProperty("spark.master");
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        int status;
        try {
            status = AnonymizeArchive.run("--input", in.toString(), "--output", out.toString(), "--mdo", "10",
                    "-b");
        } finally {
            if (old == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", old);
            }
            System.clearProperty("spark.ui.enabled");
        }
        assertEquals(0, status);
        Path expected = dir.resolve("expected/a_raw.fif");
        Files.createDirectories(expected.getParent());
        Anonymizer.builder().brute(true).measurementDateOffsetDays(10).leakCheck(true).build().anonymize(good,
                expected);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out.resolve("a_raw.fif")));
        assertFalse(Files.exists(out.resolve("b_raw.fif")));
        List<JsonNode> rows = SparkTests.report(out.resolve("_fiffkit/report.jsonl"));
        assertEquals(2, rows.size());
        // mne-anonymize leaves the acquisition parameters, where the generated file names the subject: the leak
        // check finds it, the output is kept, the row says so
        assertEquals("leaks", rows.get(0).path("status").asText());
        assertEquals(4, rows.get(0).path("exitStatus").asInt());
        assertTrue(rows.get(0).path("leaks").asInt() > 0);
        assertEquals("failed", rows.get(1).path("status").asText());
        assertTrue(rows.get(1).path("error").asText().contains("b_raw.fif"));
    }
}
