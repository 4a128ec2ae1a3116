package io.github.fiffkit.bench;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a realistic raw recording for benchmarks: a Neuromag-like measurement (306 MEG channels and a few
 * stimulus and EOG channels by default), float32 data buffers of one second each, and invented PHI in the
 * subject block and the IDs. The data buffers are streamed one at a time, so memory stays constant whatever the
 * size of the file.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.fiffkit.bench.RawFileGenerator OUT.fif [--size 1536M] [--channels 309]
 *      [--sfreq 1000] [--seed 1]
 * </pre>
 */
public final class RawFileGenerator {
    /** Invented PHI written into every generated file. */
    public static final String FIRST_NAME = "Benchmark";
    /** Invented last name. */
    public static final String LAST_NAME = "Subjectsson";
    /** Invented HIS id. */
    public static final String HIS_ID = "HIS-0000424242";

    private static final int MACHINE0 = 0x0A0B0C0D;
    private static final int MACHINE1 = 0x01020304;
    private static final FiffTime MEAS = new FiffTime(1_600_000_000, 123_456);

    private final int channels;
    private final int sfreq;
    private final long seed;

    /**
     * @param channels number of channels (at least 1)
     * @param sfreq    sampling frequency in Hz (samples per data buffer)
     * @param seed     seed of the data
     */
    public RawFileGenerator(int channels, int sfreq, long seed) {
        if (channels < 1 || sfreq < 1) {
            throw new IllegalArgumentException("channels and sfreq must be positive");
        }
        this.channels = channels;
        this.sfreq = sfreq;
        this.seed = seed;
    }

    /** @return bytes of one data buffer tag (header included) */
    public long bufferTagSize() {
        return 16L + 4L * channels * sfreq;
    }

    /**
     * Writes a file of about {@code targetSize} bytes (at least one data buffer).
     *
     * @param out        the file (replaced)
     * @param targetSize the wished size in bytes
     * @return the number of data buffers written
     * @throws IOException when writing fails
     */
    public long write(Path out, long targetSize) throws IOException {
        try (FiffWriter w = FiffWriter.create(out)) {
            FiffId fileId = new FiffId(FiffId.VERSION_1_4, MACHINE0, MACHINE1, MEAS);
            w.writeFileHeader(fileId);
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, fileId);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeInt(FiffKind.NCHAN, channels);
            w.writeFloat(FiffKind.SFREQ, sfreq);
            w.writeFloat(FiffKind.LOWPASS, sfreq / 3f);
            w.writeFloat(FiffKind.HIGHPASS, 0.1f);
            w.writeInt(FiffKind.MEAS_DATE, MEAS.seconds(), MEAS.microseconds());
            w.writeId(FiffKind.PARENT_BLOCK_ID, fileId);
            w.writeString(FiffKind.DESCRIPTION, "benchmark recording of " + FIRST_NAME + " " + LAST_NAME);
            w.writeString(FiffKind.EXPERIMENTER, "Dr Benchmark");
            for (int c = 0; c < channels; c++) {
                w.writeTag(FiffKind.CH_INFO, FiffType.CH_INFO_STRUCT, TagData.ofChannelInfos(List.of(channel(c))));
            }
            w.startBlock(FiffBlock.SUBJECT);
            w.writeInt(FiffKind.SUBJ_ID, 4242);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, FIRST_NAME);
            w.writeString(FiffKind.SUBJ_LAST_NAME, LAST_NAME);
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(LocalDate.of(1980, 5, 17)));
            w.writeInt(FiffKind.SUBJ_SEX, 2);
            w.writeInt(FiffKind.SUBJ_HAND, 1);
            w.writeString(FiffKind.SUBJ_HIS_ID, HIS_ID);
            w.endBlock(FiffBlock.SUBJECT);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeInt(FiffKind.FIRST_SAMPLE, 0);
            long buffers = Math.max(1, (targetSize - w.position()) / bufferTagSize());
            byte[][] pool = pool(4);
            for (long b = 0; b < buffers; b++) {
                w.writeTag(FiffKind.DATA_BUFFER, FiffType.FLOAT, pool[(int) (b % pool.length)]);
            }
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
            return buffers;
        }
    }

    private ChannelInfo channel(int c) {
        float[] loc = new float[12];
        double angle = 2 * Math.PI * c / Math.max(1, channels);
        loc[0] = (float) (0.1 * Math.cos(angle));
        loc[1] = (float) (0.1 * Math.sin(angle));
        loc[2] = 0.05f;
        loc[3] = 1;
        loc[7] = 1;
        loc[11] = 1;
        if (c < 306 && c < channels - Math.min(3, channels - 1)) {
            boolean mag = c % 3 == 2;
            return new ChannelInfo(c + 1, c + 1, 1, 1f, mag ? 1e-15f : 1e-13f, mag ? 3024 : 3012, loc,
                    mag ? 112 : 201, 0, String.format("MEG%04d", c + 1));
        }
        boolean stim = c == channels - 1;
        return new ChannelInfo(c + 1, c + 1, stim ? 3 : 202, 1f, 1f, 0, loc, stim ? 0 : 107, 0,
                (stim ? "STI" : "EOG") + String.format("%03d", c + 1));
    }

    /** Distinct buffers of noise-like samples (sample-major, as raw files store them). */
    private byte[][] pool(int n) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] pool = new byte[n][];
        for (int i = 0; i < n; i++) {
            ByteBuffer buf = ByteBuffer.allocate(4 * channels * sfreq);
            for (int s = 0; s < sfreq; s++) {
                for (int c = 0; c < channels; c++) {
                    buf.putFloat((float) (random.nextGaussian() * 1e-12));
                }
            }
            pool[i] = buf.array();
        }
        return pool;
    }

    /**
     * Parses a size such as {@code 1536M}, {@code 440k}, {@code 1.5G} or plain bytes.
     *
     * @param text the size
     * @return bytes
     */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1024L : last == 'M' ? 1024L * 1024 : 1024L * 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        return (long) (Double.parseDouble(t) * unit);
    }

    /**
     * @param args see the class description
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        long size = parseSize("1536M");
        int channels = 309;
        int sfreq = 1000;
        long seed = 1;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--size" -> size = parseSize(rest.get(++i));
                case "--channels" -> channels = Integer.parseInt(rest.get(++i));
                case "--sfreq" -> sfreq = Integer.parseInt(rest.get(++i));
                case "--seed" -> seed = Long.parseLong(rest.get(++i));
                default -> {
                    if (a.startsWith("-") || out != null) {
                        System.err.println("usage: RawFileGenerator OUT.fif [--size 1536M] [--channels 309]"
                                + " [--sfreq 1000] [--seed 1]");
                        System.exit(2);
                    }
                    out = Path.of(a);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: RawFileGenerator OUT.fif [--size 1536M] [--channels 309] [--sfreq 1000]");
            System.exit(2);
            return;
        }
        RawFileGenerator g = new RawFileGenerator(channels, sfreq, seed);
        long buffers = g.write(out, size);
        System.out.println(out + ": " + java.nio.file.Files.size(out) + " bytes, " + channels + " channels, "
                + buffers + " buffers of " + sfreq + " samples");
    }
}
