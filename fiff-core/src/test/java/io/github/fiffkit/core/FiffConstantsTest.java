package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class FiffConstantsTest {

    // ---------------------------------------------------------------- tag kinds

    @Test
    void knownTagKinds() {
        assertEquals(100, FiffKind.FILE_ID);
        assertEquals(Optional.of("FIFF_FILE_ID"), FiffKind.name(100));
        assertEquals(OptionalInt.of(100), FiffKind.number("FIFF_FILE_ID"));
        assertEquals(OptionalInt.of(100), FiffKind.number("FILE_ID"));

        assertEquals(101, FiffKind.DIR_POINTER);
        assertEquals(Optional.of("FIFF_DIR_POINTER"), FiffKind.name(101));

        assertEquals(410, FiffKind.SUBJ_HIS_ID);
        assertEquals(Optional.of("FIFF_SUBJ_HIS_ID"), FiffKind.name(410));
        assertEquals(OptionalInt.of(401), FiffKind.number("FIFF_SUBJ_FIRST_NAME"));
        assertEquals(OptionalInt.of(401), FiffKind.number("SUBJ_FIRST_NAME"));

        assertEquals(3551, FiffKind.MNE_ENV_COMMAND_LINE);
        assertEquals(Optional.of("FIFF_MNE_ENV_COMMAND_LINE"), FiffKind.name(3551));
        assertEquals(3568, FiffKind.MNE_BASELINE_MIN);
        assertEquals(Optional.of("FIFF_MNE_BASELINE_MIN"), FiffKind.name(3568));
        assertEquals(Optional.of("FIFF_CH_LOC"), FiffKind.name(255));
        assertEquals(Optional.of("FIFF_CH_POS"), FiffKind.name(214));
    }

    @Test
    void sharedTagNumbersUseFirstMneName() {
        assertEquals(FiffKind.COMMENT, FiffKind.DESCRIPTION);
        assertEquals(Optional.of("FIFF_COMMENT"), FiffKind.name(206));
        assertEquals(OptionalInt.of(206), FiffKind.number("FIFF_DESCRIPTION"));
        assertEquals(OptionalInt.of(206), FiffKind.number("DESCRIPTION"));

        assertEquals(FiffKind.REF_PATH, FiffKind.MRI_SOURCE_PATH);
        assertEquals(Optional.of("FIFF_REF_PATH"), FiffKind.name(1101));
        assertEquals(OptionalInt.of(1101), FiffKind.number("FIFF_MRI_SOURCE_PATH"));

        assertEquals(Optional.of("FIFF_SPHERE_RADIUS"), FiffKind.name(3002));
        assertEquals(Optional.of("FIFF_MNE_CH_NAME_LIST"), FiffKind.name(3507));
    }

    @Test
    void mneCppKindsArePresent() {
        assertEquals(120, FiffKind.REF_BLOCK_ID);
        assertEquals(Optional.of("FIFF_REF_BLOCK_ID"), FiffKind.name(120));
        assertEquals(Optional.of("FIFF_DIR"), FiffKind.name(102));
        assertEquals(Optional.of("FIFF_SOURCE_DIPOLE"), FiffKind.name(3201));
        assertEquals(OptionalInt.of(3201), FiffKind.number("FIFF_PROJ_ITEM_DIPOLE"));
    }

    @Test
    void unknownTagKinds() {
        assertEquals(Optional.empty(), FiffKind.name(99_999));
        assertEquals(Optional.empty(), FiffKind.name(-1));
        assertEquals("99999", FiffKind.describe(99_999));
        assertEquals("FIFF_NCHAN", FiffKind.describe(200));
        assertEquals(OptionalInt.empty(), FiffKind.number("FIFF_NO_SUCH_KIND"));
        assertEquals(OptionalInt.empty(), FiffKind.number("fiff_file_id"));
        assertEquals(OptionalInt.empty(), FiffKind.number(""));
        // units are values, not tag kinds
        assertEquals(OptionalInt.empty(), FiffKind.number("FIFF_UNIT_T"));
        assertThrows(NullPointerException.class, () -> FiffKind.number(null));
    }

    // ---------------------------------------------------------------- blocks

    @Test
    void knownBlocks() {
        assertEquals(100, FiffBlock.MEAS);
        assertEquals(101, FiffBlock.MEAS_INFO);
        assertEquals(999, FiffBlock.ROOT);
        assertEquals(3810, FiffBlock.MNE_ANNOTATIONS);
        assertEquals(Optional.of("FIFFB_MEAS_INFO"), FiffBlock.name(101));
        assertEquals(Optional.of("FIFFB_MNE_ANNOTATIONS"), FiffBlock.name(3810));
        assertEquals(Optional.of("FIFFB_ROOT"), FiffBlock.name(999));
        assertEquals(OptionalInt.of(101), FiffBlock.number("FIFFB_MEAS_INFO"));
        assertEquals(OptionalInt.of(101), FiffBlock.number("MEAS_INFO"));
        assertEquals(OptionalInt.of(3810), FiffBlock.number("FIFFB_MNE_ANNOTATIONS"));
        assertEquals(Optional.of("FIFFB_MRI_SEG_REGION"), FiffBlock.name(206));
        assertEquals(Optional.of("FIFFB_SSS_BASES"), FiffBlock.name(505));
    }

    @Test
    void blockAliasesAreNotCanonical() {
        assertEquals(Optional.of("FIFFB_PROJ"), FiffBlock.name(313));
        assertEquals(OptionalInt.of(313), FiffBlock.number("FIFFB_XFIT_PROJ"));
        assertEquals(Optional.of("FIFFB_IAS"), FiffBlock.name(510));
        assertEquals(OptionalInt.of(510), FiffBlock.number("FIFFB_SMARTSHIELD"));
        assertEquals(Optional.of("FIFFB_EVOKED"), FiffBlock.name(104));
    }

    @Test
    void unknownBlocks() {
        assertEquals(Optional.empty(), FiffBlock.name(12_345));
        assertEquals("12345", FiffBlock.describe(12_345));
        assertEquals(OptionalInt.empty(), FiffBlock.number("FIFFB_NOTHING"));
        // a tag kind name is not a block name
        assertEquals(OptionalInt.empty(), FiffBlock.number("FIFF_FILE_ID"));
    }

    // ---------------------------------------------------------------- types

    @Test
    void knownTypes() {
        assertEquals(31, FiffType.ID_STRUCT);
        assertEquals(Optional.of("FIFFT_ID_STRUCT"), FiffType.name(31));
        assertEquals(OptionalInt.of(31), FiffType.number("FIFFT_ID_STRUCT"));
        assertEquals(Optional.of("FIFFT_STRING"), FiffType.name(10));
        assertEquals(OptionalInt.of(10), FiffType.number("FIFFT_ASCII"));
        assertEquals(Optional.of("FIFFT_DATA_REF_STRUCT"), FiffType.name(38));
        assertEquals(Optional.of("FIFFT_STREAM_SEGMENT_STRUCT"), FiffType.name(37));
    }

    @Test
    void matrixTypeNames() {
        assertEquals(Optional.of("FIFFT_MATRIX_FLOAT"), FiffType.name(0x40000004));
        assertEquals(Optional.of("FIFFT_CCS_MATRIX_FLOAT"), FiffType.name(0x40100004));
        assertEquals(Optional.of("FIFFT_RCS_MATRIX_FLOAT"), FiffType.name(0x40200004));
        assertEquals(Optional.of("FIFFT_MATRIX_DOUBLE"), FiffType.name(FiffType.MATRIX_DOUBLE));
        assertEquals(Optional.of("FIFFT_MATRIX_INT"), FiffType.name(FiffType.MATRIX | FiffType.INT));

        assertEquals(OptionalInt.of(0x40000004), FiffType.number("FIFFT_MATRIX_FLOAT"));
        assertEquals(OptionalInt.of(0x40100004), FiffType.number("FIFFT_CCS_MATRIX_FLOAT"));
        assertEquals(OptionalInt.of(0x40200004), FiffType.number("FIFFT_RCS_MATRIX_FLOAT"));
        assertEquals(OptionalInt.of(0x40000004), FiffType.number("MATRIX_FLOAT"));
        assertEquals(OptionalInt.of(0x4000000A), FiffType.number("FIFFT_MATRIX_ASCII"));

        assertEquals(FiffType.CCS_MATRIX_FLOAT, 0x40100004);
        assertEquals(FiffType.RCS_MATRIX_FLOAT, 0x40200004);
        assertEquals("FIFFT_MATRIX_FLOAT", FiffType.describe(0x40000004));
    }

    @Test
    void badMatrixTypes() {
        assertEquals(Optional.empty(), FiffType.name(0x40300004)); // unknown coding
        assertEquals(Optional.empty(), FiffType.name(0x40000063)); // unknown base type 99
        assertEquals(Optional.empty(), FiffType.name(0x00100004)); // coding without matrix bit
        assertEquals(Optional.empty(), FiffType.name(0x50000004)); // other structure byte
        assertEquals(String.valueOf(0x40300004), FiffType.describe(0x40300004));
        assertEquals(OptionalInt.empty(), FiffType.number("FIFFT_MATRIX_NOPE"));
        assertEquals(OptionalInt.empty(), FiffType.number("FIFFT_MATRIX_FIFFT_FLOAT"));
        assertEquals(OptionalInt.empty(), FiffType.number("FIFFT_MATRIX"));
        assertEquals(OptionalInt.empty(), FiffType.number("FIFFT_CCS_MATRIX_"));
    }

    @Test
    void unknownTypeCodesWithTheHighBitSetAreDescribedAsUnsignedNumbers() {
        assertEquals("2147483649", FiffType.describe(0x80000001));
        assertEquals("4294967295", FiffType.describe(-1));
        assertTrue(new TagHeader(0, FiffKind.NOP, 0x80000001, 0, -1).toString().contains("2147483649"));
    }

    @Test
    void matrixPredicates() {
        assertTrue(FiffType.isMatrix(0x40000004));
        assertTrue(FiffType.isMatrix(0x40100004));
        assertFalse(FiffType.isMatrix(FiffType.FLOAT));
        assertFalse(FiffType.isMatrix(0x00100004));
        assertFalse(FiffType.isSparse(0x40000004));
        assertTrue(FiffType.isSparse(0x40100004));
        assertTrue(FiffType.isSparse(0x40200004));
        assertFalse(FiffType.isSparse(0x00100004));
        assertEquals(FiffType.FLOAT, FiffType.baseType(0x40200004));
        assertEquals(FiffType.DOUBLE, FiffType.baseType(FiffType.DOUBLE));
        assertEquals(0x40000000, FiffType.MATRIX);
        assertEquals(0x00100000, FiffType.SPARSE_CCS);
        assertEquals(0x00200000, FiffType.SPARSE_RCS);
        assertEquals(0xFFFF0000, FiffType.MATRIX_CODING_MASK);
        assertEquals(0x0000FFFF, FiffType.BASE_TYPE_MASK);
    }

    @Test
    void typeTableHoldsOnlyBaseTypes() {
        for (Map.Entry<String, Integer> e : FiffType.all().entrySet()) {
            assertEquals(0, e.getValue() & FiffType.MATRIX_CODING_MASK, e.getKey());
        }
        assertFalse(FiffType.all().containsKey("FIFFT_MATRIX"));
        assertFalse(FiffType.all().containsKey("FIFFT_MATRIX_FLOAT"));
        assertFalse(FiffType.all().containsKey("FIFFT_BASE_TYPE_MASK"));
    }

    @Test
    void everyMatrixNameRoundTrips() {
        int[] codings = {0, FiffType.SPARSE_CCS, FiffType.SPARSE_RCS};
        for (int base : new HashSet<>(FiffType.all().values())) {
            for (int coding : codings) {
                int type = FiffType.MATRIX | coding | base;
                String name = FiffType.name(type).orElseThrow();
                assertEquals(OptionalInt.of(type), FiffType.number(name), name);
                assertTrue(FiffType.isMatrix(type));
                assertEquals(coding != 0, FiffType.isSparse(type));
                assertEquals(base, FiffType.baseType(type));
            }
        }
    }

    // ---------------------------------------------------------------- all tables

    @Test
    void everyNameRoundTrips() {
        checkRoundTrip(FiffKind.all(), FiffKind::name, FiffKind::number);
        checkRoundTrip(FiffBlock.all(), FiffBlock::name, FiffBlock::number);
        checkRoundTrip(FiffType.all(), FiffType::name, FiffType::number);
    }

    private static void checkRoundTrip(Map<String, Integer> all, IntFunction<Optional<String>> name,
            Function<String, OptionalInt> number) {
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            assertEquals(OptionalInt.of(e.getValue()), number.apply(e.getKey()), e.getKey());
            String canonical = name.apply(e.getValue()).orElseThrow(() -> new AssertionError(e.getKey()));
            assertEquals(OptionalInt.of(e.getValue()), number.apply(canonical), canonical);
            assertEquals(e.getValue(), all.get(canonical));
        }
    }

    @Test
    void everyFieldIsRegistered() {
        checkFields(FiffKind.class, "FIFF_", FiffKind.all(), Set.of());
        checkFields(FiffBlock.class, "FIFFB_", FiffBlock.all(), Set.of());
        checkFields(FiffType.class, "FIFFT_", FiffType.all(), Set.of("MATRIX", "SPARSE_CCS", "SPARSE_RCS",
                "MATRIX_CODING_MASK", "BASE_TYPE_MASK", "CCS_MATRIX", "RCS_MATRIX", "MATRIX_INT",
                "MATRIX_FLOAT", "MATRIX_DOUBLE", "CCS_MATRIX_FLOAT", "RCS_MATRIX_FLOAT"));
    }

    private static void checkFields(Class<?> type, String prefix, Map<String, Integer> all, Set<String> skip) {
        int count = 0;
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || skip.contains(f.getName())) {
                continue;
            }
            String name = prefix + f.getName();
            try {
                assertEquals(f.getInt(null), all.get(name), name);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            count++;
        }
        assertEquals(count, all.size(), type.getSimpleName());
    }

    @Test
    void aliasesAreNeverCanonical() {
        for (String alias : List.of("FIFF_DESCRIPTION", "FIFF_MRI_SOURCE_PATH", "FIFF_CH_POS_VEC",
                "FIFF_SPHERE_COORD_FRAME", "FIFF_XFIT_PROJ_ITEM_KIND", "FIFF_CH_NAME_LIST")) {
            int n = FiffKind.number(alias).orElseThrow();
            assertNotEquals(Optional.of(alias), FiffKind.name(n), alias);
        }
        assertNotEquals(Optional.of("FIFFB_XFIT_PROJ"), FiffBlock.name(313));
        assertNotEquals(Optional.of("FIFFT_ASCII"), FiffType.name(10));
    }

    @Test
    void allIsSortedAndUnmodifiable() {
        for (Map<String, Integer> all : List.of(FiffKind.all(), FiffBlock.all(), FiffType.all())) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(all.entrySet());
            for (int i = 1; i < entries.size(); i++) {
                Map.Entry<String, Integer> a = entries.get(i - 1);
                Map.Entry<String, Integer> b = entries.get(i);
                assertTrue(a.getValue() < b.getValue()
                        || (a.getValue().equals(b.getValue()) && a.getKey().compareTo(b.getKey()) < 0),
                        a + " before " + b);
            }
            assertThrows(UnsupportedOperationException.class, () -> all.put("X", 1));
        }
    }

    @Test
    void tableSizes() {
        // 334 tag kind names (259 from MNE-Python, 75 from MNE-CPP) over 317 numbers
        assertTrue(FiffKind.all().size() >= 334, "tag kind names: " + FiffKind.all().size());
        assertTrue(new HashSet<>(FiffKind.all().values()).size() >= 317);
        // 81 block names (70 from MNE-Python, 11 from MNE-CPP) over 73 numbers
        assertTrue(FiffBlock.all().size() >= 81, "block names: " + FiffBlock.all().size());
        assertTrue(new HashSet<>(FiffBlock.all().values()).size() >= 73);
        // 28 base type names over 27 codes
        assertTrue(FiffType.all().size() >= 28, "type names: " + FiffType.all().size());
        assertTrue(new HashSet<>(FiffType.all().values()).size() >= 27);
    }

    // ---------------------------------------------------------------- FiffNames itself

    /** Two canonical names for one number. */
    public static final class Clash {
        public static final int A = 1;
        public static final int B = 1;
    }

    /** An alias whose number has no canonical name. */
    public static final class Orphan {
        public static final int A = 1;
        public static final int B = 2;
    }

    /** A name that starts with a digit, plus a non-constant field. */
    public static final class Digits {
        public static final int _4D = 4;
        public static final int PLAIN = 5;
        public static int notFinal = 6;
    }

    @Test
    void namesTableRejectsMistakes() {
        assertThrows(IllegalStateException.class, () -> FiffNames.of(Clash.class, "X_", Set.of()));
        assertThrows(IllegalStateException.class, () -> FiffNames.of(Orphan.class, "X_", Set.of("B")));
        assertThrows(IllegalStateException.class, () -> FiffNames.of(Orphan.class, "X_", Set.of("NOPE")));
        assertThrows(IllegalStateException.class,
                () -> FiffNames.of(Orphan.class, "X_", Set.of(), Set.of("NOPE")));
        FiffNames ok = FiffNames.of(Clash.class, "X_", Set.of("B"));
        assertEquals(Optional.of("X_A"), ok.name(1));
        assertEquals(OptionalInt.of(1), ok.number("X_B"));
    }

    @Test
    void namesTableStripsDigitGuard() {
        FiffNames names = FiffNames.of(Digits.class, "X_", Set.of());
        assertEquals(Optional.of("X_4D"), names.name(4));
        assertEquals(OptionalInt.of(4), names.number("X_4D"));
        assertEquals(OptionalInt.of(4), names.number("4D"));
        assertEquals(OptionalInt.empty(), names.number("X__4D"));
        assertEquals(Optional.empty(), names.name(6));
        assertEquals(2, names.all().size());
    }
}
