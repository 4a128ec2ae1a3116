package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A sparse matrix tag in compressed column ({@code FIFFT_SPARSE_CCS}) or compressed row
 * ({@code FIFFT_SPARSE_RCS}) storage. In the file: the non-zero values, their row (CCS) or column (RCS)
 * indices, the column or row pointers, then {@code nnz, rows, columns} and the dimension count 2.
 *
 * @param type     the full data type, e.g. {@code FiffType.MATRIX | FiffType.SPARSE_CCS | FiffType.FLOAT}
 * @param rows     number of rows
 * @param columns  number of columns
 * @param values   the non-zero values, big-endian bytes
 * @param indices  row (CCS) or column (RCS) index of each value
 * @param pointers start of each column (CCS, {@code columns + 1} entries) or row (RCS, {@code rows + 1})
 */
public record SparseMatrix(int type, int rows, int columns, byte[] values, int[] indices, int[] pointers) {

    /**
     * Checks the sizes.
     *
     * @param type the full data type, e.g. {@code FiffType.MATRIX | FiffType.SPARSE_CCS | FiffType.FLOAT}
     * @param rows number of rows
     * @param columns number of columns
     * @param values the non-zero values, big-endian bytes
     * @param indices row (CCS) or column (RCS) index of each value
     * @param pointers start of each column (CCS, {@code columns + 1} entries) or row (RCS, {@code rows + 1})
     * @throws IllegalArgumentException when the type is not sparse or the arrays do not agree
     */
    public SparseMatrix {
        if (!FiffType.isSparse(type)) {
            throw new IllegalArgumentException("not a sparse matrix type: " + FiffType.describe(type));
        }
        int elem = TagData.elementSize(FiffType.baseType(type));
        if (elem <= 0 || values.length != (long) indices.length * elem) {
            throw new IllegalArgumentException(indices.length + " indices need " + indices.length + " values of "
                    + elem + " bytes, not " + values.length + " bytes");
        }
        int expectPtr = (isColumnCompressed(type) ? columns : rows) + 1;
        if (rows < 0 || columns < 0 || pointers.length != expectPtr) {
            throw new IllegalArgumentException("expected " + expectPtr + " pointers, got " + pointers.length);
        }
        values = values.clone();
        indices = indices.clone();
        pointers = pointers.clone();
    }

    private static boolean isColumnCompressed(int type) {
        return (type & FiffType.SPARSE_CCS) != 0;
    }

    /** @return the value bytes (a copy) */
    @Override
    public byte[] values() {
        return values.clone();
    }

    /** @return the indices (a copy) */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** @return the pointers (a copy) */
    @Override
    public int[] pointers() {
        return pointers.clone();
    }

    /** @return the number of stored values */
    public int nonZeros() {
        return indices.length;
    }

    /** @return the encoded size in bytes */
    public int encodedSize() {
        return values.length + 4 * indices.length + 4 * pointers.length + 16;
    }

    /**
     * Decodes a sparse matrix.
     *
     * @param type the tag's data type
     * @param raw  the tag data
     * @return the matrix
     * @throws FiffFormatException when the sizes do not fit the data
     */
    public static SparseMatrix decode(int type, byte[] raw) throws FiffFormatException {
        if (raw.length < 16) {
            throw DenseMatrix.bad("sparse matrix tag too short: " + raw.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        int ndim = in.getInt(raw.length - 4);
        if (ndim != 2) {
            throw DenseMatrix.bad("sparse matrix with " + ndim + " dimensions (only 2 are defined)");
        }
        int nnz = in.getInt(raw.length - 16);
        int rows = in.getInt(raw.length - 12);
        int cols = in.getInt(raw.length - 8);
        int elem = TagData.elementSize(FiffType.baseType(type));
        boolean ccs = isColumnCompressed(type);
        long nptr = (ccs ? (long) cols : rows) + 1;
        if (elem <= 0 || nnz < 0 || rows < 0 || cols < 0
                || (long) nnz * (elem + 4) + nptr * 4 + 16 != raw.length) {
            throw DenseMatrix.bad("sparse matrix of " + rows + "x" + cols + " with " + nnz
                    + " values does not fit " + raw.length + " bytes");
        }
        byte[] vals = new byte[nnz * elem];
        in.get(vals);
        int[] idx = new int[nnz];
        for (int i = 0; i < nnz; i++) {
            idx[i] = in.getInt();
        }
        int[] ptr = new int[(int) nptr];
        for (int i = 0; i < ptr.length; i++) {
            ptr[i] = in.getInt();
        }
        try {
            return new SparseMatrix(type, rows, cols, vals, idx, ptr);
        } catch (IllegalArgumentException e) {
            throw DenseMatrix.bad(e.getMessage());
        }
    }

    /** @return the encoded tag data */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        out.put(values);
        for (int i : indices) {
            out.putInt(i);
        }
        for (int p : pointers) {
            out.putInt(p);
        }
        out.putInt(indices.length).putInt(rows).putInt(columns).putInt(2);
        return out.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseMatrix m && m.type == type && m.rows == rows && m.columns == columns
                && Arrays.equals(m.values, values) && Arrays.equals(m.indices, indices)
                && Arrays.equals(m.pointers, pointers);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + rows) * 31 + columns) * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + FiffType.describe(type) + " " + rows + "x" + columns + ", " + nonZeros()
                + " values]";
    }
}
