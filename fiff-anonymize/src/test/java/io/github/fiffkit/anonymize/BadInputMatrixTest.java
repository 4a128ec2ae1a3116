package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException.Problem;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's table of unusual input, case by case, through the library's two entry points (a path and a
 * channel). A failing case must throw the documented exception naming the file and the offset, leave no output
 * and no temporary file, and leave the input byte-identical; a tolerated case must write a valid output and
 * warn.
 */
class BadInputMatrixTest {
    @TempDir
    Path dir;

    /** How the input reaches the anonymizer. */
    enum Entry {
        PATH, CHANNEL
    }

    /** What DESIGN.md says happens. */
    sealed interface Outcome permits Error, Tolerated {
    }

    /**
     * A format error (status 2).
     *
     * @param problem the problem
     * @param offset  where, as a function of the good file's layout
     */
    record Error(Problem problem, java.util.function.ToLongFunction<Layout> offset) implements Outcome {
    }

    /**
     * A valid output with a warning.
     *
     * @param warning a piece of the expected warning
     */
    record Tolerated(String warning) implements Outcome {
    }

    /**
     * One row of the table.
     *
     * @param name    the case
     * @param bytes   the bad file, made from the good one
     * @param outcome what must happen
     */
    record Case(String name, UnaryOperator<Layout> bytes, Outcome outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The tags of a sequential file, for patching it. */
    record Layout(byte[] bytes, List<TagHeader> tags) {
        static Layout of(byte[] bytes) {
            List<TagHeader> tags = new ArrayList<>();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            for (int pos = 0; pos + 16 <= bytes.length;) {
                TagHeader t = new TagHeader(pos, b.getInt(pos), b.getInt(pos + 4), b.getInt(pos + 8),
                        b.getInt(pos + 12));
                tags.add(t);
                pos = (int) t.endPosition();
            }
            return new Layout(bytes, List.copyOf(tags));
        }

        TagHeader first(int kind) {
            return nth(kind, 0);
        }

        TagHeader nth(int kind, int n) {
            return tags.stream().filter(t -> t.kind() == kind).skip(n).findFirst().orElseThrow();
        }

        TagHeader last(int kind) {
            return tags.stream().filter(t -> t.kind() == kind).reduce((a, b) -> b).orElseThrow();
        }

        Layout cut(long length) {
            return new Layout(Arrays.copyOf(bytes, (int) length), tags);
        }

        /** Overwrites one int of a tag's header: 0 kind, 1 type, 2 size, 3 next. */
        Layout patch(TagHeader t, int field, int value) {
            byte[] copy = bytes.clone();
            ByteBuffer.wrap(copy).putInt((int) t.position() + 4 * field, value);
            return new Layout(copy, tags);
        }
    }

    private static byte[] standard() {
        return bytes(Phi.standard());
    }

    private static byte[] bytes(Phi f) {
        try {
            Path tmp = Files.createTempFile("phi", ".fif");
            try {
                return Files.readAllBytes(f.write(tmp));
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Layout from(Phi f) {
        return Layout.of(bytes(f));
    }

    private static Case error(String name, UnaryOperator<Layout> bytes, Problem p,
            java.util.function.ToLongFunction<Layout> offset) {
        return new Case(name, bytes, new Error(p, offset));
    }

    private static Case tolerated(String name, UnaryOperator<Layout> bytes, String warning) {
        return new Case(name, bytes, new Tolerated(warning));
    }

    static List<Case> cases() {
        Phi outsideComment = Phi.standard();
        outsideComment.tags.add(3, new Phi.T(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("outside")));
        Phi unclosed = Phi.standard();
        unclosed.tags.remove(unclosed.tags.size() - 2); // the MNE_ENV block end, before the closing NOP
        Phi id12 = Phi.standard();
        id12.set(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, new byte[12]);
        Phi emptyDir = Phi.standard();
        emptyDir.set(FiffKind.DIR_POINTER, FiffType.INT, new byte[0]);
        Phi newer = Phi.standard();
        newer.set(FiffKind.FILE_ID, FiffType.ID_STRUCT,
                TagData.ofId(new FiffId((2 << 16) | 1, 1, 2, Phi.FILE_TIME)));
        Phi subjIdText = Phi.standard();
        subjIdText.set(FiffKind.SUBJ_ID, FiffType.STRING, TagData.ofString("P-4711"));
        Phi noDirPointer = Phi.standard();
        noDirPointer.without(FiffKind.DIR_POINTER);
        return List.of(
                error("empty file", l -> l.cut(0), Problem.NOT_FIFF, l -> 0),
                error("not FIFF (text)", l -> new Layout(("Subject: Jane Doe\nDate: 1980-01-01\n".repeat(11))
                        .getBytes(StandardCharsets.US_ASCII), l.tags()), Problem.NOT_FIFF, l -> 0),
                error("shorter than one header", l -> l.cut(9), Problem.NOT_FIFF, l -> 0),
                error("first tag not FIFF_FILE_ID", l -> l.patch(l.tags().get(0), 0, FiffKind.BLOCK_ID),
                        Problem.NOT_FIFF, l -> 0),
                error("truncated inside a header", l -> l.cut(l.first(FiffKind.SUBJ_LAST_NAME).position() + 7),
                        Problem.TRUNCATED, l -> l.first(FiffKind.SUBJ_LAST_NAME).position()),
                error("truncated inside a payload", l -> l.cut(l.first(FiffKind.DATA_BUFFER).dataPosition() + 101),
                        Problem.TRUNCATED, l -> l.first(FiffKind.DATA_BUFFER).position()),
                error("next cycle", l -> l.patch(l.first(FiffKind.SUBJ_SEX), 3,
                        (int) l.first(FiffKind.SUBJ_ID).position()), Problem.CYCLE,
                        l -> l.first(FiffKind.SUBJ_SEX).position()),
                error("next jumps outside the file", l -> l.patch(l.first(FiffKind.SUBJ_SEX), 3, 1 << 30),
                        Problem.BAD_NEXT, l -> l.first(FiffKind.SUBJ_SEX).position()),
                error("negative next offset", l -> l.patch(l.first(FiffKind.SUBJ_SEX), 3, -16),
                        Problem.BAD_NEXT, l -> l.first(FiffKind.SUBJ_SEX).position()),
                error("negative size", l -> l.patch(l.first(FiffKind.SUBJ_FIRST_NAME), 2, -8), Problem.BAD_SIZE,
                        l -> l.first(FiffKind.SUBJ_FIRST_NAME).position()),
                error("huge size", l -> l.patch(l.first(FiffKind.DATA_BUFFER), 2, Integer.MAX_VALUE),
                        Problem.BAD_SIZE, l -> l.first(FiffKind.DATA_BUFFER).position()),
                error("size one past the end", l -> l.patch(l.last(FiffKind.NOP), 2, 1), Problem.TRUNCATED,
                        l -> l.last(FiffKind.NOP).position()),
                error("block end without start", l -> l.patch(l.first(FiffKind.BLOCK_START), 0, FiffKind.NOP),
                        Problem.BAD_BLOCK, l -> l.nth(FiffKind.BLOCK_END, 11).position()),
                error("block start without a block kind", l -> l.patch(l.first(FiffKind.BLOCK_START), 2, 0),
                        Problem.BAD_BLOCK, l -> l.first(FiffKind.BLOCK_START).position()),
                tolerated("cut at a tag boundary", l -> l.cut(l.nth(FiffKind.DATA_BUFFER, 1).position()),
                        "without a terminating tag"),
                tolerated("blocks left open", l -> from(unclosed), "left open"),
                tolerated("comment outside any block", l -> from(outsideComment), null),
                tolerated("ID of 12 bytes, fixed date", l -> from(id12), "20-byte ID"),
                tolerated("empty directory pointer", l -> from(emptyDir), "FIFF_DIR_POINTER has no data"),
                tolerated("second tag not FIFF_DIR_POINTER", l -> from(noDirPointer), "not FIFF_DIR_POINTER"),
                tolerated("unknown file version", l -> from(newer), "2.1"),
                tolerated("FIFF_SUBJ_ID as a string", l -> from(subjIdText), null));
    }

    static Stream<Arguments> matrix() {
        return cases().stream().flatMap(c -> Stream.of(Entry.values()).map(e -> Arguments.of(c, e)));
    }

    private Path input(Case c) throws IOException {
        Layout good = Layout.of(standard());
        Layout bad = c.bytes().apply(good);
        return Files.write(dir.resolve("in.fif"), bad.bytes());
    }

    private AnonymizationResult run(Anonymizer a, Path in, Path out, Entry entry) throws IOException {
        if (entry == Entry.PATH) {
            return a.anonymize(in, out);
        }
        try (SeekableByteChannel ch = Files.newByteChannel(in, StandardOpenOption.READ)) {
            return a.anonymize(ch, in.toString(), out);
        }
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("matrix")
    void eachUnusualInputHasItsDocumentedOutcome(Case c, Entry entry) throws IOException {
        Path in = input(c);
        String before = Sha256.hex(in);
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().leakCheck(true).build();
        if (c.outcome() instanceof Error err) {
            FiffFormatException e = assertThrows(FiffFormatException.class, () -> run(a, in, out, entry));
            long offset = err.offset().applyAsLong(Layout.of(standard()));
            assertEquals(err.problem(), e.problem(), e.getMessage());
            assertEquals(offset, e.offset(), e.getMessage());
            assertTrue(e.getMessage().startsWith(in + ": offset " + offset + ": "), e.getMessage());
            assertEquals(List.of("in.fif"), Folders.listing(dir), "no output and no temporary file");
        } else {
            Tolerated t = (Tolerated) c.outcome();
            AnonymizationResult r = run(a, in, out, entry);
            if (t.warning() != null) {
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains(t.warning())), r.warnings().toString());
            }
            assertEquals(List.of("in.fif", "out.fif"), Folders.listing(dir));
            assertValidAndFreeOfNames(out);
        }
        assertEquals(before, Sha256.hex(in), "the input is unchanged");
    }

    /** The output reads to its end, every value decodes, and the subject's names are replaced. */
    private static void assertValidAndFreeOfNames(Path out) throws IOException {
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                r.readValue();
            }
        }
        List<Files2.Entry> tags = Files2.read(out);
        assertEquals("mne_anonymize", TagData.string(Files2.first(tags, FiffKind.SUBJ_LAST_NAME).data()));
        assertEquals("mne_anonymize", TagData.string(Files2.first(tags, FiffKind.SUBJ_FIRST_NAME).data()));
    }

    @Test
    void aToleratedCutFileKeepsEveryTagItHasAndAddsNone() throws IOException {
        Layout good = Layout.of(standard());
        long cut = good.nth(FiffKind.DATA_BUFFER, 1).position();
        Path in = Files.write(dir.resolve("in.fif"), good.cut(cut).bytes());
        Path out = dir.resolve("out.fif");
        AnonymizationResult r = Anonymizer.builder().build().anonymize(in, out);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("left open")), r.warnings().toString());
        List<Files2.Entry> tags = Files2.read(out);
        long expected = good.tags().stream().filter(t -> t.position() < cut && t.kind() != FiffKind.FREE_LIST)
                .count();
        assertEquals(expected, tags.size());
        assertEquals(FiffKind.DATA_BUFFER, tags.get(tags.size() - 1).kind());
    }

    @Test
    void aCommentOutsideAnyBlockIsKeptByTheDefaultPreset() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(3, new Phi.T(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("outside")));
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().build().anonymize(in, out);
        Files2.Entry comment = Files2.read(out).stream().filter(e -> e.kind() == FiffKind.COMMENT
                && e.path().isRoot()).findFirst().orElseThrow();
        assertEquals("outside", TagData.string(comment.data()));
    }

    @Test
    void anIdOfTwelveBytesWithADateOffsetIsAPolicyError() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, new byte[12]);
        Path in = f.write(dir.resolve("in.fif"));
        String before = Sha256.hex(in);
        Anonymizer a = Anonymizer.builder().measurementDateOffsetDays(35).build();
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, dir.resolve("out.fif")));
        long offset = Layout.of(Files.readAllBytes(in)).first(FiffKind.BLOCK_ID).position();
        assertTrue(e.getMessage().contains(in.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
        assertEquals(List.of("in.fif"), Folders.listing(dir));
        assertEquals(before, Sha256.hex(in));
    }

    @Test
    void limitsSetThroughTheBuilderApply() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        long third = Layout.of(Files.readAllBytes(in)).nth(FiffKind.BLOCK_START, 2).position();
        Anonymizer a = Anonymizer.builder().limits(FiffLimits.DEFAULT.withMaxDepth(2)).build();
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> a.anonymize(in,
                dir.resolve("out.fif")));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertEquals(third, e.offset());
        assertEquals(List.of("in.fif"), Folders.listing(dir));
        Anonymizer.builder().limits(FiffLimits.DEFAULT.withMaxDepth(4)).build().anonymize(in, dir.resolve("o.fif"));
    }

    /** Output failures: each one leaves nothing behind and the input unchanged. */
    enum OutputFailure {
        MISSING_FOLDER, UNWRITABLE_FOLDER, DISK_FULL, FORCE_FAILS, RENAME_FAILS
    }

    static Stream<OutputFailure> outputFailures() {
        return Stream.of(OutputFailure.values());
    }

    @ParameterizedTest
    @MethodSource("outputFailures")
    void anOutputFailureIsAPlainIoErrorAndLeavesNothingBehind(OutputFailure failure) throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        String before = Sha256.hex(in);
        Path out = failure == OutputFailure.MISSING_FOLDER ? dir.resolve("missing/out.fif") : dir.resolve("out.fif");
        OutputFiles files = spy(OutputFiles.class);
        switch (failure) {
            case MISSING_FOLDER -> {
                // the file system as it is
            }
            case UNWRITABLE_FOLDER -> doThrow(new AccessDeniedException(dir.toString(), null, "Permission denied"))
                    .when(files).createTemporary(any());
            case DISK_FULL -> files = FullDiskChannel.files(700);
            case FORCE_FAILS -> doThrow(new IOException("Input/output error (injected)")).when(files).force(any());
            case RENAME_FAILS -> doThrow(new IOException("rename failed (injected)")).when(files).commit(any(), any());
        }
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();
        for (Entry entry : Entry.values()) {
            IOException e = assertThrows(IOException.class, () -> run(a, in, out, entry));
            if (e instanceof InputException || e instanceof FiffFormatException || e instanceof PolicyException) {
                fail("an output failure must be a plain IOException (status 3), not " + e);
            }
            assertEquals(List.of("in.fif"), Folders.listing(dir), entry + ": nothing left behind");
            assertEquals(before, Sha256.hex(in), "the input is unchanged");
        }
    }

    @Test
    void anOutputFailureLeavesAnExistingTargetAsItWas() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = Files.write(dir.resolve("out.fif"), new byte[] {1, 2, 3});
        Anonymizer a = Anonymizer.builder().outputFiles(FullDiskChannel.files(700)).build();
        assertThrows(IOException.class, () -> a.anonymize(in, out));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        assertEquals(List.of("in.fif", "out.fif"), Folders.listing(dir));
        FiffFormatException bad = assertThrows(FiffFormatException.class, () -> Anonymizer.builder().build()
                .anonymize(Files.write(dir.resolve("in.fif"), new byte[5]), out));
        assertEquals(Problem.NOT_FIFF, bad.problem());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
    }

    @Test
    void theMatrixCoversEveryRowOfTheDesignTable() {
        List<String> names = cases().stream().map(Case::name).toList();
        for (String row : List.of("empty file", "not FIFF (text)", "first tag not FIFF_FILE_ID",
                "truncated inside a header", "truncated inside a payload", "next cycle",
                "next jumps outside the file", "negative next offset", "negative size", "huge size",
                "block end without start", "cut at a tag boundary", "blocks left open", "comment outside any block",
                "ID of 12 bytes, fixed date", "empty directory pointer", "unknown file version")) {
            assertTrue(names.contains(row), row);
        }
    }

    @Test
    void theCallersChannelIsClosedWhenTheInputIsRejected() throws IOException {
        Path in = Files.write(dir.resolve("in.fif"), new byte[0]);
        SeekableByteChannel ch = Files.newByteChannel(in, StandardOpenOption.READ);
        assertThrows(FiffFormatException.class, () -> Anonymizer.builder().build().anonymize(ch, in.toString(),
                dir.resolve("out.fif")));
        assertFalse(ch.isOpen());
    }
}
