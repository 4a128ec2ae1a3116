package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.testkit.BigFile;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.SyntheticFiff.RawFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large outputs are put on disk while they are written (every 64 MiB), and a failure there fails the output. */
class LargeOutputWritebackTest {
    @TempDir
    static Path shared;
    static Path in;
    static byte[] expected;

    @BeforeAll
    static void bigInput() throws IOException {
        in = shared.resolve("big_raw.fif");
        BigFile.write(in, 150L << 20, RawFormat.INT16);
        Path reference = shared.resolve("reference_raw.fif");
        OutputFiles noWriteBack = spy(OutputFiles.class);
        doNothing().when(noWriteBack).writeBack(any());
        Anonymizer.builder().outputFiles(noWriteBack).build().anonymize(in, reference);
        expected = Files.readAllBytes(reference);
        Files.delete(reference);
    }

    @TempDir
    Path dir;

    @Test
    void aLargeOutputIsWrittenBackWhileItIsCopiedAndComesOutTheSame() throws IOException {
        OutputFiles files = spy(OutputFiles.class);
        Path out = dir.resolve("out_raw.fif");
        Anonymizer.builder().outputFiles(files).build().anonymize(in, out);
        verify(files, atLeast(1).description("150 MiB: at least one write-back")).writeBack(any());
        verify(files, atMost(3).description("at most one per 64 MiB")).writeBack(any());
        assertArrayEquals(expected, Files.readAllBytes(out));
    }

    @Test
    void aFailedWriteBackFailsTheOutputAndLeavesNothing() throws IOException {
        String before = Sha256.hex(in);
        Path out = dir.resolve("out_raw.fif");
        OutputFiles files = spy(OutputFiles.class);
        doThrow(new IOException("Input/output error (injected)")).when(files).writeBack(any());
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();
        IOException e = assertThrows(IOException.class, () -> a.anonymize(in, out));
        assertEquals("Input/output error (injected)", e.getMessage());
        assertTrue(!(e instanceof InputException), "an output failure, not an input error: " + e);
        assertEquals(List.of(), Folders.listing(dir), "no output and no temporary file");
        assertEquals(before, Sha256.hex(in));
    }

    @Test
    void aCompressedOutputIsWrittenBackTooAndItsUncompressedTemporaryFileIsNot() throws IOException {
        // the synthetic samples are noise: packed, 150 MiB stay above 64 MiB, so the packed file is written back
        // once it passes 64 MiB; the uncompressed temporary file before it (150 MiB) must not be
        Path out = dir.resolve("out_raw.fif.gz");
        OutputFiles files = spy(OutputFiles.class);
        doAnswer(call -> {
            FileChannel channel = call.getArgument(0);
            // while the packed file is written, the uncompressed one is still there: two temporary files
            if (Folders.listing(dir).size() != 2 || channel.size() < 64L << 20) {
                throw new AssertionError("not the packed file: " + Folders.listing(dir) + ", " + channel.size());
            }
            throw new IOException("Input/output error (injected, gzip)");
        }).when(files).writeBack(any());
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();
        IOException e = assertThrows(IOException.class, () -> a.anonymize(in, out));
        assertEquals("Input/output error (injected, gzip)", e.getMessage());
        verify(files, times(1).description("the first write-back fails, and it is the packed file's"))
                .writeBack(any());
        assertEquals(List.of(), Folders.listing(dir), "no output and no temporary file");
    }
}
