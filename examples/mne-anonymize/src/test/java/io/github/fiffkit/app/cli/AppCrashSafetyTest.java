package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.testkit.BigFile;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.SyntheticFiff.RawFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the application (SIGKILL, in its own JVM) at random moments while it anonymizes a big file: the input is
 * unchanged every time, the output is absent or complete (an old output stays whole), leftovers are recognizable
 * temporary files, and the next run removes them. Short form in the build ({@code fiff.crash.rounds}, default 3,
 * {@code fiff.crash.mb}, default 24); {@code scripts/crash-loop.sh} runs 20 rounds on 300 MB.
 */
class AppCrashSafetyTest {
    private static final int ROUNDS = Integer.getInteger("fiff.crash.rounds", 3);
    private static final int MEGABYTES = Integer.getInteger("fiff.crash.mb", 24);
    private static final long SEED = Long.getLong("fiff.crash.seed", System.nanoTime());

    @TempDir
    Path dir;

    private Process app(Path in, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                MneAnonymize.class.getName(), "--no-gui", "-s", "-i", in.toString(), "-o", out.toString())
                .inheritIO().start();
    }

    @Test
    void aKilledApplicationLeavesTheInputAndACompleteOrAbsentOutput() throws Exception {
        Random random = new Random(SEED);
        Path in = dir.resolve("big_raw.fif");
        BigFile.write(in, MEGABYTES * (1L << 20), RawFormat.INT16);
        String inputHash = BadInputAppTest.sha256(in);
        Path out = dir.resolve("big_raw_anonymized.fif");

        long start = System.nanoTime();
        Process full = app(in, out);
        assertTrue(full.waitFor(10, TimeUnit.MINUTES));
        long fullMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(Set.of(0, 4).contains(full.exitValue()), "a complete run succeeds: " + full.exitValue());
        String referenceHash = BadInputAppTest.sha256(out);
        Path reference = dir.resolve("reference.bin");
        Files.move(out, reference);

        int killedWhileWriting = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed " + SEED + ", round " + round + " of a " + fullMillis + " ms run";
            boolean oldOutput = round % 2 == 1;
            if (oldOutput) {
                Files.copy(reference, out, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(out);
            }
            // kill once the temporary output holds a random part of the input's size (or has been written whole)
            double fraction = 0.05 + 0.95 * random.nextDouble();
            Process p = app(in, out);
            long size = Files.size(in);
            boolean sawWriting = false;
            while (p.isAlive()) {
                if (tempSize() >= fraction * size) {
                    sawWriting = true;
                    break;
                }
                Thread.sleep(1);
            }
            boolean finished = !p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), where);
            if (sawWriting) {
                killedWhileWriting++;
            }
            assertEquals(inputHash, BadInputAppTest.sha256(in), where + ": the input is unchanged");
            if (Files.exists(out)) {
                assertEquals(referenceHash, BadInputAppTest.sha256(out), where + ": the output is complete");
            } else {
                assertTrue(!oldOutput, where + ": an old output is never removed");
            }
            List<String> others = new ArrayList<>(Folders.listing(dir));
            others.removeAll(List.of("big_raw.fif", "big_raw_anonymized.fif", "reference.bin"));
            for (String name : others) {
                assertTrue(OutputFiles.TEMP_NAME.matcher(name).matches(), where + ": unrecognizable " + name);
            }
            System.out.printf("app crash safety, %s: killed at %.0f%% of the output%s, left %s%n", where,
                    100 * fraction, finished ? " (it had finished)" : "", others);
            AppRun next = AppRun.of("--no-gui", "-s", "-i", in.toString(), "-o", out.toString());
            assertTrue(Set.of(0, 4).contains(next.status()), where + ": " + next);
            assertEquals(List.of("big_raw.fif", "big_raw_anonymized.fif", "reference.bin"), Folders.listing(dir),
                    where + ": the next run removes the temporary files");
            assertEquals(referenceHash, BadInputAppTest.sha256(out), where);
        }
        assertTrue(killedWhileWriting >= (ROUNDS + 1) / 2, "most kills land while the output is written ("
                + killedWhileWriting + " of " + ROUNDS + ")");
    }

    private long tempSize() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> OutputFiles.TEMP_NAME.matcher(p.getFileName().toString()).matches())
                    .mapToLong(p -> p.toFile().length()).max().orElse(-1);
        }
    }
}
