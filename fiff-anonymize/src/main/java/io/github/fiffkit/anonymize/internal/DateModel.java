package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;

import io.github.fiffkit.anonymize.policy.Dates;
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
 */
public final class DateModel {
    private enum Mode { KEEP, SET, DAYS, SHIFT, NO_DATE }

    private enum BMode { KEEP, SET, DAYS, SHIFT, YEAR_ONLY, REMOVE }

    private final Mode mode;
    private final FiffTime target;
    private final long days;
    private final Duration shift;
    private final BMode bmode;
    private final int birthdayJd;
    private final long birthdayDays;
    private final Duration birthdayShift;
    private final Optional<FiffTime> reference;

    private DateModel(Mode mode, FiffTime target, long days, Duration shift, BMode bmode, int birthdayJd,
            long birthdayDays, Duration birthdayShift, Optional<FiffTime> reference) {
        this.mode = mode;
        this.target = target;
        this.days = days;
        this.shift = shift;
        this.bmode = bmode;
        this.birthdayJd = birthdayJd;
        this.birthdayDays = birthdayDays;
        this.birthdayShift = birthdayShift;
        this.reference = reference;
    }

    /**
     * Resolves a policy's dates for a recording.
     *
     * @param dates     the policy's date model
     * @param reference the recording's measurement date, if it has one
     * @return the concrete model
     */
    public static DateModel resolve(Dates dates, Optional<FiffTime> reference) {
        MeasurementDate m = dates.measurement();
        BirthdayDate b = dates.birthday();
        boolean noDate = reference.isEmpty()
                && (m instanceof MeasurementDate.LandOn || b instanceof BirthdayDate.FollowMeasurement);
        Mode mode = Mode.KEEP;
        FiffTime target = null;
        long days = 0;
        Duration shift = Duration.ZERO;
        if (noDate) {
            mode = Mode.NO_DATE;
        } else if (m instanceof MeasurementDate.SetTo s) {
            mode = Mode.SET;
            target = FiffTime.startOf(s.date());
        } else if (m instanceof MeasurementDate.OffsetDays o) {
            mode = Mode.DAYS;
            days = o.days();
        } else if (m instanceof MeasurementDate.LandOn l) {
            mode = Mode.SHIFT;
            shift = Duration.between(reference.orElseThrow().toInstant(), l.instant());
        }
        BMode bmode = BMode.KEEP;
        int jd = 0;
        long bdays = 0;
        Duration bshift = Duration.ZERO;
        if (b instanceof BirthdayDate.SetTo s) {
            bmode = BMode.SET;
            jd = Julian.of(s.date());
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
                    bshift = shift;
                }
                case SET -> {
                    bmode = BMode.SHIFT;
                    bshift = Duration.between(reference.orElseThrow().toInstant(), target.toInstant());
                }
                default -> bmode = BMode.KEEP;
            }
        }
        return new DateModel(mode, target, days, shift, bmode, jd, bdays, bshift, reference);
    }

    /** @return true when the recording has no measurement date and its times become MNE's "no date" marker */
    public boolean noDate() {
        return mode == Mode.NO_DATE;
    }

    /**
     * @param t a time stamp
     * @return the moved time; MNE's "no date" marker stays
     * @throws ArithmeticException when the result leaves the 32-bit range
     */
    public FiffTime moveTime(FiffTime t) {
        if (t.isNone()) {
            return t;
        }
        return switch (mode) {
            case KEEP -> t;
            case SET -> target;
            case DAYS -> t.plusDays(-days);
            case SHIFT -> t.plus(shift);
            case NO_DATE -> FiffTime.NONE;
        };
    }

    /**
     * @param jd a birthday
     * @return the new birthday, or empty when it is removed
     * @throws ArithmeticException when the result leaves the 32-bit range
     */
    public OptionalInt moveBirthday(int jd) {
        return switch (bmode) {
            case KEEP -> OptionalInt.of(jd);
            case SET -> OptionalInt.of(birthdayJd);
            case DAYS -> OptionalInt.of(Math.toIntExact(jd - birthdayDays));
            case SHIFT -> {
                try {
                    LocalDateTime at = Julian.toLocalDate(jd).atStartOfDay().plus(birthdayShift);
                    yield OptionalInt.of(Julian.of(at.toLocalDate()));
                } catch (DateTimeException e) {
                    throw new ArithmeticException("the birthday moves outside the range of dates");
                }
            }
            case YEAR_ONLY -> OptionalInt.of(yearOnly(jd, reference, reference.map(this::moveTime)));
            case REMOVE -> OptionalInt.empty();
        };
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
     * @return the new birthday
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
