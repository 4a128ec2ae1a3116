package io.github.fiffkit.core;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Data type codes of the FIFF format and their names.
 *
 * <p>The type field of a tag is a 32-bit code. Its low 16 bits ({@link #BASE_TYPE_MASK}) give
 * the element type, one of the base types declared here. The high 16 bits
 * ({@link #MATRIX_CODING_MASK}) are zero for plain values; for a matrix they hold
 * {@link #MATRIX}, optionally combined with a sparse coding ({@link #SPARSE_CCS} or
 * {@link #SPARSE_RCS}).
 *
 * <p>Base type constants are named after the {@code FIFFT_*} symbols of MNE-Python with the
 * {@code FIFFT_} prefix removed, plus those only MNE-CPP has. Only base types are registered as
 * names; matrix codes get composed names such as {@code FIFFT_MATRIX_FLOAT},
 * {@code FIFFT_CCS_MATRIX_FLOAT} and {@code FIFFT_RCS_MATRIX_FLOAT}, which {@link #name(int)}
 * and {@link #number(String)} build and parse.
 */
public final class FiffType {

    private FiffType() {}

    // ---- Base types listed by MNE-Python (mne/_fiff/constants.py), in its order ----

    /** FIFFT_VOID: No data. */
    public static final int VOID = 0;

    /** FIFFT_BYTE: 8-bit byte. */
    public static final int BYTE = 1;

    /** FIFFT_SHORT: Signed 16-bit integer. */
    public static final int SHORT = 2;

    /** FIFFT_INT: Signed 32-bit integer. */
    public static final int INT = 3;

    /** FIFFT_FLOAT: 32-bit IEEE floating point number. */
    public static final int FLOAT = 4;

    /** FIFFT_DOUBLE: 64-bit IEEE floating point number. */
    public static final int DOUBLE = 5;

    /** FIFFT_JULIAN: Julian day number, 32 bits. */
    public static final int JULIAN = 6;

    /** FIFFT_USHORT: Unsigned 16-bit integer. */
    public static final int USHORT = 7;

    /** FIFFT_UINT: Unsigned 32-bit integer. */
    public static final int UINT = 8;

    /** FIFFT_ULONG: Unsigned 64-bit integer. */
    public static final int ULONG = 9;

    /** FIFFT_STRING: Text, one byte per character. */
    public static final int STRING = 10;

    /** FIFFT_LONG: Signed 64-bit integer. */
    public static final int LONG = 11;

    /** FIFFT_DAU_PACK13: 13-bit packed samples of old acquisition units. */
    public static final int DAU_PACK13 = 13;

    /** FIFFT_DAU_PACK14: 14-bit packed samples of old acquisition units. */
    public static final int DAU_PACK14 = 14;

    /** FIFFT_DAU_PACK16: 16-bit samples of old acquisition units. */
    public static final int DAU_PACK16 = 16;

    /** FIFFT_COMPLEX_FLOAT: Complex number as two 32-bit floats. */
    public static final int COMPLEX_FLOAT = 20;

    /** FIFFT_COMPLEX_DOUBLE: Complex number as two 64-bit floats. */
    public static final int COMPLEX_DOUBLE = 21;

    /** FIFFT_OLD_PACK: Proprietary 16-bit packed samples. */
    public static final int OLD_PACK = 23;

    /** FIFFT_CH_INFO_STRUCT: Channel description record. */
    public static final int CH_INFO_STRUCT = 30;

    /** FIFFT_ID_STRUCT: File or block identifier record. */
    public static final int ID_STRUCT = 31;

    /** FIFFT_DIR_ENTRY_STRUCT: Tag directory entry record. */
    public static final int DIR_ENTRY_STRUCT = 32;

    /** FIFFT_DIG_POINT_STRUCT: Digitized point record. */
    public static final int DIG_POINT_STRUCT = 33;

    /** FIFFT_CH_POS_STRUCT: Channel position record. */
    public static final int CH_POS_STRUCT = 34;

    /** FIFFT_COORD_TRANS_STRUCT: Coordinate transformation record. */
    public static final int COORD_TRANS_STRUCT = 35;

    /** FIFFT_DIG_STRING_STRUCT: Digitized string record. */
    public static final int DIG_STRING_STRUCT = 36;

    /** FIFFT_STREAM_SEGMENT_STRUCT: Data stream segment record. */
    public static final int STREAM_SEGMENT_STRUCT = 37;

    // ---- Base types that MNE-Python lacks, from MNE-CPP (fiff_file.h) ----

    /** FIFFT_ASCII: Text; same code as FIFFT_STRING. Alias, not canonical. From MNE-CPP. */
    public static final int ASCII = 10;

    /** FIFFT_DATA_REF_STRUCT: Reference to data kept outside the file. From MNE-CPP. */
    public static final int DATA_REF_STRUCT = 38;

    // ---- Matrix coding bits and masks; not registered as type names ----

    /** FIFFT_MATRIX: Bit marking a matrix type (dense unless a sparse coding is also set). */
    public static final int MATRIX = 0x40000000;

    /** FIFFT_SPARSE_CCS_MATRIX: Coding bit of a column-compressed sparse matrix; use with {@link #MATRIX}. */
    public static final int SPARSE_CCS = 0x00100000;

    /** FIFFT_SPARSE_RCS_MATRIX: Coding bit of a row-compressed sparse matrix; use with {@link #MATRIX}. */
    public static final int SPARSE_RCS = 0x00200000;

    /** Mask of the high 16 bits, which hold the matrix structure and coding. */
    public static final int MATRIX_CODING_MASK = 0xFFFF0000;

    /** Mask of the low 16 bits, which hold the element (base) type. */
    public static final int BASE_TYPE_MASK = 0x0000FFFF;

    // ---- Ready-made matrix types from MNE-CPP; not registered (names are composed) ----

    /** FIFFT_CCS_MATRIX: Column-compressed sparse matrix without element type ({@code MATRIX | SPARSE_CCS}). */
    public static final int CCS_MATRIX = MATRIX | SPARSE_CCS;

    /** FIFFT_RCS_MATRIX: Row-compressed sparse matrix without element type ({@code MATRIX | SPARSE_RCS}). */
    public static final int RCS_MATRIX = MATRIX | SPARSE_RCS;

    /** FIFFT_MATRIX_INT: Dense matrix of 32-bit integers. */
    public static final int MATRIX_INT = MATRIX | INT;

    /** FIFFT_MATRIX_FLOAT: Dense matrix of 32-bit floats. */
    public static final int MATRIX_FLOAT = MATRIX | FLOAT;

    /** FIFFT_MATRIX_DOUBLE: Dense matrix of 64-bit floats. */
    public static final int MATRIX_DOUBLE = MATRIX | DOUBLE;

    /** FIFFT_CCS_MATRIX_FLOAT: Column-compressed sparse matrix of 32-bit floats. */
    public static final int CCS_MATRIX_FLOAT = CCS_MATRIX | FLOAT;

    /** FIFFT_RCS_MATRIX_FLOAT: Row-compressed sparse matrix of 32-bit floats. */
    public static final int RCS_MATRIX_FLOAT = RCS_MATRIX | FLOAT;

    /** Mask of the top byte, which says whether a code is a scalar or a matrix. */
    private static final int STRUCTURE_MASK = 0xFF000000;

    /** Mask of the byte that holds the matrix coding (dense, CCS, RCS). */
    private static final int CODING_MASK = 0x00FF0000;

    private static final String PREFIX = "FIFFT_";
    private static final String DENSE_PART = "MATRIX_";
    private static final String CCS_PART = "CCS_MATRIX_";
    private static final String RCS_PART = "RCS_MATRIX_";

    private static final FiffNames NAMES = buildNames();

    private static FiffNames buildNames() {
        FiffNames names = FiffNames.of(FiffType.class, PREFIX, Set.of("ASCII"), Set.of(
                "MATRIX", "SPARSE_CCS", "SPARSE_RCS", "MATRIX_CODING_MASK", "BASE_TYPE_MASK",
                "CCS_MATRIX", "RCS_MATRIX", "MATRIX_INT", "MATRIX_FLOAT", "MATRIX_DOUBLE",
                "CCS_MATRIX_FLOAT", "RCS_MATRIX_FLOAT"));
        for (Map.Entry<String, Integer> e : names.all().entrySet()) {
            if ((e.getValue() & MATRIX_CODING_MASK) != 0) {
                throw new IllegalStateException("FiffType: " + e.getKey()
                        + " has matrix coding bits and must be excluded from the base type names");
            }
        }
        return names;
    }

    /**
     * Tells whether a type code describes a matrix (dense or sparse).
     *
     * @param type a type code read from a tag
     * @return true if the structure byte is {@link #MATRIX}
     */
    public static boolean isMatrix(int type) {
        return (type & STRUCTURE_MASK) == MATRIX;
    }

    /**
     * Tells whether a type code describes a sparse (CCS or RCS) matrix.
     *
     * @param type a type code read from a tag
     * @return true for a matrix whose coding is {@link #SPARSE_CCS} or {@link #SPARSE_RCS}
     */
    public static boolean isSparse(int type) {
        if (!isMatrix(type)) {
            return false;
        }
        int coding = type & CODING_MASK;
        return coding == SPARSE_CCS || coding == SPARSE_RCS;
    }

    /**
     * Element type of a type code: the code itself for plain values, the element type for matrices.
     *
     * @param type a type code read from a tag
     * @return {@code type & BASE_TYPE_MASK}
     */
    public static int baseType(int type) {
        return type & BASE_TYPE_MASK;
    }

    /**
     * Name of a type code. Plain codes give their registered name, e.g. {@code "FIFFT_ID_STRUCT"};
     * matrix codes give a composed name: {@code "FIFFT_MATRIX_FLOAT"} (dense),
     * {@code "FIFFT_CCS_MATRIX_FLOAT"} or {@code "FIFFT_RCS_MATRIX_FLOAT"}.
     *
     * @param type a type code read from a tag
     * @return the name, or empty when the base type or the coding is unknown
     */
    public static Optional<String> name(int type) {
        if ((type & MATRIX_CODING_MASK) == 0) {
            return NAMES.name(type);
        }
        if (!isMatrix(type)) {
            return Optional.empty();
        }
        String part;
        switch (type & CODING_MASK) {
            case 0:
                part = DENSE_PART;
                break;
            case SPARSE_CCS:
                part = CCS_PART;
                break;
            case SPARSE_RCS:
                part = RCS_PART;
                break;
            default:
                return Optional.empty();
        }
        return NAMES.name(baseType(type)).map(base -> PREFIX + part + base.substring(PREFIX.length()));
    }

    /**
     * Name of a type code as {@link #name(int)} gives it, or the code as an unsigned decimal number when unknown
     * (type codes are unsigned 32-bit values: {@code 0x80000001} is {@code "2147483649"}); meant for messages.
     *
     * @param type a type code read from a tag
     * @return a name or an unsigned decimal number, never null
     */
    public static String describe(int type) {
        return name(type).orElseGet(() -> Integer.toUnsignedString(type));
    }

    /**
     * Type code for a name such as {@code "FIFFT_FLOAT"} or {@code "FIFFT_CCS_MATRIX_FLOAT"}; the
     * forms without {@code "FIFFT_"} are accepted too, as are aliases such as {@code "FIFFT_ASCII"}.
     * Matching is case-sensitive.
     *
     * @param name the name to look up
     * @return the code, or empty when the name is unknown
     * @throws NullPointerException if {@code name} is null
     */
    public static OptionalInt number(String name) {
        OptionalInt plain = NAMES.number(name);
        if (plain.isPresent()) {
            return plain;
        }
        String rest = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        int coding;
        if (rest.startsWith(CCS_PART)) {
            coding = SPARSE_CCS;
            rest = rest.substring(CCS_PART.length());
        } else if (rest.startsWith(RCS_PART)) {
            coding = SPARSE_RCS;
            rest = rest.substring(RCS_PART.length());
        } else if (rest.startsWith(DENSE_PART)) {
            coding = 0;
            rest = rest.substring(DENSE_PART.length());
        } else {
            return OptionalInt.empty();
        }
        OptionalInt base = NAMES.exactNumber(PREFIX + rest);
        return base.isPresent() ? OptionalInt.of(MATRIX | coding | base.getAsInt()) : OptionalInt.empty();
    }

    /**
     * Every registered base type name, aliases included, mapped to its code; sorted by code and
     * then by name. Matrix names are not listed, since they are composed on demand.
     *
     * @return an unmodifiable map
     */
    public static Map<String, Integer> all() {
        return NAMES.all();
    }
}
