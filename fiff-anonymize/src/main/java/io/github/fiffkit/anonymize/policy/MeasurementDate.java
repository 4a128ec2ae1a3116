package io.github.fiffkit.anonymize.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a policy moves the measurement date and every time stamp that goes with it: {@code FIFF_MEAS_DATE}
 * (in any block and in any of its encodings) and the time in every ID tag. All in UTC, whatever the time zone
 * of the machine.
 */
public sealed interface MeasurementDate {
    /** Times stay as they are (machine ids are still cleared by {@code rewriteId}). */
    record Keep() implements MeasurementDate {
    }

    /**
     * Every time becomes this day at 00:00:00 UTC with zero microseconds.
     *
     * @param date the day
     */
    record SetTo(LocalDate date) implements MeasurementDate {
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
     * Every time moves by whole days, each from its own value, so that intervals between recordings survive and
     * the offset can be undone. Positive moves earlier, as {@code --mdo} does.
     *
     * @param days days to subtract
     */
    record OffsetDays(int days) implements MeasurementDate {
    }

    /**
     * Every time moves by the exact duration that takes the recording's measurement date to this instant
     * (MNE-Python's default anonymization lands on 2000-01-01T00:00:00Z).
     *
     * @param instant where the measurement date lands
     */
    record LandOn(Instant instant) implements MeasurementDate {
        /**
         * Checks the instant.
         *
         * @param instant where the measurement date lands
         * @throws NullPointerException when the instant is missing
         */
        public LandOn {
            Objects.requireNonNull(instant, "instant");
        }
    }

    /**
     * Every time moves by whole days, by an offset of the subject's own (from a secret or a table), the same in
     * every recording of that subject: intervals between a subject's sessions survive, and subjects do not move
     * together.
     *
     * @param offset how the subject's offset is found
     */
    record PerSubject(SubjectOffset offset) implements MeasurementDate {
        /**
         * Checks the offset.
         *
         * @param offset how the subject's offset is found
         * @throws NullPointerException when it is missing
         */
        public PerSubject {
            Objects.requireNonNull(offset, "offset");
        }
    }

    /**
     * @param offset how each subject's offset is found
     * @return move every time by the subject's own offset
     */
    static MeasurementDate perSubject(SubjectOffset offset) {
        return new PerSubject(offset);
    }

    /** @return keep the times */
    static MeasurementDate keep() {
        return new Keep();
    }

    /**
     * @param date the day
     * @return set every time to that day
     */
    static MeasurementDate set(LocalDate date) {
        return new SetTo(date);
    }

    /**
     * @param days days to subtract (negative: later)
     * @return move every time by whole days
     */
    static MeasurementDate offsetDays(int days) {
        return new OffsetDays(days);
    }

    /**
     * @param instant where the measurement date lands
     * @return move every time so that the measurement date lands there
     */
    static MeasurementDate landOn(Instant instant) {
        return new LandOn(instant);
    }
}
