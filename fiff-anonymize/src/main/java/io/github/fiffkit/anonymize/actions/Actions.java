package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in actions. Each is immutable and thread-safe.
 *
 * <pre>{@code
 * Rule r1 = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.replace("S01"));
 * Rule r2 = Rule.of(Selector.kind(FiffKind.DACQ_PARS), Actions.scrub());
 * Rule r3 = Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.yearOnly());
 * }</pre>
 *
 * <p>This class is the entry point only; the actions live by kind in package-private classes: whole values and
 * IDs ({@code ValueActions}), dates and the birthday ({@code DateActions}), free text ({@code TextActions}),
 * keyed hashes and pseudonyms ({@code HashActions}).
 *
 * @see Rule
 * @see Selector
 */
public final class Actions {
    private Actions() {
    }

    // ---- values ----

    /** @return keep the tag as it is (its data is copied without being read) */
    public static TagAction keep() {
        return ValueActions.KEEP;
    }

    /** @return remove the tag */
    public static TagAction remove() {
        return ValueActions.REMOVE;
    }

    /**
     * Replaces the value, keeping the tag's own data type: text for strings; a number written into every
     * element of an integer or floating-point array (so its size stays); a date ({@code YYYY-MM-DD}) or a day
     * number for a Julian tag. A string stored where a number is expected (such as {@code FIFF_SUBJ_ID} in 4D
     * exports) gets the value as text.
     *
     * @param value the new value, as text
     * @return the action
     */
    public static TagAction replace(String value) {
        Objects.requireNonNull(value, "value");
        return ValueActions.replace(value);
    }

    /**
     * Rewrites an ID tag: machine id set to zero, time moved by the policy's measurement date model; an ID
     * whose time is MNE's "no date" marker keeps it. An ID of the wrong size or type is replaced by a
     * well-formed 20-byte ID when the date is fixed, and is an error with an offset.
     *
     * @return the action
     */
    public static TagAction rewriteId() {
        return ValueActions.REWRITE_ID;
    }

    /**
     * Removes the extra head-shape points ({@code FIFFV_POINT_EXTRA}) from a digitizer point tag; cardinal, HPI
     * and EEG points stay.
     *
     * @return the action
     */
    public static TagAction dropHeadShape() {
        return ValueActions.DROP_HEAD_SHAPE;
    }

    // ---- dates ----

    /**
     * Sets dates to a day at 00:00:00 UTC: the time of an ID, a measurement date in any encoding, or a Julian
     * day. Machine ids stay (see {@link #rewriteId()}).
     *
     * @param date the day
     * @return the action
     * @throws ArithmeticException when the day is outside the 32-bit range of FIFF time
     */
    public static TagAction setDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return DateActions.setDate(date);
    }

    /**
     * Moves dates by whole days (positive: earlier, as {@code --mdo}), keeping microseconds; MNE's "no date"
     * marker stays.
     *
     * @param days days to subtract
     * @return the action
     */
    public static TagAction shiftDays(int days) {
        return DateActions.shiftDays(days);
    }

    /**
     * Moves dates by the exact duration that takes the recording's measurement date to an instant. Needs a
     * recording with a measurement date.
     *
     * @param instant where the measurement date lands
     * @return the action
     */
    public static TagAction landOn(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return DateActions.landOn(instant);
    }

    /**
     * Applies the policy's measurement date model ({@link Dates#measurement()}) to a date-bearing tag.
     *
     * @return the action
     */
    public static TagAction measurementDate() {
        return DateActions.MEASUREMENT_DATE;
    }

    /**
     * Sets a measurement date to the recording's anonymized measurement date (MNE-Python sets the annotations'
     * origin this way).
     *
     * @return the action
     */
    public static TagAction anonymizedMeasurementDate() {
        return DateActions.ANON_MEAS_DATE;
    }

    /**
     * Applies the policy's birthday model ({@link Dates#birthday()}) to a Julian day; removes the tag when the
     * model says so.
     *
     * @return the action
     */
    public static TagAction birthday() {
        return DateActions.BIRTHDAY;
    }

    /**
     * Keeps the year of a birthday only (1 January), as HIPAA's safe harbor allows; a subject older than 89 at
     * the measurement gets the year that makes them 90 at the measurement date the output holds.
     *
     * @return the action
     */
    public static TagAction yearOnly() {
        return DateActions.YEAR_ONLY;
    }

    // ---- text ----

    /**
     * Replaces, inside free text, every whole-word, case-insensitive occurrence of a PHI value known from the
     * file's structured tags (names, HIS id, experimenter, ...; at least 4 characters) by a placeholder of the
     * same length. Text without such values is kept.
     *
     * @return the action
     */
    public static TagAction scrub() {
        return TextActions.SCRUB;
    }

    /**
     * Rewrites a file name in a reference ({@code FIFF_REF_FILE_NAME}) to the anonymized part's name, or at least
     * to a base name without the directories of the recording machine.
     *
     * @return the action
     */
    public static TagAction referenceFileName() {
        return TextActions.REF_NAME;
    }

    // ---- keyed hash and pseudonyms ----

    /**
     * Replaces a value by its keyed hash (HMAC-SHA-256 with a secret), so that equal values stay equal across
     * files without being readable: text becomes the first 16 hexadecimal digits, an integer the first 31 bits.
     *
     * @param secret    the key (never written anywhere)
     * @param secretRef where the key came from, for reports (e.g. {@code env:FIFF_SECRET}); not the key itself
     * @return the action
     * @throws IllegalArgumentException when the secret is empty
     */
    public static TagAction hash(byte[] secret, String secretRef) {
        return hash(secret, secretRef, false);
    }

    /**
     * A keyed hash as {@link #hash(byte[], String)}; with {@code normalise} a text is hashed in the normal form of a
     * subject key ({@link io.github.fiffkit.anonymize.policy.SubjectOffset#normalise}: trailing NULs and spaces
     * dropped, NFC, case-folded), so that every spelling a per-subject date offset takes for one subject gets one
     * hash.
     *
     * @param secret    the key (never written anywhere)
     * @param secretRef where the key came from, for reports; not the key itself
     * @param normalise whether text is hashed in its normal form
     * @return the action
     * @throws IllegalArgumentException when the secret is empty
     */
    public static TagAction hash(byte[] secret, String secretRef, boolean normalise) {
        byte[] key = secret.clone();
        if (key.length == 0) {
            throw new IllegalArgumentException("the secret of a keyed hash is empty");
        }
        return HashActions.hash(key, secretRef, normalise);
    }

    /** What a pseudonym rule does with a value its table does not list. */
    public enum Missing {
        /** The file cannot be anonymized (status 7). */
        ERROR,
        /** The value gets a keyed hash instead. */
        HASH
    }

    /**
     * Replaces a text value by its pseudonym from a lookup table (exact match, then trimmed).
     *
     * @param table     original value to pseudonym
     * @param missing   what to do with a value the table lacks
     * @param secret    the key for {@link Missing#HASH}, or {@code null}
     * @param tableName where the table came from, for reports
     * @return the action
     * @throws IllegalArgumentException when missing values are hashed and there is no secret
     */
    public static TagAction pseudonym(Map<String, String> table, Missing missing, byte[] secret, String tableName) {
        return pseudonym(table, missing, secret, tableName, false);
    }

    /**
     * A pseudonym as {@link #pseudonym(Map, Missing, byte[], String)}; with {@code normalise} a value not found as
     * it is or trimmed is looked up in the normal form of a subject key (as a per-subject date offset's table is),
     * and a missing value's keyed hash is that of its normal form.
     *
     * @param table     original value to pseudonym
     * @param missing   what to do with a value the table lacks
     * @param secret    the key for {@link Missing#HASH}, or {@code null}
     * @param tableName where the table came from, for reports
     * @param normalise whether values are matched (and hashed) in their normal form
     * @return the action
     * @throws IllegalArgumentException when missing values are hashed and there is no secret, or (with
     *                                  {@code normalise}) two originals of one normal form have two pseudonyms
     */
    public static TagAction pseudonym(Map<String, String> table, Missing missing, byte[] secret, String tableName,
            boolean normalise) {
        Map<String, String> copy = Map.copyOf(table);
        if (missing == Missing.HASH && (secret == null || secret.length == 0)) {
            throw new IllegalArgumentException("a pseudonym table that hashes missing values needs a secret");
        }
        byte[] key = secret == null ? null : secret.clone();
        return HashActions.pseudonym(copy, missing, key, tableName, normalise);
    }
}
