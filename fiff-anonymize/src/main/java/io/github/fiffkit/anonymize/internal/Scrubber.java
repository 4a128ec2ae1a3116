package io.github.fiffkit.anonymize.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds and replaces known PHI values inside free text: every whole-word, case-insensitive occurrence of a
 * value of at least {@link #MIN_LENGTH} characters becomes a placeholder of the same length, so the text keeps
 * its structure (annotation descriptions joined by ':' keep their count and positions).
 *
 * <p>A word boundary is any character that is not a letter or a digit: in {@code BAD_jane_moved} the value
 * {@code Jane} is a whole word (MNE joins words with underscores).
 */
public final class Scrubber {
    /** Shorter values are not searched (they would match too much); they are reported as not checked. */
    public static final int MIN_LENGTH = 4;
    /** The character placeholders are made of. */
    public static final char PLACEHOLDER = 'X';

    private Scrubber() {
    }

    /**
     * @param text   the text to search
     * @param values the values to find (shorter than {@link #MIN_LENGTH} are ignored)
     * @return the text with every occurrence replaced, or the same text when none occurs
     */
    public static String scrub(String text, Collection<String> values) {
        List<String> sorted = usable(values);
        if (sorted.isEmpty() || text.isEmpty()) {
            return text;
        }
        char[] out = text.toCharArray();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean changed = false;
        for (String v : sorted) {
            String needle = v.toLowerCase(Locale.ROOT);
            if (needle.length() != v.length() || lower.length() != text.length()) {
                // case mapping changed lengths (rare scripts): fall back to a region match per position
                changed |= scrubRegionMatches(text, out, v);
                continue;
            }
            for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
                if (isWholeWord(text, i, needle.length())) {
                    for (int k = i; k < i + needle.length(); k++) {
                        out[k] = PLACEHOLDER;
                    }
                    changed = true;
                }
            }
        }
        return changed ? new String(out) : text;
    }

    private static boolean scrubRegionMatches(String text, char[] out, String v) {
        boolean changed = false;
        for (int i = 0; i + v.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, v, 0, v.length()) && isWholeWord(text, i, v.length())) {
                for (int k = i; k < i + v.length(); k++) {
                    out[k] = PLACEHOLDER;
                }
                changed = true;
            }
        }
        return changed;
    }

    /**
     * @param text  the text
     * @param value a value
     * @return true when the value occurs in the text as a whole word, ignoring case
     */
    public static boolean containsWord(String text, String value) {
        return containsWord(text, fold(text), value, fold(value));
    }

    /**
     * {@link #containsWord(String, String)} for a search of many texts for many values (the leak check), with each
     * text and value folded once by {@link #fold(String)}.
     *
     * @param text        the text
     * @param foldedText  {@code fold(text)}
     * @param value       a value
     * @param foldedValue {@code fold(value)}
     * @return true when the value occurs in the text as a whole word, ignoring case
     */
    static boolean containsWord(String text, String foldedText, String value, String foldedValue) {
        if (value.length() < 1 || value.length() > text.length()) {
            return false;
        }
        if (foldedText == null || foldedValue == null) {
            return containsWordRegionMatches(text, value);
        }
        for (int i = foldedText.indexOf(foldedValue); i >= 0; i = foldedText.indexOf(foldedValue, i + 1)) {
            if (isWholeWord(text, i, value.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Folds case char by char the way {@link String#regionMatches(boolean, int, String, int, int)} compares when
     * it ignores case (two chars match when their upper cases, or the lower cases of those, are equal: that is,
     * when upper case then lower case gives the same char), so that one exact {@link String#indexOf} search finds
     * what a case-ignoring region match at every position would find, in the same places. Surrogate pairs are
     * compared as code points there, so a text with any surrogate is not folded.
     *
     * @param text a text
     * @return the folded text, as long as the text, or {@code null} when the text holds a surrogate
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (Character.isSurrogate(c)) {
                return null;
            } else {
                out[i] = Character.toLowerCase(Character.toUpperCase(c));
            }
        }
        return new String(out);
    }

    private static boolean containsWordRegionMatches(String text, String value) {
        for (int i = 0; i + value.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, value, 0, value.length()) && isWholeWord(text, i, value.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWholeWord(String text, int start, int length) {
        boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
        int end = start + length;
        boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
        return before && after;
    }

    private static List<String> usable(Collection<String> values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.strip().length() >= MIN_LENGTH) {
                list.add(v.strip());
            }
        }
        list.sort(Comparator.comparingInt(String::length).reversed());
        return list;
    }
}
