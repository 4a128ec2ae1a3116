package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiffWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesBigEndianHeadersWithSequentialNextAndCorrectPositions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FiffWriter w = new FiffWriter(Channels.newChannel(bytes), true)) {
            w.writeId(FiffKind.FILE_ID, new FiffId(FiffId.VERSION_1_4, 0, 0, new FiffTime(1, 2)));
            assertEquals(36, w.position());
            w.writeInt(FiffKind.DIR_POINTER, -1);
            w.writeTag(FiffKind.NOP, FiffType.VOID, new byte[0], -1);
            assertEquals(72, w.position());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
        assertEquals(72, b.capacity());
        assertEquals(100, b.getInt(0));
        assertEquals(31, b.getInt(4));
        assertEquals(20, b.getInt(8));
        assertEquals(0, b.getInt(12));
        assertEquals(101, b.getInt(36));
        assertEquals(-1, b.getInt(52));
        assertEquals(-1, b.getInt(56 + 12));
    }

    @Test
    void copiesTagsFromAReaderByteForByte() throws IOException {
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        Path in = RawFiff.start().tag(FiffKind.DATA_BUFFER, FiffType.SHORT, payload, 0).nop(-1)
                .write(dir, "in.fif");
        Path out = dir.resolve("out.fif");
        try (FiffReader r = FiffReader.open(in); FiffWriter w = FiffWriter.create(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                w.copyTag(r, t.next());
            }
        }
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void copiesMixedSmallAndLargeTagsAcrossBufferBoundariesByteForByte() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        RawFiff f = RawFiff.start();
        int[] sizes = {0, 1, 16 * 1024, 16 * 1024 + 1, 65_520, 65_536, 70_000, 3, 200_000, 7};
        for (int round = 0; round < 40; round++) {
            int size = round < sizes.length ? sizes[round] : random.nextInt(20_000);
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) random.nextInt();
            }
            f.tag(FiffKind.DATA_BUFFER, FiffType.BYTE, payload, 0);
        }
        Path in = f.nop(-1).write(dir, "mixed.fif");
        Path out = dir.resolve("mixed-out.fif");
        try (FiffReader r = FiffReader.open(in); FiffWriter w = FiffWriter.create(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                w.copyTag(r, t.next());
                assertEquals(t.endPosition(), w.position());
            }
        }
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void copiesSmallTagsOfAGzipFileByteForByte() throws IOException {
        Path in = RawFiff.start().tag(FiffKind.COMMENT, FiffType.STRING, "a comment".getBytes(), 0)
                .tag(FiffKind.DATA_BUFFER, FiffType.BYTE, new byte[40_000], 0).nop(-1).write(dir, "z.fif");
        Path gz = dir.resolve("z.fif.gz");
        try (java.io.OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(in));
        }
        Path out = dir.resolve("z-out.fif");
        try (FiffReader r = FiffReader.open(gz); FiffWriter w = FiffWriter.create(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                w.copyTag(r, t.next());
            }
        }
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void aDirectoryNeedsADirectoryPointerAndASeekableOutput() throws IOException {
        try (FiffWriter w = FiffWriter.create(dir.resolve("nodir.fif"))) {
            w.writeId(FiffKind.FILE_ID, new FiffId(FiffId.VERSION_1_4, 0, 0, new FiffTime(0, 0)));
            assertThrows(IOException.class, w::endFileWithDirectory);
        }
        try (FiffWriter w = new FiffWriter(Channels.newChannel(new ByteArrayOutputStream()), true)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, new FiffTime(0, 0)));
            assertThrows(IOException.class, w::endFileWithDirectory);
        }
    }

    @Test
    void runsOfCopiedLargeTagsComeOutByteIdenticalAndInOrder() throws IOException {
        // large tags (copied in runs with one transfer) between small ones, with a directory: plain and gzip input
        Path in = dir.resolve("in.fif");
        java.util.Random rnd = new java.util.Random(7);
        try (FiffWriter w = FiffWriter.create(in)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(3, 4)));
            for (int i = 0; i < 12; i++) {
                byte[] big = new byte[20_000 + rnd.nextInt(50_000)];
                rnd.nextBytes(big);
                w.writeTag(FiffKind.DATA_BUFFER, FiffType.FLOAT, big);
                if (i % 4 == 3) {
                    w.writeInt(FiffKind.FIRST_SAMPLE, i);
                }
            }
            w.endFileWithDirectory();
        }
        byte[] expected = Files.readAllBytes(in);
        Path gz = dir.resolve("in.fif.gz");
        try (var o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(expected);
        }
        for (Path src : new Path[] {in, gz}) {
            Path out = dir.resolve("out-" + src.getFileName());
            try (FiffReader r = FiffReader.open(src); FiffWriter w = FiffWriter.create(out)) {
                for (TagHeader h = r.nextTag(); h != null; h = r.nextTag()) {
                    w.copyTag(r, h.next());
                }
            }
            assertArrayEquals(expected, Files.readAllBytes(out), src.toString());
        }
    }

    @Test
    void aProgressListenerHearsOfALongCopyInPiecesAndOfTheLastByte() throws IOException {
        // three 48 MiB tags in a row (file holes, so the test writes little), then a small one: the run of
        // large tags is copied in 64 MiB pieces, each reported when it is done
        Path in = dir.resolve("long.fif");
        int big = 48 << 20;
        try (FiffWriter w = FiffWriter.create(in)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(3, 4)));
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(in,
                java.nio.file.StandardOpenOption.WRITE)) {
            long pos = ch.size();
            for (int i = 0; i < 3; i++) {
                ByteBuffer h = ByteBuffer.allocate(TagHeader.SIZE).putInt(FiffKind.DATA_BUFFER)
                        .putInt(FiffType.FLOAT).putInt(big).putInt(0).flip();
                ch.write(h, pos);
                pos += TagHeader.SIZE + big;
            }
            ch.write(ByteBuffer.allocate(20).putInt(FiffKind.FIRST_SAMPLE).putInt(FiffType.INT).putInt(4)
                    .putInt(-1).putInt(77).flip(), pos);
        }
        java.util.List<Long> heard = new java.util.ArrayList<>();
        java.util.List<Long> heardBeforeBigTag = new java.util.ArrayList<>();
        Path out = dir.resolve("long-out.fif");
        try (FiffReader r = FiffReader.open(in); FiffWriter w = FiffWriter.create(out).progress(heard::add)) {
            for (TagHeader h = r.nextTag(); h != null; h = r.nextTag()) {
                if (h.kind() == FiffKind.DATA_BUFFER) {
                    heardBeforeBigTag.add(heard.isEmpty() ? 0 : heard.get(heard.size() - 1));
                }
                w.copyTag(r, h.next());
            }
        }
        // the run is copied once it reaches 64 MiB, not when the walk is over: before the third big tag is
        // walked, the first two (96 MiB) are in the output
        assertTrue(heardBeforeBigTag.get(2) >= 2L * (TagHeader.SIZE + big), heardBeforeBigTag.toString());
        long size = Files.size(in);
        assertEquals(size, Files.size(out));
        assertEquals(size, heard.get(heard.size() - 1), "the last report is the whole file");
        for (int i = 1; i < heard.size(); i++) {
            long step = heard.get(i) - heard.get(i - 1);
            if (step <= 0 || step > FiffWriter.PIECE) {
                throw new AssertionError("reports must grow by at most one piece: " + heard);
            }
        }
        // 3 x 48 MiB take three pieces (64 + 64 + 16 MiB), after the header's bytes and before the last tag's
        assertTrue(heard.size() >= 5, heard.toString());
        try (FiffReader a = FiffReader.open(in); FiffReader b = FiffReader.open(out)) {
            for (TagHeader x = a.nextTag(), y = b.nextTag(); x != null || y != null; x = a.nextTag(), y = b.nextTag()) {
                assertEquals(x, y);
            }
        }
    }

    @Test
    void aRemovedListenerHearsNothingAndTheCopyIsUnchanged() throws IOException {
        Path in = dir.resolve("plain.fif");
        try (FiffWriter w = FiffWriter.create(in)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(3, 4)));
            w.writeTag(FiffKind.DATA_BUFFER, FiffType.FLOAT, new byte[40_000]);
            w.endFile();
        }
        java.util.List<Long> heard = new java.util.ArrayList<>();
        Path out = dir.resolve("plain-out.fif");
        try (FiffReader r = FiffReader.open(in); FiffWriter w = FiffWriter.create(out).progress(heard::add)) {
            w.progress(null);
            for (TagHeader h = r.nextTag(); h != null; h = r.nextTag()) {
                w.copyTag(r, h.next());
            }
        }
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        assertEquals(java.util.List.of(), heard);
    }
}
