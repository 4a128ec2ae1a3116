package io.github.fiffkit.anonymize.policyfile;

import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for policy files: the known name closest to a mistyped one, and lists of the valid names for
 * messages that have no close match to offer.
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known name a word most likely stands for: the same name in another case or without its
     * {@code FIFF_}/{@code FIFFB_}/{@code FIFFT_} prefix, the shortest name the word starts (from three letters
     * on), or the name at the smallest edit distance when that distance is small for the word's length.
     *
     * @return the suggestion, or empty when no name is close enough to be a likely typo
     */
    static Optional<String> closest(String word, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        String prefixed = null;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && kl.startsWith(lower) && (prefixed == null || k.length() < prefixed.length())) {
                prefixed = k;
            }
        }
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (kl.equals(lower) || kl.equals("fiff_" + lower) || kl.equals("fiffb_" + lower)
                    || kl.equals("fifft_" + lower)) {
                return Optional.of(k);
            }
            int d = distance(lower, kl);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (prefixed != null) {
            return Optional.of(prefixed);
        }
        return bestDistance <= Math.max(2, word.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** @return the names in double quotes, separated by commas, for "the ... are ..." */
    static String quoteAll(Iterable<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"').append(s).append('"');
        }
        return sb.toString();
    }

    /** The Levenshtein distance of two words. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
