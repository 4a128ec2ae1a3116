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
 */
public record FiffLimits(int maxDepth, long maxTags, int maxValueSize) {
    /** Safe defaults: depth 64, 50 million tags, values up to 256 MiB. */
    public static final FiffLimits DEFAULT = new FiffLimits(64, 50_000_000L, 256 << 20);

    /**
     * Validates the limits.
     *
     * @param maxDepth largest block nesting depth
     * @param maxTags largest number of tags in a chain
     * @param maxValueSize largest tag data read into memory at once (bulk data is streamed, never read whole)
     * @throws IllegalArgumentException when a limit is not positive
     */
    public FiffLimits {
        if (maxDepth < 1 || maxTags < 1 || maxValueSize < 1) {
            throw new IllegalArgumentException("limits must be positive: depth " + maxDepth + ", tags " + maxTags
                    + ", value size " + maxValueSize);
        }
    }

    /**
     * @param depth the new largest nesting depth
     * @return a copy with that depth
     */
    public FiffLimits withMaxDepth(int depth) {
        return new FiffLimits(depth, maxTags, maxValueSize);
    }

    /**
     * @param tags the new largest tag count
     * @return a copy with that count
     */
    public FiffLimits withMaxTags(long tags) {
        return new FiffLimits(maxDepth, tags, maxValueSize);
    }

    /**
     * @param bytes the new largest in-memory value size
     * @return a copy with that size
     */
    public FiffLimits withMaxValueSize(int bytes) {
        return new FiffLimits(maxDepth, maxTags, bytes);
    }
}
