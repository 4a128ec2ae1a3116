package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;

import io.github.fiffkit.core.Sha256;

import io.github.fiffkit.anonymize.output.OutputFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

    /** A file layer whose channels fail once a number of bytes has been written, like a full disk. */
    static final class FullDisk implements OutputFiles {
        final long capacity;

        FullDisk(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public FileChannel open(Path temp) throws IOException {
            return new LimitedChannel(OutputFiles.super.open(temp), capacity);
        }
    }

    @Test
    void aFullDiskLeavesNoOutputAndNoTemporaryFile() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().outputFiles(new FullDisk(500)).build();
        IOException e = assertThrows(IOException.class, () -> a.anonymize(in, out));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        assertEquals(List.of("in.fif"), Folders.listing(dir));
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void aFailedRenameLeavesNoOutputAndNoTemporaryFile() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        OutputFiles failingMove = new OutputFiles() {
            @Override
            public void commit(Path temp, Path target) throws IOException {
                throw new IOException("rename failed (injected)");
            }
        };
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

    /** A delegating channel that fails like a full disk after a number of bytes. */
    static final class LimitedChannel extends FileChannel {
        private final FileChannel d;
        private final long capacity;
        private final long delayMillis;

        LimitedChannel(FileChannel d, long capacity) {
            this(d, capacity, 0);
        }

        /** Also sleeps before each write, like a slow disk, so that a test can interrupt a write half-way. */
        LimitedChannel(FileChannel d, long capacity, long delayMillis) {
            this.d = d;
            this.capacity = capacity;
            this.delayMillis = delayMillis;
        }

        private void check(long end) throws IOException {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
            if (end > capacity) {
                throw new IOException("No space left on device (injected)");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return d.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return d.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check(d.position() + src.remaining());
            return d.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += srcs[i].remaining();
            }
            check(d.position() + n);
            return d.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return d.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            d.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return d.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            d.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            d.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target)
                throws IOException {
            return d.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count)
                throws IOException {
            check(position + count);
            return d.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return d.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check(position + src.remaining());
            return d.write(src, position);
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return d.map(mode, position, size);
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) throws IOException {
            return d.lock(position, size, shared);
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return d.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            d.close();
        }
    }
}
