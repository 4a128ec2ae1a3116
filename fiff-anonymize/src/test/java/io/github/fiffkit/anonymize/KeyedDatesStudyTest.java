package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample policy {@code examples/policies/study-keyed-dates.json} on a generated longitudinal study (3 subjects x
 * 3 sessions, one split recording): what a study needs survives (days between a subject's sessions, the age in days
 * at each session; in whole years it may differ by one around a 29 February), subjects do not move together, the same inputs give the same bytes, and the key file says what the data
 * owner needs to go back.
 */
public class KeyedDatesStudyTest {
    static final Path SAMPLE = Path.of(System.getProperty("fiff.policies", "../examples/policies"))
            .resolve("study-keyed-dates.json");

    @TempDir
    Path dir;

    List<Study.Session> study;

    @BeforeEach
    void writeStudy() throws IOException {
        study = Study.write(dir.resolve("study"));
    }

    static Anonymizer anonymizer(String secret, Path keyFile) throws IOException {
        Policy p = PolicyLoader.standard().withEnvironment(Map.of("FIFF_POLICY_SECRET", secret)).load(SAMPLE);
        return Anonymizer.builder().policy(p).leakCheck(true).keyFile(keyFile).build();
    }

    /** Runs every session into a folder; returns the outputs, session by session. */
    List<List<Path>> run(Anonymizer a, Path out) throws IOException {
        Files.createDirectories(out);
        List<List<Path>> outputs = new ArrayList<>();
        for (Study.Session s : study) {
            List<Path> o = s.outputsIn(out);
            for (AnonymizationResult r : a.anonymizeRecording(s.parts(), o)) {
                assertEquals(List.of(), r.leaks(), r.input());
            }
            outputs.add(o);
        }
        return outputs;
    }

    static long daysBetween(FiffTime earlier, FiffTime later) {
        long seconds = later.seconds() - (long) earlier.seconds();
        assertEquals(0, seconds % 86400, "moved by whole days");
        return seconds / 86400;
    }

    static LocalDate day(FiffTime t) {
        return t.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    public void intervalsAndAgesSurviveAndSubjectsMoveApartWithinTheRange() throws IOException {
        List<List<Path>> out = run(anonymizer("study secret", null), dir.resolve("shared"));
        Set<Long> offsets = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            Long offset = null;
            for (int k = 0; k < 3; k++) {
                Study.Session session = study.get(3 * s + k);
                for (int part = 0; part < session.parts().size(); part++) {
                    Path in = session.parts().get(part);
                    Path o = out.get(3 * s + k).get(part);
                    long shift = daysBetween(Study.measurementDate(o), Study.measurementDate(in));
                    if (offset == null) {
                        offset = shift;
                    }
                    assertEquals(offset, shift, "one offset for every session and part of subject " + s);
                }
                Path first = out.get(3 * s + k).get(0);
                LocalDate newDay = day(Study.measurementDate(first));
                assertEquals(ChronoUnit.DAYS.between(Study.BIRTHDAYS[s], Study.SESSIONS[s][k]),
                        ChronoUnit.DAYS.between(Study.birthday(first), newDay), "age in days at the session");
                assertEquals(ChronoUnit.DAYS.between(Study.SESSIONS[s][0], Study.SESSIONS[s][k]),
                        ChronoUnit.DAYS.between(day(Study.measurementDate(out.get(3 * s).get(0))), newDay),
                        "days since the first session");
            }
            assertTrue(offset >= 365 && offset <= 3650, "offset in [365, 3650]: " + offset);
            offsets.add(offset);
        }
        assertEquals(3, offsets.size(), "each subject has an offset of its own: " + offsets);
    }

    @Test
    public void twoRunsGiveTheSameBytesAndAnotherSecretOtherDates() throws IOException {
        List<List<Path>> one = run(anonymizer("study secret", null), dir.resolve("one"));
        List<List<Path>> two = run(anonymizer("study secret", null), dir.resolve("two"));
        List<List<Path>> other = run(anonymizer("another secret", null), dir.resolve("other"));
        for (int i = 0; i < one.size(); i++) {
            for (int p = 0; p < one.get(i).size(); p++) {
                assertEquals(-1, Files.mismatch(one.get(i).get(p), two.get(i).get(p)), one.get(i).get(p).toString());
            }
            assertNotEquals(Study.measurementDate(one.get(i).get(0)), Study.measurementDate(other.get(i).get(0)));
        }
    }

    @Test
    public void eachSessionAloneGetsTheSubjectsOffset() throws IOException {
        // two runs on two sessions of one subject, each run knowing nothing of the other
        Anonymizer a = anonymizer("study secret", null);
        Study.Session first = study.get(3);
        Study.Session third = study.get(5);
        Path o1 = dir.resolve("s1.fif");
        a.anonymize(first.parts().get(0), o1);
        Path o3 = dir.resolve("s3.fif");
        anonymizer("study secret", null).anonymize(third.parts().get(0), o3);
        assertEquals(daysBetween(Study.measurementDate(o1), Study.measurementDate(first.parts().get(0))),
                daysBetween(Study.measurementDate(o3), Study.measurementDate(third.parts().get(0))));
    }

    @Test
    public void verifyPassesAndAgainstTheOriginalChecksTheShift() throws IOException {
        Anonymizer a = anonymizer("study secret", null);
        List<List<Path>> out = run(a, dir.resolve("shared"));
        List<List<Path>> wrong = run(anonymizer("another secret", null), dir.resolve("wrong"));
        for (int i = 0; i < study.size(); i++) {
            List<Path> originals = study.get(i).parts();
            for (VerifyResult v : a.verifyRecording(out.get(i), originals)) {
                assertTrue(v.passed(), () -> v.input() + ": " + v.findings() + " " + v.leaks());
            }
            assertTrue(a.verify(wrong.get(i).get(0)).passed(), "alone, another secret's shift is well formed");
            VerifyResult v = a.verifyRecording(wrong.get(i), originals).get(0);
            assertFalse(v.passed(), "against the original, another secret's shift is found");
            assertEquals(List.of(), v.phiFindings(), "a wrong shift is no PHI");
            assertTrue(v.wrongShifts().stream().anyMatch(f -> f.kind() == FiffKind.MEAS_DATE && f.position() > 0
                    && !f.blockPath().equals(io.github.fiffkit.core.BlockPath.ROOT)
                    && f.origin().contains("subject's own offset")), v.findings().toString());
            assertTrue(v.wrongShifts().stream().anyMatch(f -> f.kind() == FiffKind.SUBJ_BIRTH_DAY),
                    "the birthday follows the measurement date: its shift is checked too " + v.findings());
        }
    }

    @Test
    public void aBirthdayWithItsOwnOffsetIsCheckedAgainstItAlone() throws IOException {
        String policy = """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": 365, "max": 3650,
                                                          "secret": "env:FIFF_POLICY_SECRET"}},
                           "birthday": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": %d, "max": %d,
                                                       "secret": "env:FIFF_POLICY_SECRET"}}}}""";
        PolicyLoader loader = PolicyLoader.standard().withEnvironment(Map.of("FIFF_POLICY_SECRET", "s"));
        Policy right = loader.parse(policy.formatted(10, 20), "right.json");
        Policy other = loader.parse(policy.formatted(1000, 2000), "other.json");
        Anonymizer a = Anonymizer.builder().policy(right).build();
        List<List<Path>> wrong = run(Anonymizer.builder().policy(other).build(), dir.resolve("wrong"));
        VerifyResult v = a.verifyRecording(wrong.get(0), study.get(0).parts()).get(0);
        assertFalse(v.passed());
        assertEquals(List.of(), v.phiFindings());
        assertEquals(List.of(FiffKind.SUBJ_BIRTH_DAY), v.wrongShifts().stream().map(TagChange::kind).distinct()
                .toList(), "the measurement date is right, the birthday is not: " + v.findings());
        assertTrue(v.wrongShifts().get(0).origin().startsWith("dates.birthday"), v.findings().toString());
        List<List<Path>> good = run(a, dir.resolve("good"));
        assertTrue(a.verifyRecording(good.get(0), study.get(0).parts()).get(0).passed());
    }

    @Test
    public void theKeyFileHasOneRowPerRecordingAndStaysTheSameOnASecondRun() throws IOException {
        Path key = dir.resolve("keys").resolve("study-key.csv");
        Files.createDirectories(key.getParent());
        List<List<Path>> out = run(anonymizer("study secret", key), dir.resolve("shared"));
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(11, rows.size(), "9 sessions, one of them in 3 parts");
        assertEquals(KeyFile.HEADER, Files.readAllLines(key).get(0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        for (int s = 0; s < 3; s++) {
            Set<String> subjects = new HashSet<>();
            Set<String> pseudonyms = new HashSet<>();
            for (int k = 0; k < 3; k++) {
                Path in = study.get(3 * s + k).parts().get(0);
                Path o = out.get(3 * s + k).get(0);
                KeyFile.Row row = rows.stream().filter(r -> r.output().equals(o.toAbsolutePath().toString()))
                        .findFirst().orElseThrow();
                assertEquals(in.toAbsolutePath().toString(), row.input());
                assertTrue(row.subjectKey().matches("[0-9a-f]{32}"), row.subjectKey());
                assertFalse(row.subjectKey().contains("his"), "a keyed hash, not the HIS id");
                assertTrue(row.pseudonym().matches("[0-9a-f]{16}"), "the HIS id's keyed hash: " + row.pseudonym());
                assertEquals(Study.measurementDate(in).toInstant().toString(), row.before());
                assertEquals(Study.measurementDate(o).toInstant().toString(), row.after());
                assertEquals(daysBetween(Study.measurementDate(o), Study.measurementDate(in)), row.offsetDays());
                subjects.add(row.subjectKey());
                pseudonyms.add(row.pseudonym());
            }
            assertEquals(1, subjects.size(), "one subject key for every session of subject " + s);
            // subject 1's HIS id is spelled three ways: the sample's hash is of the normalised id, as the offset's
            assertEquals(1, pseudonyms.size(), "one HIS hash for every session of subject " + s + ": " + pseudonyms);
        }
        byte[] before = Files.readAllBytes(key);
        run(anonymizer("study secret", key), dir.resolve("shared"));
        assertEquals(-1, Files.mismatch(key, writeBytes(dir.resolve("before.csv"), before)), "nothing added twice");
        assertEquals(List.of(".study-key.csv.lock", "study-key.csv"), Folders.listing(key.getParent()),
                "no temporary file left; the empty lock file stays");
    }

    @Test
    public void aRunThatWouldGiveASubjectAnotherOffsetIsRefusedAndWritesNothing() throws IOException {
        Path key = dir.resolve("study-key.csv");
        Study.Session s = study.get(0);
        Files.createDirectories(dir.resolve("a"));
        anonymizer("study secret", key).anonymizeRecording(s.parts(), s.outputsIn(dir.resolve("a")));
        byte[] before = Files.readAllBytes(key);
        Study.Session later = study.get(1);
        Files.createDirectories(dir.resolve("b"));
        List<Path> outs = later.outputsIn(dir.resolve("b"));
        // the same secret, another range: the subject's keyed hash is the same, its offset is not
        Anonymizer otherRange = anonymizer("study secret", key).rebuild().measurementDateOffsetPerSubject(
                List.of(FiffKind.SUBJ_HIS_ID), 10, 20, "study secret".getBytes(), "env:FIFF_POLICY_SECRET").build();
        PolicyException e = assertThrows(PolicyException.class,
                () -> otherRange.anonymizeRecording(later.parts(), outs));
        assertTrue(e.getMessage().contains("the subject of this recording has another date offset in line 2"),
                e.getMessage());
        assertNoPhi(e.getMessage());
        // another secret: every subject key differs, but the same input shows the change
        PolicyException again = assertThrows(PolicyException.class,
                () -> anonymizer("a changed secret", key).anonymizeRecording(s.parts(), outs.subList(0, 1)));
        assertTrue(again.getMessage().contains("this recording has another date offset in line 2"),
                again.getMessage());
        assertNoPhi(again.getMessage());
        assertEquals(List.of(), Folders.listing(dir.resolve("b")), "no output, no temporary file");
        assertEquals(-1, Files.mismatch(key, writeBytes(dir.resolve("before.csv"), before)), "key file unchanged");
    }

    @Test
    public void aRecordingTheKeyFileRefusesWritesNothingToAnyOutputStream() throws IOException {
        Path key = dir.resolve("study-key.csv");
        Study.Session split = study.get(3 * Study.SPLIT_SUBJECT + Study.SPLIT_SESSION);
        List<Path> parts = split.parts();
        List<String> inNames = parts.stream().map(Path::toString).toList();
        List<Path> byPath = split.outputsIn(Files.createDirectories(dir.resolve("a")));
        List<String> outNames = byPath.stream().map(Path::toString).toList();
        anonymizer("study secret", key).anonymizeRecording(parts, byPath);
        byte[] before = Files.readAllBytes(key);
        Path spool = Files.createDirectories(dir.resolve("spool"));
        // another secret gives the same inputs other offsets: the key file refuses the recording
        Anonymizer changed = anonymizer("a changed secret", key);

        // plain parts from channels: the outputs are written forward, straight to the streams
        List<ByteArrayOutputStream> forward = streams(parts.size());
        List<SeekableByteChannel> plain = channels(parts);
        PolicyException e = assertThrows(PolicyException.class, () -> changed.anonymizeRecording(plain, inNames,
                List.copyOf(forward), outNames, spool));
        assertTrue(e.getMessage().contains("this recording has another date offset in line 2"), e.getMessage());
        assertNoPhi(e.getMessage());
        assertNothingWritten(forward, "channels, written forward");
        close(plain);

        // the same parts gzip-compressed (under the same names): outputs through the spool folder
        List<Path> gz = new ArrayList<>();
        for (Path p : parts) {
            Path z = Files.createDirectories(dir.resolve("gz")).resolve(p.getFileName() + ".gz");
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(z))) {
                Files.copy(p, out);
            }
            gz.add(z);
        }
        List<ByteArrayOutputStream> spooled = streams(parts.size());
        List<SeekableByteChannel> compressed = channels(gz);
        assertThrows(PolicyException.class, () -> changed.anonymizeRecording(compressed, inNames,
                List.copyOf(spooled), outNames, spool));
        assertNothingWritten(spooled, "channels, gzip-compressed");
        close(compressed);
        assertEquals(List.of(), Folders.listing(spool), "the spool folder left empty");

        // input streams
        List<ByteArrayOutputStream> copied = streams(parts.size());
        List<java.io.InputStream> ins = new ArrayList<>();
        for (Path p : parts) {
            ins.add(new java.io.ByteArrayInputStream(Files.readAllBytes(p)));
        }
        assertThrows(PolicyException.class, () -> changed.anonymizeRecording(ins, inNames, List.copyOf(copied),
                outNames));
        assertNothingWritten(copied, "input streams");
        assertEquals(-1, Files.mismatch(key, writeBytes(dir.resolve("before.csv"), before)), "key file unchanged");

        // the study's secret: the forward write hands the key file the rows the file path did (nothing added)
        // and then writes the file path's bytes
        List<ByteArrayOutputStream> again = streams(parts.size());
        List<SeekableByteChannel> same = channels(parts);
        anonymizer("study secret", key).anonymizeRecording(same, inNames, List.copyOf(again), outNames, spool);
        close(same);
        assertEquals(-1, Files.mismatch(key, dir.resolve("before.csv")), "the same rows: nothing added");
        for (int i = 0; i < parts.size(); i++) {
            assertArrayEquals(Files.readAllBytes(byPath.get(i)), again.get(i).toByteArray(), outNames.get(i));
        }
    }

    private static List<ByteArrayOutputStream> streams(int n) {
        List<ByteArrayOutputStream> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ByteArrayOutputStream());
        }
        return out;
    }

    private static List<SeekableByteChannel> channels(List<Path> files) throws IOException {
        List<SeekableByteChannel> chs = new ArrayList<>();
        for (Path p : files) {
            chs.add(FileChannel.open(p, StandardOpenOption.READ));
        }
        return chs;
    }

    private static void close(List<SeekableByteChannel> chs) throws IOException {
        for (SeekableByteChannel ch : chs) {
            ch.close();
        }
    }

    private static void assertNothingWritten(List<ByteArrayOutputStream> streams, String how) {
        for (int i = 0; i < streams.size(); i++) {
            assertEquals(0, streams.get(i).size(), how + ": bytes written to output stream " + i);
        }
    }

    @Test
    public void againstTheOriginalAnOffsetOfNoDaysIsCheckedToo() throws IOException {
        // a subject whose offset in [-1, 1] is 0 days with the study's secret and -1 with another
        byte[] right = "study secret".getBytes(StandardCharsets.UTF_8);
        byte[] other = "another secret".getBytes(StandardCharsets.UTF_8);
        String his = IntStream.range(0, 10_000).mapToObj(i -> "HIS-Z" + i)
                .filter(id -> keyedDays(right, id) == 0 && keyedDays(other, id) == -1).findFirst().orElseThrow();
        Path in = Study.writeOne(dir.resolve("zero.fif"), his, Study.BIRTHDAYS[0], Study.SESSIONS[0][0]);
        Anonymizer a = oneDayRange(right);

        Path wrong = dir.resolve("wrong.fif");
        oneDayRange(other).anonymize(in, wrong);
        assertEquals(-1, daysBetween(Study.measurementDate(wrong), Study.measurementDate(in)), "moved a day later");
        assertTrue(a.verify(wrong).passed(), "alone, a shift of another secret is well formed");
        VerifyResult v = a.verify(wrong, in);
        assertFalse(v.passed(), "against the original, the subject's offset of 0 days is expected");
        assertEquals(List.of(), v.phiFindings(), "a wrong shift is no PHI");
        assertTrue(v.wrongShifts().stream().allMatch(f -> VerifyResult.WRONG_SHIFT.equals(f.action())),
                v.findings().toString());
        assertTrue(v.wrongShifts().stream().anyMatch(f -> f.kind() == FiffKind.MEAS_DATE
                && !f.blockPath().equals(io.github.fiffkit.core.BlockPath.ROOT)), v.findings().toString());
        assertTrue(v.wrongShifts().stream().anyMatch(f -> f.kind() == FiffKind.SUBJ_BIRTH_DAY),
                "the birthday follows the measurement date: " + v.findings());

        // control: the subject's own offset of 0 days leaves the dates as they were, and that passes
        Path good = dir.resolve("good.fif");
        a.anonymize(in, good);
        assertEquals(Study.measurementDate(in), Study.measurementDate(good));
        assertEquals(Study.birthday(in), Study.birthday(good));
        VerifyResult ok = a.verify(good, in);
        assertTrue(ok.passed(), () -> ok.findings() + " " + ok.leaks());
        assertEquals(List.of(), ok.wrongShifts());
    }

    /** The study's sample policy with keyed offsets of -1 to 1 days (the birthday following). */
    private static Anonymizer oneDayRange(byte[] secret) throws IOException {
        return anonymizer("unused", null).rebuild().measurementDateOffsetPerSubject(List.of(FiffKind.SUBJ_HIS_ID),
                -1, 1, secret, "env:FIFF_POLICY_SECRET").build();
    }

    private static int keyedDays(byte[] secret, String his) {
        try {
            return SubjectOffset.keyed(List.of(FiffKind.SUBJ_HIS_ID), -1, 1, secret, "test")
                    .resolve(Map.of(FiffKind.SUBJ_HIS_ID, his)).days();
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void aTableGivesEachDateItsOwnColumnAndTheKeyFileBoth() throws IOException {
        Files.writeString(dir.resolve("subjects.csv"), "original,pseudonym,offsetDays,birthdayOffsetDays\n"
                + "HIS-A100,S01,400,5000\nhis-b200,S02,800,\n");
        Files.writeString(dir.resolve("study.json"), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"table": "subjects.csv", "subject": "FIFF_SUBJ_HIS_ID",
                                                          "missing": "keyed", "min": 10, "max": 20,
                                                          "secret": "env:FIFF_POLICY_SECRET"}},
                           "birthday": {"offsetDays": {"table": "subjects.csv", "column": "birthdayOffsetDays",
                                                       "subject": "FIFF_SUBJ_HIS_ID", "missing": {"offsetDays": 0}}}},
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "subjects.csv",
                            "missing": "hash", "secret": "env:FIFF_POLICY_SECRET", "normalise": true}]}""");
        Policy p = PolicyLoader.standard().withEnvironment(Map.of("FIFF_POLICY_SECRET", "s")).load(
                dir.resolve("study.json"));
        Path key = dir.resolve("key.csv");
        Anonymizer a = Anonymizer.builder().policy(p).keyFile(key).build();
        List<List<Path>> out = run(a, dir.resolve("shared"));
        int[] expected = {400, 800, -1};
        for (int s = 0; s < 3; s++) {
            Path in = study.get(3 * s).parts().get(0);
            Path o = out.get(3 * s).get(0);
            long days = daysBetween(Study.measurementDate(o), Study.measurementDate(in));
            if (expected[s] >= 0) {
                assertEquals(expected[s], days, "the table's offset for subject " + s);
            } else {
                assertTrue(days >= 10 && days <= 20, "not in the table: a keyed offset in range: " + days);
            }
            long birthday = ChronoUnit.DAYS.between(Study.birthday(o), Study.BIRTHDAYS[s]);
            assertEquals(s == 0 ? 5000 : 0, birthday, "the birthday column, or its fallback");
        }
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(11, rows.size());
        KeyFile.Row first = rows.stream().filter(r -> r.pseudonym().equals("S01")).findFirst().orElseThrow();
        assertEquals(400, first.offsetDays());
        assertEquals("5000", first.birthdayOffsetDays());
        List<KeyFile.Row> second = rows.stream().filter(r -> r.offsetDays() == 800).toList();
        assertEquals(3, second.size(), "subject 1's three spellings meet the table's line: " + rows);
        assertTrue(second.stream().allMatch(r -> r.pseudonym().equals("S02")),
                "and get the table's pseudonym (\"normalise\"): " + second);
        assertEquals(1, second.stream().map(KeyFile.Row::subjectKey).distinct().count());
        assertTrue(second.stream().allMatch(r -> r.birthdayOffsetDays().equals("0")), second::toString);
    }

    @Test
    public void aRecordingWithoutTheSubjectKeyIsRefusedWithASentence() throws IOException {
        Path in = SyntheticFiff.builder(7).without(SyntheticFiff.Part.SUBJECT).generate().write(dir.resolve("x.fif"));
        Path out = dir.resolve("x_anon.fif");
        PolicyException e = assertThrows(PolicyException.class,
                () -> anonymizer("study secret", dir.resolve("k.csv")).anonymize(in, out));
        assertTrue(e.getMessage().startsWith(in.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("needs FIFF_SUBJ_HIS_ID, which the recording does not have"),
                e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("k.csv")), "no key file row for a refused recording");
    }

    private static void assertNoPhi(String message) {
        assertFalse(message.toLowerCase().contains("his-a100"), message);
        assertFalse(message.contains("2019") || message.contains("1950"), "no date in the message: " + message);
    }

    private static Path writeBytes(Path p, byte[] b) throws IOException {
        return Files.write(p, b);
    }
}
