package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed decoding and encoding of tag data, big-endian, for every FIFF data type.
 *
 * <p>{@link #decode(int, byte[])} maps a type to a Java value:
 * <table>
 * <caption>Java value of each data type</caption>
 * <tr><th>FIFF type</th><th>Java value</th></tr>
 * <tr><td>VOID</td><td>{@code null}</td></tr>
 * <tr><td>BYTE</td><td>{@code byte[]}</td></tr>
 * <tr><td>SHORT, DAU_PACK13, DAU_PACK14, DAU_PACK16</td><td>{@code short[]}</td></tr>
 * <tr><td>USHORT</td><td>{@code int[]}</td></tr>
 * <tr><td>INT, JULIAN</td><td>{@code int[]}</td></tr>
 * <tr><td>UINT</td><td>{@code long[]}</td></tr>
 * <tr><td>LONG, ULONG</td><td>{@code long[]} (ULONG as its bit pattern)</td></tr>
 * <tr><td>FLOAT, COMPLEX_FLOAT</td><td>{@code float[]} (complex: real and imaginary interleaved)</td></tr>
 * <tr><td>DOUBLE, COMPLEX_DOUBLE</td><td>{@code double[]}</td></tr>
 * <tr><td>STRING</td><td>{@code String} ({@link #string(byte[])})</td></tr>
 * <tr><td>ID, DIR_ENTRY, DIG_POINT, CH_INFO, CH_POS, COORD_TRANS, DATA_REF structs</td>
 * <td>{@code List} of {@link FiffId}, {@link DirEntry}, {@link DigPoint}, {@link ChannelInfo},
 * {@link ChannelPosition}, {@link CoordTrans}, {@link DataRef}</td></tr>
 * <tr><td>DIG_STRING</td><td>{@code List<DigString>}</td></tr>
 * <tr><td>dense and sparse matrices</td><td>{@link DenseMatrix}, {@link SparseMatrix}</td></tr>
 * <tr><td>anything else (OLD_PACK, STREAM_SEGMENT, unknown numbers)</td><td>{@code byte[]}, unchanged</td></tr>
 * </table>
 *
 * <p>Longer than the project's ~400 lines: one decoder and one encoder per data type, side by side so that each
 * pair can be read against the other; the structs have their own records.
 */
public final class TagData {
    private TagData() {
    }

    /**
     * Size of one element of a data type, for arrays and matrices.
     *
     * @param type a base data type
     * @return bytes per element, or -1 when the type has no fixed element size (strings, unknown types)
     */
    public static int elementSize(int type) {
        return switch (type) {
            case FiffType.BYTE -> 1;
            case FiffType.SHORT, FiffType.USHORT, FiffType.DAU_PACK13, FiffType.DAU_PACK14, FiffType.DAU_PACK16 -> 2;
            case FiffType.INT, FiffType.UINT, FiffType.FLOAT, FiffType.JULIAN -> 4;
            case FiffType.DOUBLE, FiffType.LONG, FiffType.ULONG, FiffType.COMPLEX_FLOAT -> 8;
            case FiffType.COMPLEX_DOUBLE -> 16;
            case FiffType.ID_STRUCT -> FiffId.SIZE;
            case FiffType.DIR_ENTRY_STRUCT -> DirEntry.SIZE;
            case FiffType.DIG_POINT_STRUCT -> DigPoint.SIZE;
            case FiffType.CH_INFO_STRUCT -> ChannelInfo.SIZE;
            case FiffType.CH_POS_STRUCT -> ChannelPosition.SIZE;
            case FiffType.COORD_TRANS_STRUCT -> CoordTrans.SIZE;
            case FiffType.DATA_REF_STRUCT -> DataRef.SIZE;
            default -> -1;
        };
    }

    /**
     * Decodes tag data according to its type (see the class description for the mapping).
     *
     * @param type the data type
     * @param data the tag data
     * @return the decoded value
     * @throws FiffFormatException when the size does not fit the type
     */
    public static Object decode(int type, byte[] data) throws FiffFormatException {
        if (FiffType.isMatrix(type)) {
            return FiffType.isSparse(type) ? SparseMatrix.decode(type, data) : DenseMatrix.decode(type, data);
        }
        int elem = elementSize(type);
        if (elem > 0 && data.length % elem != 0) {
            throw new FiffFormatException(FiffFormatException.Problem.BAD_SIZE, "tag data of " + data.length
                    + " bytes is not a whole number of " + FiffType.describe(type) + " values (" + elem
                    + " bytes each)");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        return switch (type) {
            case FiffType.VOID -> null;
            case FiffType.BYTE -> data.clone();
            case FiffType.SHORT, FiffType.DAU_PACK13, FiffType.DAU_PACK14, FiffType.DAU_PACK16 -> shorts(data);
            case FiffType.USHORT -> {
                int[] v = new int[data.length / 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Short.toUnsignedInt(in.getShort());
                }
                yield v;
            }
            case FiffType.INT, FiffType.JULIAN -> ints(data);
            case FiffType.UINT -> {
                long[] v = new long[data.length / 4];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Integer.toUnsignedLong(in.getInt());
                }
                yield v;
            }
            case FiffType.LONG, FiffType.ULONG -> longs(data);
            case FiffType.FLOAT, FiffType.COMPLEX_FLOAT -> floats(data);
            case FiffType.DOUBLE, FiffType.COMPLEX_DOUBLE -> doubles(data);
            case FiffType.STRING -> string(data);
            case FiffType.ID_STRUCT -> ids(data);
            case FiffType.DIR_ENTRY_STRUCT -> structs(data, elem, DirEntry::read);
            case FiffType.DIG_POINT_STRUCT -> structs(data, elem, DigPoint::read);
            case FiffType.CH_INFO_STRUCT -> structs(data, elem, ChannelInfo::read);
            case FiffType.CH_POS_STRUCT -> structs(data, elem, ChannelPosition::read);
            case FiffType.COORD_TRANS_STRUCT -> structs(data, elem, CoordTrans::read);
            case FiffType.DATA_REF_STRUCT -> structs(data, elem, DataRef::read);
            case FiffType.DIG_STRING_STRUCT -> {
                List<DigString> list = new ArrayList<>();
                while (in.hasRemaining()) {
                    if (in.remaining() < 12) {
                        throw new FiffFormatException(FiffFormatException.Problem.BAD_SIZE,
                                "digitizer string data ends inside a header");
                    }
                    list.add(DigString.read(in));
                }
                yield List.copyOf(list);
            }
            default -> data.clone();
        };
    }

    private interface StructReader<T> {
        T read(ByteBuffer in);
    }

    private static <T> List<T> structs(byte[] data, int size, StructReader<T> reader) {
        ByteBuffer in = ByteBuffer.wrap(data);
        List<T> list = new ArrayList<>(data.length / size);
        for (int i = 0; i < data.length / size; i++) {
            list.add(reader.read(in));
        }
        return List.copyOf(list);
    }

    // ---- arrays of numbers ----

    private static void checkMultiple(byte[] data, int size) {
        if (data.length % size != 0) {
            throw new IllegalArgumentException(data.length + " bytes are not a whole number of " + size
                    + "-byte values");
        }
    }

    /**
     * @param data big-endian 32-bit integers
     * @return the integers
     * @throws IllegalArgumentException when the length is not a multiple of 4
     */
    public static int[] ints(byte[] data) {
        checkMultiple(data, 4);
        int[] v = new int[data.length / 4];
        ByteBuffer.wrap(data).asIntBuffer().get(v);
        return v;
    }

    /**
     * @param values integers
     * @return their big-endian encoding
     */
    public static byte[] ofInts(int... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length);
        out.asIntBuffer().put(values);
        return out.array();
    }

    /**
     * @param data big-endian 16-bit integers
     * @return the integers
     * @throws IllegalArgumentException when the length is odd
     */
    public static short[] shorts(byte[] data) {
        checkMultiple(data, 2);
        short[] v = new short[data.length / 2];
        ByteBuffer.wrap(data).asShortBuffer().get(v);
        return v;
    }

    /**
     * @param values 16-bit integers
     * @return their big-endian encoding
     */
    public static byte[] ofShorts(short... values) {
        ByteBuffer out = ByteBuffer.allocate(2 * values.length);
        out.asShortBuffer().put(values);
        return out.array();
    }

    /**
     * @param data big-endian 64-bit integers
     * @return the integers
     * @throws IllegalArgumentException when the length is not a multiple of 8
     */
    public static long[] longs(byte[] data) {
        checkMultiple(data, 8);
        long[] v = new long[data.length / 8];
        ByteBuffer.wrap(data).asLongBuffer().get(v);
        return v;
    }

    /**
     * @param values 64-bit integers
     * @return their big-endian encoding
     */
    public static byte[] ofLongs(long... values) {
        ByteBuffer out = ByteBuffer.allocate(8 * values.length);
        out.asLongBuffer().put(values);
        return out.array();
    }

    /**
     * @param data big-endian IEEE 754 single-precision values
     * @return the values
     * @throws IllegalArgumentException when the length is not a multiple of 4
     */
    public static float[] floats(byte[] data) {
        checkMultiple(data, 4);
        float[] v = new float[data.length / 4];
        ByteBuffer.wrap(data).asFloatBuffer().get(v);
        return v;
    }

    /**
     * @param values single-precision values
     * @return their big-endian encoding
     */
    public static byte[] ofFloats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length);
        out.asFloatBuffer().put(values);
        return out.array();
    }

    /**
     * @param data big-endian IEEE 754 double-precision values
     * @return the values
     * @throws IllegalArgumentException when the length is not a multiple of 8
     */
    public static double[] doubles(byte[] data) {
        checkMultiple(data, 8);
        double[] v = new double[data.length / 8];
        ByteBuffer.wrap(data).asDoubleBuffer().get(v);
        return v;
    }

    /**
     * @param values double-precision values
     * @return their big-endian encoding
     */
    public static byte[] ofDoubles(double... values) {
        ByteBuffer out = ByteBuffer.allocate(8 * values.length);
        out.asDoubleBuffer().put(values);
        return out.array();
    }

    // ---- strings ----

    /**
     * Decodes a string tag. FIFF strings carry no terminator and no declared encoding: the FIFF standard and
     * MNE-Python use Latin-1, some writers UTF-8. Bytes that form valid UTF-8 with at least one non-ASCII
     * character are read as UTF-8, everything else as Latin-1, so no byte is ever lost.
     *
     * @param data the tag data
     * @return the text
     */
    public static String string(byte[] data) {
        boolean ascii = true;
        for (byte b : data) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = utf8.decode(ByteBuffer.wrap(data));
                return chars.toString();
            } catch (CharacterCodingException e) {
                // not UTF-8: Latin-1 below
            }
        }
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /**
     * Encodes text for a string tag: Latin-1 when every character has a Latin-1 code (what MNE-Python reads),
     * UTF-8 otherwise. Never cuts a character in two, writes no terminator.
     *
     * @param text the text
     * @return its bytes
     */
    public static byte[] ofString(String text) {
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- structs ----

    /**
     * @param data one or more 20-byte ID structs
     * @return the IDs
     * @throws FiffFormatException when the length is not a multiple of 20
     */
    public static List<FiffId> ids(byte[] data) throws FiffFormatException {
        if (data.length % FiffId.SIZE != 0) {
            throw new FiffFormatException(FiffFormatException.Problem.BAD_SIZE, "an ID struct has "
                    + FiffId.SIZE + " bytes, this tag has " + data.length);
        }
        return structs(data, FiffId.SIZE, FiffId::read);
    }

    /**
     * @param data exactly one 20-byte ID struct
     * @return the ID
     * @throws FiffFormatException when the data is not exactly 20 bytes
     */
    public static FiffId id(byte[] data) throws FiffFormatException {
        if (data.length != FiffId.SIZE) {
            throw new FiffFormatException(FiffFormatException.Problem.BAD_SIZE, "an ID struct has "
                    + FiffId.SIZE + " bytes, this tag has " + data.length);
        }
        return FiffId.read(ByteBuffer.wrap(data));
    }

    /**
     * @param id an ID
     * @return its 20-byte encoding
     */
    public static byte[] ofId(FiffId id) {
        ByteBuffer out = ByteBuffer.allocate(FiffId.SIZE);
        id.write(out);
        return out.array();
    }

    /**
     * @param entries directory entries
     * @return their encoding
     */
    public static byte[] ofDirEntries(List<DirEntry> entries) {
        ByteBuffer out = ByteBuffer.allocate(DirEntry.SIZE * entries.size());
        for (DirEntry e : entries) {
            e.write(out);
        }
        return out.array();
    }

    /**
     * @param points digitizer points
     * @return their encoding
     */
    public static byte[] ofDigPoints(List<DigPoint> points) {
        ByteBuffer out = ByteBuffer.allocate(DigPoint.SIZE * points.size());
        for (DigPoint p : points) {
            p.write(out);
        }
        return out.array();
    }

    /**
     * @param channels channel information structs
     * @return their encoding
     */
    public static byte[] ofChannelInfos(List<ChannelInfo> channels) {
        ByteBuffer out = ByteBuffer.allocate(ChannelInfo.SIZE * channels.size());
        for (ChannelInfo c : channels) {
            c.write(out);
        }
        return out.array();
    }

    /**
     * @param positions channel positions
     * @return their encoding
     */
    public static byte[] ofChannelPositions(List<ChannelPosition> positions) {
        ByteBuffer out = ByteBuffer.allocate(ChannelPosition.SIZE * positions.size());
        for (ChannelPosition p : positions) {
            p.write(out);
        }
        return out.array();
    }

    /**
     * @param transforms coordinate transforms
     * @return their encoding
     */
    public static byte[] ofCoordTrans(List<CoordTrans> transforms) {
        ByteBuffer out = ByteBuffer.allocate(CoordTrans.SIZE * transforms.size());
        for (CoordTrans t : transforms) {
            t.write(out);
        }
        return out.array();
    }

    /**
     * @param refs data references
     * @return their encoding
     */
    public static byte[] ofDataRefs(List<DataRef> refs) {
        ByteBuffer out = ByteBuffer.allocate(DataRef.SIZE * refs.size());
        for (DataRef r : refs) {
            r.write(out);
        }
        return out.array();
    }

    /**
     * @param strings digitizer strings
     * @return their encoding
     */
    public static byte[] ofDigStrings(List<DigString> strings) {
        int size = 0;
        for (DigString s : strings) {
            size += s.encodedSize();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (DigString s : strings) {
            s.write(out);
        }
        return out.array();
    }

    // ---- display ----

    /**
     * A short, one-line rendering of a value for listings: strings quoted, arrays cut after a few elements,
     * IDs and dates readable. Never throws: data that does not decode is shown as its size.
     *
     * @param kind     the tag kind (birthdays and dates are shown as dates)
     * @param type     the data type
     * @param data     the tag data
     * @param maxChars longest result before it is cut with "..."
     * @return the text
     */
    public static String describe(int kind, int type, byte[] data, int maxChars) {
        String text;
        try {
            Object v = decode(type, data);
            text = render(kind, type, v);
        } catch (FiffFormatException | RuntimeException e) {
            text = "<" + data.length + " bytes, not " + FiffType.describe(type) + ">";
        }
        if (text.length() > maxChars) {
            int cut = Math.max(0, maxChars - 3);
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--; // never split a character outside the Basic Multilingual Plane in two
            }
            text = text.substring(0, cut) + "...";
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String render(int kind, int type, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (type == FiffType.JULIAN && v instanceof int[] jd && jd.length == 1) {
            return jd[0] + " (" + Julian.toLocalDate(jd[0]) + ")";
        }
        if (kind == FiffKind.MEAS_DATE && v instanceof int[] t && t.length == 2) {
            return new FiffTime(t[0], t[1]).toString();
        }
        if (v instanceof int[] a) {
            return Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a) + (a.length > 8 ? " +" + (a.length - 8) : "");
        }
        if (v instanceof short[] a) {
            return a.length + " values";
        }
        if (v instanceof long[] a) {
            return Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a) + (a.length > 8 ? " +" + (a.length - 8) : "");
        }
        if (v instanceof float[] a) {
            return Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a) + (a.length > 8 ? " +" + (a.length - 8) : "");
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a) + (a.length > 8 ? " +" + (a.length - 8) : "");
        }
        if (v instanceof byte[] a) {
            return a.length + " bytes";
        }
        if (v instanceof List<?> list) {
            if (list.size() == 1) {
                return list.get(0).toString();
            }
            return list.size() + " x " + (list.isEmpty() ? "" : list.get(0).getClass().getSimpleName());
        }
        return v.toString();
    }
}
