package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A policy's date model made concrete for one recording, once its measurement date is known: how every time
 * stamp and the birthday move. Pure arithmetic in UTC.
 *
 * <p>When a result is impossible it throws an {@link ArithmeticException} whose message says what the policy
 * asked for and why it cannot be done, without the value found in the file (dates are personal data): the
 * engine puts that message, with the tag and its position, into the {@code PolicyException}.
 */
public final class DateModel {
    /** FIFF's 32-bit time, in words for messages. */
    public static final String FIFF_TIME_RANGE = "the 32-bit range of FIFF time (1901-12-13 to 2038-01-19)";

    private enum Mode { KEEP, SET, DAYS, SHIFT, NO_DATE }

    private enum BMode { KEEP, SET, DAYS, SHIFT, YEAR_ONLY, REMOVE }

    private final Dates dates;
    private final Mode mode;
    private final LocalDate target;
    private final long days;
    private final Duration shift;
    private final BMode bmode;
    private final long birthdayDays;
    private final Duration birthdayShift;
    private final Optional<FiffTime> reference;

    private DateModel(Dates dates, Mode mode, LocalDate target, long days, Duration shift, BMode bmode,
            long birthdayDays, Duration birthdayShift, Optional<FiffTime> reference) {
        this.dates = dates;
        this.mode = mode;
        this.target = target;
        this.days = days;
        this.shift = shift;
        this.bmode = bmode;
        this.birthdayDays = birthdayDays;
        this.birthdayShift = birthdayShift;
        this.reference = reference;
    }

    /**
     * Resolves a policy's dates for a recording. Never fails: a day outside FIFF time fails when it is used.
     *
     * @param dates     the policy's date model
     * @param reference the recording's measurement date, if it has one
     * @return the concrete model
     */
    public static DateModel resolve(Dates dates, Optional<FiffTime> reference) {
        return resolve(dates, reference, null);
    }

    /**
     * Resolves a policy's dates for a recording whose subject's offset is known.
     *
     * @param dates     the policy's date model
     * @param reference the recording's measurement date, if it has one
     * @param shift     the subject's offset when the measurement date moves per subject, else {@code null}
     * @return the concrete model
     * @throws IllegalStateException when the dates move per subject and no shift is given
     */
    public static DateModel resolve(Dates dates, Optional<FiffTime> reference, SubjectOffset.Shift shift) {
        return resolve(dates, reference, shift, null);
    }

    /**
     * Resolves a policy's dates for a recording whose subject's offsets are known.
     *
     * @param dates         the policy's date model
     * @param reference     the recording's measurement date, if it has one
     * @param shift         the subject's offset when the measurement date moves per subject, else {@code null}
     * @param birthdayShift the subject's offset when the birthday moves per subject, else {@code null}
     * @return the concrete model
     * @throws IllegalStateException when a date moves per subject and its shift is not given
     */
    public static DateModel resolve(Dates dates, Optional<FiffTime> reference, SubjectOffset.Shift shift,
            SubjectOffset.Shift birthdayShift) {
        MeasurementDate m = dates.measurement();
        if (m instanceof MeasurementDate.PerSubject) {
            if (shift == null) {
                throw new IllegalStateException("the subject's offset is not resolved");
            }
            m = MeasurementDate.offsetDays(shift.days());
        }
        BirthdayDate b = dates.birthday();
        if (b instanceof BirthdayDate.PerSubject) {
            if (birthdayShift == null) {
                throw new IllegalStateException("the subject's birthday offset is not resolved");
            }
            b = BirthdayDate.offsetDays(birthdayShift.days());
        }
        boolean noDate = reference.isEmpty()
                && (m instanceof MeasurementDate.LandOn || b instanceof BirthdayDate.FollowMeasurement);
        Mode mode = Mode.KEEP;
        LocalDate target = null;
        long days = 0;
        Duration timeShift = Duration.ZERO;
        if (noDate) {
            mode = Mode.NO_DATE;
        } else if (m instanceof MeasurementDate.SetTo s) {
            mode = Mode.SET;
            target = s.date();
        } else if (m instanceof MeasurementDate.OffsetDays o) {
            mode = Mode.DAYS;
            days = o.days();
        } else if (m instanceof MeasurementDate.LandOn l) {
            mode = Mode.SHIFT;
            timeShift = Duration.between(reference.orElseThrow().toInstant(), l.instant());
        }
        BMode bmode = BMode.KEEP;
        long bdays = 0;
        Duration bshift = Duration.ZERO;
        if (b instanceof BirthdayDate.SetTo) {
            bmode = BMode.SET;
        } else if (b instanceof BirthdayDate.OffsetDays o) {
            bmode = BMode.DAYS;
            bdays = o.days();
        } else if (b instanceof BirthdayDate.YearOnly) {
            bmode = BMode.YEAR_ONLY;
        } else if (b instanceof BirthdayDate.FollowMeasurement) {
            switch (mode) {
                case NO_DATE -> bmode = BMode.REMOVE;
                case DAYS -> {
                    bmode = BMode.DAYS;
                    bdays = days;
                }
                case SHIFT -> {
                    bmode = BMode.SHIFT;
                    bshift = timeShift;
                }
                case SET -> {
                    bmode = BMode.SHIFT;
                    bshift = Duration.between(reference.orElseThrow().toInstant(),
                            target.atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                default -> bmode = BMode.KEEP;
            }
        }
        return new DateModel(dates, mode, target, days, timeShift, bmode, bdays, bshift, reference);
    }

    /** @return true when the recording has no measurement date and its times become MNE's "no date" marker */
    public boolean noDate() {
        return mode == Mode.NO_DATE;
    }

    /**
     * @param t a time stamp
     * @return the moved time; MNE's "no date" marker stays
     * @throws ArithmeticException when the result leaves the 32-bit range; the message names the policy's choice,
     *                             not the time
     */
    public FiffTime moveTime(FiffTime t) {
        if (t.isNone()) {
            return t;
        }
        try {
            return switch (mode) {
                case KEEP -> t;
                case SET -> FiffTime.startOf(target);
                case DAYS -> t.plusDays(-days);
                case SHIFT -> t.plus(shift);
                case NO_DATE -> FiffTime.NONE;
            };
        } catch (ArithmeticException | DateTimeException e) {
            throw new ArithmeticException(measurementProblem());
        }
    }

    /** Why a time cannot move as the policy says, in words that hold no value of the file. */
    private String measurementProblem() {
        MeasurementDate m = dates.measurement();
        if (m instanceof MeasurementDate.SetTo s) {
            return "setting it to " + s.date() + " (the measurement date: dates.measurement.set, --md) is outside "
                    + FIFF_TIME_RANGE + "; choose a day in that range";
        }
        if (m instanceof MeasurementDate.LandOn l) {
            return "moving it so that the measurement date lands on " + l.instant()
                    + " (dates.measurement.landOn) leaves " + FIFF_TIME_RANGE;
        }
        if (m instanceof MeasurementDate.PerSubject) {
            // the subject's offset is the key to the original dates: never in a message
            return "moving it by the subject's own offset (dates.measurement.offsetDays, per subject) leaves "
                    + FIFF_TIME_RANGE + "; choose a smaller range of offsets";
        }
        return "moving it " + daysInWords(days) + " (the measurement date offset: dates.measurement.offsetDays,"
                + " --mdo) leaves " + FIFF_TIME_RANGE + "; choose a smaller offset";
    }

    /**
     * Moves a birthday. A birthday that the policy sets, or moves by an offset, must land in year 1 or later and
     * not after the measurement date of the output (unless both days are fixed by the policy, which front-ends
     * check on their own); a birthday already outside those bounds in the file is moved without this check, as it
     * was found.
     *
     * @param jd a birthday
     * @return the new birthday, or empty when it is removed
     * @throws ArithmeticException when the result is impossible; the message names the policy's choice, not the
     *                             birthday
     */
    public OptionalInt moveBirthday(int jd) {
        BirthdayDate b = dates.birthday();
        switch (bmode) {
            case KEEP:
                return OptionalInt.of(jd);
            case REMOVE:
                return OptionalInt.empty();
            case YEAR_ONLY:
                return OptionalInt.of(yearOnly(jd, reference, reference.map(this::moveTime)));
            case SET: {
                LocalDate day = ((BirthdayDate.SetTo) b).date();
                String what = "setting it to " + day + " (dates.birthday.set, --sb, or the preset's default)";
                int set;
                try {
                    set = Julian.of(day);
                } catch (DateTimeException e) {
                    throw new ArithmeticException(what + " leaves the 32-bit range of Julian days");
                }
                checkBirthday(day, what, mode != Mode.SET);
                return OptionalInt.of(set);
            }
            case DAYS: {
                // a subject's own offset is the key to the original dates: never in a message
                String what = b instanceof BirthdayDate.PerSubject
                        ? "moving it by the subject's own birthday offset (dates.birthday.offsetDays, per subject)"
                        : dates.measurement() instanceof MeasurementDate.PerSubject
                        && b instanceof BirthdayDate.FollowMeasurement
                        ? "moving it with the measurement date by the subject's own offset"
                                + " (dates.birthday.followMeasurement)"
                        : "moving it " + daysInWords(birthdayDays) + (b instanceof BirthdayDate.OffsetDays
                        ? " (the birthday offset: dates.birthday.offsetDays, --sbo)"
                        : " with the measurement date (dates.birthday.followMeasurement)");
                long moved = jd - birthdayDays;
                if (moved != (int) moved) {
                    throw new ArithmeticException(what + " leaves the 32-bit range of Julian days");
                }
                if (plausible(jd)) {
                    checkBirthday(Julian.toLocalDate((int) moved), what, true);
                }
                return OptionalInt.of((int) moved);
            }
            default: {
                try {
                    LocalDateTime at = Julian.toLocalDate(jd).atStartOfDay().plus(birthdayShift);
                    return OptionalInt.of(Julian.of(at.toLocalDate()));
                } catch (DateTimeException | ArithmeticException e) {
                    throw new ArithmeticException("moving it with the measurement date"
                            + " (dates.birthday.followMeasurement) leaves the range of dates");
                }
            }
        }
    }

    /** A birthday in year 1 or later, and not after the measurement date when the recording has one. */
    private boolean plausible(int jd) {
        LocalDate day = Julian.toLocalDate(jd);
        return day.getYear() >= 1 && day(reference).map(m -> !day.isAfter(m)).orElse(true);
    }

    private void checkBirthday(LocalDate day, String what, boolean againstMeasurement) {
        if (day.getYear() < 1) {
            throw new ArithmeticException(what + " puts it before year 1; choose a smaller offset or a later day");
        }
        if (againstMeasurement) {
            Optional<LocalDate> measured = day(reference.map(this::moveTime));
            if (measured.isPresent() && day.isAfter(measured.get())) {
                throw new ArithmeticException(what + " puts it after the measurement date of the output; choose"
                        + " a birthday or an offset that keeps it before");
            }
        }
    }

    private static String daysInWords(long days) {
        return Math.abs(days) + (Math.abs(days) == 1 ? " day " : " days ") + (days >= 0 ? "earlier" : "later");
    }

    /**
     * The year-only birthday of HIPAA's safe harbor: 1 January of the birth year; a subject older than 89 at the
     * measurement (at today's date when the recording has none) gets the year that makes them 90 at the
     * measurement date the output holds, so that the output never shows an age over 90 and a second pass changes
     * nothing.
     *
     * @param jd             the birthday
     * @param measurement    the measurement date found in the file
     * @param newMeasurement the measurement date written to the output
     * @return the new birthday (always a 32-bit day: a birthday that far back is older than 89)
     */
    public static int yearOnly(int jd, Optional<FiffTime> measurement, Optional<FiffTime> newMeasurement) {
        LocalDate birth = Julian.toLocalDate(jd);
        LocalDate at = day(measurement).orElse(LocalDate.now(ZoneOffset.UTC));
        int year = birth.getYear();
        if (!birth.isAfter(at) && Period.between(birth, at).getYears() > 89) {
            year = day(newMeasurement).orElse(at).getYear() - 90;
        }
        return Julian.of(LocalDate.of(year, 1, 1));
    }

    private static Optional<LocalDate> day(Optional<FiffTime> t) {
        return t.filter(x -> !x.isNone()).map(x -> x.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }
}
