package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.DirEntry;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.SyntheticFiff.Part;
import io.github.fiffkit.testkit.SyntheticFiff.RawFormat;
import io.github.fiffkit.testkit.SyntheticFiff.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticFiffTest {
    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    /** Reads a file with fiff-core and checks it is exactly what the generator says it wrote. */
    static void assertReadsBack(Generated g, Path file) throws IOException {
        String why = g.listing();
        try (FiffReader r = FiffReader.open(file)) {
            for (GeneratedTag expected : g.chain()) {
                TagHeader t = r.nextTag();
                assertEquals(new TagHeader(expected.position(), expected.kind(), expected.type(), expected.size(),
                        expected.next()), t, why);
                assertArrayEquals(expected.data(), r.readData(), "data of " + t + "\n" + why);
                r.readValue();  // every tag decodes by its type
            }
            assertNull(r.nextTag(), why);
            assertTrue(r.isTerminated(), why);
            assertEquals(List.of(), r.warnings(), why);
            Optional<List<DirEntry>> dir = r.readDirectory();
            if (g.chain().get(g.chain().size() - 1).kind() == FiffKind.DIR) {
                List<DirEntry> expected = new ArrayList<>();
                for (GeneratedTag t : g.chain()) {
                    expected.add(new DirEntry(t.kind(), t.type(), t.size(), (int) t.position()));
                }
                assertEquals(Optional.of(expected), dir, why);
            } else {
                assertEquals(Optional.empty(), dir, why);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRandomFlavourReadsBackAsGenerated(long seed) throws IOException {
        Generated g = SyntheticFiff.generate(seed);
        assertReadsBack(g, g.write(tmp.resolve("g.fif")));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyCanaryFlavourReadsBackAsGenerated(long seed) throws IOException {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().canaries(true).generate();
        assertReadsBack(g, g.write(tmp.resolve("g.fif")));
    }

    @Test
    void gzipCopiesReadBackAsGenerated() throws IOException {
        for (long seed = 0; seed < 10; seed++) {
            Generated g = SyntheticFiff.generate(seed);
            Path gz = g.writeGzip(tmp.resolve("g.fif.gz"));
            try (FiffReader r = FiffReader.open(gz)) {
                assertTrue(r.isCompressed());
            }
            assertReadsBack(g, gz);
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(SyntheticFiff.generate(seed).bytes(), SyntheticFiff.generate(seed).bytes());
            assertArrayEquals(SyntheticFiff.builder(seed).canaries(true).generate().bytes(),
                    SyntheticFiff.builder(seed).canaries(true).generate().bytes());
            assertFalse(java.util.Arrays.equals(SyntheticFiff.builder(seed).generate().bytes(),
                    SyntheticFiff.builder(seed + 1).generate().bytes()));
        }
    }

    @Test
    void defaultBuilderHasEveryBlockTheIssueLists() throws IOException {
        Generated g = SyntheticFiff.builder(7).generate();
        List<Integer> blocks = new ArrayList<>();
        for (GeneratedTag t : g.chain()) {
            if (t.kind() == FiffKind.BLOCK_START) {
                blocks.add(TagData.ints(t.data())[0]);
            }
        }
        for (int b : new int[] {FiffBlock.MEAS, FiffBlock.MEAS_INFO, FiffBlock.SUBJECT, FiffBlock.PROJECT,
            FiffBlock.HPI_MEAS, FiffBlock.HPI_COIL, FiffBlock.HPI_RESULT, FiffBlock.PROCESSING_HISTORY,
            FiffBlock.PROCESSING_RECORD, FiffBlock.HELIUM, FiffBlock.DEVICE, FiffBlock.MNE_ENV,
            FiffBlock.MNE_ANNOTATIONS, FiffBlock.EVENTS, FiffBlock.PROJ, FiffBlock.PROJ_ITEM, FiffBlock.ISOTRAK,
            FiffBlock.RAW_DATA, FiffBlock.PROCESSED_DATA, FiffBlock.EVOKED, FiffBlock.ASPECT, FiffBlock.MNE_COV}) {
            assertTrue(blocks.contains(b), "block " + FiffBlock.describe(b) + " in " + blocks);
        }
        assertTrue(kinds(g).contains(FiffKind.CH_INFO));
        assertReadsBack(g, g.write(tmp.resolve("g.fif")));
    }

    @ParameterizedTest
    @EnumSource(Part.class)
    void eachPartCanBeLeftOut(Part part) throws IOException {
        Generated with = SyntheticFiff.builder(3).parts(EnumSet.of(part)).generate();
        Generated without = SyntheticFiff.builder(3).without(part).generate();
        assertTrue(with.chain().size() > SyntheticFiff.builder(3).parts(EnumSet.noneOf(Part.class)).generate()
                .chain().size(), "the part adds tags");
        assertTrue(without.chain().size() < SyntheticFiff.builder(3).generate().chain().size());
        assertReadsBack(with, with.write(tmp.resolve("with.fif")));
        assertReadsBack(without, without.write(tmp.resolve("without.fif")));
    }

    @ParameterizedTest
    @EnumSource(RawFormat.class)
    void rawBuffersHaveTheRequestedTypeAndSize(RawFormat format) throws IOException {
        Generated g = SyntheticFiff.builder(5).rawFormat(format).channels(10).buffers(4, 30).generate();
        List<GeneratedTag> buffers = g.chain().stream().filter(t -> t.kind() == FiffKind.DATA_BUFFER).toList();
        assertEquals(4, buffers.size());
        int bytes = format == RawFormat.INT16 ? 2 : 4;
        for (GeneratedTag b : buffers) {
            assertEquals(format.type(), b.type());
            assertEquals(10 * 30 * bytes, b.size());
        }
        assertReadsBack(g, g.write(tmp.resolve("g.fif")));
    }

    @Test
    void extrasGiveJumpsHiddenTagsAFreeListADirectoryAndUnknownTags() throws IOException {
        Generated g = SyntheticFiff.builder(11).directory(true).hiddenTags(3).freeList(true).nonSequential(true)
                .unknownTags(true).canaries(true).generate();
        long forward = g.chain().stream().filter(t -> t.next() > 0 && t.next() > t.position()).count();
        long backward = g.chain().stream().filter(t -> t.next() > 0 && t.next() < t.position()).count();
        assertTrue(forward >= 1 && backward >= 1, g.listing());
        assertEquals(3, g.hidden().size());
        GeneratedTag free = g.chain().get(2);
        assertEquals(FiffKind.FREE_LIST, free.kind());
        assertEquals(FiffType.DIR_ENTRY_STRUCT, free.type());
        assertEquals(FiffKind.DIR, g.chain().get(g.chain().size() - 1).kind());
        assertTrue(g.chain().stream().anyMatch(t -> t.kind() >= 0x7E000000), "an unknown kind");
        assertTrue(g.chain().stream().anyMatch(t -> FiffType.name(t.type()).isEmpty() && !FiffType.isMatrix(t.type())),
                "an unknown type");
        for (GeneratedTag h : g.hidden()) {
            for (GeneratedTag c : g.chain()) {
                assertTrue(h.position() + 16 + h.size() <= c.position() || c.position() + 16 + c.size() <= h.position(),
                        "hidden tag overlaps chain tag");
            }
        }
        assertReadsBack(g, g.write(tmp.resolve("g.fif")));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void canaryValuesAreUniqueAndWhereTheManifestSays(long seed) {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().canaries(true).generate();
        byte[] file = g.bytes();
        Map<String, Canary> byValue = new HashMap<>();
        for (Canary c : g.canaries()) {
            assertNull(byValue.put(c.value() + c.field(), c), "duplicate canary " + c);
            byte[] written = c.encodings().get(0);
            int at = Bytes.indexOf(file, written);
            assertTrue(at >= 0, c + " is in the file\n" + g.listing());
            boolean inDeclaredTag = false;
            for (GeneratedTag t : c.hidden() ? g.hidden() : g.chain()) {
                if (c.kinds().contains(t.kind()) && Bytes.indexOf(t.data(), written) >= 0) {
                    inDeclaredTag = true;
                }
            }
            assertTrue(inDeclaredTag, c + " is in a tag of its kind\n" + g.listing());
            for (Canary other : g.canaries()) {
                if (other != c && other.encodings().size() > 2 && c.encodings().size() > 2) {
                    assertEquals(-1, Bytes.indexOf(other.encodings().get(2), c.encodings().get(2)),
                            "canary tokens do not contain each other");
                }
            }
        }
        if (g.chain().stream().anyMatch(t -> t.kind() == FiffKind.SUBJ_FIRST_NAME)) {
            assertTrue(g.canaries().stream().anyMatch(c -> c.kinds().contains(FiffKind.SUBJ_FIRST_NAME)));
        }
    }

    @Test
    void withoutCanaryModeTheManifestIsEmpty() {
        assertEquals(List.of(), SyntheticFiff.builder(1).generate().canaries());
        assertFalse(SyntheticFiff.builder(1).canaries(true).generate().canaries().isEmpty());
    }

    private static GeneratedTag first(Generated g, int kind, int block) {
        BlockPath path = BlockPath.ROOT;
        for (GeneratedTag t : g.chain()) {
            if (t.kind() == FiffKind.BLOCK_START) {
                path = path.push(TagData.ints(t.data())[0]);
            } else if (t.kind() == FiffKind.BLOCK_END) {
                path = path.pop();
            } else if (t.kind() == kind && (block < 0 || (!path.isRoot() && path.innermost() == block))) {
                return t;
            }
        }
        throw new AssertionError("no tag " + kind + " in block " + block);
    }

    private static List<Integer> kinds(Generated g) {
        return g.chain().stream().map(GeneratedTag::kind).toList();
    }

    @Test
    void variantsEncodeAsRealFilesDo() throws IOException {
        Generated g = SyntheticFiff.builder(9).variants(Variant.SUBJ_ID_AS_STRING, Variant.MEAS_DATE_AS_ONE_INT)
                .generate();
        assertEquals(FiffType.STRING, first(g, FiffKind.SUBJ_ID, FiffBlock.SUBJECT).type());
        GeneratedTag date = first(g, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO);
        assertEquals(FiffType.INT, date.type());
        assertEquals(4, date.size());
        assertEquals(FiffType.DOUBLE, first(g, FiffKind.MEAS_DATE, FiffBlock.MNE_ANNOTATIONS).type());
        assertReadsBack(g, g.write(tmp.resolve("a.fif")));

        assertEquals(EnumSet.of(Variant.SUBJ_ID_AS_STRING, Variant.MEAS_DATE_AS_ONE_INT), g.variants());
        assertEquals(EnumSet.allOf(Part.class), g.parts());
        assertEquals(EnumSet.of(Variant.SUBJ_ID_AS_STRING), SyntheticFiff.builder(9).variants(Variant.SUBJ_ID_AS_STRING,
                Variant.INVALID_BIRTHDAY).without(Variant.INVALID_BIRTHDAY).generate().variants());
        Generated d = SyntheticFiff.builder(9).variants(Variant.MEAS_DATE_AS_DOUBLES).generate();
        GeneratedTag dd = first(d, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO);
        assertEquals(FiffType.DOUBLE, dd.type());
        assertEquals(16, dd.size());

        Generated old = SyntheticFiff.builder(9).variants(Variant.DATE_BEFORE_1970).generate();
        assertTrue(TagData.ints(first(old, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data())[0] < 0);
        Generated late = SyntheticFiff.builder(9).variants(Variant.DATE_NEAR_INT32_LIMIT).generate();
        assertTrue(TagData.ints(first(late, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data())[0]
                > Integer.MAX_VALUE - 40 * 86_400);
        assertReadsBack(late, late.write(tmp.resolve("late.fif")));
        Generated early = SyntheticFiff.builder(9).variants(Variant.DATE_NEAR_INT32_MIN).canaries(true).generate();
        assertTrue(TagData.ints(first(early, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data())[0]
                < Integer.MIN_VALUE + 40 * 86_400);
        assertReadsBack(early, early.write(tmp.resolve("early.fif")));

        Generated empty = SyntheticFiff.builder(9).variants(Variant.EMPTY_STRINGS).generate();
        assertEquals(0, first(empty, FiffKind.SUBJ_MIDDLE_NAME, FiffBlock.SUBJECT).size());
        Generated longs = SyntheticFiff.builder(9).variants(Variant.LONG_STRINGS).generate();
        assertTrue(first(longs, FiffKind.SUBJ_LAST_NAME, FiffBlock.SUBJECT).size() >= 5000);
        Generated intl = SyntheticFiff.builder(9).variants(Variant.NON_ASCII_STRINGS).generate();
        String name = TagData.string(first(intl, FiffKind.SUBJ_LAST_NAME, FiffBlock.SUBJECT).data());
        assertTrue(name.chars().anyMatch(ch -> ch > 127), name);
        assertTrue(name.endsWith("Müller"), "decodes back to the text written: " + name);
        for (long seed = 0; seed < 10; seed++) {
            Generated bad = SyntheticFiff.builder(seed).variants(Variant.INVALID_BIRTHDAY).generate();
            int julian = TagData.ints(first(bad, FiffKind.SUBJ_BIRTH_DAY, FiffBlock.SUBJECT).data())[0];
            assertTrue(julian <= 0 || julian >= 1_000_000_000, "not a valid date: " + julian);
            assertReadsBack(bad, bad.write(tmp.resolve("b.fif")));
        }
    }

    @Test
    void splitRecordingPartsAreLinkedByReferenceBlocks() throws IOException {
        List<Path> files = SyntheticFiff.builder(21).buffers(2, 10).writeRecording(tmp, 3, "run1_raw.fif");
        assertEquals(List.of(tmp.resolve("run1_raw.fif"), tmp.resolve("run1_raw-1.fif"),
                tmp.resolve("run1_raw-2.fif")), files);
        List<Generated> parts = SyntheticFiff.builder(21).buffers(2, 10).generateRecording(3, "run1_raw.fif");
        for (int i = 0; i < 3; i++) {
            assertReadsBack(parts.get(i), files.get(i));
            Generated p = parts.get(i);
            List<Integer> roles = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (GeneratedTag t : p.chain()) {
                if (t.kind() == FiffKind.REF_ROLE) {
                    roles.add(TagData.ints(t.data())[0]);
                } else if (t.kind() == FiffKind.REF_FILE_NAME) {
                    names.add(TagData.string(t.data()));
                }
            }
            List<Integer> expectedRoles = new ArrayList<>();
            List<String> expectedNames = new ArrayList<>();
            if (i > 0) {
                expectedRoles.add(1);
                expectedNames.add(files.get(i - 1).getFileName().toString());
            }
            if (i < 2) {
                expectedRoles.add(2);
                expectedNames.add(files.get(i + 1).getFileName().toString());
            }
            assertEquals(expectedRoles, roles);
            assertEquals(expectedNames, names);
            assertEquals(i * 20, TagData.ints(first(p, FiffKind.FIRST_SAMPLE, FiffBlock.RAW_DATA).data())[0]);
        }
        assertNotEquals(parts.get(0).chain().get(0), parts.get(1).chain().get(0), "each part has its own file ID");
    }
}
