package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A coordinate transformation ({@code FIFFT_COORD_TRANS_STRUCT}, 104 bytes): source and destination frames,
 * the 3x3 rotation (row-major) and translation, then their inverse.
 *
 * @param from    source coordinate frame
 * @param to      destination coordinate frame
 * @param rot     rotation, 9 values, row-major
 * @param move    translation, 3 values
 * @param invRot  inverse rotation, 9 values
 * @param invMove inverse translation, 3 values
 */
public record CoordTrans(int from, int to, float[] rot, float[] move, float[] invRot, float[] invMove) {
    /** Encoded size in bytes. */
    public static final int SIZE = 104;

    /**
     * Checks the arrays.
     *
     * @param from source coordinate frame
     * @param to destination coordinate frame
     * @param rot rotation, 9 values, row-major
     * @param move translation, 3 values
     * @param invRot inverse rotation, 9 values
     * @param invMove inverse translation, 3 values
     * @throws IllegalArgumentException when an array has the wrong length
     */
    public CoordTrans {
        if (rot.length != 9 || invRot.length != 9 || move.length != 3 || invMove.length != 3) {
            throw new IllegalArgumentException("a transform has 9 rotation and 3 translation values each way");
        }
        rot = rot.clone();
        move = move.clone();
        invRot = invRot.clone();
        invMove = invMove.clone();
    }

    /** @return the rotation (a copy) */
    @Override
    public float[] rot() {
        return rot.clone();
    }

    /** @return the translation (a copy) */
    @Override
    public float[] move() {
        return move.clone();
    }

    /** @return the inverse rotation (a copy) */
    @Override
    public float[] invRot() {
        return invRot.clone();
    }

    /** @return the inverse translation (a copy) */
    @Override
    public float[] invMove() {
        return invMove.clone();
    }

    /**
     * Reads a transform at the buffer's position.
     *
     * @param in the buffer (big-endian)
     * @return the transform
     */
    public static CoordTrans read(ByteBuffer in) {
        int from = in.getInt();
        int to = in.getInt();
        return new CoordTrans(from, to, ChannelPosition.floats(in, 9), ChannelPosition.floats(in, 3),
                ChannelPosition.floats(in, 9), ChannelPosition.floats(in, 3));
    }

    /**
     * Writes this transform at the buffer's position.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(from).putInt(to);
        ChannelPosition.putFloats(out, rot);
        ChannelPosition.putFloats(out, move);
        ChannelPosition.putFloats(out, invRot);
        ChannelPosition.putFloats(out, invMove);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoordTrans t && t.from == from && t.to == to && Arrays.equals(t.rot, rot)
                && Arrays.equals(t.move, move) && Arrays.equals(t.invRot, invRot) && Arrays.equals(t.invMove, invMove);
    }

    @Override
    public int hashCode() {
        return (from * 31 + to) * 31 + Arrays.hashCode(rot) + Arrays.hashCode(move);
    }

    @Override
    public String toString() {
        return "CoordTrans[" + from + " -> " + to + ", move " + Arrays.toString(move) + "]";
    }
}
