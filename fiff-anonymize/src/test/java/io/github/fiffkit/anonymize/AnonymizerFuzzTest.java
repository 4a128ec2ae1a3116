package io.github.fiffkit.anonymize;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;

/**
 * Coverage-guided fuzzing of the anonymizer with Jazzer: any bytes, read through a channel, anonymized to a
 * temporary folder. The only failures allowed are the documented ones for input: {@link FiffFormatException}
 * (status 2), {@link InputException} (2) and {@link PolicyException} (7, e.g. a PHI tag of a type no value can be
 * written in); each names the input, and after one of them no output and no temporary file may exist. A success
 * must leave an output that reads to its end. Seeds: {@code AnonymizerFuzzTestInputs/anonymizeBytes/} (written by {@link AnonymizerFuzzSeeds}).
 */
class AnonymizerFuzzTest {
    private static final Path DIR;
    /** The file system without forcing to disk: faster, and what is fuzzed here is the format, not the disk. */
    private static final OutputFiles NO_SYNC = new OutputFiles() {
        @Override
        public void force(java.nio.channels.FileChannel channel) {
            // skipped
        }

        @Override
        public void commit(Path temp, Path target) throws IOException {
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    };
    private static final Anonymizer ANONYMIZER = Anonymizer.builder().leakCheck(true).brute(true)
            .mneEnvironment(true).outputFiles(NO_SYNC).limits(FiffLimits.DEFAULT.withMaxDepth(8).withMaxTags(10_000)
                    .withMaxValueSize(1 << 20).withMaxJumps(100)).build();

    static {
        try {
            DIR = Files.createTempDirectory("fiffkit-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anonymizeBytes(byte[] data) throws IOException {
        Path out = DIR.resolve("out.fif");
        Files.deleteIfExists(out);
        AnonymizationResult result;
        try {
            result = ANONYMIZER.anonymize(ByteArraySeekableByteChannel.wrap(data), "fuzz.fif", out);
        } catch (FiffFormatException | InputException | PolicyException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz.fif")) {
                throw new AssertionError("an error names the input first", expected);
            }
            if (!Folders.listing(DIR).isEmpty()) {
                throw new AssertionError("a failed run left " + Folders.listing(DIR), expected);
            }
            return;
        }
        if (!Folders.listing(DIR).equals(List.of("out.fif"))) {
            throw new AssertionError("a run leaves its output only: " + Folders.listing(DIR));
        }
        try (FiffReader r = FiffReader.open(out)) {
            long n = 0;
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                n++;
            }
            if (n != result.tagsWritten()) {
                throw new AssertionError("the output has " + n + " tags, the result says " + result.tagsWritten());
            }
        }
        Files.delete(out);
    }
}
