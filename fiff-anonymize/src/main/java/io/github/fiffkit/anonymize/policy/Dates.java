package io.github.fiffkit.anonymize.policy;

import java.util.Objects;

/**
 * The date model of a policy: one rule for the measurement date and the times that go with it, one for the
 * birthday.
 *
 * @param measurement how measurement dates and ID times move
 * @param birthday    how the birthday changes
 */
public record Dates(MeasurementDate measurement, BirthdayDate birthday) {
    /**
     * Checks that both parts are there.
     *
     * @param measurement how measurement dates and ID times move
     * @param birthday how the birthday changes
     * @throws NullPointerException when a part is missing
     */
    public Dates {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(birthday, "birthday");
    }

    /**
     * @param m the new measurement model
     * @return a copy with it
     */
    public Dates withMeasurement(MeasurementDate m) {
        return new Dates(m, birthday);
    }

    /**
     * @param b the new birthday model
     * @return a copy with it
     */
    public Dates withBirthday(BirthdayDate b) {
        return new Dates(measurement, b);
    }
}
