package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.FiffKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToLongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A date offset of its own for every subject, the same in every file and every run: a study shares a subject's
 * sessions with the days between them intact, while two subjects never move together (one known date would
 * otherwise undo the shift of the whole study). The subject is known by the values of some tags (the key: the HIS
 * id, the subject number, or last name and birthday), normalised so that spelling variants of one subject meet:
 * each value trimmed, Unicode NFC, case-folded.
 *
 * <p>The offset comes from a table ({@link Table}: the subject's row) or from the key and a secret ({@link Keyed}:
 * HMAC-SHA-256 of the key, mapped without bias onto whole days in {@code [min, max]} by rejection sampling); a
 * table that lacks the subject falls back on the keyed offset when there is one, then on {@code fallbackDays},
 * else the recording is refused. The secret also gives the subject's keyed hash for the key file.
 *
 * <p>The HMAC input starts with a label of its own ({@code FiffKit date shift v1} or {@code FiffKit subject key
 * v1}), so a policy that also hashes the HIS id with the same secret publishes nothing from which the offset could
 * be computed. The key is joined unambiguously: for each tag its number, the value's length in UTF-8 bytes and the
 * value.
 *
 * @param keyTags      the tags whose values make the subject key, in order (at least one)
 * @param secret       the secret of the keyed offset and of the subject's hash, or {@code null} (a table alone)
 * @param secretRef    where the secret came from ({@code env:NAME}), for the policy hash; never the secret
 * @param keyed        the keyed offset's range, or {@code null}
 * @param table        the table of offsets, or {@code null}
 * @param fallbackDays the offset of a subject without one (missing tags, not in the table), or {@code null} to
 *                     refuse such a recording
 * @param keyFileRaw   whether a key file holds the normalised key itself ({@link #rawKey}) instead of its keyed
 *                     hash
 */
public record SubjectOffset(List<Integer> keyTags, byte[] secret, String secretRef, Keyed keyed, Table table,
        Integer fallbackDays, boolean keyFileRaw) {

    /** Tags a subject key may use: the subject's identifying tags, each read as text, number or day. */
    public static final List<Integer> KEY_KINDS = List.of(FiffKind.SUBJ_HIS_ID, FiffKind.SUBJ_ID,
            FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_MIDDLE_NAME, FiffKind.SUBJ_LAST_NAME, FiffKind.SUBJ_BIRTH_DAY);

    private static final byte[] SHIFT_LABEL = "FiffKit date shift v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBJECT_LABEL = "FiffKit subject key v1\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * A keyed offset: uniform over the whole days from {@code min} to {@code max}, both included.
     *
     * @param min the smallest offset (positive = earlier)
     * @param max the largest offset
     */
    public record Keyed(int min, int max) {
        /**
         * @param min the smallest offset
         * @param max the largest offset
         * @throws IllegalArgumentException when {@code min > max}
         */
        public Keyed {
            if (min > max) {
                throw new IllegalArgumentException("the smallest offset " + min + " is larger than the largest " + max);
            }
        }
    }

    /**
     * Offsets from a table: normalised subject key (the one key tag's value) to days.
     *
     * @param name    the table's name (its path as the policy gives it)
     * @param sha256  the SHA-256 of the table file, for the policy hash
     * @param offsets normalised key to offset in days
     */
    public record Table(String name, String sha256, Map<String, Integer> offsets) {
        /**
         * Copies the map.
         *
         * @param name    the table's name
         * @param sha256  the SHA-256 of the table file
         * @param offsets normalised key to offset in days
         */
        public Table {
            Objects.requireNonNull(name, "name");
            offsets = Map.copyOf(offsets);
        }
    }

    /**
     * The offset a subject got and how.
     *
     * @param days       the offset in days (positive = earlier)
     * @param subject    the subject's keyed hash (32 hexadecimal digits), the normalised key ({@link #rawKey}) when
     *                   the policy asks for it raw, or empty when the key is missing or there is no secret
     * @param source     {@code keyed}, {@code table} or {@code fallback}
     */
    public record Shift(int days, String subject, String source) {
    }

    /**
     * Checks the parts.
     *
     * @param keyTags      the key's tags
     * @param secret       the secret, or null
     * @param secretRef    where it came from
     * @param keyed        the keyed range, or null
     * @param table        the table, or null
     * @param fallbackDays the fallback offset, or null
     * @param keyFileRaw   whether a key file holds the raw key
     * @throws IllegalArgumentException when there is neither a range nor a table, a range without a secret, no key
     *                                  tag, or a tag outside {@link #KEY_KINDS}
     */
    public SubjectOffset {
        keyTags = List.copyOf(keyTags);
        if (keyTags.isEmpty()) {
            throw new IllegalArgumentException("a per-subject offset needs at least one key tag");
        }
        for (int k : keyTags) {
            if (!KEY_KINDS.contains(k)) {
                throw new IllegalArgumentException(FiffKind.describe(k) + " cannot be part of a subject key");
            }
        }
        if (keyed == null && table == null) {
            throw new IllegalArgumentException("a per-subject offset needs a range (keyed) or a table");
        }
        if (secret != null && secret.length == 0) {
            throw new IllegalArgumentException("the secret of a per-subject offset is empty");
        }
        if (keyed != null && secret == null) {
            throw new IllegalArgumentException("a keyed per-subject offset needs a secret");
        }
        if (table != null && keyTags.size() != 1) {
            throw new IllegalArgumentException("a table of offsets is looked up by one tag");
        }
        secret = secret == null ? null : secret.clone();
    }

    /**
     * A keyed offset: HMAC-SHA-256 of the subject key and the secret, uniform over {@code [min, max]} days.
     *
     * @param keyTags   the tags of the key, e.g. {@code FiffKind.SUBJ_HIS_ID}
     * @param min       the smallest offset in days (positive = earlier)
     * @param max       the largest offset in days
     * @param secret    the secret (never written anywhere)
     * @param secretRef where the secret came from, for reports (e.g. {@code env:STUDY_SECRET})
     * @return the offset; a recording without the key's tags is refused
     */
    public static SubjectOffset keyed(List<Integer> keyTags, int min, int max, byte[] secret, String secretRef) {
        return new SubjectOffset(keyTags, secret, secretRef, new Keyed(min, max), null, null, false);
    }

    /**
     * Offsets from a table.
     *
     * @param keyTag the tag whose value the table's {@code original} column holds
     * @param table  the table
     * @return the offset; a subject missing from the table is refused
     */
    public static SubjectOffset fromTable(int keyTag, Table table) {
        return new SubjectOffset(List.of(keyTag), null, null, null, table, null, false);
    }

    /**
     * @param days the offset of a subject without one (missing key tags, not in the table)
     * @return a copy that uses it instead of refusing the recording
     */
    public SubjectOffset withFallbackDays(int days) {
        return new SubjectOffset(keyTags, secret, secretRef, keyed, table, days, keyFileRaw);
    }

    /**
     * @param min the smallest keyed offset
     * @param max the largest keyed offset
     * @param key the secret
     * @param ref where it came from
     * @return a copy whose subjects missing from the table get a keyed offset
     */
    public SubjectOffset withKeyedFallback(int min, int max, byte[] key, String ref) {
        return new SubjectOffset(keyTags, key, ref, new Keyed(min, max), table, fallbackDays, keyFileRaw);
    }

    /**
     * @param key the secret of the subject's keyed hash in a key file
     * @param ref where it came from
     * @return a copy with it
     */
    public SubjectOffset withSecret(byte[] key, String ref) {
        return new SubjectOffset(keyTags, key, ref, keyed, table, fallbackDays, keyFileRaw);
    }

    /**
     * @param raw whether a key file holds the normalised key itself (it then re-identifies by itself)
     * @return a copy with it
     */
    public SubjectOffset withKeyFileRaw(boolean raw) {
        return new SubjectOffset(keyTags, secret, secretRef, keyed, table, fallbackDays, raw);
    }

    /**
     * The normal form of one value of a key: without the NUL characters a FIFF string may end with, trimmed,
     * Unicode NFC, case-folded (upper then lower case, so that {@code ß} and {@code SS} meet).
     *
     * @param value a value as found in a file
     * @return its normal form
     */
    public static String normalise(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\0' || Character.isWhitespace(value.charAt(end - 1)))) {
            end--;
        }
        String n = Normalizer.normalize(value.substring(0, end).strip(), Normalizer.Form.NFC);
        return n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The offset of one subject.
     *
     * @param values the recording's values of the key tags (as found; missing or blank ones absent)
     * @return the shift
     * @throws PolicyException when the subject has no offset and the policy names no fallback; the message names
     *                         the tags or the table, never a value
     */
    public Shift resolve(Map<Integer, String> values) throws PolicyException {
        return resolve(values, "dates.measurement.offsetDays");
    }

    /**
     * The offset of one subject, for one of the policy's dates.
     *
     * @param values the recording's values of the key tags (as found; missing or blank ones absent)
     * @param field  the policy's field for messages, e.g. {@code dates.birthday.offsetDays}
     * @return the shift
     * @throws PolicyException when the subject has no offset and the policy names no fallback; the message names
     *                         the tags or the table, never a value
     */
    public Shift resolve(Map<Integer, String> values, String field) throws PolicyException {
        byte[] key = key(values);
        if (table != null && key != null) {
            Integer days = table.offsets().get(normalise(values.get(keyTags.get(0))));
            if (days != null) {
                return new Shift(days, subject(values, key), "table");
            }
        }
        if (keyed != null && key != null) {
            return new Shift(keyedDays(key), subject(values, key), "keyed");
        }
        if (fallbackDays != null) {
            return new Shift(fallbackDays, key == null ? "" : subject(values, key), "fallback");
        }
        if (key == null) {
            throw new PolicyException("the per-subject date offset (" + field + ") needs "
                    + describeTags() + ", which the recording does not have; add the tags, or name a fallback"
                    + " with \"missing\"");
        }
        throw new PolicyException("the subject is not in the table of offsets " + table.name()
                + " (" + field + ".table); add the subject, or name a fallback with \"missing\"");
    }

    /** @return the key tags in words, e.g. {@code FIFF_SUBJ_HIS_ID (466)} */
    public String describeTags() {
        return String.join(" and ", keyTags.stream().map(FiffKind::describe).toList());
    }

    /** The joined key (tag number, UTF-8 length, value, for each tag), or null when a value is missing. */
    private byte[] key(Map<Integer, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k : keyTags) {
            String v = values.get(k);
            if (v == null || normalise(v).isEmpty()) {
                return null;
            }
            byte[] b = normalise(v).getBytes(StandardCharsets.UTF_8);
            out.writeBytes((k + ":" + b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private String subject(Map<Integer, String> values, byte[] key) {
        if (keyFileRaw) {
            return rawKey(keyTags.stream().map(k -> normalise(values.get(k))).toList());
        }
        if (secret == null) {
            return "";
        }
        return HexFormat.of().formatHex(hmac(SUBJECT_LABEL, key, -1), 0, 16);
    }

    /**
     * The subject key as a key file holds it with {@code keyFileRaw}: the normalised values joined by {@code |},
     * each {@code \} in a value written {@code \\} and each {@code |} written {@code \|}, so that two keys never
     * read alike ({@code ("a|b", "c")} is {@code a\|b|c}, {@code ("a", "b|c")} is {@code a|b\|c}). A value without
     * either character is as it is.
     *
     * @param values the normalised values, in the order of the key's tags
     * @return the raw key
     */
    public static String rawKey(List<String> values) {
        return String.join("|", values.stream().map(v -> v.replace("\\", "\\\\").replace("|", "\\|")).toList());
    }

    /**
     * The values of a raw subject key ({@link #rawKey}), in the order of the key's tags.
     *
     * @param raw a raw key
     * @return its values
     */
    public static List<String> rawKeyValues(String raw) {
        List<String> values = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                cur.append(raw.charAt(++i));
            } else if (c == '|') {
                values.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        values.add(cur.toString());
        return values;
    }

    /**
     * Maps the key onto {@code [min, max]} without bias: the first 64 bits of HMAC(label, counter, key) as an
     * unsigned number, drawn again with the next counter while it falls in the incomplete last block of
     * {@code 2^64} (a chance below {@code 2^-32} per draw for any range of days an int holds).
     */
    private int keyedDays(byte[] key) {
        return uniformDays(keyed.min(), keyed.max(), counter -> ByteBuffer.wrap(hmac(SHIFT_LABEL, key, counter))
                .getLong());
    }

    /**
     * Whole days in {@code [min, max]} from 64-bit draws, without bias: a draw in the incomplete last block of
     * {@code 2^64} is rejected and the next counter's draw taken. Package-private so that a test can hand it draws
     * that fall in that block.
     *
     * @param min  the first day
     * @param max  the last day
     * @param draw the 64-bit draw (unsigned) of each counter, from 0 on
     * @return the day
     */
    static int uniformDays(int min, int max, IntToLongFunction draw) {
        long n = (long) max - min + 1;
        long rest = Long.remainderUnsigned(-1L, n) + 1; // 2^64 mod n, or n when n divides 2^64
        long limit = rest == n ? -1L : -1L - rest;         // the last draw of the last complete block of n
        for (int counter = 0;; counter++) {
            long d = draw.applyAsLong(counter);
            if (Long.compareUnsigned(d, limit) <= 0) {
                return (int) (min + Long.remainderUnsigned(d, n));
            }
        }
    }

    private byte[] hmac(byte[] label, byte[] key, int counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label);
            if (counter >= 0) {
                mac.update(ByteBuffer.allocate(4).putInt(counter).array());
            }
            return mac.doFinal(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectOffset s && keyTags.equals(s.keyTags) && Arrays.equals(secret, s.secret)
                && Objects.equals(secretRef, s.secretRef) && Objects.equals(keyed, s.keyed)
                && Objects.equals(table, s.table) && Objects.equals(fallbackDays, s.fallbackDays)
                && keyFileRaw == s.keyFileRaw;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyTags, Arrays.hashCode(secret), secretRef, keyed, table, fallbackDays, keyFileRaw);
    }

    @Override
    public String toString() {
        return "SubjectOffset[" + describeTags() + (keyed != null ? ", keyed " + keyed.min() + ".." + keyed.max()
                + " (" + secretRef + ")" : "") + (table != null ? ", table " + table.name() : "")
                + (fallbackDays != null ? ", fallback " + fallbackDays : "") + (keyFileRaw ? ", raw key file" : "")
                + "]";
    }
}
