package io.github.fiffkit.anonymize.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one DDMMYYYY reader of every front-end. */
class DayMonthYearTest {
    @Test
    void readsDayMonthYear() {
        assertEquals(LocalDate.of(2024, 2, 29), DayMonthYear.parse("29022024"));
        assertEquals(LocalDate.of(2000, 1, 1), DayMonthYear.parse("01012000"));
        assertEquals("29022024", DayMonthYear.format(LocalDate.of(2024, 2, 29)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "1012000", "010120000", "0101200a", " 01012000", ""})
    void refusesAnythingButEightDigitsAndShowsTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DayMonthYear.parse(text));
        assertTrue(e.getMessage().contains("DDMMYYYY, e.g. 01012000"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"29022023", "31042020", "00012000", "01132000"})
    void refusesDaysTheCalendarDoesNotHave(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DayMonthYear.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is no day of the calendar"), e.getMessage());
    }

    @Test
    void aMeasurementDateMustFitFiffsThirtyTwoBitTime() {
        assertEquals(LocalDate.of(1901, 12, 14), DayMonthYear.measurementDate("14121901"));
        assertEquals(LocalDate.of(2038, 1, 19), DayMonthYear.measurementDate("19012038"));
        for (String outside : new String[] {"13121901", "20012038", "01012050", "01010001"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DayMonthYear.measurementDate(outside));
            assertEquals("'" + outside + "' is outside the times a FIFF file can hold: give a day from 14121901 to"
                    + " 19012038 (DDMMYYYY)", e.getMessage());
        }
    }

    @Test
    void aBirthdayMustBeInYearOneOrLater() {
        assertEquals(LocalDate.of(1, 1, 1), DayMonthYear.birthday("01010001"));
        assertEquals(LocalDate.of(1850, 6, 30), DayMonthYear.birthday("30061850"), "older than FIFF time is fine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DayMonthYear.birthday("31120000"));
        assertEquals("'31120000' is not a birthday: give a day from 01010001 to 31129999 (DDMMYYYY)", e.getMessage());
    }
}
