package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A time stamp as one of the encodings {@code FIFF_MEAS_DATE} has in the wild: int32 seconds and microseconds
 * (the standard), a single int32 (old C files), doubles {@code [seconds, microseconds]} (MNE annotations),
 * or a single float or double of seconds (older MNE). Decodes the time and writes a new one back in the same
 * encoding, keeping any further array elements.
 */
public final class TimeField {
    private final int type;
    private final byte[] data;

    private TimeField(int type, byte[] data) {
        this.type = type;
        this.data = data;
    }

    /**
     * @param type the tag's data type
     * @param data the tag's data
     * @return the field, or empty when this encoding holds no time this class knows
     */
    public static Optional<TimeField> of(int type, byte[] data) {
        boolean ok = switch (type) {
            case FiffType.INT -> data.length >= 4 && data.length % 4 == 0;
            case FiffType.DOUBLE -> data.length >= 8 && data.length % 8 == 0;
            case FiffType.FLOAT -> data.length >= 4 && data.length % 4 == 0;
            default -> false;
        };
        return ok ? Optional.of(new TimeField(type, data.clone())) : Optional.empty();
    }

    /** @return the time held */
    public FiffTime time() {
        ByteBuffer in = ByteBuffer.wrap(data);
        switch (type) {
            case FiffType.INT:
                return new FiffTime(in.getInt(0), data.length >= 8 ? in.getInt(4) : 0);
            case FiffType.DOUBLE:
                if (data.length >= 16) {
                    return new FiffTime((int) Math.floor(in.getDouble(0)), (int) Math.round(in.getDouble(8)));
                }
                return fromSeconds(in.getDouble(0));
            default:
                if (data.length >= 8) {
                    return new FiffTime((int) Math.floor(in.getFloat(0)), Math.round(in.getFloat(4)));
                }
                return fromSeconds(in.getFloat(0));
        }
    }

    private static FiffTime fromSeconds(double seconds) {
        double floor = Math.floor(seconds);
        long secs = (long) floor;
        int usecs = (int) Math.round((seconds - floor) * 1e6);
        if (usecs == 1_000_000) {
            secs++;
            usecs = 0;
        }
        return new FiffTime((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, secs)), usecs);
    }

    /** @return true when the encoding stores microseconds (two or more elements) */
    public boolean hasMicroseconds() {
        int elem = type == FiffType.DOUBLE ? 8 : 4;
        return data.length >= 2 * elem;
    }

    /**
     * @param t the new time
     * @return the data with that time in this field's encoding
     */
    public byte[] encode(FiffTime t) {
        ByteBuffer out = ByteBuffer.wrap(data.clone());
        switch (type) {
            case FiffType.INT:
                out.putInt(0, t.seconds());
                if (data.length >= 8) {
                    out.putInt(4, t.microseconds());
                }
                break;
            case FiffType.DOUBLE:
                if (data.length >= 16) {
                    out.putDouble(0, t.seconds());
                    out.putDouble(8, t.microseconds());
                } else {
                    out.putDouble(0, t.seconds() + t.microseconds() / 1e6);
                }
                break;
            default:
                if (data.length >= 8) {
                    out.putFloat(0, t.seconds());
                    out.putFloat(4, t.microseconds());
                } else {
                    out.putFloat(0, (float) (t.seconds() + t.microseconds() / 1e6));
                }
                break;
        }
        return out.array();
    }

    /** @return the data type */
    public int type() {
        return type;
    }

    static byte[] ints(int... v) {
        return TagData.ofInts(v);
    }
}
