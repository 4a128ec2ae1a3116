package io.github.fiffkit.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A FIFF time stamp: whole seconds since 1970-01-01T00:00:00Z (negative before 1970) and microseconds,
 * each a signed 32-bit number, as stored in ID structs and in {@code FIFF_MEAS_DATE}.
 *
 * <p>All conversions are in UTC, whatever the time zone of the machine.
 *
 * @param seconds      seconds since the epoch
 * @param microseconds microseconds within the second (normally 0 to 999999)
 */
public record FiffTime(int seconds, int microseconds) {
    /** MNE's marker for "no date": seconds 0, microseconds 2<sup>31</sup>-1. */
    public static final FiffTime NONE = new FiffTime(0, Integer.MAX_VALUE);

    /** @return true when this is MNE's "no date" marker */
    public boolean isNone() {
        return equals(NONE);
    }

    /** @return the instant this time stands for (microseconds outside 0..999999 are added as they are) */
    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, microseconds * 1000L);
    }

    /**
     * Converts an instant, truncating to whole microseconds.
     *
     * @param instant the instant
     * @return the FIFF time
     * @throws ArithmeticException when the seconds do not fit in 32 bits
     */
    public static FiffTime of(Instant instant) {
        long secs = instant.getEpochSecond();
        if (secs != (int) secs) {
            // no value in the message: a time moved from a file's date would give that date back
            throw new ArithmeticException("a time outside the 32-bit range of FIFF time (1901-12-13 to 2038-01-19)");
        }
        return new FiffTime((int) secs, instant.getNano() / 1000);
    }

    /**
     * The start of a day in UTC.
     *
     * @param date the day
     * @return that day at 00:00:00.000000 UTC
     * @throws ArithmeticException when the day is outside the 32-bit range of FIFF time
     */
    public static FiffTime startOf(LocalDate date) {
        return of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Moves this time by a duration, normalising the microseconds into 0..999999.
     *
     * @param delta how far to move (negative moves earlier)
     * @return the moved time
     * @throws ArithmeticException when the result is outside the 32-bit range of FIFF time
     */
    public FiffTime plus(Duration delta) {
        return of(toInstant().plus(delta));
    }

    /**
     * Moves this time by whole days of 86400 seconds, keeping the microseconds as they are.
     *
     * @param days days to add (negative moves earlier)
     * @return the moved time
     * @throws ArithmeticException when the result is outside the 32-bit range of FIFF time
     */
    public FiffTime plusDays(long days) {
        long secs = Math.addExact(seconds, Math.multiplyExact(days, 86_400L));
        if (secs != (int) secs) {
            throw new ArithmeticException("moving a time by " + days + " days leaves the 32-bit range of FIFF time");
        }
        return new FiffTime((int) secs, microseconds);
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        if (microseconds >= 0 && microseconds < 1_000_000) {
            return toInstant().toString();
        }
        return seconds + "s+" + microseconds + "us";
    }
}
