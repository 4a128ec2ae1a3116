package io.github.fiffkit.anonymize.run;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * The one reader of the {@code DDMMYYYY} days that {@code --md} and {@code --sb} take (MNE-CPP's form), with the
 * ranges a FIFF file can hold. Every front-end parses through here, so a day is refused the same way everywhere.
 *
 * <pre>{@code
 * LocalDate md = DayMonthYear.measurementDate("01012000");   // 2000-01-01
 * DayMonthYear.measurementDate("01012050");                  // IllegalArgumentException: after 19012038
 * }</pre>
 */
public final class DayMonthYear {
    /** {@code ddMMuuuu}, strict: 31022020 is no day. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("ddMMuuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The first day whose midnight (UTC) a FIFF time holds: times are signed 32-bit seconds since 1970, and
     * 13 December 1901 at midnight is before the first of them (20:45:52 that day).
     */
    public static final LocalDate FIRST_MEASUREMENT_DAY = LocalDate.of(1901, 12, 14);

    /** The last day whose midnight (UTC) a FIFF time holds (the last second is 19 January 2038, 03:14:07). */
    public static final LocalDate LAST_MEASUREMENT_DAY = LocalDate.of(2038, 1, 19);

    /** The first birthday accepted: year 1 (the form's year 0000 is 1 BC). */
    public static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1, 1, 1);

    /** The last birthday accepted: the last day the form can write. */
    public static final LocalDate LAST_BIRTHDAY = LocalDate.of(9999, 12, 31);

    private DayMonthYear() {
    }

    /**
     * Reads a day written {@code DDMMYYYY}.
     *
     * @param text the text, e.g. {@code 29022024}
     * @return the day
     * @throws IllegalArgumentException when the text is not eight digits or names no day; the message quotes the
     *                                  text and shows the form
     */
    public static LocalDate parse(String text) {
        if (text == null || !text.matches("\\d{8}")) {
            throw new IllegalArgumentException("'" + text + "' is not a day written DDMMYYYY, e.g. 01012000");
        }
        try {
            return LocalDate.parse(text, FORMAT);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is no day of the calendar (DDMMYYYY, e.g. 01012000)",
                    e);
        }
    }

    /**
     * Reads a measurement date ({@code --md}): a day whose midnight a FIFF file can hold.
     *
     * @param text the text
     * @return the day
     * @throws IllegalArgumentException when it is not a day, or one outside {@link #FIRST_MEASUREMENT_DAY} ..
     *                                  {@link #LAST_MEASUREMENT_DAY}
     */
    public static LocalDate measurementDate(String text) {
        LocalDate d = parse(text);
        String problem = measurementDateProblem(d);
        if (problem != null) {
            throw new IllegalArgumentException("'" + text + "' " + problem);
        }
        return d;
    }

    /**
     * Reads a birthday ({@code --sb}): a day of year 1 or later.
     *
     * @param text the text
     * @return the day
     * @throws IllegalArgumentException when it is not a day, or one before year 1
     */
    public static LocalDate birthday(String text) {
        LocalDate d = parse(text);
        String problem = birthdayProblem(d);
        if (problem != null) {
            throw new IllegalArgumentException("'" + text + "' " + problem);
        }
        return d;
    }

    /**
     * @param day a day
     * @return the day written {@code DDMMYYYY}
     * @throws DateTimeException when the year has more than four digits
     */
    public static String format(LocalDate day) {
        return day.format(FORMAT);
    }

    /**
     * @param day a measurement date
     * @return why a FIFF file cannot hold it (a phrase that follows the value), or {@code null} when it can
     */
    static String measurementDateProblem(LocalDate day) {
        long seconds = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        if (seconds < Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
            return "is outside the times a FIFF file can hold: give a day from " + format(FIRST_MEASUREMENT_DAY)
                    + " to " + format(LAST_MEASUREMENT_DAY) + " (DDMMYYYY)";
        }
        return null;
    }

    /**
     * @param day a birthday
     * @return why it is refused (a phrase that follows the value), or {@code null} when it is fine
     */
    static String birthdayProblem(LocalDate day) {
        if (day.isBefore(FIRST_BIRTHDAY) || day.isAfter(LAST_BIRTHDAY)) {
            return "is not a birthday: give a day from " + format(FIRST_BIRTHDAY) + " to " + format(LAST_BIRTHDAY)
                    + " (DDMMYYYY)";
        }
        return null;
    }

    /** @return a day as the messages quote it: {@code DDMMYYYY} where the form can write it */
    static String quote(LocalDate day) {
        return day.getYear() >= 0 && day.getYear() <= 9999 ? format(day) : day.toString();
    }
}
