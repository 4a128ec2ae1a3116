package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.internal.DateModel;
import io.github.fiffkit.anonymize.internal.TimeField;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The actions on dates: set, shift and land-on for every date-bearing tag (the time in an ID, a measurement date
 * in any encoding, a Julian day), the policy's date models, and the birthday. {@link Actions} is their public
 * entry.
 */
final class DateActions {
    private DateActions() {
    }

    /** How a date action moves a time stamp, and a Julian day. */
    interface TimeMove {
        FiffTime move(ActionContext ctx, FiffTime t) throws PolicyException;

        /** Moves a Julian day; by default through the time at 00:00 UTC of that day. */
        default int moveDay(ActionContext ctx, int jd) throws PolicyException {
            FiffTime start;
            try {
                start = FiffTime.startOf(Julian.toLocalDate(jd));
            } catch (ArithmeticException e) {
                throw ctx.fail("its day is outside " + DateModel.FIFF_TIME_RANGE + ", so this date action cannot"
                        + " move it (a birthday moves with the action birthday)");
            }
            FiffTime moved = move(ctx, start);
            return Julian.of(moved.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    private static final Set<Integer> ID_KINDS = Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID,
            FiffKind.PARENT_FILE_ID, FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID);

    /** Applies a time change to a date-bearing tag: ID struct (its time), a measurement date, or a Julian day. */
    static Outcome moveDates(ActionContext ctx, TimeMove move, boolean zeroMachine) throws PolicyException {
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

    static TagAction setDate(LocalDate date) {
        FiffTime target = FiffTime.startOf(date);
        return new NamedAction("setDate", Map.of("date", date.toString())) {
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

    static TagAction shiftDays(int days) {
        return new NamedAction("shiftDays", Map.of("days", days)) {
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
    static int shiftDay(ActionContext ctx, int jd, Duration delta, Instant instant) throws PolicyException {
        try {
            LocalDateTime at = Julian.toLocalDate(jd).atStartOfDay().plus(delta);
            return Julian.of(at.toLocalDate());
        } catch (DateTimeException | ArithmeticException e) {
            throw ctx.fail(landing(instant) + " leaves the 32-bit range of Julian days");
        }
    }

    /*
     * The messages below name the action and its parameters, never the value found in the file nor the distance
     * moved when that distance was computed from the file (it would give the original date back).
     */

    static FiffTime plusDays(ActionContext ctx, FiffTime t, long days) throws PolicyException {
        try {
            return t.plusDays(days);
        } catch (ArithmeticException e) {
            throw ctx.fail(shifting(-days) + " leaves " + DateModel.FIFF_TIME_RANGE + "; choose a smaller offset");
        }
    }

    static int minusDays(ActionContext ctx, int jd, long days) throws PolicyException {
        long r = jd - days;
        if (r != (int) r) {
            throw ctx.fail(shifting(days) + " leaves the 32-bit range of Julian days; choose a smaller offset");
        }
        return (int) r;
    }

    static FiffTime plus(ActionContext ctx, FiffTime t, Duration d, Instant instant) throws PolicyException {
        try {
            return t.plus(d);
        } catch (ArithmeticException e) {
            throw ctx.fail(landing(instant) + " leaves " + DateModel.FIFF_TIME_RANGE);
        }
    }

    private static String shifting(long daysEarlier) {
        long n = Math.abs(daysEarlier);
        return "moving it " + n + (n == 1 ? " day " : " days ") + (daysEarlier >= 0 ? "earlier" : "later")
                + " (action shiftDays)";
    }

    private static String landing(Instant instant) {
        return "moving it so that the measurement date lands on " + instant + " (action landOn)";
    }

    static TagAction landOn(Instant instant) {
        return new NamedAction("landOn", Map.of("instant", instant.toString())) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                FiffTime ref = ctx.measurementDate().orElseThrow(
                        () -> ctx.fail("the recording has no measurement date to land on " + instant));
                Duration delta = Duration.between(ref.toInstant(), instant);
                return moveDates(ctx, new TimeMove() {
                    @Override
                    public FiffTime move(ActionContext c, FiffTime t) throws PolicyException {
                        return plus(c, t, delta, instant);
                    }

                    @Override
                    public int moveDay(ActionContext c, int jd) throws PolicyException {
                        return shiftDay(c, jd, delta, instant);
                    }
                }, false);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    static final TagAction MEASUREMENT_DATE = new NamedAction("measurementDate", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            return moveDates(ctx, ActionContext::moveTime, false);
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    static final TagAction ANON_MEAS_DATE = new NamedAction("anonymizedMeasurementDate", Map.of()) {
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

    static final TagAction BIRTHDAY = new NamedAction("birthday", Map.of()) {
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

    static final TagAction YEAR_ONLY = new NamedAction("yearOnly", Map.of()) {
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
            out.putInt(0, DateModel.yearOnly(jd, ctx.measurementDate(), written));
            return Outcome.replace(ctx.tag().type(), out.array());
        }
    };
}
