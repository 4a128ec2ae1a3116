package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A digitizer string ({@code FIFFT_DIG_STRING_STRUCT}): a kind, an identifier and a polyline of points
 * ({@code 12 + 12 n} bytes).
 *
 * @param kind   point kind
 * @param ident  identifier
 * @param points x, y, z of every point, one after the other ({@code 3 n} values)
 */
public record DigString(int kind, int ident, float[] points) {
    /**
     * Checks the points.
     *
     * @param kind point kind
     * @param ident identifier
     * @param points x, y, z of every point, one after the other ({@code 3 n} values)
     * @throws IllegalArgumentException when the number of values is not a multiple of 3
     */
    public DigString {
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException("a digitizer string holds x, y, z triples, not " + points.length
                    + " values");
        }
        points = points.clone();
    }

    /** @return the coordinates (a copy) */
    @Override
    public float[] points() {
        return points.clone();
    }

    /** @return encoded size in bytes */
    public int encodedSize() {
        return 12 + 4 * points.length;
    }

    /**
     * Reads a string at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the string
     * @throws FiffFormatException when the point count does not fit the remaining bytes
     */
    public static DigString read(ByteBuffer in) throws FiffFormatException {
        int kind = in.getInt();
        int ident = in.getInt();
        int n = in.getInt();
        if (n < 0 || (long) n * 12 > in.remaining()) {
            throw new FiffFormatException(FiffFormatException.Problem.BAD_VALUE, "digitizer string claims " + n
                    + " points but only " + in.remaining() + " bytes follow");
        }
        float[] pts = new float[n * 3];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = in.getFloat();
        }
        return new DigString(kind, ident, pts);
    }

    /**
     * Writes this string at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(kind).putInt(ident).putInt(points.length / 3);
        for (float v : points) {
            out.putFloat(v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigString s && s.kind == kind && s.ident == ident && Arrays.equals(s.points, points);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind + ident) + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "DigString[kind " + kind + ", ident " + ident + ", " + points.length / 3 + " points]";
    }
}
