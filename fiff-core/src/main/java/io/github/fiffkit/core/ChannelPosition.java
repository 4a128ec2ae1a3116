package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A channel position ({@code FIFFT_CH_POS_STRUCT}, 52 bytes): coil type, origin and the three unit vectors
 * of the coil coordinate frame.
 *
 * @param coilType coil type
 * @param r0       origin (3 values)
 * @param ex       x unit vector (3 values)
 * @param ey       y unit vector (3 values)
 * @param ez       z unit vector (3 values)
 */
public record ChannelPosition(int coilType, float[] r0, float[] ex, float[] ey, float[] ez) {
    /** Encoded size in bytes. */
    public static final int SIZE = 52;

    /**
     * Checks the vectors.
     *
     * @param coilType coil type
     * @param r0 origin (3 values)
     * @param ex x unit vector (3 values)
     * @param ey y unit vector (3 values)
     * @param ez z unit vector (3 values)
     * @throws IllegalArgumentException when a vector does not hold 3 values
     */
    public ChannelPosition {
        for (float[] v : new float[][] {r0, ex, ey, ez}) {
            if (v.length != 3) {
                throw new IllegalArgumentException("channel position vectors have 3 values");
            }
        }
        r0 = r0.clone();
        ex = ex.clone();
        ey = ey.clone();
        ez = ez.clone();
    }

    /** @return the origin (a copy) */
    @Override
    public float[] r0() {
        return r0.clone();
    }

    /** @return the x unit vector (a copy) */
    @Override
    public float[] ex() {
        return ex.clone();
    }

    /** @return the y unit vector (a copy) */
    @Override
    public float[] ey() {
        return ey.clone();
    }

    /** @return the z unit vector (a copy) */
    @Override
    public float[] ez() {
        return ez.clone();
    }

    /**
     * Reads a position at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the position
     */
    public static ChannelPosition read(ByteBuffer in) {
        int coil = in.getInt();
        return new ChannelPosition(coil, floats(in, 3), floats(in, 3), floats(in, 3), floats(in, 3));
    }

    static float[] floats(ByteBuffer in, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.getFloat();
        }
        return v;
    }

    static void putFloats(ByteBuffer out, float[] v) {
        for (float f : v) {
            out.putFloat(f);
        }
    }

    /**
     * Writes this position at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(coilType);
        putFloats(out, r0);
        putFloats(out, ex);
        putFloats(out, ey);
        putFloats(out, ez);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelPosition p && p.coilType == coilType && Arrays.equals(p.r0, r0)
                && Arrays.equals(p.ex, ex) && Arrays.equals(p.ey, ey) && Arrays.equals(p.ez, ez);
    }

    @Override
    public int hashCode() {
        return ((((coilType * 31) + Arrays.hashCode(r0)) * 31 + Arrays.hashCode(ex)) * 31 + Arrays.hashCode(ey)) * 31
                + Arrays.hashCode(ez);
    }

    @Override
    public String toString() {
        return "ChannelPosition[coil " + coilType + ", r0 " + Arrays.toString(r0) + "]";
    }
}
