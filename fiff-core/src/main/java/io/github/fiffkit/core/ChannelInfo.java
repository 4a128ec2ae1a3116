package io.github.fiffkit.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Channel information ({@code FIFFT_CH_INFO_STRUCT}, 96 bytes): scan and logical numbers, channel kind,
 * range and calibration, coil type, the 12-value location (origin and coil frame), unit, unit multiplier
 * and a name of up to 15 Latin-1 characters.
 *
 * @param scanNo   position of the channel in the data buffers (1-based)
 * @param logNo    logical channel number
 * @param kind     channel kind ({@code FIFFV_*_CH})
 * @param range    voltmeter range
 * @param cal      calibration factor
 * @param coilType coil type
 * @param loc      location: origin, then the x, y, z unit vectors (12 values)
 * @param unit     SI unit ({@code FIFF_UNIT_*})
 * @param unitMul  unit multiplier exponent
 * @param name     channel name (at most 16 bytes in Latin-1; a shorter name is padded with NUL bytes)
 */
public record ChannelInfo(int scanNo, int logNo, int kind, float range, float cal, int coilType, float[] loc,
        int unit, int unitMul, String name) {
    /** Encoded size in bytes. */
    public static final int SIZE = 96;
    /** Bytes reserved for the name. */
    public static final int NAME_SIZE = 16;

    /**
     * Checks the location.
     *
     * @param scanNo position of the channel in the data buffers (1-based)
     * @param logNo logical channel number
     * @param kind channel kind ({@code FIFFV_*_CH})
     * @param range voltmeter range
     * @param cal calibration factor
     * @param coilType coil type
     * @param loc location: origin, then the x, y, z unit vectors (12 values)
     * @param unit SI unit ({@code FIFF_UNIT_*})
     * @param unitMul unit multiplier exponent
     * @param name channel name (at most 16 bytes in Latin-1; a shorter name is padded with NUL bytes)
     * @throws IllegalArgumentException when {@code loc} does not hold 12 values
     */
    public ChannelInfo {
        if (loc.length != 12) {
            throw new IllegalArgumentException("a channel location has 12 values, not " + loc.length);
        }
        loc = loc.clone();
    }

    /** @return the 12 location values (a copy) */
    @Override
    public float[] loc() {
        return loc.clone();
    }

    /**
     * Reads channel information at the buffer's position. The name ends at the first NUL byte.
     *
     * @param in the buffer (big-endian)
     * @return the channel information
     */
    public static ChannelInfo read(ByteBuffer in) {
        int scanNo = in.getInt();
        int logNo = in.getInt();
        int kind = in.getInt();
        float range = in.getFloat();
        float cal = in.getFloat();
        int coil = in.getInt();
        float[] loc = ChannelPosition.floats(in, 12);
        int unit = in.getInt();
        int unitMul = in.getInt();
        byte[] raw = new byte[NAME_SIZE];
        in.get(raw);
        int len = 0;
        while (len < NAME_SIZE && raw[len] != 0) {
            len++;
        }
        return new ChannelInfo(scanNo, logNo, kind, range, cal, coil, loc, unit, unitMul,
                new String(raw, 0, len, StandardCharsets.ISO_8859_1));
    }

    /**
     * Writes this channel information at the buffer's position; the name is cut to 16 bytes.
     *
     * @param out the buffer (big-endian)
     */
    public void write(ByteBuffer out) {
        out.putInt(scanNo).putInt(logNo).putInt(kind).putFloat(range).putFloat(cal).putInt(coilType);
        ChannelPosition.putFloats(out, loc);
        out.putInt(unit).putInt(unitMul);
        byte[] raw = Arrays.copyOf(name.getBytes(StandardCharsets.ISO_8859_1), NAME_SIZE);
        out.put(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelInfo c && c.scanNo == scanNo && c.logNo == logNo && c.kind == kind
                && Float.compare(c.range, range) == 0 && Float.compare(c.cal, cal) == 0 && c.coilType == coilType
                && Arrays.equals(c.loc, loc) && c.unit == unit && c.unitMul == unitMul && c.name.equals(name);
    }

    @Override
    public int hashCode() {
        return (scanNo * 31 + kind) * 31 + name.hashCode() + Arrays.hashCode(loc);
    }

    @Override
    public String toString() {
        return "ChannelInfo[" + name + ", scan " + scanNo + ", kind " + kind + ", coil " + coilType + "]";
    }
}
