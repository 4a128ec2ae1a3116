package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions on whole values: keep, remove, replace by a given value, rewrite an ID (its machine id), drop the
 * extra head-shape points. {@link Actions} is their public entry.
 */
final class ValueActions {
    private ValueActions() {
    }

    static final TagAction KEEP = new NamedAction("keep", Map.of()) {
        @Override
        public Outcome apply(ActionContext context) {
            return Outcome.keep();
        }

        @Override
        public boolean readsData() {
            return false;
        }
    };

    static final TagAction REMOVE = new NamedAction("remove", Map.of()) {
        @Override
        public Outcome apply(ActionContext context) {
            return Outcome.remove();
        }

        @Override
        public boolean readsData() {
            return false;
        }
    };

    static TagAction replace(String value) {
        return new NamedAction("replace", Map.of("value", value)) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return replaceValue(ctx, value);
            }
        };
    }

    /** Writes a value given as text into the tag, in the tag's own data type and array size. */
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

    /** Puts one element into a buffer. */
    interface Put {
        void put(ByteBuffer b);
    }

    /** Writes one value into every element of an array, keeping the count (at least one element). */
    static byte[] fill(byte[] old, int elem, Put put) {
        int n = Math.max(1, old.length / elem);
        ByteBuffer b = ByteBuffer.allocate(n * elem);
        for (int i = 0; i < n; i++) {
            put.put(b);
        }
        return b.array();
    }

    /** Zeroes the machine id; the ID's time moves with the policy's measurement date model. */
    static final TagAction REWRITE_ID = new NamedAction("rewriteId", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            return DateActions.moveDates(ctx, ActionContext::moveTime, true);
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };

    static final TagAction DROP_HEAD_SHAPE = new NamedAction("dropHeadShape", Map.of()) {
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
}
