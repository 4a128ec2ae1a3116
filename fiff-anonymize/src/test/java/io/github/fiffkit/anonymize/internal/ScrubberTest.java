package io.github.fiffkit.anonymize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Scrubber#containsWord}: the leak check's search, which folds each text and value once and searches
 * exactly, finds what a case-ignoring region match at every position (the search it replaced) finds.
 */
class ScrubberTest {
    /**
     * Letters whose case mappings are unusual: long s, Kelvin sign, dotted and dotless i, final sigma, micro
     * sign, y with diaeresis (its capital is outside Latin-1), sharp s; a Deseret pair (a case pair outside the
     * BMP) and an emoji (surrogates); word boundaries.
     */
    private static final String[] ALPHABET = {"a", "A", "s", "S", "\u017f", "k", "K", "\u212a", "i", "I",
        "\u0130", "\u0131", "\u03c3", "\u03a3", "\u03c2", "\u00b5", "\u039c", "\u00ff", "\u0178", "\u00df",
        "\u00e9", "\u00c9", "1", " ", "_", ":", "\ud801\udc00", "\ud801\udc28", "\ud83d\ude00"};

    /** The search the leak check used to run: a case-ignoring region match at every position, whole words. */
    private static boolean reference(String text, String value) {
        if (value.isEmpty() || value.length() > text.length()) {
            return false;
        }
        for (int i = 0; i + value.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, value, 0, value.length())) {
                int end = i + value.length();
                boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (before && after) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String word(Random r, int max, boolean surrogates) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET[r.nextInt(surrogates ? ALPHABET.length : ALPHABET.length - 3)]);
        }
        return b.toString();
    }

    /** A value cut from the text with the case of some letters changed, so that many searches find it. */
    private static String cutFrom(Random r, String text) {
        int from = r.nextInt(text.length());
        int to = from + 1 + r.nextInt(Math.min(8, text.length() - from));
        StringBuilder b = new StringBuilder();
        for (char c : text.substring(from, to).toCharArray()) {
            b.append(r.nextBoolean() ? Character.toUpperCase(c) : r.nextBoolean() ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }

    @Test
    void findsWhatACaseIgnoringRegionMatchAtEveryPositionFinds() {
        int found = 0;
        int missed = 0;
        for (long s = 0; s < 20_000; s++) {
            long seed = s;
            Random r = new Random(seed);
            boolean surrogates = seed % 4 == 0;
            String text = word(r, 40, surrogates);
            String value = text.isEmpty() || r.nextInt(3) == 0 ? word(r, 6, surrogates) : cutFrom(r, text);
            boolean want = reference(text, value);
            assertEquals(want, Scrubber.containsWord(text, value), () -> "seed " + seed);
            assertEquals(want, Scrubber.containsWord(text, Scrubber.fold(text), value, Scrubber.fold(value)),
                    () -> "seed " + seed);
            if (want) {
                found++;
            } else {
                missed++;
            }
        }
        assertTrue(found > 1000 && missed > 1000, found + " found, " + missed + " not found");
    }

    @Test
    void foldingKeepsLengthAndIgnoresCaseAsRegionMatchesDoes() {
        assertEquals(Scrubber.fold("JANE Doe"), Scrubber.fold("jane dOE"));
        assertEquals(Scrubber.fold("\u212aate"), Scrubber.fold("kate"), "the Kelvin sign matches k");
        assertEquals(Scrubber.fold("\u017fmith"), Scrubber.fold("Smith"), "long s matches s");
        assertEquals("stra\u00dfe".length(), Scrubber.fold("STRA\u00dfE").length(), "sharp s stays one char");
        assertNull(Scrubber.fold("a\ud83d\ude00"), "surrogates: not folded, searched the old way");
        assertTrue(Scrubber.containsWord("BAD_jane_moved", "Jane"));
        assertFalse(Scrubber.containsWord("Janet", "Jane"));
        assertTrue(Scrubber.containsWord("subject \ud801\udc00lice here", "\ud801\udc28LICE"));
    }
}
