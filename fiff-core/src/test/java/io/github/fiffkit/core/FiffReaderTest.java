package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffFormatException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiffReaderTest {
    @TempDir
    Path dir;

    private static List<TagHeader> walk(Path file) throws IOException {
        try (FiffReader r = FiffReader.open(file)) {
            List<TagHeader> tags = new ArrayList<>();
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                tags.add(t);
            }
            return tags;
        }
    }

    private FiffFormatException failure(byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve("bad.fif"), bytes);
        return assertThrows(FiffFormatException.class, () -> walk(f));
    }

    @Test
    void followsASequentialChainAndKnowsEachTagsBlockPath() throws IOException {
        Path f = RawFiff.start().block(FiffBlock.MEAS).block(FiffBlock.MEAS_INFO)
                .string(FiffKind.EXPERIMENTER, "Dr. Who").end(FiffBlock.MEAS_INFO).end(FiffBlock.MEAS)
                .string(FiffKind.COMMENT, "outside").nop(-1).write(dir, "a.fif");
        try (FiffReader r = FiffReader.open(f)) {
            List<String> seen = new ArrayList<>();
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                seen.add(FiffKind.describe(t.kind()) + " " + r.blockPath());
                if (t.kind() == FiffKind.EXPERIMENTER) {
                    assertEquals("Dr. Who", TagData.string(r.readData()));
                    assertEquals(FiffBlock.MEAS_INFO, r.blockPath().innermost());
                    assertTrue(r.blockPath().contains(FiffBlock.MEAS));
                }
            }
            assertEquals(List.of("FIFF_FILE_ID /", "FIFF_DIR_POINTER /",
                    "FIFF_BLOCK_START /FIFFB_MEAS", "FIFF_BLOCK_START /FIFFB_MEAS/FIFFB_MEAS_INFO",
                    "FIFF_EXPERIMENTER /FIFFB_MEAS/FIFFB_MEAS_INFO", "FIFF_BLOCK_END /FIFFB_MEAS/FIFFB_MEAS_INFO",
                    "FIFF_BLOCK_END /FIFFB_MEAS", "FIFF_COMMENT /", "FIFF_NOP /"), seen);
            assertTrue(r.isTerminated());
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
    }

    @Test
    void followsJumpsForwardAndBackAndSkipsHiddenTags() throws IOException {
        // FILE_ID, DIR_POINTER -> jumps over a hidden tag to A; A jumps back to B; B ends.
        RawFiff f = new RawFiff();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, 0, 0,
                new FiffTime(0, 0))), 0);
        int dirPtr = f.position();
        int hidden = dirPtr + 16 + 4;
        int b = hidden + 16 + 6;
        int a = b + 16 + 4;
        f.tag(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(-1), a);
        f.tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("hidden"), 0);
        f.tag(FiffKind.SUBJ_ID, FiffType.INT, TagData.ofInts(7), -1); // B
        f.tag(FiffKind.SUBJ_HIS_ID, FiffType.STRING, TagData.ofString("A"), b); // A
        List<TagHeader> tags = walk(f.write(dir, "jumps.fif"));
        assertEquals(List.of(FiffKind.FILE_ID, FiffKind.DIR_POINTER, FiffKind.SUBJ_HIS_ID, FiffKind.SUBJ_ID),
                tags.stream().map(TagHeader::kind).toList());
        assertEquals(a, tags.get(2).position());
        assertEquals(b, tags.get(3).position());
    }

    @Test
    void aChainThatEndsAtEndOfFileWithoutTerminatorIsReadWithAWarning() throws IOException {
        Path f = RawFiff.start().block(FiffBlock.MEAS).string(FiffKind.EXPERIMENTER, "x").write(dir, "open.fif");
        try (FiffReader r = FiffReader.open(f)) {
            int n = 0;
            while (r.nextTag() != null) {
                n++;
            }
            assertEquals(4, n);
            assertFalse(r.isTerminated());
            assertEquals(2, r.warnings().size(), r.warnings().toString());
            assertTrue(r.warnings().get(0).message().contains("without a terminating tag"));
            assertTrue(r.warnings().get(1).message().contains("left open"));
            assertNull(r.nextTag());
        }
    }

    @Test
    void anEmptyFileIsNotFiff() throws IOException {
        FiffFormatException e = failure(new byte[0]);
        assertEquals(Problem.NOT_FIFF, e.problem());
        assertTrue(e.getMessage().contains("bad.fif"), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void textIsNotFiff() throws IOException {
        FiffFormatException e = failure("This is a text file, not a FIFF file at all.\n".getBytes());
        assertEquals(Problem.NOT_FIFF, e.problem());
        assertEquals(0, e.offset());
    }

    @Test
    void aFileCutInsideATagHeaderIsTruncated() throws IOException {
        byte[] full = RawFiff.start().nop(-1).toBytes();
        FiffFormatException e = failure(Arrays.copyOf(full, full.length - 7));
        assertEquals(Problem.TRUNCATED, e.problem());
        assertEquals(full.length - 16, e.offset());
    }

    @Test
    void aFileCutInsideTagDataIsTruncated() throws IOException {
        byte[] full = RawFiff.start().string(FiffKind.EXPERIMENTER, "a long experimenter name").nop(-1).toBytes();
        int cut = 36 + 20 + 16 + 5;
        FiffFormatException e = failure(Arrays.copyOf(full, cut));
        assertEquals(Problem.TRUNCATED, e.problem());
        assertEquals(56, e.offset());
        assertEquals(Integer.valueOf(FiffKind.EXPERIMENTER), e.kind());
        assertTrue(e.getMessage().contains("FIFF_EXPERIMENTER"), e.getMessage());
    }

    @Test
    void aNegativeSizeIsRejected() throws IOException {
        FiffFormatException e = failure(RawFiff.start().header(FiffKind.COMMENT, FiffType.STRING, -4, 0)
                .bytes(new byte[64]).toBytes());
        assertEquals(Problem.BAD_SIZE, e.problem());
        assertEquals(56, e.offset());
    }

    @Test
    void aHugeSizeIsRejectedBeforeAnyAllocation() throws IOException {
        FiffFormatException e = failure(RawFiff.start().header(FiffKind.COMMENT, FiffType.STRING,
                Integer.MAX_VALUE, 0).bytes(new byte[64]).toBytes());
        assertEquals(Problem.BAD_SIZE, e.problem());
    }

    @Test
    void aCycleInTheChainIsDetected() throws IOException {
        RawFiff f = RawFiff.start();
        int loop = f.position();
        f.string(FiffKind.COMMENT, "a");
        int back = f.position();
        f.tag(FiffKind.NOP, FiffType.VOID, new byte[0], loop);
        FiffFormatException e = failure(f.toBytes());
        assertEquals(Problem.CYCLE, e.problem());
        assertEquals(back, e.offset(), "the offset of the tag that leads back");
        assertTrue(e.getMessage().contains("comes back to offset " + loop), e.getMessage());
    }

    @Test
    void aJumpOutsideTheFileIsRejected() throws IOException {
        FiffFormatException e = failure(RawFiff.start().tag(FiffKind.NOP, FiffType.VOID, new byte[0], 1 << 30)
                .nop(-1).toBytes());
        assertEquals(Problem.BAD_NEXT, e.problem());
        FiffFormatException neg = failure(RawFiff.start().tag(FiffKind.NOP, FiffType.VOID, new byte[0], -7)
                .nop(-1).toBytes());
        assertEquals(Problem.BAD_NEXT, neg.problem());
    }

    @Test
    void aBlockEndWithoutStartIsRejected() throws IOException {
        FiffFormatException e = failure(RawFiff.start().end(FiffBlock.MEAS).nop(-1).toBytes());
        assertEquals(Problem.BAD_BLOCK, e.problem());
    }

    @Test
    void nestingAndTagCountLimitsApply() throws IOException {
        RawFiff deep = RawFiff.start();
        for (int i = 0; i < 10; i++) {
            deep.block(FiffBlock.MEAS);
        }
        Path f = deep.nop(-1).write(dir, "deep.fif");
        try (FiffReader r = FiffReader.open(f, FiffLimits.DEFAULT.withMaxDepth(5))) {
            FiffFormatException e = assertThrows(FiffFormatException.class, () -> {
                while (r.nextTag() != null) {
                    // walk
                }
            });
            assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        }
        try (FiffReader r = FiffReader.open(f, FiffLimits.DEFAULT.withMaxTags(3))) {
            assertThrows(FiffFormatException.class, () -> {
                while (r.nextTag() != null) {
                    // walk
                }
            });
        }
    }

    @Test
    void valuesLargerThanTheLimitAreNotReadIntoMemory() throws IOException {
        Path f = RawFiff.start().tag(FiffKind.DATA_BUFFER, FiffType.FLOAT, new byte[4096], 0).nop(-1)
                .write(dir, "big.fif");
        try (FiffReader r = FiffReader.open(f, FiffLimits.DEFAULT.withMaxValueSize(1024))) {
            r.nextTag();
            r.nextTag();
            r.nextTag();
            assertThrows(FiffFormatException.class, r::readData);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(4096, r.transferData(Channels.newChannel(sink)));
            assertEquals(4096, sink.size());
        }
    }

    @Test
    void warnsAboutNewerVersionsAndAMissingDirectoryPointer() throws IOException {
        RawFiff f = new RawFiff();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId((1 << 16) | 9, 0, 0,
                new FiffTime(0, 0))), 0);
        f.block(FiffBlock.MEAS).end(FiffBlock.MEAS).nop(-1);
        try (FiffReader r = FiffReader.open(f.write(dir, "v19.fif"))) {
            while (r.nextTag() != null) {
                // walk
            }
            assertEquals(2, r.warnings().size());
            assertTrue(r.warnings().get(0).message().contains("1.9"));
            assertTrue(r.warnings().get(1).message().contains("not FIFF_DIR_POINTER"));
        }
    }

    @Test
    void readsGzipCompressedFilesTransparentlyIncludingBackwardJumps() throws IOException {
        RawFiff f = new RawFiff();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, 0, 0,
                new FiffTime(0, 0))), 0);
        int b = 36 + 20;
        int a = b + 16 + 4;
        f.tag(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(-1), a);
        f.tag(FiffKind.SUBJ_ID, FiffType.INT, TagData.ofInts(7), -1); // b
        f.tag(FiffKind.SUBJ_HIS_ID, FiffType.STRING, TagData.ofString("A"), b); // a
        byte[] plain = f.toBytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(plain);
        }
        Path file = Files.write(dir.resolve("x.fif.gz"), gz.toByteArray());
        try (FiffReader r = FiffReader.open(file)) {
            assertTrue(r.isCompressed());
            assertEquals(plain.length, r.size());
            List<Integer> kinds = new ArrayList<>();
            List<byte[]> data = new ArrayList<>();
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                kinds.add(t.kind());
                data.add(r.readData());
            }
            assertEquals(List.of(FiffKind.FILE_ID, FiffKind.DIR_POINTER, FiffKind.SUBJ_HIS_ID, FiffKind.SUBJ_ID),
                    kinds);
            assertArrayEquals(TagData.ofInts(7), data.get(3));
        }
    }

    @Test
    void readsTheDirectoryThatTheWriterMakes() throws IOException {
        Path f = dir.resolve("dir.fif");
        try (FiffWriter w = FiffWriter.create(f)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, new FiffTime(0, 0)));
            w.startBlock(FiffBlock.MEAS);
            w.writeString(FiffKind.EXPERIMENTER, "someone");
            w.endBlock(FiffBlock.MEAS);
            w.endFileWithDirectory();
        }
        try (FiffReader r = FiffReader.open(f)) {
            List<DirEntry> walked = new ArrayList<>();
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                walked.add(new DirEntry(t.kind(), t.type(), t.size(), (int) t.position()));
            }
            assertTrue(r.directoryPointer() > 0);
            List<DirEntry> dirEntries = r.readDirectory().orElseThrow();
            assertEquals(walked, dirEntries);
            assertEquals(FiffKind.DIR, walked.get(walked.size() - 1).kind());
            assertTrue(r.isTerminated());
        }
    }

    @Test
    void theTreeGroupsTagsIntoBlocks() throws IOException {
        Path f = RawFiff.start().block(FiffBlock.MEAS).block(FiffBlock.SUBJECT)
                .string(FiffKind.SUBJ_FIRST_NAME, "Ann").end(FiffBlock.SUBJECT).block(FiffBlock.MEAS_INFO)
                .end(FiffBlock.MEAS_INFO).end(FiffBlock.MEAS).nop(-1).write(dir, "tree.fif");
        try (FiffReader r = FiffReader.open(f)) {
            FiffTree tree = FiffTree.build(r);
            assertEquals(1, tree.root().children().size());
            FiffTree.Node meas = tree.root().children().get(0);
            assertEquals(FiffBlock.MEAS, meas.blockKind());
            assertEquals(2, meas.children().size());
            FiffTree.Node subject = tree.find(FiffBlock.SUBJECT).get(0);
            TagHeader first = subject.tag(FiffKind.SUBJ_FIRST_NAME).orElseThrow();
            assertEquals("Ann", TagData.string(r.readData(first)));
        }
    }
}
