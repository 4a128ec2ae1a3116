package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;

import io.github.fiffkit.anonymize.internal.TimeField;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.TagAction;

import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.Outcome;

import io.github.fiffkit.anonymize.internal.Scrubber;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The built-in actions. Each is immutable and thread-safe.
 *
 * <pre>{@code
 * Rule r1 = Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.replace("S01"));
 * Rule r2 = Rule.of(Selector.kind(FiffKind.DACQ_PARS), Actions.scrub());
 * Rule r3 = Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.yearOnly());
 * }</pre>
 */
public final class Actions {
    private Actions() {
    }

    private abstract static class Named implements TagAction {
        private final String name;
        private final Map<String, Object> parameters;

        Named(String name, Map<String, Object> parameters) {
            this.name = name;
            this.parameters = Map.copyOf(parameters);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, Object> parameters() {
            return parameters;
        }

        @Override
        public String toString() {
            return parameters.isEmpty() ? name : name + parameters;
        }
    }

    private static final TagAction KEEP = new Named("keep", Map.of()) {
        @Override
        public Outcome apply(ActionContext context) {
            return Outcome.keep();
        }

        @Override
        public boolean readsData() {
            return false;
        }
    };

    private static final TagAction REMOVE = new Named("remove", Map.of()) {
        @Override
        public Outcome apply(ActionContext context) {
            return Outcome.remove();
        }

        @Override
        public boolean readsData() {
            return false;
        }
    };

    /** @return keep the tag as it is (its data is copied without being read) */
    public static TagAction keep() {
        return KEEP;
    }

    /** @return remove the tag */
    public static TagAction remove() {
        return REMOVE;
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
        return new Named("replace", Map.of("value", value)) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return replaceValue(ctx, value);
            }
        };
    }

    static Outcome replaceValue(ActionContext ctx, String value) throws PolicyException {
        int type = ctx.tag().type();
        byte[] old = ctx.data();
        try {
            switch (type) {
                case FiffType.STRING:
                    return Outcome.replaceText(value);
                case FiffType.INT:
                case FiffType.UINT:
                    return Outcome.replace(type, fill(old, 4, b -> b.putInt((int) Long.parseLong(value.trim()))));
                case FiffType.SHORT:
                case FiffType.USHORT:
                    return Outcome.replace(type, fill(old, 2,
                            b -> b.putShort((short) Long.parseLong(value.trim()))));
                case FiffType.LONG:
                case FiffType.ULONG:
                    return Outcome.replace(type, fill(old, 8, b -> b.putLong(Long.parseLong(value.trim()))));
                case FiffType.BYTE:
                    return Outcome.replace(type, fill(old, 1, b -> b.put((byte) Long.parseLong(value.trim()))));
                case FiffType.FLOAT:
                    return Outcome.replace(type, fill(old, 4, b -> b.putFloat(Float.parseFloat(value.trim()))));
                case FiffType.DOUBLE:
                    return Outcome.replace(type, fill(old, 8, b -> b.putDouble(Double.parseDouble(value.trim()))));
                case FiffType.JULIAN:
                    int jd = parseJulian(value.trim());
                    return Outcome.replace(type, fill(old, 4, b -> b.putInt(jd)));
                default:
                    throw ctx.fail("cannot replace a value of type " + FiffType.describe(type));
            }
        } catch (NumberFormatException | DateTimeException e) {
            throw ctx.fail("the value \"" + value + "\" does not fit type " + FiffType.describe(type));
        }
    }

    private static int parseJulian(String value) {
        if (value.matches("-?\\d+")) {
            return Integer.parseInt(value);
        }
        try {
            return Julian.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new DateTimeException("not a date: " + value, e);
        }
    }

    private interface Put {
        void put(ByteBuffer b);
    }

    /** Writes one value into every element of an array, keeping the count (at least one element). */
    private static byte[] fill(byte[] old, int elem, Put put) {
        int n = Math.max(1, old.length / elem);
        ByteBuffer b = ByteBuffer.allocate(n * elem);
        for (int i = 0; i < n; i++) {
            put.put(b);
        }
        return b.array();
    }

    // ---- dates ----

    /** How a date action moves a time stamp, and a Julian day. */
    private interface TimeMove {
        FiffTime move(ActionContext ctx, FiffTime t) throws PolicyException;

        /** Moves a Julian day; by default through the time at 00:00 UTC of that day. */
        default int moveDay(ActionContext ctx, int jd) throws PolicyException {
            FiffTime start;
            try {
                start = FiffTime.startOf(Julian.toLocalDate(jd));
            } catch (ArithmeticException e) {
                throw ctx.fail("the day " + Julian.toLocalDate(jd) + " is outside the range of FIFF time");
            }
            FiffTime moved = move(ctx, start);
            return Julian.of(moved.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    private static final java.util.Set<Integer> ID_KINDS = java.util.Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID,
            FiffKind.PARENT_FILE_ID, FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID);

    /** Applies a time change to a date-bearing tag: ID struct (its time), a measurement date, or a Julian day. */
    private static Outcome moveDates(ActionContext ctx, TimeMove move, boolean zeroMachine) throws PolicyException {
        int type = ctx.tag().type();
        byte[] data = ctx.data();
        if (type == FiffType.ID_STRUCT && data.length > 0 && data.length % FiffId.SIZE == 0) {
            ByteBuffer in = ByteBuffer.wrap(data);
            ByteBuffer out = ByteBuffer.allocate(data.length);
            while (in.hasRemaining()) {
                FiffId id = FiffId.read(in);
                FiffTime t = id.time().isNone() ? id.time() : move.move(ctx, id.time());
                FiffId moved = id.withTime(t);
                (zeroMachine ? moved.withoutMachineId() : moved).write(out);
            }
            return Outcome.replace(type, out.array());
        }
        if (ID_KINDS.contains(ctx.tag().kind())) {
            return damagedId(ctx, move, data);
        }
        if (type == FiffType.JULIAN && data.length >= 4 && data.length % 4 == 0) {
            ByteBuffer out = ByteBuffer.wrap(data.clone());
            out.putInt(0, move.moveDay(ctx, out.getInt(0)));
            return Outcome.replace(type, out.array());
        }
        Optional<TimeField> field = TimeField.of(type, data);
        if (field.isPresent()) {
            FiffTime t = field.get().time();
            FiffTime nt = t.isNone() ? t : move.move(ctx, t);
            return Outcome.replace(type, field.get().encode(nt));
        }
        throw ctx.fail("holds no date in type " + FiffType.describe(type) + " (" + data.length + " bytes)");
    }

    /** An ID tag of the wrong size or type: a fixed date can write a well-formed ID, an offset cannot. */
    private static Outcome damagedId(ActionContext ctx, TimeMove move, byte[] data) throws PolicyException {
        // a fixed date gives the same result whatever the original time: only then can a well-formed ID be made
        FiffTime probe = move.move(ctx, new FiffTime(0, 0));
        if (!probe.equals(move.move(ctx, new FiffTime(86_400 * 365, 0)))) {
            throw ctx.fail("an ID tag of " + data.length + " bytes and type " + FiffType.describe(ctx.tag().type())
                    + " is too damaged to move its time by an offset");
        }
        int version = data.length >= 4 && ctx.tag().type() == FiffType.ID_STRUCT
                ? ByteBuffer.wrap(data).getInt(0) : FiffId.VERSION_1_4;
        ctx.warn("the ID tag had " + data.length + " bytes of type " + FiffType.describe(ctx.tag().type())
                + "; it was replaced by a well-formed 20-byte ID");
        return Outcome.replace(FiffType.ID_STRUCT, TagData.ofId(new FiffId(version, 0, 0, probe)));
    }

    /**
     * Sets dates to a day at 00:00:00 UTC: the time of an ID, a measurement date in any encoding, or a Julian
     * day. Machine ids stay (see {@link #rewriteId()}).
     *
     * @param date the day
     * @return the action
     */
    public static TagAction setDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        FiffTime target = FiffTime.startOf(date);
        return new Named("setDate", Map.of("date", date.toString())) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return moveDates(ctx, new TimeMove() {
                    @Override
                    public FiffTime move(ActionContext c, FiffTime t) {
                        return target;
                    }

                    @Override
                    public int moveDay(ActionContext c, int jd) {
                        return Julian.of(date);
                    }
                }, false);
            }
        };
    }

    /**
     * Moves dates by whole days (positive: earlier, as {@code --mdo}), keeping microseconds; MNE's "no date"
     * marker stays.
     *
     * @param days days to subtract
     * @return the action
     */
    public static TagAction shiftDays(int days) {
        return new Named("shiftDays", Map.of("days", days)) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return moveDates(ctx, new TimeMove() {
                    @Override
                    public FiffTime move(ActionContext c, FiffTime t) throws PolicyException {
                        return plusDays(c, t, -(long) days);
                    }

                    @Override
                    public int moveDay(ActionContext c, int jd) throws PolicyException {
                        return minusDays(c, jd, days);
                    }
                }, false);
            }

            @Override
            public boolean reproducible() {
                return days == 0;
            }
        };
    }

    /**
     * Moves a day by a duration as MNE-Python 1.3 moves birthdays: the day at 00:00 plus the duration, then the
     * date of the result (a duration with a time of day can reach one more day back).
     */
    static int shiftDay(ActionContext ctx, int jd, Duration delta) throws PolicyException {
        try {
            java.time.LocalDateTime at = Julian.toLocalDate(jd).atStartOfDay().plus(delta);
            return Julian.of(at.toLocalDate());
        } catch (DateTimeException | ArithmeticException e) {
            throw ctx.fail("moving day " + jd + " by " + delta + " leaves the range of dates");
        }
    }

    static FiffTime plusDays(ActionContext ctx, FiffTime t, long days) throws PolicyException {
        try {
            return t.plusDays(days);
        } catch (ArithmeticException e) {
            throw ctx.fail("moving " + t + " by " + days + " days leaves the 32-bit range of FIFF time");
        }
    }

    static int minusDays(ActionContext ctx, int jd, long days) throws PolicyException {
        long r = jd - days;
        if (r != (int) r) {
            throw ctx.fail("moving day " + jd + " by " + days + " days leaves the 32-bit range");
        }
        return (int) r;
    }

    static FiffTime plus(ActionContext ctx, FiffTime t, Duration d) throws PolicyException {
        try {
            return t.plus(d);
        } catch (ArithmeticException e) {
            throw ctx.fail("moving " + t + " by " + d + " leaves the 32-bit range of FIFF time");
        }
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
        return new Named("landOn", Map.of("instant", instant.toString())) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                FiffTime ref = ctx.measurementDate().orElseThrow(
                        () -> ctx.fail("the recording has no measurement date to land on " + instant));
                Duration delta = Duration.between(ref.toInstant(), instant);
                return moveDates(ctx, new TimeMove() {
                    @Override
                    public FiffTime move(ActionContext c, FiffTime t) throws PolicyException {
                        return plus(c, t, delta);
                    }

                    @Override
                    public int moveDay(ActionContext c, int jd) throws PolicyException {
                        return shiftDay(c, jd, delta);
                    }
                }, false);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    /**
     * Applies the policy's measurement date model ({@link Dates#measurement()}) to a date-bearing tag.
     *
     * @return the action
     */
    public static TagAction measurementDate() {
        return MEASUREMENT_DATE;
    }

    private static final TagAction MEASUREMENT_DATE = new Named("measurementDate", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            return moveDates(ctx, ActionContext::moveTime, false);
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    /**
     * Rewrites an ID tag: machine id set to zero, time moved by the policy's measurement date model; an ID
     * whose time is MNE's "no date" marker keeps it. An ID of the wrong size or type is replaced by a
     * well-formed 20-byte ID when the date is fixed, and is an error with an offset.
     *
     * @return the action
     */
    public static TagAction rewriteId() {
        return REWRITE_ID;
    }

    private static final TagAction REWRITE_ID = new Named("rewriteId", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            return moveDates(ctx, ActionContext::moveTime, true);
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    /**
     * Sets a measurement date to the recording's anonymized measurement date (MNE-Python sets the annotations'
     * origin this way).
     *
     * @return the action
     */
    public static TagAction anonymizedMeasurementDate() {
        return ANON_MEAS_DATE;
    }

    private static final TagAction ANON_MEAS_DATE = new Named("anonymizedMeasurementDate", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            Optional<FiffTime> ref = ctx.measurementDate();
            FiffTime target = ref.isPresent() ? ctx.moveTime(ref.get()) : FiffTime.NONE;
            return moveDates(ctx, (c, t) -> target, false);
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    /**
     * Applies the policy's birthday model ({@link Dates#birthday()}) to a Julian day; removes the tag when the
     * model says so.
     *
     * @return the action
     */
    public static TagAction birthday() {
        return BIRTHDAY;
    }

    private static final TagAction BIRTHDAY = new Named("birthday", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            byte[] data = ctx.data();
            if (data.length < 4 || data.length % 4 != 0 || (ctx.tag().type() != FiffType.JULIAN
                    && ctx.tag().type() != FiffType.INT)) {
                throw ctx.fail("a birthday of " + data.length + " bytes and type "
                        + FiffType.describe(ctx.tag().type()) + " is not a Julian day");
            }
            OptionalInt moved = ctx.moveBirthday(ByteBuffer.wrap(data).getInt(0));
            if (moved.isEmpty()) {
                return Outcome.remove();
            }
            ByteBuffer out = ByteBuffer.wrap(data.clone());
            out.putInt(0, moved.getAsInt());
            return Outcome.replace(ctx.tag().type(), out.array());
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    /**
     * Keeps the year of a birthday only (1 January), as HIPAA's safe harbor allows; a subject older than 89 at
     * the measurement gets the year that makes them 90 at the measurement date the output holds.
     *
     * @return the action
     */
    public static TagAction yearOnly() {
        return YEAR_ONLY;
    }

    private static final TagAction YEAR_ONLY = new Named("yearOnly", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            byte[] data = ctx.data();
            if (data.length < 4 || data.length % 4 != 0) {
                throw ctx.fail("a birthday of " + data.length + " bytes is not a Julian day");
            }
            int jd = ByteBuffer.wrap(data).getInt(0);
            ByteBuffer out = ByteBuffer.wrap(data.clone());
            Optional<FiffTime> written = ctx.measurementDate().isPresent()
                    ? Optional.of(ctx.moveTime(ctx.measurementDate().get())) : Optional.empty();
            out.putInt(0, io.github.fiffkit.anonymize.internal.DateModel.yearOnly(jd, ctx.measurementDate(),
                    written));
            return Outcome.replace(ctx.tag().type(), out.array());
        }
    };

    // ---- text ----

    /**
     * Replaces, inside free text, every whole-word, case-insensitive occurrence of a PHI value known from the
     * file's structured tags (names, HIS id, experimenter, ...; at least 4 characters) by a placeholder of the
     * same length. Text without such values is kept.
     *
     * @return the action
     */
    public static TagAction scrub() {
        return SCRUB;
    }

    private static final TagAction SCRUB = new Named("scrub", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) {
            if (ctx.tag().type() != FiffType.STRING) {
                return Outcome.keep();
            }
            byte[] data = ctx.data();
            String text = TagData.string(data);
            String scrubbed = Scrubber.scrub(text, ctx.knownPhi());
            if (scrubbed.equals(text)) {
                return Outcome.keep();
            }
            boolean latin1 = new String(data, StandardCharsets.ISO_8859_1).equals(text);
            return Outcome.replace(FiffType.STRING, scrubbed.getBytes(latin1 ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8));
        }
    };

    /**
     * Rewrites a file name in a reference ({@code FIFF_REF_FILE_NAME}) to the anonymized part's name, or at least
     * to a base name without the directories of the recording machine.
     *
     * @return the action
     */
    public static TagAction referenceFileName() {
        return REF_NAME;
    }

    private static final TagAction REF_NAME = new Named("referenceFileName", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            if (ctx.tag().type() != FiffType.STRING) {
                throw ctx.fail("a file name of type " + FiffType.describe(ctx.tag().type()));
            }
            return Outcome.replaceText(ctx.referenceName(ctx.text()));
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    /**
     * Removes the extra head-shape points ({@code FIFFV_POINT_EXTRA}) from a digitizer point tag; cardinal, HPI
     * and EEG points stay.
     *
     * @return the action
     */
    public static TagAction dropHeadShape() {
        return DROP_HEAD_SHAPE;
    }

    private static final TagAction DROP_HEAD_SHAPE = new Named("dropHeadShape", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) {
            byte[] data = ctx.data();
            if (ctx.tag().type() != FiffType.DIG_POINT_STRUCT || data.length % DigPoint.SIZE != 0) {
                return Outcome.keep();
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            List<DigPoint> kept = new ArrayList<>();
            int total = data.length / DigPoint.SIZE;
            for (int i = 0; i < total; i++) {
                DigPoint p = DigPoint.read(in);
                if (p.kind() != DigPoint.KIND_EXTRA) {
                    kept.add(p);
                }
            }
            if (kept.size() == total) {
                return Outcome.keep();
            }
            return kept.isEmpty() ? Outcome.remove()
                    : Outcome.replace(FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(kept));
        }
    };

    // ---- keyed hash and pseudonyms ----

    /**
     * Replaces a value by its keyed hash (HMAC-SHA-256 with a secret), so that equal values stay equal across
     * files without being readable: text becomes the first 16 hexadecimal digits, an integer the first 31 bits.
     *
     * @param secret    the key (never written anywhere)
     * @param secretRef where the key came from, for reports (e.g. {@code env:FIFF_SECRET}); not the key itself
     * @return the action
     */
    public static TagAction hash(byte[] secret, String secretRef) {
        byte[] key = secret.clone();
        if (key.length == 0) {
            throw new IllegalArgumentException("the secret of a keyed hash is empty");
        }
        return new Named("hash", Map.of("secret", secretRef)) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return hashed(ctx, key);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    static Outcome hashed(ActionContext ctx, byte[] key) throws PolicyException {
        int type = ctx.tag().type();
        byte[] input = type == FiffType.STRING ? ctx.text().getBytes(StandardCharsets.UTF_8) : ctx.data();
        byte[] mac = hmac(key, input);
        if (type == FiffType.STRING) {
            return Outcome.replaceText(HexFormat.of().formatHex(mac, 0, 8));
        }
        if (type == FiffType.INT || type == FiffType.UINT) {
            int v = ByteBuffer.wrap(mac).getInt() & 0x7FFFFFFF;
            return Outcome.replace(type, fill(ctx.data(), 4, b -> b.putInt(v)));
        }
        throw ctx.fail("a keyed hash does not fit type " + FiffType.describe(type));
    }

    static byte[] hmac(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
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
     */
    public static TagAction pseudonym(Map<String, String> table, Missing missing, byte[] secret, String tableName) {
        Map<String, String> copy = Map.copyOf(table);
        if (missing == Missing.HASH && (secret == null || secret.length == 0)) {
            throw new IllegalArgumentException("a pseudonym table that hashes missing values needs a secret");
        }
        byte[] key = secret == null ? null : secret.clone();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("table", tableName);
        params.put("missing", missing.name().toLowerCase(java.util.Locale.ROOT));
        return new Named("pseudonym", params) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                String text = ctx.tag().type() == FiffType.STRING ? ctx.text()
                        : String.valueOf(firstInt(ctx));
                String p = copy.get(text);
                if (p == null) {
                    p = copy.get(text.strip());
                }
                if (p != null) {
                    return replaceValue(ctx, p);
                }
                if (missing == Missing.HASH) {
                    return hashed(ctx, key);
                }
                throw ctx.fail("the value is missing from the pseudonym table " + tableName);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    private static long firstInt(ActionContext ctx) throws PolicyException {
        byte[] d = ctx.data();
        if (d.length < 4) {
            throw ctx.fail("no value to look up");
        }
        return ByteBuffer.wrap(d).getInt(0);
    }
}
