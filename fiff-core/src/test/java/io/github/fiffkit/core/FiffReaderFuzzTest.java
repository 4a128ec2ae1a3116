package io.github.fiffkit.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;

/**
 * Coverage-guided fuzzing of the reader with Jazzer. Whatever the bytes, reading every tag, decoding every value,
 * describing it, copying its data and reading the directory and the tree may only fail with a
 * {@link FiffFormatException}: never another exception, an error, a hang or an {@code OutOfMemoryError}.
 *
 * <p>Without {@code JAZZER_FUZZ} (the normal build) the seeds under {@code FiffReaderFuzzTestInputs/} run as
 * regression tests. With {@code JAZZER_FUZZ=1} one target fuzzes for at most a minute (see docs/reliability.md).
 */
class FiffReaderFuzzTest {
    /** Small limits, so that the fuzzer reaches the limit checks with small inputs. */
    private static final FiffLimits LIMITS = FiffLimits.DEFAULT.withMaxDepth(8).withMaxTags(10_000)
            .withMaxValueSize(1 << 20).withMaxJumps(100);

    @FuzzTest(maxDuration = "60s")
    void readEveryTag(byte[] data) throws IOException {
        try (FiffReader r = FiffReader.open(ByteArraySeekableByteChannel.wrap(data), "fuzz.fif", LIMITS)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                r.blockPath().toString();
                r.readValue();
                TagData.describe(t.kind(), t.type(), r.readData(), 64);
                r.transferData(Channels.newChannel(OutputStream.nullOutputStream()));
            }
            r.readDirectory();
            r.warnings();
        } catch (FiffFormatException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new AssertionError("a format error has a message", expected);
            }
        }
        try (FiffReader r = FiffReader.open(ByteArraySeekableByteChannel.wrap(data), "fuzz.fif", LIMITS)) {
            FiffTree.build(r);
        } catch (FiffFormatException expected) {
            // documented
        }
    }
}
