package io.github.fiffkit.core;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Julian day numbers ({@code FIFFT_JULIAN}), as used for {@code FIFF_SUBJ_BIRTH_DAY}: 2440588 is
 * 1970-01-01 in the proleptic Gregorian calendar. Pure integer arithmetic; no time zone is involved.
 */
public final class Julian {
    /** The Julian day number of 1970-01-01. */
    public static final int EPOCH_DAY_ZERO = 2_440_588;

    private Julian() {
    }

    /**
     * Converts a Julian day number to a date.
     *
     * @param julianDay the day number
     * @return the date (any int converts; very large numbers give years far in the future)
     */
    public static LocalDate toLocalDate(int julianDay) {
        return LocalDate.ofEpochDay((long) julianDay - EPOCH_DAY_ZERO);
    }

    /**
     * Converts a date to its Julian day number.
     *
     * @param date the date
     * @return the day number
     * @throws DateTimeException when the day number does not fit in 32 bits
     */
    public static int of(LocalDate date) {
        long jd = date.toEpochDay() + EPOCH_DAY_ZERO;
        if (jd != (int) jd) {
            throw new DateTimeException(date + " has no 32-bit Julian day number");
        }
        return (int) jd;
    }
}
