package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.core.FiffTime;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads the typed values of policy files (days, dates, instants, switches, FIFF codes), each checked against the
 * range it must fit; a value that does not fit adds its problem and reads as {@code null} (or false).
 */
final class Values {
    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    /** A switch that must be {@code true}: {@code false} would choose nothing. */
    boolean flag(Node v, String field) {
        if (!problems.expect(v, Kind.BOOLEAN, field, "\"" + Problems.last(field) + "\"")) {
            return false;
        }
        if (!(Boolean) v.value) {
            problems.add(v, field, "\"" + Problems.last(field)
                    + "\": false chooses nothing; write the choice you want instead");
            return false;
        }
        return true;
    }

    /** A day within the range of FIFF times. */
    LocalDate date(Node v, String field) {
        LocalDate d = julianDate(v, field);
        if (d != null) {
            try {
                FiffTime.startOf(d);
            } catch (ArithmeticException | DateTimeException e) {
                problems.add(v, field, "the date " + v.shown() + " is outside the range of FIFF times"
                        + " (1901-12-14 to 2038-01-18)");
                return null;
            }
        }
        return d;
    }

    /** A day, YYYY-MM-DD, of any year a Julian day holds (birthdays are not FIFF times). */
    LocalDate julianDate(Node v, String field) {
        if (!problems.expect(v, Kind.TEXT, field, "a date")) {
            return null;
        }
        try {
            if (!v.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("form", v.text(), 0);
            }
            return LocalDate.parse(v.text());
        } catch (DateTimeParseException e) {
            problems.add(v, field, "the date " + v.shown()
                    + " is not a day written as YYYY-MM-DD, e.g. \"2000-01-01\"");
            return null;
        }
    }

    /** A whole number of days that fits an int. */
    Integer days(Node v, String field) {
        if (!problems.expect(v, Kind.INTEGER, field, "a number of days")) {
            return null;
        }
        BigInteger n = (BigInteger) v.value;
        if (n.bitLength() > 31) {
            problems.add(v, field, "the number of days " + n + " is far too large");
            return null;
        }
        return n.intValue();
    }

    /** A UTC instant within the 32-bit seconds of FIFF times. */
    Instant instant(Node v, String field) {
        if (!problems.expect(v, Kind.TEXT, field, "an instant")) {
            return null;
        }
        Instant i;
        try {
            i = Instant.parse(v.text());
        } catch (DateTimeParseException e) {
            problems.add(v, field, "the instant " + v.shown()
                    + " is not a UTC time such as \"2000-01-01T00:00:00Z\"");
            return null;
        }
        if (i.getEpochSecond() != (int) i.getEpochSecond()) {
            problems.add(v, field, "the instant " + v.shown() + " is outside the range of FIFF times"
                    + " (1901-12-13T20:45:52Z to 2038-01-19T03:14:07Z)");
            return null;
        }
        return i;
    }

    /**
     * A FIFF code given as a name, as a number, or as a number in text.
     *
     * @param what   what the code is, in messages ("tag", "block", "data type")
     * @param lookup finds a code by name
     * @param all    every known name, for suggestions
     */
    Integer code(Node v, String field, String what, Function<String, OptionalInt> lookup, Map<String, Integer> all) {
        if (v.kind == Kind.INTEGER) {
            BigInteger n = (BigInteger) v.value;
            if (n.signum() < 0 || n.bitLength() > 31) {
                problems.add(v, field, what + " number " + n + " is not a valid code (0 to 2147483647)");
                return null;
            }
            return n.intValue();
        }
        if (v.kind != Kind.TEXT) {
            problems.add(v, field, what + " must be a FIFF name (text) or a number, not " + v.kind.words);
            return null;
        }
        String name = v.text().trim();
        if (name.matches("\\d+")) {
            return code(new Node(Kind.INTEGER, new BigInteger(name), v.line, v.column), field, what, lookup, all);
        }
        OptionalInt n = lookup.apply(name);
        if (n.isPresent()) {
            return n.getAsInt();
        }
        String hint = Suggestions.closest(name, all.keySet()).map(s -> "; did you mean \"" + s + "\"?").orElse("");
        problems.add(v, field, "unknown " + what + " name " + v.shown() + hint);
        return null;
    }
}
