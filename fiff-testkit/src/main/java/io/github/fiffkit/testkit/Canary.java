package io.github.fiffkit.testkit;

import java.util.ArrayList;
import java.util.List;
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

    @Override
    public String toString() {
        return field + " " + kinds + " = " + value + (hidden ? " (hidden tag)" : "");
    }
}
