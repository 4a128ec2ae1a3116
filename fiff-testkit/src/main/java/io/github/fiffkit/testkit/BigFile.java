package io.github.fiffkit.testkit;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.CoordTrans;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.SyntheticFiff.RawFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Streams a realistic raw recording of a requested size to disk in constant memory: 306 MEG channels (102
 * magnetometers, 204 planar gradiometers), 60 EEG channels and one stimulus channel, sampled at 1 kHz, in
 * one-second {@code int16} or {@code float32} buffers, with a measurement info and an invented subject.
 *
 * <pre>{@code
 * long written = BigFile.write(Path.of("big_raw.fif"), 1L << 30, RawFormat.INT16);
 * }</pre>
 *
 * <p>From the command line (benchmarks): {@code java -cp fiff-core.jar:fiff-testkit.jar
 * io.github.fiffkit.testkit.BigFile OUT SIZE [int16|float32]}, where SIZE is a number of bytes with an optional
 * {@code K}, {@code M} or {@code G} suffix (powers of 1024), below 2 GiB, or a duration such as {@code 600s}.
 */
public final class BigFile {
    /** Channels: 306 MEG + 60 EEG + 1 stimulus. */
    public static final int CHANNELS = 367;
    /** Sampling frequency in Hz. */
    public static final int SFREQ = 1000;
    /** The largest file: FIFF offsets are signed 32-bit. */
    public static final long MAX_SIZE = Integer.MAX_VALUE;
    /** Distinct one-second buffers the writer cycles through (the stimulus pulse code cycles with them). */
    private static final int POOL = 5;

    private BigFile() {
    }

    /**
     * Writes a raw recording whose size is at most {@code maxBytes} and within one sample row of it.
     *
     * @param file     the destination (created or replaced)
     * @param maxBytes the size to approach, at least 64 KiB, below 2 GiB
     * @param format   {@link RawFormat#INT16} or {@link RawFormat#FLOAT32} (or {@link RawFormat#INT32})
     * @return the number of bytes written
     * @throws IOException              when writing fails (the partial file is deleted)
     * @throws IllegalArgumentException when the size is out of range
     */
    public static long write(Path file, long maxBytes, RawFormat format) throws IOException {
        if (maxBytes < 64 * 1024 || maxBytes > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 64 KiB and 2 GiB - 1, not " + maxBytes);
        }
        return write(file, maxBytes, -1, format);
    }

    /**
     * Writes a raw recording of a given duration.
     *
     * @param file    the destination (created or replaced)
     * @param seconds the duration in seconds (one buffer per second), at least 1
     * @param format  the sample format
     * @return the number of bytes written
     * @throws IOException              when writing fails
     * @throws IllegalArgumentException when the recording would not fit in 2 GiB
     */
    public static long writeSeconds(Path file, int seconds, RawFormat format) throws IOException {
        long perSecond = TagHeader.SIZE + (long) SFREQ * CHANNELS * format.bytes;
        if (seconds < 1 || (seconds + 1) * perSecond > MAX_SIZE) {
            throw new IllegalArgumentException(seconds + " s of " + format + " data do not fit in 2 GiB");
        }
        return write(file, MAX_SIZE, seconds, format);
    }

    private static long write(Path file, long maxBytes, long seconds, RawFormat format) throws IOException {
        try {
            return stream(file, maxBytes, seconds, format);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);     // no partial output
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static long stream(Path file, long maxBytes, long seconds, RawFormat format) throws IOException {
        List<ChannelInfo> chs = Channels.system(102, 60, 1);
        int row = CHANNELS * format.bytes;
        ByteBuffer[] pool = new ByteBuffer[POOL];
        Random noise = new Random(20_260_101L);
        for (int i = 0; i < POOL; i++) {
            ByteBuffer b = ByteBuffer.allocate(SFREQ * row);
            Signals.fill(b, format, CHANNELS, SFREQ, noise, (long) i * SFREQ);
            pool[i] = b;
        }
        FiffTime meas = FiffTime.startOf(LocalDate.of(2024, 3, 14)).plus(java.time.Duration.ofHours(9));
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0x0A0B0C0D, 0x01020304, meas));
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, new FiffId(FiffId.VERSION_1_4, 0x0A0B0C0D, 0x01020304, meas));
            w.startBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeInt(FiffKind.SUBJ_ID, 1001);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, "Benchmark");
            w.writeString(FiffKind.SUBJ_LAST_NAME, "Subject");
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(LocalDate.of(1990, 6, 1)));
            w.writeString(FiffKind.SUBJ_HIS_ID, "BENCH-0001");
            w.endBlock(FiffBlock.SUBJECT);
            w.writeInt(FiffKind.NCHAN, CHANNELS);
            w.writeFloat(FiffKind.SFREQ, SFREQ);
            w.writeFloat(FiffKind.LOWPASS, 330f);
            w.writeFloat(FiffKind.HIGHPASS, 0.1f);
            w.writeFloat(FiffKind.LINE_FREQ, 50f);
            w.writeTime(FiffKind.MEAS_DATE, meas);
            w.writeString(FiffKind.EXPERIMENTER, "benchmark");
            w.writeTag(FiffKind.COORD_TRANS, FiffType.COORD_TRANS_STRUCT, TagData.ofCoordTrans(List.of(
                    new CoordTrans(1, 4, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {0, 0, 0.04f},
                            new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {0, 0, -0.04f}))));
            for (ChannelInfo ch : chs) {
                w.writeTag(FiffKind.CH_INFO, FiffType.CH_INFO_STRUCT, TagData.ofChannelInfos(List.of(ch)));
            }
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeInt(FiffKind.FIRST_SAMPLE, 0);
            // room left for the buffers: two block ends and the terminator follow them
            long tail = 2L * (TagHeader.SIZE + 4) + TagHeader.SIZE;
            long full = TagHeader.SIZE + (long) SFREQ * row;
            long left = maxBytes - w.position() - tail;
            long buffers = seconds >= 0 ? seconds : Math.max(0, left / full);
            byte[] data = new byte[SFREQ * row];
            for (long i = 0; i < buffers; i++) {
                pool[(int) (i % POOL)].get(0, data);
                w.writeTag(FiffKind.DATA_BUFFER, format.type, data);
            }
            long rest = left - buffers * full - TagHeader.SIZE;
            int samples = seconds >= 0 ? 0 : (int) Math.min(SFREQ - 1, Math.max(0, rest / row));
            if (samples > 0) {
                byte[] part = new byte[samples * row];
                pool[(int) (buffers % POOL)].get(0, part);
                w.writeTag(FiffKind.DATA_BUFFER, format.type, part);
            }
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
            return w.position();
        }
    }

    /**
     * @param text a size such as {@code 1500000}, {@code 512M} or {@code 1G}
     * @return bytes
     * @throws IllegalArgumentException when the text is no size
     */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            mul = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), mul);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: " + text, e);
        }
    }

    /**
     * Command line: {@code BigFile OUT SIZE [int16|float32|int32]}; SIZE may also be a duration such as
     * {@code 600s}. Prints the bytes written and the time taken;
     * exits with 2 on bad arguments, 1 when writing fails.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BigFile OUT SIZE [int16|float32|int32]   (SIZE: bytes, or with K, M, G,"
                    + " below 2G; or seconds of data, such as 600s)");
            System.exit(2);
            return;
        }
        RawFormat format;
        long size;
        try {
            String sz = args[1].trim().toLowerCase(Locale.ROOT);
            size = sz.endsWith("s") ? -Long.parseLong(sz.substring(0, sz.length() - 1)) : parseSize(args[1]);
            format = RawFormat.INT16;
            if (args.length == 3) {
                try {
                    format = RawFormat.valueOf(args[2].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown sample format " + args[2]
                            + " (int16, int32 or float32)", e);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("BigFile: " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        try {
            long written = size < 0 ? writeSeconds(Path.of(args[0]), (int) Math.min(Integer.MAX_VALUE, -size), format)
                    : write(Path.of(args[0]), size, format);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d bytes (%s, %d channels, %.1f s of data) in %.2f s, %.0f MB/s%n",
                    args[0], written, format.name().toLowerCase(Locale.ROOT), CHANNELS,
                    (double) (written / (CHANNELS * format.bytes)) / SFREQ, seconds, written / seconds / 1e6);
        } catch (IllegalArgumentException e) {
            System.err.println("BigFile: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("BigFile: " + args[0] + ": " + e);
            System.exit(1);
        }
    }
}
