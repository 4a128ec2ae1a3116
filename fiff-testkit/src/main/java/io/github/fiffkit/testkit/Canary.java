package io.github.fiffkit.testkit;

import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.Julian;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One personal value of a canary file: unique in the file, so that a test can search output bytes for it.
 *
 * @param field     a short name of the field, such as {@code subject first name}
 * @param kinds     the tag kinds that hold the value (an ID's machine id is in every ID tag)
 * @param block     the block kind the value lives in, or -1 for the file's top level or several blocks
 * @param value     the value as text, for messages
 * @param encodings the byte sequences under which the value appears in the file (the first is the one written);
 *                  a test that finds any of them in an output has found a leak
 * @param hidden    whether the value lives only in a hidden (unlinked) tag, which no reader of the chain sees
 */
public record Canary(String field, Set<Integer> kinds, int block, String value, List<byte[]> encodings,
        boolean hidden) {
    /**
     * Copies the lists.
     *
     * @param field a short name of the field, such as {@code subject first name}
     * @param kinds the tag kinds that hold the value (an ID's machine id is in every ID tag)
     * @param block the block kind the value lives in, or -1 for the file's top level or several blocks
     * @param value the value as text, for messages
     * @param encodings the byte sequences under which the value appears in the file (the first is the one written); a
     *     test that finds any of them in an output has found a leak
     * @param hidden whether the value lives only in a hidden (unlinked) tag, which no reader of the chain sees
     */
    public Canary {
        kinds = Set.copyOf(kinds);
        List<byte[]> copy = new ArrayList<>();
        for (byte[] e : encodings) {
            copy.add(e.clone());
        }
        encodings = List.copyOf(copy);
    }

    /** @return the encodings (copies) */
    @Override
    public List<byte[]> encodings() {
        List<byte[]> copy = new ArrayList<>();
        for (byte[] e : encodings) {
            copy.add(e.clone());
        }
        return copy;
    }

    /**
     * Searches bytes for every encoding of this value.
     *
     * @param bytes the bytes to search, for example a whole output file
     * @return the offset of the first occurrence of any encoding, or -1
     */
    public long findIn(byte[] bytes) {
        long first = -1;
        for (byte[] e : encodings) {
            int at = Bytes.indexOf(bytes, e);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * The texts under which a message, a warning, a log line or a report could show this value: the value, each
     * encoding that is printable ASCII (the canary token), for a time its day ({@code YYYY-MM-DD}) and seconds
     * since 1970 (not its time of day, which an offset of whole days keeps), for a birthday its day, for a machine
     * id each half in hexadecimal and in decimal. Texts shorter than 5 characters are left out: they occur by
     * chance in offsets and counts.
     *
     * @return the texts, lower case, to search case-insensitively
     */
    public List<String> texts() {
        Set<String> out = new LinkedHashSet<>();
        out.add(value);
        for (byte[] e : encodings) {
            String s = new String(e, StandardCharsets.ISO_8859_1);
            if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                out.add(s);
            }
        }
        Instant time = null;
        try {
            time = Instant.parse(value);
        } catch (DateTimeParseException e) {
            if (kinds.contains(FiffKind.MEAS_DATE) && value.matches("-?\\d+")) {
                time = Instant.ofEpochSecond(Long.parseLong(value));
            }
        }
        if (time != null) {
            String iso = time.toString();
            out.add(iso.substring(0, 10));
            out.add(Long.toString(time.getEpochSecond()));
        }
        if (kinds.contains(FiffKind.SUBJ_BIRTH_DAY) && value.matches("-?\\d+")) {
            out.add(Julian.toLocalDate(Integer.parseInt(value)).toString());
        }
        if (kinds.contains(FiffKind.FILE_ID) && value.matches("[0-9a-f]{16}")) {
            for (String half : List.of(value.substring(0, 8), value.substring(8))) {
                out.add(half);
                out.add(Integer.toString((int) Long.parseLong(half, 16)));
            }
        }
        List<String> texts = new ArrayList<>();
        for (String s : out) {
            if (s.length() >= 5) {
                texts.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return texts;
    }

    @Override
    public String toString() {
        return field + " " + kinds + " = " + value + (hidden ? " (hidden tag)" : "");
    }
}
