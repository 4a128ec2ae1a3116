package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a separate JVM while it anonymizes a big file, at random moments, and checks what a crash may
 * leave: the input unchanged, the target absent or a complete file (the old target untouched), and only
 * recognizable temporary files, which the next run removes. The short form runs in every build
 * ({@code -Dfiff.crash.rounds=3}, 24 MB); {@code scripts/crash-loop.sh} runs the long one (20 rounds, 300 MB).
 */
class CrashSafetyTest {
    private static final int ROUNDS = Integer.getInteger("fiff.crash.rounds", 3);
    private static final int MEGABYTES = Integer.getInteger("fiff.crash.mb", 24);
    private static final long SEED = Long.getLong("fiff.crash.seed", System.nanoTime());

    @TempDir
    Path dir;

    /** A raw file of {@code mb} megabytes with PHI in its measurement info. */
    static Path bigFile(Path file, int mb) throws IOException {
        FiffId id = new FiffId(FiffId.VERSION_1_4, Phi.MACHINE0, Phi.MACHINE1, Phi.MEAS);
        byte[] buffer = new byte[256 * 1024];
        new Random(7).nextBytes(buffer);
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(id);
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, id);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeTime(FiffKind.MEAS_DATE, Phi.MEAS);
            w.writeString(FiffKind.EXPERIMENTER, Phi.EXPERIMENTER);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, Phi.FIRST);
            w.writeString(FiffKind.SUBJ_LAST_NAME, Phi.LAST);
            w.endBlock(FiffBlock.SUBJECT);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            for (int i = 0; i < mb * 4; i++) {
                w.writeTag(FiffKind.DATA_BUFFER, FiffType.SHORT, buffer);
            }
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        return file;
    }

    private Process child(Path in, Path out, long delayMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), in.toString(), out.toString(), Long.toString(delayMillis))
                .inheritIO().start();
    }

    private long tempSize() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> OutputFiles.TEMP_NAME.matcher(p.getFileName().toString()).matches())
                    .mapToLong(p -> p.toFile().length()).max().orElse(-1);
        }
    }

    @Test
    void aKilledRunLeavesTheInputTheTargetOrNothingAndTheNextRunCleansUp() throws Exception {
        Random random = new Random(SEED);
        Path in = bigFile(dir.resolve("in.fif"), MEGABYTES);
        String inputHash = Sha256.hex(in);
        Path out = dir.resolve("out.fif");
        Path reference = Files.createTempDirectory("crash-ref").resolve("ref.fif");
        Anonymizer.builder().build().anonymize(in, reference);
        String referenceHash = Sha256.hex(reference);
        long size = Files.size(in);
        int killedWhileWriting = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed " + SEED + ", round " + round;
            boolean oldTarget = round % 2 == 1;
            if (oldTarget) {
                Files.copy(reference, out, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(out);
            }
            double fraction = 0.05 + 0.9 * random.nextDouble();
            Process p = child(in, out, 1);
            boolean sawWriting = false;
            while (p.isAlive()) {
                long written = tempSize();
                if (written >= fraction * size) {
                    sawWriting = true;
                    break;
                }
                Thread.sleep(2);
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), where);
            if (sawWriting) {
                killedWhileWriting++;
            }
            assertEquals(inputHash, Sha256.hex(in), where + ": the input is unchanged");
            if (Files.exists(out)) {
                assertEquals(referenceHash, Sha256.hex(out), where + ": the target is complete");
            } else {
                assertTrue(!oldTarget, where + ": an old target is never removed");
            }
            List<String> others = new ArrayList<>(Folders.listing(dir));
            others.removeAll(List.of("in.fif", "out.fif"));
            for (String name : others) {
                assertTrue(OutputFiles.TEMP_NAME.matcher(name).matches(), where + ": unrecognizable " + name);
            }
            System.out.printf("crash safety, %s: killed %s, target %s, left %s%n", where,
                    sawWriting ? "while writing" : "before writing", Files.exists(out) ? "complete" : "absent", others);
            AnonymizationResult next = Anonymizer.builder().build().anonymize(in, out);
            assertEquals(List.of("in.fif", "out.fif"), Folders.listing(dir), where + ": the next run cleans up");
            assertEquals(others.size(), next.warnings().stream().filter(w -> w.contains("interrupted run")).count(),
                    where);
            assertEquals(referenceHash, Sha256.hex(out), where);
        }
        assertTrue(killedWhileWriting >= (ROUNDS + 1) / 2, "most kills land while the output is written ("
                + killedWhileWriting + " of " + ROUNDS + ")");
        Files.delete(reference);
        Files.delete(reference.getParent());
    }
}
