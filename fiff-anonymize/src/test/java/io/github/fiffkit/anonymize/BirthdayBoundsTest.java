package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policyfile.PolicyFiles;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A birthday that the policy moves or sets must stay a possible birthday: in year 1 or later and not after the
 * measurement date the output holds. Otherwise the file is refused (status 7) with a message that names the tag
 * and the option, not the birthday. Issue #18, "Options that are ignored or out of range".
 */
class BirthdayBoundsTest {
    @TempDir
    Path dir;

    private Path in() throws IOException {
        return Phi.standard().write(dir.resolve("in.fif"));
    }

    private PolicyException refused(Anonymizer a) throws IOException {
        Path in = in();
        Path out = dir.resolve("out.fif");
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, out));
        assertEquals(Integer.valueOf(FiffKind.SUBJ_BIRTH_DAY), e.kind(), e.getMessage());
        assertTrue(e.offset() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("FIFF_SUBJ_BIRTH_DAY"), e.getMessage());
        assertFalse(e.getMessage().contains(Phi.BIRTHDAY.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(Integer.toString(Julian.of(Phi.BIRTHDAY))), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
        return e;
    }

    private static int birthday(Path file) throws IOException {
        return ByteBuffer.wrap(Files2.first(Files2.read(file), FiffKind.SUBJ_BIRTH_DAY).data()).getInt(0);
    }

    @Test
    void anOffsetThatMovesTheBirthdayBeforeYearOneIsRefused() throws IOException {
        // 99999999 days earlier: year -271807 was written before
        PolicyException e = refused(Anonymizer.builder().subjectBirthdayOffsetDays(99_999_999).build());
        assertTrue(e.getMessage().contains("99999999 days earlier"), e.getMessage());
        assertTrue(e.getMessage().contains("before year 1"), e.getMessage());
        assertTrue(e.getMessage().contains("dates.birthday.offsetDays"), e.getMessage());
        assertTrue(e.getMessage().contains("--sbo"), e.getMessage());
    }

    @Test
    void anOffsetThatMovesTheBirthdayAfterTheMeasurementIsRefused() throws IOException {
        // 1980 + 55 years is after the 2019 measurement date, which the offset of 10 days keeps in 2019
        PolicyException e = refused(Anonymizer.builder().measurementDateOffsetDays(10)
                .subjectBirthdayOffsetDays(-20_000).build());
        assertTrue(e.getMessage().contains("20000 days later"), e.getMessage());
        assertTrue(e.getMessage().contains("after the measurement date of the output"), e.getMessage());
    }

    @Test
    void theNewMeasurementDateCountsNotTheOldOne() throws IOException {
        // the birthday stays in 1980; the measurement date moves to 1975
        int years44 = 44 * 365 + 11;
        refused(Anonymizer.builder().measurementDateOffsetDays(years44).subjectBirthdayOffsetDays(10).build());
    }

    @Test
    void anOffsetOutsideThirtyTwoBitsIsRefusedWithoutTheDayNumber() throws IOException {
        PolicyException e = refused(Anonymizer.builder().subjectBirthdayOffsetDays(Integer.MIN_VALUE).build());
        assertTrue(e.getMessage().contains("32-bit range of Julian days"), e.getMessage());
    }

    @Test
    void aSetBirthdayAfterAMeasurementDateTakenFromTheFileIsRefused() throws IOException {
        PolicyException e = refused(Anonymizer.builder().measurementDateOffsetDays(10)
                .subjectBirthday(LocalDate.of(2030, 1, 1)).build());
        assertTrue(e.getMessage().contains("setting it to 2030-01-01"), e.getMessage());
        assertTrue(e.getMessage().contains("dates.birthday.set"), e.getMessage());
    }

    @Test
    void aSetBirthdayBeforeYearOneIsRefused() throws IOException {
        PolicyException e = refused(Anonymizer.builder().subjectBirthday(LocalDate.of(0, 6, 1)).build());
        assertTrue(e.getMessage().contains("before year 1"), e.getMessage());
    }

    @Test
    void aPolicyFileBirthdayOffsetIsCheckedTheSameWay() throws IOException {
        String json = """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": 30}, "birthday": {"offsetDays": 99999999}}}
                """;
        PolicyException e = refused(Anonymizer.builder()
                .policy(PolicyFiles.load(new StringReader(json), "far.json")).build());
        assertTrue(e.getMessage().contains("dates.birthday.offsetDays"), e.getMessage());
    }

    @Test
    void offsetsThatKeepAPossibleBirthdayStillWork() throws IOException {
        Path in = in();
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().measurementDateOffsetDays(10).subjectBirthdayOffsetDays(-365).build()
                .anonymize(in, out);
        assertEquals(Julian.of(Phi.BIRTHDAY) + 365, birthday(out));
    }

    @Test
    void aBirthdayOnTheMeasurementDayIsPossible() throws IOException {
        Path in = in();
        Path out = dir.resolve("out.fif");
        LocalDate measured = LocalDate.of(2019, 3, 14);
        Anonymizer.builder().measurementDateOffsetDays(0).subjectBirthday(measured).build().anonymize(in, out);
        assertEquals(Julian.of(measured), birthday(out));
    }

    @Test
    void twoFixedDaysAreLeftToTheFrontEndsWhichWarn() throws IOException {
        // the policy alone decides both days, whatever the file: the command line warns about such options
        Path in = in();
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().measurementDate(LocalDate.of(2000, 1, 1)).subjectBirthday(LocalDate.of(2001, 1, 1))
                .build().anonymize(in, out);
        assertEquals(Julian.of(LocalDate.of(2001, 1, 1)), birthday(out));
    }

    @Test
    void aBirthdayAlreadyImpossibleInTheFileIsMovedAsFound() throws IOException {
        // many files hold 0 (4713 BC) where no birthday was entered: an offset moves it without a refusal
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(0));
        Path in = f.write(dir.resolve("zero.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().preset(Preset.MNE_ANONYMIZE).measurementDateOffsetDays(10)
                .subjectBirthdayOffsetDays(35).build().anonymize(in, out);
        assertEquals(-35, birthday(out));
    }
}
