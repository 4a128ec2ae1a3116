package io.github.fiffkit.testkit;

import java.util.Arrays;

/**
 * One tag of a generated file as it was written.
 *
 * @param position offset of the tag header in the file
 * @param kind     tag kind
 * @param type     data type
 * @param next     the {@code next} field written (0, -1 or an absolute offset)
 * @param data     the tag data
 */
public record GeneratedTag(long position, int kind, int type, int next, byte[] data) {
    /**
     * Copies the data.
     *
     * @param position offset of the tag header in the file
     * @param kind tag kind
     * @param type data type
     * @param next the {@code next} field written (0, -1 or an absolute offset)
     * @param data the tag data
     */
    public GeneratedTag {
        data = data.clone();
    }

    /** @return the tag data (a copy) */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the size of the tag data in bytes */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedTag t && t.position == position && t.kind == kind && t.type == type
                && t.next == next && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(position) * 31 + kind * 17 + type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GeneratedTag[pos=" + position + ", kind=" + kind + ", type=" + type + ", size=" + data.length
                + ", next=" + next + "]";
    }
}
