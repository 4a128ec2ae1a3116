package io.github.fiffkit.bench;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The codec's hot paths: walking tag headers, decoding typed values, and copying tags from a reader to a writer.
 * Files are generated into a temporary folder (page cache warm after the first iteration).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmarks {
    private Path dir;
    /** A raw file of about 440 KB: ~340 small header tags, one data buffer. */
    private Path small;
    /** A raw file of about 12 MB: ten data buffers of 1.2 MB. */
    private Path big;
    private Path out;

    private byte[] channelInfos;
    private byte[] string;
    private byte[] id;
    private byte[] floats;

    /**
     * Writes the files and the encoded values.
     *
     * @throws IOException when the temporary folder cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fiffkit-bench");
        small = dir.resolve("small_raw.fif");
        big = dir.resolve("big_raw.fif");
        out = dir.resolve("out.fif");
        new RawFileGenerator(309, 330, 1).write(small, 440 * 1024);
        new RawFileGenerator(309, 1000, 2).write(big, 12L * 1024 * 1024);
        List<ChannelInfo> chs = new ArrayList<>();
        float[] loc = new float[12];
        for (int c = 0; c < 309; c++) {
            chs.add(new ChannelInfo(c + 1, c + 1, 1, 1f, 1e-13f, 3012, loc, 201, 0, String.format("MEG%04d", c)));
        }
        channelInfos = TagData.ofChannelInfos(chs);
        string = TagData.ofString("acquisition parameters: " + "x=1.0;".repeat(200));
        id = TagData.ofId(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(1_600_000_000, 5)));
        float[] f = new float[309 * 100];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        floats = TagData.ofFloats(f);
    }

    /**
     * Deletes the previous copy outside the measurement: truncating it would time the file system freeing it.
     *
     * @throws IOException when it cannot be deleted
     */
    @Setup(Level.Invocation)
    public void deleteOutput() throws IOException {
        Files.deleteIfExists(out);
    }

    /**
     * Removes the files.
     *
     * @throws IOException when they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (Path p : new Path[] {small, big, out}) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    /**
     * Opens the small file and reads every tag header of its chain (no data).
     *
     * @return the number of tags
     * @throws IOException never here
     */
    @Benchmark
    public long headerParsing() throws IOException {
        long n = 0;
        try (FiffReader r = FiffReader.open(small)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                n += t.size();
            }
        }
        return n;
    }

    /**
     * Decodes 309 channel-information structs.
     *
     * @return the value
     * @throws IOException never here
     */
    @Benchmark
    public Object decodeChannelInfos() throws IOException {
        return TagData.decode(FiffType.CH_INFO_STRUCT, channelInfos);
    }

    /**
     * Decodes a 1.2 KB string.
     *
     * @return the value
     * @throws IOException never here
     */
    @Benchmark
    public Object decodeString() throws IOException {
        return TagData.decode(FiffType.STRING, string);
    }

    /**
     * Decodes an ID struct.
     *
     * @return the value
     * @throws IOException never here
     */
    @Benchmark
    public Object decodeId() throws IOException {
        return TagData.decode(FiffType.ID_STRUCT, id);
    }

    /**
     * Decodes 30,900 float32 values (0.1 s of 309 channels).
     *
     * @return the value
     * @throws IOException never here
     */
    @Benchmark
    public Object decodeFloats() throws IOException {
        return TagData.decode(FiffType.FLOAT, floats);
    }

    /**
     * Copies every tag of the small file to a new file, unchanged (headers through the writer's buffer, data
     * channel to channel).
     *
     * @return bytes written
     * @throws IOException when writing fails
     */
    @Benchmark
    public long tagCopySmallFile() throws IOException {
        return copy(small);
    }

    /**
     * Copies every tag of the 12 MB file (ten 1.2 MB data buffers) to a new file, unchanged.
     *
     * @return bytes written
     * @throws IOException when writing fails
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long tagCopyBigFile() throws IOException {
        return copy(big);
    }

    private long copy(Path in) throws IOException {
        try (FiffReader r = FiffReader.open(in);
                FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FiffWriter w = new FiffWriter(ch, false)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                w.copyTag(r, t.next() == TagHeader.NEXT_NONE ? TagHeader.NEXT_NONE : TagHeader.NEXT_SEQUENTIAL);
            }
            w.flush();
            return w.position();
        }
    }

    /**
     * Reads the whole data of the small file's tags into memory, for comparison with copying.
     *
     * @param bh the sink
     * @throws IOException never here
     */
    @Benchmark
    public void readAllDataSmallFile(Blackhole bh) throws IOException {
        try (FiffReader r = FiffReader.open(small)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                bh.consume(r.readData());
            }
        }
    }
}
