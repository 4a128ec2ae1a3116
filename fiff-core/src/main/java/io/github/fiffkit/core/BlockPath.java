package io.github.fiffkit.core;

import java.util.Arrays;

/**
 * The chain of open blocks around a tag, outermost first, as block kind numbers ({@link FiffBlock}).
 *
 * <p>Immutable. The root of a file (outside every block) is the empty path. The printed form is
 * {@code /FIFFB_MEAS/FIFFB_MEAS_INFO}, and {@code /} for the root.
 */
public final class BlockPath {
    /** The path outside every block. */
    public static final BlockPath ROOT = new BlockPath(new int[0]);

    private final int[] kinds;

    private BlockPath(int[] kinds) {
        this.kinds = kinds;
    }

    /**
     * Creates a path.
     *
     * @param kinds block kinds, outermost first
     * @return the path
     */
    public static BlockPath of(int... kinds) {
        return kinds.length == 0 ? ROOT : new BlockPath(kinds.clone());
    }

    /**
     * Returns this path with one more block inside it.
     *
     * @param blockKind the kind of the inner block
     * @return the longer path
     */
    public BlockPath push(int blockKind) {
        int[] longer = Arrays.copyOf(kinds, kinds.length + 1);
        longer[kinds.length] = blockKind;
        return new BlockPath(longer);
    }

    /**
     * Returns this path without its innermost block.
     *
     * @return the parent path; the root stays the root
     */
    public BlockPath pop() {
        return kinds.length <= 1 ? ROOT : new BlockPath(Arrays.copyOf(kinds, kinds.length - 1));
    }

    /** @return the number of open blocks (0 at the root) */
    public int depth() {
        return kinds.length;
    }

    /** @return true at the root, outside every block */
    public boolean isRoot() {
        return kinds.length == 0;
    }

    /**
     * Returns the innermost block kind.
     *
     * @return the kind of the innermost open block, or -1 at the root
     */
    public int innermost() {
        return kinds.length == 0 ? -1 : kinds[kinds.length - 1];
    }

    /**
     * Tells whether a block of a kind is open anywhere on this path.
     *
     * @param blockKind a block kind
     * @return true when the kind is on the path
     */
    public boolean contains(int blockKind) {
        for (int k : kinds) {
            if (k == blockKind) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the block kind at a depth.
     *
     * @param index 0 for the outermost block
     * @return the block kind
     * @throws IndexOutOfBoundsException when there is no block at that depth
     */
    public int get(int index) {
        return kinds[index];
    }

    /** @return the block kinds, outermost first (a copy) */
    public int[] kinds() {
        return kinds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockPath other && Arrays.equals(kinds, other.kinds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(kinds);
    }

    @Override
    public String toString() {
        if (kinds.length == 0) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int k : kinds) {
            sb.append('/').append(FiffBlock.describe(k));
        }
        return sb.toString();
    }
}
