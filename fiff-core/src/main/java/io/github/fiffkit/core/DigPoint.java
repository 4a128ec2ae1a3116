package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A digitizer point ({@code FIFFT_DIG_POINT_STRUCT}, 20 bytes): point kind (cardinal, HPI, EEG, extra head
 * shape point...), identifier and position in metres.
 *
 * @param kind  point kind ({@code FIFFV_POINT_*})
 * @param ident identifier within the kind
 * @param r     x, y, z
 */
public record DigPoint(int kind, int ident, float[] r) {
    /** Encoded size in bytes. */
    public static final int SIZE = 20;
    /** Point kind of cardinal landmarks (nasion, preauricular points). */
    public static final int KIND_CARDINAL = 1;
    /** Point kind of HPI coil positions. */
    public static final int KIND_HPI = 2;
    /** Point kind of EEG electrode positions. */
    public static final int KIND_EEG = 3;
    /** Point kind of extra head-shape points. */
    public static final int KIND_EXTRA = 4;

    /**
     * Checks the coordinates.
     *
     * @param kind point kind ({@code FIFFV_POINT_*})
     * @param ident identifier within the kind
     * @param r x, y, z
     * @throws IllegalArgumentException when {@code r} does not hold 3 values
     */
    public DigPoint {
        if (r.length != 3) {
            throw new IllegalArgumentException("a digitizer point has 3 coordinates, not " + r.length);
        }
        r = r.clone();
    }

    /** @return x, y, z (a copy) */
    @Override
    public float[] r() {
        return r.clone();
    }

    /**
     * Reads a point at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the point
     */
    public static DigPoint read(ByteBuffer in) {
        return new DigPoint(in.getInt(), in.getInt(), new float[] {in.getFloat(), in.getFloat(), in.getFloat()});
    }

    /**
     * Writes this point at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(kind).putInt(ident);
        for (float v : r) {
            out.putFloat(v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigPoint p && p.kind == kind && p.ident == ident && Arrays.equals(p.r, r);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind + ident) + Arrays.hashCode(r);
    }

    @Override
    public String toString() {
        return "DigPoint[kind " + kind + ", ident " + ident + ", r " + Arrays.toString(r) + "]";
    }
}
