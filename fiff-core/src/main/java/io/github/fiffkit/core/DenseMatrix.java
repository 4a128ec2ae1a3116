package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A dense matrix tag ({@code FIFFT_MATRIX | base type}): the elements in row-major order, followed in the
 * file by the dimensions in reverse order and the number of dimensions.
 *
 * <p>The elements stay as their big-endian bytes; {@link #floats()}, {@link #doubles()} and {@link #ints()}
 * decode them.
 *
 * @param type the full data type, e.g. {@code FiffType.MATRIX | FiffType.FLOAT}
 * @param dims the dimensions, outermost first (rows, then columns for a 2-D matrix)
 * @param data the elements, big-endian, row-major
 */
public record DenseMatrix(int type, int[] dims, byte[] data) {

    /**
     * Checks the shape against the data.
     *
     * @param type the full data type, e.g. {@code FiffType.MATRIX | FiffType.FLOAT}
     * @param dims the dimensions, outermost first (rows, then columns for a 2-D matrix)
     * @param data the elements, big-endian, row-major
     * @throws IllegalArgumentException when the type is not a dense matrix or the sizes disagree
     */
    public DenseMatrix {
        if (!FiffType.isMatrix(type) || FiffType.isSparse(type)) {
            throw new IllegalArgumentException("not a dense matrix type: " + FiffType.describe(type));
        }
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            count *= d;
        }
        int elem = TagData.elementSize(FiffType.baseType(type));
        if (elem <= 0 || count * elem != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + count
                    + " elements of " + elem + " bytes, data has " + data.length + " bytes");
        }
        dims = dims.clone();
        data = data.clone();
    }

    /** @return the dimensions (a copy) */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** @return the element bytes (a copy) */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the encoded size: elements, dimensions and their count */
    public int encodedSize() {
        return data.length + 4 * dims.length + 4;
    }

    /** @return the elements as floats (base type FLOAT) */
    public float[] floats() {
        return TagData.floats(data);
    }

    /** @return the elements as doubles (base type DOUBLE) */
    public double[] doubles() {
        return TagData.doubles(data);
    }

    /** @return the elements as ints (base type INT) */
    public int[] ints() {
        return TagData.ints(data);
    }

    /**
     * Decodes a dense matrix.
     *
     * @param type the tag's data type
     * @param raw  the tag data
     * @return the matrix
     * @throws FiffFormatException when the dimensions do not fit the data
     */
    public static DenseMatrix decode(int type, byte[] raw) throws FiffFormatException {
        if (raw.length < 4) {
            throw bad("matrix tag too short for its dimension count: " + raw.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        int ndim = in.getInt(raw.length - 4);
        if (ndim < 0 || ((long) ndim + 1) * 4 > raw.length) {
            throw bad("matrix claims " + ndim + " dimensions in " + raw.length + " bytes");
        }
        int[] dims = new int[ndim];
        int dimStart = raw.length - 4 * (ndim + 1);
        for (int i = 0; i < ndim; i++) {
            dims[ndim - 1 - i] = in.getInt(dimStart + 4 * i);
        }
        try {
            return new DenseMatrix(type, dims, Arrays.copyOf(raw, dimStart));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** @return the encoded tag data */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        out.put(data);
        for (int i = dims.length - 1; i >= 0; i--) {
            out.putInt(dims[i]);
        }
        out.putInt(dims.length);
        return out.array();
    }

    static FiffFormatException bad(String what) {
        return new FiffFormatException(FiffFormatException.Problem.BAD_VALUE, what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix m && m.type == type && Arrays.equals(m.dims, dims)
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return (type * 31 + Arrays.hashCode(dims)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + FiffType.describe(type) + " " + Arrays.toString(dims) + "]";
    }
}
