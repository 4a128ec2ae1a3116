package io.github.fiffkit.core;

/**
 * The 16-byte header of a tag, as found at a position of a file.
 *
 * @param position byte offset of the header in the (uncompressed) file
 * @param kind     what the tag holds ({@link FiffKind})
 * @param type     how its data is encoded ({@link FiffType}); printed as an unsigned number
 * @param size     number of data bytes after the header
 * @param next     0 when the next tag follows, -1 for the last tag, or the absolute offset of the next tag
 */
public record TagHeader(long position, int kind, int type, int size, int next) {
    /** Size of a tag header in bytes. */
    public static final int SIZE = 16;
    /** {@code next} value meaning that the next tag follows this one directly. */
    public static final int NEXT_SEQUENTIAL = 0;
    /** {@code next} value meaning that this is the last tag of the chain. */
    public static final int NEXT_NONE = -1;

    /** @return offset of the first data byte */
    public long dataPosition() {
        return position + SIZE;
    }

    /** @return offset just past the data */
    public long endPosition() {
        return position + SIZE + size;
    }

    /** @return true when {@code next} marks the end of the chain */
    public boolean isLast() {
        return next == NEXT_NONE;
    }

    /** @return the type as an unsigned 32-bit number, as MNE prints it */
    public long unsignedType() {
        return Integer.toUnsignedLong(type);
    }

    @Override
    public String toString() {
        return "Tag[" + FiffKind.describe(kind) + " (" + kind + "), " + FiffType.describe(type) + ", size " + size
                + ", next " + next + " @" + position + "]";
    }
}
