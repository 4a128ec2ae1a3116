package io.github.fiffkit.bench;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One small raw file (about 440 KB) through the {@code mne-anonymize} preset: pre-scan, streaming pass, atomic
 * move. {@code force=false} leaves out the force to disk, to show the cost of the codec alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AnonymizeBenchmarks {
    /** Whether the output is forced to disk (the default of the library). */
    @Param({"true", "false"})
    public boolean force;

    /** Whether the leak check reads the output again. */
    @Param({"false", "true"})
    public boolean leakCheck;

    private Path dir;
    private Path in;
    private Path out;
    private Anonymizer anonymizer;

    /**
     * Writes the input.
     *
     * @throws IOException when the temporary folder cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fiffkit-bench");
        in = dir.resolve("small_raw.fif");
        out = dir.resolve("small_anon_raw.fif");
        new RawFileGenerator(309, 330, 1).write(in, 440 * 1024);
        OutputFiles files = force ? OutputFiles.DEFAULT : new OutputFiles() {
            @Override
            public void force(FileChannel channel) {
                // benchmark only: measure without the device
            }

            @Override
            public void commit(Path temp, Path target) throws IOException {
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        };
        anonymizer = Anonymizer.builder().leakCheck(leakCheck).outputFiles(files).build();
    }

    /**
     * Deletes the previous output outside the measurement: replacing a file would time the file system freeing it.
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
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir);
    }

    /**
     * @return the result
     * @throws IOException when anonymizing fails
     */
    @Benchmark
    public AnonymizationResult anonymizeSmallFile() throws IOException {
        return anonymizer.anonymize(in, out);
    }
}
