package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWritingTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskLeavesNoOutputAndNoTemporaryFile() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().outputFiles(FullDiskChannel.files(500)).build();
        IOException e = assertThrows(IOException.class, () -> a.anonymize(in, out));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        assertEquals(List.of("in.fif"), Folders.listing(dir));
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void aFailedRenameLeavesNoOutputAndNoTemporaryFile() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        OutputFiles failingMove = spy(OutputFiles.class);
        doThrow(new IOException("rename failed (injected)")).when(failingMove).commit(any(), any());
        IOException e = assertThrows(IOException.class,
                () -> Anonymizer.builder().outputFiles(failingMove).build().anonymize(in, out));
        assertEquals("rename failed (injected)", e.getMessage());
        assertEquals(List.of("in.fif"), Folders.listing(dir));
    }

    @Test
    void aMissingOutputFolderIsAnOutputError() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        IOException e = assertThrows(IOException.class,
                () -> Anonymizer.builder().build().anonymize(in, dir.resolve("no/such/out.fif")));
        assertFalse(e instanceof InputException || e instanceof FiffFormatException || e instanceof PolicyException);
    }

    @Test
    void anInvalidInputWritesNothing() throws IOException {
        byte[] full = Files.readAllBytes(Phi.standard().write(dir.resolve("src.fif")));
        Path in = Files.write(dir.resolve("cut.fif"), Arrays.copyOf(full, full.length / 2 + 7));
        Path out = dir.resolve("out.fif");
        assertThrows(FiffFormatException.class, () -> Anonymizer.builder().build().anonymize(in, out));
        assertEquals(List.of("cut.fif", "src.fif"), Folders.listing(dir));
    }

    @Test
    void aMissingInputIsAnInputError() {
        InputException e = assertThrows(InputException.class,
                () -> Anonymizer.builder().build().anonymize(dir.resolve("nope.fif"), dir.resolve("o.fif")));
        assertTrue(e.getMessage().contains("nope.fif"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void theInputCanBeItsOwnOutputAndIsReplacedOnlyWhenComplete() throws IOException {
        Path in = Phi.standard().write(dir.resolve("same.fif"));
        Anonymizer.builder().build().anonymize(in, in);
        assertEquals(List.of("same.fif"), Folders.listing(dir));
        assertEquals("mne_anonymize", TagData.string(Files2.first(Files2.read(in), FiffKind.SUBJ_LAST_NAME).data()));
    }

    @Test
    void anOutputThatIsALinkToTheInputReplacesTheFileItNames() throws IOException {
        Path in = Phi.standard().write(dir.resolve("real.fif"));
        Path link = Files.createSymbolicLink(dir.resolve("link.fif"), in.getFileName());
        Anonymizer.builder().build().anonymize(in, link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("mne_anonymize", TagData.string(Files2.first(Files2.read(in), FiffKind.SUBJ_LAST_NAME).data()));
    }

    @Test
    void gzipInputsAreReadAndGzipOutputsWrittenByName() throws IOException {
        Path plain = Phi.standard().write(dir.resolve("p.fif"));
        Path gz = dir.resolve("p.fif.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, o);
        }
        Path outGz = dir.resolve("o.fif.gz");
        Anonymizer.builder().build().anonymize(gz, outGz);
        byte[] unpacked;
        try (InputStream i = new GZIPInputStream(Files.newInputStream(outGz))) {
            unpacked = i.readAllBytes();
        }
        Path outPlain = dir.resolve("o.fif");
        Anonymizer.builder().build().anonymize(plain, outPlain);
        assertArrayEquals(Files.readAllBytes(outPlain), unpacked);
        try (FiffReader r = FiffReader.open(outGz)) {
            assertTrue(r.isCompressed());
        }
    }

    @Test
    void gzipOutputsAreDeflatedAtLevelTwoAsMnePythonWritesThem() throws IOException {
        // a recording-like file: text headers and noisy samples, which deflate levels pack to different sizes
        Path in = Phi.standard().write(dir.resolve("p.fif"));
        Path out = dir.resolve("o.fif.gz");
        Anonymizer.builder().build().anonymize(in, out);
        byte[] packed = Files.readAllBytes(out);
        byte[] unpacked;
        try (InputStream i = new GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
            unpacked = i.readAllBytes();
        }
        int header = 10;
        int trailer = 8;
        java.util.Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        for (int level : new int[] {1, 2, 6, 9}) {
            sizes.put(level, deflatedSize(unpacked, level));
        }
        assertEquals(sizes.get(2), packed.length - header - trailer, "deflated sizes by level: " + sizes);
        assertTrue(!sizes.get(2).equals(sizes.get(6)), "the file tells the levels apart: " + sizes);
    }

    private static int deflatedSize(byte[] data, int level) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(level, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] buf = new byte[64 * 1024];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(buf);
            }
            return n;
        } finally {
            d.end();
        }
    }

    @Test
    void aDryRunWritesNothingAndReportsTheSameChanges() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Anonymizer a = Anonymizer.builder().brute(true).build();
        AnonymizationResult plan = a.plan(in);
        assertEquals(List.of("in.fif"), Folders.listing(dir));
        AnonymizationResult done = a.anonymize(in, dir.resolve("out.fif"));
        assertEquals(done.changes(), plan.changes());
        assertTrue(plan.dryRun());
    }

    @Test
    void digestsAreComputedWhenAskedFor() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        AnonymizationResult r = Anonymizer.builder().digests(true).build().anonymize(in, out);
        assertEquals(Sha256.hex(in), r.inputSha256());
        assertEquals(Sha256.hex(out), r.outputSha256());
        AnonymizationResult none = Anonymizer.builder().build().anonymize(in, out);
        assertEquals(null, none.inputSha256());
    }
}
