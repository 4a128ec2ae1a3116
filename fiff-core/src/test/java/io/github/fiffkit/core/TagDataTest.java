package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagDataTest {

    @Test
    void intsAreBigEndianAndRoundTripAtTheirEdges() {
        int[] values = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        byte[] raw = TagData.ofInts(values);
        assertArrayEquals(new byte[] {0, 0, 0, 1}, java.util.Arrays.copyOfRange(raw, 4, 8));
        assertArrayEquals(values, TagData.ints(raw));
    }

    @Test
    void shortsLongsFloatsAndDoublesRoundTrip() {
        short[] s = {0, Short.MIN_VALUE, Short.MAX_VALUE, -2};
        assertArrayEquals(s, TagData.shorts(TagData.ofShorts(s)));
        long[] l = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -5};
        assertArrayEquals(l, TagData.longs(TagData.ofLongs(l)));
        float[] f = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 1.5e-13f};
        assertArrayEquals(f, TagData.floats(TagData.ofFloats(f)));
        double[] d = {0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, 946684800.123456};
        assertArrayEquals(d, TagData.doubles(TagData.ofDoubles(d)));
    }

    @Test
    void arraysOfTheWrongLengthAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TagData.ints(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> TagData.shorts(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> TagData.doubles(new byte[12]));
    }

    @Test
    void decodeRejectsDataThatIsNotAWholeNumberOfValues() {
        FiffFormatException e = assertThrows(FiffFormatException.class,
                () -> TagData.decode(FiffType.INT, new byte[6]));
        assertEquals(FiffFormatException.Problem.BAD_SIZE, e.problem());
        assertThrows(FiffFormatException.class, () -> TagData.decode(FiffType.CH_INFO_STRUCT, new byte[95]));
    }

    @Test
    void decodeMapsEachSimpleTypeToItsJavaValue() throws FiffFormatException {
        assertNull(TagData.decode(FiffType.VOID, new byte[0]));
        assertArrayEquals(new int[] {7}, (int[]) TagData.decode(FiffType.INT, TagData.ofInts(7)));
        assertArrayEquals(new int[] {2451545}, (int[]) TagData.decode(FiffType.JULIAN, TagData.ofInts(2451545)));
        assertArrayEquals(new int[] {65535}, (int[]) TagData.decode(FiffType.USHORT, new byte[] {-1, -1}));
        assertArrayEquals(new long[] {4294967295L},
                (long[]) TagData.decode(FiffType.UINT, new byte[] {-1, -1, -1, -1}));
        assertEquals("abc", TagData.decode(FiffType.STRING, "abc".getBytes(StandardCharsets.US_ASCII)));
        byte[] unknown = {1, 2, 3};
        assertArrayEquals(unknown, (byte[]) TagData.decode(12345, unknown));
        assertArrayEquals(new float[] {1f, 2f}, (float[]) TagData.decode(FiffType.COMPLEX_FLOAT,
                TagData.ofFloats(1f, 2f)));
    }

    @Test
    void stringsAreLatin1UnlessTheyAreValidUtf8() {
        byte[] latin1 = {'J', (byte) 0xF6, 's', (byte) 0xE9};
        assertEquals("Jösé", TagData.string(latin1));
        byte[] utf8 = "Jösé-Ñ".getBytes(StandardCharsets.UTF_8);
        assertEquals("Jösé-Ñ", TagData.string(utf8));
        assertEquals("", TagData.string(new byte[0]));
    }

    @Test
    void stringEncodingPrefersLatin1AndNeverCutsACharacter() {
        assertArrayEquals(new byte[] {'J', (byte) 0xF6}, TagData.ofString("Jö"));
        byte[] greek = TagData.ofString("Ωμέγα");
        assertEquals("Ωμέγα", new String(greek, StandardCharsets.UTF_8));
        assertEquals("Ωμέγα", TagData.string(greek));
    }

    @Test
    void idStructRoundTripsAndRequiresTwentyBytes() throws FiffFormatException {
        FiffId id = new FiffId(FiffId.VERSION_1_4, 0x00112233, 0x44550000, new FiffTime(-5, 999_999));
        byte[] raw = TagData.ofId(id);
        assertEquals(20, raw.length);
        assertEquals(id, TagData.id(raw));
        assertEquals(List.of(id, id), TagData.ids(concat(raw, raw)));
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> TagData.id(new byte[12]));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
        assertEquals("00:11:22:33:44:55:00:00", id.machineIdHex());
        assertEquals(1, id.versionMajor());
        assertEquals(4, id.versionMinor());
    }

    @Test
    void structsHaveTheirPublishedSizesAndRoundTrip() throws FiffFormatException {
        float[] loc = new float[12];
        for (int i = 0; i < 12; i++) {
            loc[i] = i * 0.5f;
        }
        ChannelInfo ch = new ChannelInfo(1, 101, 1, 1f, 3.1e-13f, 3012, loc, 112, 0, "MEG 0113");
        byte[] chRaw = TagData.ofChannelInfos(List.of(ch));
        assertEquals(96, chRaw.length);
        assertEquals(List.of(ch), TagData.decode(FiffType.CH_INFO_STRUCT, chRaw));

        DigPoint dp = new DigPoint(DigPoint.KIND_EXTRA, 7, new float[] {0.01f, -0.02f, 0.03f});
        byte[] dpRaw = TagData.ofDigPoints(List.of(dp));
        assertEquals(20, dpRaw.length);
        assertEquals(List.of(dp), TagData.decode(FiffType.DIG_POINT_STRUCT, dpRaw));

        CoordTrans t = new CoordTrans(1, 4, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {0.1f, 0, 0},
                new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {-0.1f, 0, 0});
        byte[] tRaw = TagData.ofCoordTrans(List.of(t));
        assertEquals(104, tRaw.length);
        assertEquals(List.of(t), TagData.decode(FiffType.COORD_TRANS_STRUCT, tRaw));

        ChannelPosition pos = new ChannelPosition(2, new float[] {1, 2, 3}, new float[] {1, 0, 0},
                new float[] {0, 1, 0}, new float[] {0, 0, 1});
        byte[] posRaw = TagData.ofChannelPositions(List.of(pos));
        assertEquals(52, posRaw.length);
        assertEquals(List.of(pos), TagData.decode(FiffType.CH_POS_STRUCT, posRaw));

        DirEntry de = new DirEntry(100, 31, 20, 0);
        assertEquals(List.of(de), TagData.decode(FiffType.DIR_ENTRY_STRUCT, TagData.ofDirEntries(List.of(de))));

        DataRef ref = new DataRef(4, 1, 1L << 33, 123456789012L);
        byte[] refRaw = TagData.ofDataRefs(List.of(ref));
        assertEquals(24, refRaw.length);
        assertEquals(List.of(ref), TagData.decode(FiffType.DATA_REF_STRUCT, refRaw));

        DigString ds = new DigString(4, 1, new float[] {1, 2, 3, 4, 5, 6});
        byte[] dsRaw = TagData.ofDigStrings(List.of(ds, ds));
        assertEquals(2 * (12 + 24), dsRaw.length);
        assertEquals(List.of(ds, ds), TagData.decode(FiffType.DIG_STRING_STRUCT, dsRaw));
    }

    @Test
    void channelNamesAreCutAtSixteenBytesAndEndAtTheFirstNul() throws FiffFormatException {
        ChannelInfo ch = new ChannelInfo(1, 1, 2, 1f, 1f, 1, new float[12], 107, -6, "A-VERY-LONG-CHANNEL-NAME");
        byte[] raw = TagData.ofChannelInfos(List.of(ch));
        ChannelInfo back = ((List<?>) TagData.decode(FiffType.CH_INFO_STRUCT, raw)).stream()
                .map(ChannelInfo.class::cast).findFirst().orElseThrow();
        assertEquals("A-VERY-LONG-CHAN", back.name());
    }

    @Test
    void denseMatrixStoresDimensionsReversedAfterTheData() throws FiffFormatException {
        int type = FiffType.MATRIX | FiffType.FLOAT;
        DenseMatrix m = new DenseMatrix(type, new int[] {2, 3}, TagData.ofFloats(1, 2, 3, 4, 5, 6));
        byte[] raw = m.encode();
        assertEquals(24 + 12, raw.length);
        int[] tail = TagData.ints(java.util.Arrays.copyOfRange(raw, 24, 36));
        assertArrayEquals(new int[] {3, 2, 2}, tail);
        DenseMatrix back = assertInstanceOf(DenseMatrix.class, TagData.decode(type, raw));
        assertEquals(m, back);
        assertArrayEquals(new int[] {2, 3}, back.dims());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back.floats());
    }

    @Test
    void denseMatrixWithInconsistentDimensionsIsABadValue() {
        int type = FiffType.MATRIX | FiffType.DOUBLE;
        byte[] raw = concat(TagData.ofDoubles(1, 2), TagData.ofInts(5, 5, 2));
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> TagData.decode(type, raw));
        assertEquals(FiffFormatException.Problem.BAD_VALUE, e.problem());
        assertThrows(FiffFormatException.class, () -> TagData.decode(type, TagData.ofInts(1000)));
    }

    @Test
    void aDimensionCountNearTheIntLimitIsABadValueNotAHugeArray() {
        // found by fuzzing: ndim = 2^31 - 1 overflowed the size check and asked for an array of 2^31 - 1 ints
        int type = FiffType.MATRIX | FiffType.FLOAT;
        for (int ndim : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30}) {
            FiffFormatException e = assertThrows(FiffFormatException.class,
                    () -> TagData.decode(type, TagData.ofInts(1, 1, ndim)));
            assertEquals(FiffFormatException.Problem.BAD_VALUE, e.problem());
            assertTrue(e.getMessage().contains("claims " + ndim + " dimensions"), e.getMessage());
        }
    }

    @Test
    void sparseMatricesRoundTripInBothCodings() throws FiffFormatException {
        int ccs = FiffType.MATRIX | FiffType.SPARSE_CCS | FiffType.FLOAT;
        // 3x2 matrix [[1,0],[0,2],[3,0]] in compressed columns
        SparseMatrix m = new SparseMatrix(ccs, 3, 2, TagData.ofFloats(1, 3, 2), new int[] {0, 2, 1},
                new int[] {0, 2, 3});
        byte[] raw = m.encode();
        assertEquals(12 + 12 + 12 + 16, raw.length);
        assertEquals(m, TagData.decode(ccs, raw));
        int rcs = FiffType.MATRIX | FiffType.SPARSE_RCS | FiffType.DOUBLE;
        SparseMatrix r = new SparseMatrix(rcs, 2, 3, TagData.ofDoubles(1, 2), new int[] {0, 2},
                new int[] {0, 1, 2});
        assertEquals(r, TagData.decode(rcs, r.encode()));
        byte[] broken = r.encode();
        broken[broken.length - 13] = 9; // nnz no longer fits the data
        assertThrows(FiffFormatException.class, () -> TagData.decode(rcs, broken));
    }

    @Test
    void describeNeverThrowsAndShortensLongValues() {
        assertEquals("<6 bytes, not FIFFT_INT>", TagData.describe(400, FiffType.INT, new byte[6], 80));
        String s = TagData.describe(206, FiffType.STRING, "x".repeat(200).getBytes(StandardCharsets.US_ASCII), 20);
        assertEquals(20, s.length());
        assertTrue(s.endsWith("..."));
        assertEquals("2451545 (2000-01-01)", TagData.describe(404, FiffType.JULIAN, TagData.ofInts(2451545), 80));
        assertEquals("2000-01-01T00:00:00Z",
                TagData.describe(FiffKind.MEAS_DATE, FiffType.INT, TagData.ofInts(946684800, 0), 80));
    }

    @Test
    void describeNeverCutsACharacterOutsideTheBasicPlaneInTwo() {
        byte[] emoji = "\uD83D\uDE00".repeat(20).getBytes(StandardCharsets.UTF_8); // U+1F600, two chars each
        for (int max = 4; max <= 12; max++) {
            String s = TagData.describe(206, FiffType.STRING, emoji, max);
            assertTrue(s.length() <= max, s);
            assertTrue(s.endsWith("..."), s);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)), "split at " + i + ": " + s);
                    i++;
                } else {
                    assertFalse(Character.isLowSurrogate(c), "lone low surrogate at " + i + ": " + s);
                }
            }
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
