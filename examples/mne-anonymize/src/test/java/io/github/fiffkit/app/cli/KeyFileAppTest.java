package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-subject date offsets and {@code --key-file} through the command line. */
class KeyFileAppTest {
    @TempDir
    Path dir;

    Path policy;
    Path secret;

    @BeforeEach
    void writePolicy() throws IOException {
        secret = Files.writeString(dir.resolve("study.secret"), "the study's secret\n");
        policy = policy("study.json", 365, 3650);
    }

    private Path policy(String name, int min, int max) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": %d, "max": %d,
                                                          "secret": "file:study.secret"}},
                           "birthday": {"followMeasurement": true}},
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "hash", "secret": "file:study.secret"},
                           {"tag": "FIFF_DACQ_PARS", "action": "scrub"}]}""".formatted(min, max));
    }

    private AppRun run(Path policyFile, Path key, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--no-gui", "--policy", policyFile.toString(),
                "--key-file", key.toString()));
        args.addAll(List.of(more));
        return AppRun.of(args.toArray(String[]::new));
    }

    private static void noOriginalDate(AppRun r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("2019-03-14") || all.contains("14.03.2019") || all.contains("1552555613"),
                "the original measurement date is never printed: " + r);
    }

    @Test
    void twoRunsOnTwoSessionsOfOneSubjectGiveOneOffsetAndOneKeyFile() throws IOException {
        Path key = dir.resolve("secure").resolve("key.csv");
        Files.createDirectories(key.getParent());
        Path s1 = TestFiles.small(dir.resolve("ses1_raw.fif"), "gain 1");
        Path s2 = TestFiles.small(dir.resolve("ses2_raw.fif"), "gain 2");
        AppRun one = run(policy, key, "-i", s1.toString(), "-o", dir.resolve("o1.fif").toString());
        assertEquals(0, one.status(), one.toString());
        AppRun two = run(policy, key, "-v", "-i", s2.toString(), "-o", dir.resolve("o2.fif").toString());
        assertEquals(0, two.status(), two.toString());
        noOriginalDate(one);
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(2, rows.size(), rows::toString);
        assertEquals(rows.get(0).subjectKey(), rows.get(1).subjectKey());
        assertEquals(rows.get(0).offsetDays(), rows.get(1).offsetDays());
        int days = rows.get(0).offsetDays();
        assertTrue(days >= 365 && days <= 3650, "in range: " + days);
        assertEquals(TestFiles.MEAS.plusDays(-days), TestFiles.measDate(dir.resolve("o1.fif")));
        assertEquals(TestFiles.BIRTHDAY.minusDays(days), TestFiles.birthday(dir.resolve("o2.fif")), "age in days survives");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(List.of(".key.csv.lock", "key.csv"), Folders.listing(key.getParent()),
                "the key file and its lock file, no temporary file");

        AppRun verify = AppRun.of("--no-gui", "--verify", dir.resolve("o1.fif").toString(), "--original",
                s1.toString(), "--policy", policy.toString());
        assertEquals(0, verify.status(), verify.toString());
    }

    @Test
    void aSplitRecordingAndAFolderWithSeveralJobsGetARowPerPart() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.split(in, "run_raw.fif", 3);
        TestFiles.small(in.resolve("other_raw.fif"), "g");
        Path key = dir.resolve("key.csv");
        AppRun r = run(policy, key, "-i", in.toString(), "-o", dir.resolve("out") + "/", "--jobs", "2");
        assertEquals(0, r.status(), r.toString());
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(4, rows.size(), rows::toString);
        assertEquals(1, rows.stream().map(KeyFile.Row::offsetDays).distinct().count(), "one subject, one offset");
    }

    @Test
    void aRunThatWouldGiveTheSubjectAnotherOffsetEndsWithStatus7AndWritesNothing() throws IOException {
        Path key = dir.resolve("key.csv");
        Path s1 = TestFiles.small(dir.resolve("ses1_raw.fif"), "g");
        assertEquals(0, run(policy, key, "-i", s1.toString(), "-o", dir.resolve("o1.fif").toString()).status());
        byte[] before = Files.readAllBytes(key);
        Path s2 = TestFiles.small(dir.resolve("ses2_raw.fif"), "g");
        Path out = dir.resolve("o2.fif");
        AppRun r = run(policy("other-range.json", 10, 20), key, "-i", s2.toString(), "-o", out.toString());
        assertEquals(7, r.status(), r.toString());
        assertTrue(r.err().contains("has another date offset in line 2 of the key file"), r.err());
        noOriginalDate(r);
        assertFalse(Files.exists(out), "no output");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)), "key file unchanged");
    }

    @Test
    void theKeyFileNeedsAPerSubjectPolicyAndARealRun() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "g");
        Path key = dir.resolve("key.csv");
        AppRun noPolicy = AppRun.of("--no-gui", "-i", in.toString(), "--key-file", key.toString());
        assertEquals(1, noPolicy.status(), noPolicy.toString());
        assertTrue(noPolicy.err().contains("--key-file records each subject's own date offset"), noPolicy.err());
        AppRun dry = run(policy, key, "-i", in.toString(), "--dry-run");
        assertEquals(1, dry.status(), dry.toString());
        AppRun verify = run(policy, key, "--verify", in.toString());
        assertEquals(1, verify.status(), verify.toString());
        assertTrue(verify.err().contains("--key-file records the recordings a run anonymizes, and --verify writes"
                + " nothing"), verify.err());
        Path plain = Files.writeString(dir.resolve("plain.json"), "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                + " \"dates\": {\"measurement\": {\"offsetDays\": 35}}}");
        AppRun fixed = run(plain, key, "-i", in.toString());
        assertEquals(1, fixed.status(), fixed.toString());
        assertTrue(fixed.err().contains("do not move per subject"), fixed.err());
        assertFalse(Files.exists(key));
        assertEquals(List.of("a_raw.fif", "plain.json", "study.json", "study.secret"), Folders.listing(dir));
    }

    @Test
    void aKeyFileThatCannotBeUsedIsAUsageErrorNamingItBeforeAnyWork() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path out = dir.resolve("o.fif");
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xC3, 0x28, 0, 1, 2});
        Path header = Files.writeString(dir.resolve("header.csv"), "a,b,c\n");
        Path missing = dir.resolve("no-such-folder").resolve("key.csv");
        for (Path key : List.of(binary, header, missing)) {
            AppRun r = run(policy, key, "-i", in.toString(), "-o", out.toString());
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().startsWith("mne_anonymize: " + key + ": "), r.err());
            assertFalse(r.err().contains(in.toString()) || r.err().contains(out.toString()), r.err());
            assertFalse(Files.exists(out), "nothing written: " + r);
        }
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aTableWithoutASecretCannotNameSubjectsInAKeyFile() throws IOException {
        Files.writeString(dir.resolve("offsets.csv"), "original,pseudonym,offsetDays\nHIS-1,P1,400\n");
        Path table = Files.writeString(dir.resolve("table.json"), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"table": "offsets.csv", "column": "offsetDays",
                                                          "subject": "FIFF_SUBJ_HIS_ID", "missing": "error"}}}}""");
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        AppRun r = run(table, dir.resolve("key.csv"), "-i", in.toString(), "-o", dir.resolve("o.fif").toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("needs a secret") && r.err().contains("keyFileRaw"), r.err());
        assertFalse(Files.exists(dir.resolve("o.fif")));
        assertFalse(Files.exists(dir.resolve("key.csv")));
    }

    @Test
    void aFileNameWithALineBreakIsRefusedBeforeAnyWork() throws IOException {
        Path in = TestFiles.small(dir.resolve("a\nb_raw.fif"), "gain 1");
        Path key = dir.resolve("key.csv");
        AppRun r = run(policy, key, "-i", in.toString(), "-o", dir.resolve("o.fif").toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("a\\nb_raw.fif: the name holds a line break"), r.err());
        assertFalse(Files.exists(dir.resolve("o.fif")));
        assertFalse(Files.exists(key));
    }

    @Test
    void aKeyFileInTheOutputFolderIsWarnedAbout() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path key = shared.resolve("key.csv");
        AppRun r = run(policy, key, "-i", in.toString(), "-o", shared + "/");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("warning: the key file " + key + " is in the output folder"), r.err());
        AppRun away = run(policy, dir.resolve("key.csv"), "-i", in.toString(), "-o", shared + "/");
        assertEquals(0, away.status(), away.toString());
        assertFalse(away.err().contains("warning: the key file"), away.err());
    }

    @Test
    void verifyAgainstTheOriginalReportsAWrongShiftAsSuchNotAsPhi() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path other = policy("other.json", 10, 20);
        Path out = dir.resolve("o.fif");
        assertEquals(0, AppRun.of("--no-gui", "--policy", other.toString(), "-i", in.toString(), "-o",
                out.toString()).status());
        AppRun v = AppRun.of("--no-gui", "--verify", out.toString(), "--original", in.toString(), "--policy",
                policy.toString());
        assertEquals(5, v.status(), v.toString());
        assertTrue(v.out().startsWith(out + ": wrong date shift (against " + in + "): "), v.out());
        assertFalse(v.out().contains("PHI found"), v.out());
        assertFalse(v.out().contains(" at -1 "), "the tag where it is: " + v.out());
        assertTrue(v.out().contains("FIFF_MEAS_DATE in "), v.out());
        noOriginalDate(v);
    }
}
