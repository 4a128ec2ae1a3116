package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample policy {@code examples/policies/study-keyed-dates.json} on a generated longitudinal study (3 subjects x
 * 3 sessions, one split recording): what a study needs survives (days between a subject's sessions, the age at each
 * session), subjects do not move together, the same inputs give the same bytes, and the key file says what the data
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
                        ChronoUnit.DAYS.between(Study.birthday(first), newDay), "age at the session");
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
        assertEquals(List.of("study-key.csv"), Folders.listing(key.getParent()), "no temporary file left");
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
