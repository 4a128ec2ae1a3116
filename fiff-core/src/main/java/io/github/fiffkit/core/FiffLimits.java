package io.github.fiffkit.core;

/**
 * Limits that keep a hostile or broken file from exhausting memory or time.
 *
 * <p>The chain itself is always checked: a tag may not extend past the end of the file, a {@code next}
 * pointer may not leave the file or come back to a visited place. These limits add bounds on what a
 * well-formed but absurd file could demand. Immutable; start from {@link #DEFAULT} and change with the
 * {@code with...} methods:
 *
 * <pre>{@code
 * FiffLimits limits = FiffLimits.DEFAULT.withMaxDepth(32).withMaxValueSize(1 << 20);
 * }</pre>
 *
 * @param maxDepth     largest block nesting depth
 * @param maxTags      largest number of tags in a chain
 * @param maxValueSize largest tag data read into memory at once (bulk data is streamed, never read whole)
 * @param maxJumps     largest number of {@code next} pointers that jump (point anywhere but to the byte after
 *                     their own tag); each jump costs the reader a little memory for cycle detection, and in a
 *                     gzip-compressed file a jump backwards decompresses again from the start
 */
public record FiffLimits(int maxDepth, long maxTags, int maxValueSize, long maxJumps) {
    /**
     * Safe defaults: depth 64, 50 million tags, values up to 256 MiB, 10,000 jumps (real files have a handful;
     * the tag size is always checked against the bytes left in the file, whatever the limits).
     */
    public static final FiffLimits DEFAULT = new FiffLimits(64, 50_000_000L, 256 << 20, 10_000L);

    /**
     * Validates the limits.
     *
     * @param maxDepth largest block nesting depth
     * @param maxTags largest number of tags in a chain
     * @param maxValueSize largest tag data read into memory at once (bulk data is streamed, never read whole)
     * @param maxJumps largest number of {@code next} pointers that jump (0 allowed)
     * @throws IllegalArgumentException when a limit is not positive (or, for jumps, negative)
     */
    public FiffLimits {
        if (maxDepth < 1 || maxTags < 1 || maxValueSize < 1 || maxJumps < 0) {
            throw new IllegalArgumentException("limits must be positive: depth " + maxDepth + ", tags " + maxTags
                    + ", value size " + maxValueSize + ", jumps " + maxJumps);
        }
    }

    /**
     * Limits with the default number of jumps.
     *
     * @param maxDepth     largest block nesting depth
     * @param maxTags      largest number of tags in a chain
     * @param maxValueSize largest tag data read into memory at once
     */
    public FiffLimits(int maxDepth, long maxTags, int maxValueSize) {
        this(maxDepth, maxTags, maxValueSize, DEFAULT.maxJumps);
    }

    /**
     * @param depth the new largest nesting depth
     * @return a copy with that depth
     */
    public FiffLimits withMaxDepth(int depth) {
        return new FiffLimits(depth, maxTags, maxValueSize, maxJumps);
    }

    /**
     * @param tags the new largest tag count
     * @return a copy with that count
     */
    public FiffLimits withMaxTags(long tags) {
        return new FiffLimits(maxDepth, tags, maxValueSize, maxJumps);
    }

    /**
     * @param bytes the new largest in-memory value size
     * @return a copy with that size
     */
    public FiffLimits withMaxValueSize(int bytes) {
        return new FiffLimits(maxDepth, maxTags, bytes, maxJumps);
    }

    /**
     * @param jumps the new largest number of jumping {@code next} pointers (0: the chain must be sequential)
     * @return a copy with that number
     */
    public FiffLimits withMaxJumps(long jumps) {
        return new FiffLimits(maxDepth, maxTags, maxValueSize, jumps);
    }
}
