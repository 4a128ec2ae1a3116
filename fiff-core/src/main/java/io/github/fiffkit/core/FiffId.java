package io.github.fiffkit.core;

import java.nio.ByteBuffer;

/**
 * An ID struct ({@code FIFFT_ID_STRUCT}, 20 bytes): format version, machine id (two 32-bit words, usually
 * derived from the network card's hardware address) and a time. Used by {@code FIFF_FILE_ID},
 * {@code FIFF_BLOCK_ID}, {@code FIFF_PARENT_FILE_ID}, {@code FIFF_PARENT_BLOCK_ID}, {@code FIFF_REF_FILE_ID}
 * and {@code FIFF_REF_BLOCK_ID}.
 *
 * @param version  format version, major in the high 16 bits and minor in the low 16 bits
 * @param machine0 first machine id word
 * @param machine1 second machine id word
 * @param time     the time stamp
 */
public record FiffId(int version, int machine0, int machine1, FiffTime time) {
    /** Encoded size in bytes. */
    public static final int SIZE = 20;
    /** The format version MNE writes, 1.4. */
    public static final int VERSION_1_4 = (1 << 16) | 4;

    /** @return the major part of the version */
    public int versionMajor() {
        return version >>> 16;
    }

    /** @return the minor part of the version */
    public int versionMinor() {
        return version & 0xFFFF;
    }

    /** @return true when both machine id words are zero */
    public boolean machineIdZero() {
        return machine0 == 0 && machine1 == 0;
    }

    /** @return the machine id as 8 colon-separated hexadecimal bytes, e.g. {@code 00:1A:2B:3C:4D:5E:00:00} */
    public String machineIdHex() {
        StringBuilder sb = new StringBuilder(23);
        for (int word : new int[] {machine0, machine1}) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02X", (word >>> shift) & 0xFF));
            }
        }
        return sb.toString();
    }

    /**
     * @param newTime the new time
     * @return a copy with that time
     */
    public FiffId withTime(FiffTime newTime) {
        return new FiffId(version, machine0, machine1, newTime);
    }

    /** @return a copy with the machine id set to zero */
    public FiffId withoutMachineId() {
        return new FiffId(version, 0, 0, time);
    }

    /**
     * Reads an ID at the buffer's position (big-endian), advancing it by 20 bytes.
     *
     * @param in the buffer
     * @return the ID
     */
    public static FiffId read(ByteBuffer in) {
        return new FiffId(in.getInt(), in.getInt(), in.getInt(), new FiffTime(in.getInt(), in.getInt()));
    }

    /**
     * Writes this ID at the buffer's position (big-endian).
     *
     * @param out the buffer, with at least 20 bytes remaining
     */
    public void write(ByteBuffer out) {
        out.putInt(version).putInt(machine0).putInt(machine1).putInt(time.seconds()).putInt(time.microseconds());
    }

    @Override
    public String toString() {
        return "FiffId[version " + versionMajor() + "." + versionMinor() + ", machine " + machineIdHex() + ", time "
                + time + "]";
    }
}
