package io.github.fiffkit.anonymize.policy;

import java.time.LocalDate;
import java.util.Objects;

/** How a policy changes the subject's birthday ({@code FIFF_SUBJ_BIRTH_DAY}, a Julian day number). */
public sealed interface BirthdayDate {
    /** The birthday stays. */
    record Keep() implements BirthdayDate {
    }

    /**
     * The birthday becomes this day.
     *
     * @param date the day
     */
    record SetTo(LocalDate date) implements BirthdayDate {
        /**
         * Checks the day.
         *
         * @param date the day
         * @throws NullPointerException when the date is missing
         */
        public SetTo {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * The birthday moves by whole days; positive moves earlier, as {@code --sbo} does.
     *
     * @param days days to subtract
     */
    record OffsetDays(int days) implements BirthdayDate {
    }

    /**
     * Only the year stays (1 January of it), as HIPAA's safe harbor allows; a subject older than 89 at the
     * measurement gets the year that makes them 90.
     */
    record YearOnly() implements BirthdayDate {
    }

    /**
     * The birthday moves by the same amount as the measurement date, so the age in days at the measurement survives
     * (MNE-Python's behaviour; in whole years it may differ by one when the shift crosses a 29 February); it is
     * removed when the recording has no measurement date.
     */
    record FollowMeasurement() implements BirthdayDate {
    }

    /**
     * The birthday moves by whole days, by an offset of the subject's own (from a secret or a table column), the
     * same in every recording of that subject. It is not tied to the measurement's offset: the age in days at a
     * session survives only when both come from the same source; {@link FollowMeasurement} is the usual choice.
     *
     * @param offset how the subject's birthday offset is found
     */
    record PerSubject(SubjectOffset offset) implements BirthdayDate {
        /**
         * Checks the offset.
         *
         * @param offset how the subject's birthday offset is found
         * @throws NullPointerException when it is missing
         */
        public PerSubject {
            Objects.requireNonNull(offset, "offset");
        }
    }

    /**
     * @param offset how each subject's birthday offset is found
     * @return move the birthday by the subject's own offset
     */
    static BirthdayDate perSubject(SubjectOffset offset) {
        return new PerSubject(offset);
    }

    /** @return keep the birthday */
    static BirthdayDate keep() {
        return new Keep();
    }

    /**
     * @param date the day
     * @return set the birthday to that day
     */
    static BirthdayDate set(LocalDate date) {
        return new SetTo(date);
    }

    /**
     * @param days days to subtract (negative: later)
     * @return move the birthday by whole days
     */
    static BirthdayDate offsetDays(int days) {
        return new OffsetDays(days);
    }

    /** @return keep the year only */
    static BirthdayDate yearOnly() {
        return new YearOnly();
    }

    /** @return move the birthday with the measurement date */
    static BirthdayDate followMeasurement() {
        return new FollowMeasurement();
    }
}
