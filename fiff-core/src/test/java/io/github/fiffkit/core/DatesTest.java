package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void julianDayNumbersMatchTheirKnownDates() {
        assertEquals(LocalDate.of(1970, 1, 1), Julian.toLocalDate(2440588));
        assertEquals(LocalDate.of(2000, 1, 1), Julian.toLocalDate(2451545));
        assertEquals(2451545, Julian.of(LocalDate.of(2000, 1, 1)));
        assertEquals(LocalDate.of(1858, 11, 17), Julian.toLocalDate(2400001)); // modified Julian day 0
        assertEquals(0, Julian.of(Julian.toLocalDate(0)));
    }

    @Test
    void theLargestJulianDayIsAValidFarFutureDate() {
        LocalDate far = Julian.toLocalDate(Integer.MAX_VALUE);
        assertTrue(far.getYear() > 5_000_000);
        assertEquals(Integer.MAX_VALUE, Julian.of(far));
        assertThrows(DateTimeException.class, () -> Julian.of(far.plusDays(1)));
    }

    @Test
    void fiffTimeConvertsToInstantsInUtcWhateverTheDefaultZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertEquals(new FiffTime(946684800, 0), FiffTime.startOf(LocalDate.of(2000, 1, 1)));
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertEquals(new FiffTime(946684800, 0), FiffTime.startOf(LocalDate.of(2000, 1, 1)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void timesBefore1970AreNegativeSecondsWithPositiveMicroseconds() {
        FiffTime t = FiffTime.of(Instant.parse("1969-12-31T23:59:59.500Z"));
        assertEquals(new FiffTime(-1, 500_000), t);
        assertEquals(Instant.parse("1969-12-31T23:59:59.500Z"), t.toInstant());
        assertEquals(new FiffTime(-1, 0), FiffTime.startOf(LocalDate.of(1969, 12, 31)).plus(Duration.ofSeconds(86399)));
    }

    @Test
    void theThirtyTwoBitLimitsAreExactAndOverflowIsAnError() {
        FiffTime max = FiffTime.of(Instant.ofEpochSecond(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, max.seconds());
        FiffTime min = FiffTime.of(Instant.ofEpochSecond(Integer.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE, min.seconds());
        assertThrows(ArithmeticException.class, () -> FiffTime.of(Instant.ofEpochSecond(Integer.MAX_VALUE + 1L)));
        assertThrows(ArithmeticException.class, () -> max.plusDays(1));
        assertThrows(ArithmeticException.class, () -> min.plusDays(-1));
        assertThrows(ArithmeticException.class, () -> new FiffTime(0, 0).plusDays(Long.MAX_VALUE / 2));
        assertEquals(new FiffTime(Integer.MAX_VALUE - 86400, 3), new FiffTime(Integer.MAX_VALUE, 3).plusDays(-1));
    }

    @Test
    void dayOffsetsKeepMicrosecondsAndDurationsNormaliseThem() {
        FiffTime t = new FiffTime(1000, 250_000);
        assertEquals(new FiffTime(1000 - 35 * 86400, 250_000), t.plusDays(-35));
        assertEquals(new FiffTime(999, 750_000), t.plus(Duration.ofMillis(-500)));
    }

    @Test
    void theNoDateMarkerIsRecognised() {
        assertTrue(new FiffTime(0, Integer.MAX_VALUE).isNone());
        assertFalse(new FiffTime(0, 0).isNone());
        assertEquals("none", FiffTime.NONE.toString());
    }
}
