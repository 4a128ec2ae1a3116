package io.github.fiffkit.anonymize.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The keyed per-subject offset: one subject, one offset; normalised keys; uniform over the range. */
class SubjectOffsetTest {
    private static final byte[] SECRET = "study secret".getBytes(StandardCharsets.UTF_8);
    private static final int HIS = FiffKind.SUBJ_HIS_ID;

    private static SubjectOffset keyed(int min, int max) {
        return SubjectOffset.keyed(List.of(HIS), min, max, SECRET, "env:S");
    }

    private static int days(SubjectOffset o, String his) throws PolicyException {
        return o.resolve(Map.of(HIS, his)).days();
    }

    @Test
    void spellingVariantsOfOneSubjectMeet() throws PolicyException {
        SubjectOffset o = keyed(365, 3650);
        int d = days(o, "HIS-Straße 7");
        assertEquals(d, days(o, "  his-STRASSE 7\t"));
        assertEquals(d, days(o, "HIS-Stra\u0073\u0073e 7".toUpperCase()));
        assertEquals(o.resolve(Map.of(HIS, "HIS-Straße 7")).subject(), o.resolve(Map.of(HIS, "his-strasse 7")).subject());
    }

    @Test
    void theSecretAndTheKeyDecideAndTheJoinIsUnambiguous() throws PolicyException {
        SubjectOffset o = SubjectOffset.keyed(List.of(FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_LAST_NAME), 0,
                Integer.MAX_VALUE - 1, SECRET, "env:S");
        int ab = o.resolve(Map.of(FiffKind.SUBJ_FIRST_NAME, "a", FiffKind.SUBJ_LAST_NAME, "bc")).days();
        int abc = o.resolve(Map.of(FiffKind.SUBJ_FIRST_NAME, "ab", FiffKind.SUBJ_LAST_NAME, "c")).days();
        assertNotEquals(ab, abc, "a|bc and ab|c are two subjects");
        SubjectOffset other = SubjectOffset.keyed(List.of(HIS), 0, Integer.MAX_VALUE - 1, "other".getBytes(), "env:S");
        assertNotEquals(days(keyed(0, Integer.MAX_VALUE - 1), "HIS-1"), days(other, "HIS-1"));
    }

    @Test
    void aRawKeyIsJoinedWithoutAmbiguityAndReadBack() throws PolicyException {
        SubjectOffset o = SubjectOffset.keyed(List.of(FiffKind.SUBJ_LAST_NAME, FiffKind.SUBJ_FIRST_NAME), 0, 10,
                SECRET, "env:S").withKeyFileRaw(true);
        List<List<String>> subjects = List.of(List.of("a|b", "c"), List.of("a", "b|c"), List.of("a\\", "|c"),
                List.of("a\\|", "c"), List.of("a", "\\|c"), List.of("x\\y", "z"));
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (List<String> names : subjects) {
            String raw = o.resolve(Map.of(FiffKind.SUBJ_LAST_NAME, names.get(0), FiffKind.SUBJ_FIRST_NAME,
                    names.get(1))).subject();
            assertEquals(SubjectOffset.rawKey(names), raw);
            assertEquals(names, SubjectOffset.rawKeyValues(raw), raw);
            keys.add(raw);
        }
        assertEquals(subjects.size(), keys.size(), "one raw key per subject: " + keys);
        assertEquals("a\\|b|c", SubjectOffset.rawKey(List.of("a|b", "c")));
        assertEquals("his-1", SubjectOffset.rawKey(List.of("his-1")), "a value without | or \\ is as it is");
    }

    @Test
    void everyDayOfASmallRangeComesUpAboutEquallyOften() throws PolicyException {
        SubjectOffset o = keyed(-3, 3);
        int[] counts = new int[7];
        int n = 7000;
        for (int i = 0; i < n; i++) {
            int d = days(o, "HIS-" + i);
            assertTrue(d >= -3 && d <= 3, "in range: " + d);
            counts[d + 3]++;
        }
        // each count is binomial(7000, 1/7): mean 1000, standard deviation 29; 5 deviations is far outside chance
        for (int c : counts) {
            assertTrue(Math.abs(c - 1000) < 150, () -> "counts " + java.util.Arrays.toString(counts));
        }
        assertEquals(42, days(keyed(42, 42), "HIS-1"), "a range of one day");
    }

    @Test
    void theOffsetIsNotTheKeyedHashOfTheSameValue() throws Exception {
        // a policy that also publishes the HIS id's keyed hash with the same secret must not give the offset away
        SubjectOffset o = keyed(0, Integer.MAX_VALUE - 1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        for (String his : List.of("HIS-1", "his-1")) {
            byte[] published = mac.doFinal(his.getBytes(StandardCharsets.UTF_8));
            long v = ByteBuffer.wrap(published).getLong();
            assertNotEquals(Long.remainderUnsigned(v, Integer.MAX_VALUE), (long) days(o, "HIS-1"));
        }
        String subject = o.resolve(Map.of(HIS, "HIS-1")).subject();
        assertTrue(subject.matches("[0-9a-f]{32}"), subject);
        assertTrue(!HexFormat.of().formatHex(mac.doFinal("his-1".getBytes(StandardCharsets.UTF_8))).startsWith(subject));
    }

    @Test
    void trailingNulsOfAFiffStringDoNotMakeAnotherSubject() throws PolicyException {
        SubjectOffset o = keyed(365, 3650);
        SubjectOffset.Shift plain = o.resolve(Map.of(HIS, "HIS-A100"));
        for (String v : List.of("HIS-A100\0", "HIS-A100\0\0\0", " his-a100 \0", "HIS-A100\0 ")) {
            assertEquals(plain, o.resolve(Map.of(HIS, v)), () -> "the same subject: " + v.replace("\0", "\\0"));
        }
        assertEquals("his-a100", SubjectOffset.normalise("HIS-A100\0\0"));
        PolicyException e = assertThrows(PolicyException.class, () -> o.resolve(Map.of(HIS, "\0\0")));
        assertTrue(e.getMessage().contains("which the recording does not have"), e.getMessage());
    }

    @Test
    void aDrawInTheIncompleteLastBlockIsDrawnAgain() {
        // 2^64 = 1 (mod 3): of the 64-bit draws only the last, 2^64 - 1, is in the incomplete block
        List<Integer> counters = new java.util.ArrayList<>();
        int d = SubjectOffset.uniformDays(10, 12, c -> {
            counters.add(c);
            return c == 0 ? -1L : 5L;
        });
        assertEquals(List.of(0, 1), counters, "the first draw was rejected, the second taken");
        assertEquals(12, d, "10 + 5 mod 3 (a modulo of the first draw would give 10 + 0)");
        assertEquals(12, SubjectOffset.uniformDays(10, 12, c -> -2L), "2^64 - 2 is the last draw kept: 10 + 2");
        // a range that divides 2^64 rejects nothing
        assertEquals(13, SubjectOffset.uniformDays(10, 13, c -> c == 0 ? -1L : 0L));
        // the widest range an int holds
        assertEquals(Integer.MIN_VALUE, SubjectOffset.uniformDays(Integer.MIN_VALUE, Integer.MAX_VALUE, c -> 0L));
    }

    @Test
    void theOffsetAndTheSubjectHashAreHmacsUnderTheirOwnDocumentedLabels() throws Exception {
        SubjectOffset o = keyed(100, 1099);
        byte[] key = (HIS + ":8:his-a100").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update("FiffKit date shift v1\0".getBytes(StandardCharsets.US_ASCII));
        mac.update(new byte[] {0, 0, 0, 0}); // the first draw's counter
        long draw = ByteBuffer.wrap(mac.doFinal(key)).getLong();
        assertTrue(Long.compareUnsigned(draw, -1L - Long.remainderUnsigned(-1L, 1000) - 1) <= 0, "not rejected");
        SubjectOffset.Shift shift = o.resolve(Map.of(HIS, " HIS-A100"));
        assertEquals(100 + Long.remainderUnsigned(draw, 1000), shift.days());
        mac.update("FiffKit subject key v1\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(key), 0, 16), shift.subject());
    }

    @Test
    void aBadOffsetIsRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> keyed(5, 4));
        assertThrows(IllegalArgumentException.class, () -> SubjectOffset.keyed(List.of(), 1, 2, SECRET, "env:S"));
        assertThrows(IllegalArgumentException.class,
                () -> SubjectOffset.keyed(List.of(FiffKind.MEAS_DATE), 1, 2, SECRET, "env:S"));
        assertThrows(IllegalArgumentException.class,
                () -> SubjectOffset.keyed(List.of(HIS), 1, 2, new byte[0], "env:S"));
    }
}
