package io.github.fiffkit.testkit;

import io.github.fiffkit.core.FiffFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A damaged copy of a valid file, with what a careful reader must make of it.
 *
 * @param name        a short identifier, unique within one {@link Corruptions#of(Generated)} list
 * @param description what was damaged, for messages
 * @param expect      the expected class of outcome
 * @param problems    for {@link Expect#FORMAT_ERROR} and {@link Expect#VALUE_ERROR}: the acceptable
 *                    {@link FiffFormatException.Problem}s; empty otherwise
 * @param offset      the offset of the damaged tag (or of the damage), -1 when the whole file is damaged
 * @param bytes       the damaged file
 */
public record Corruption(String name, String description, Expect expect, Set<FiffFormatException.Problem> problems,
        long offset, byte[] bytes) {

    /** The expected class of outcome when a reader walks the whole chain. */
    public enum Expect {
        /** Walking the chain throws {@link FiffFormatException} with one of the listed problems. */
        FORMAT_ERROR,
        /**
         * The chain reads, but decoding the value of the tag at {@link Corruption#offset()} throws
         * {@link FiffFormatException} (its size does not fit its type).
         */
        VALUE_ERROR,
        /** The chain reads to its end, and the reader reports at least one {@link io.github.fiffkit.core.FiffWarning}. */
        WARNING,
        /** The chain reads without error or warning; a tag holds a value of an unexpected type. */
        READS,
        /** Random damage: either outcome is right, but only a {@link FiffFormatException}, never another error. */
        ANY
    }

    /**
     * Copies the sets and bytes.
     *
     * @param name a short identifier, unique within one {@link Corruptions#of(Generated)} list
     * @param description what was damaged, for messages
     * @param expect the expected class of outcome
     * @param problems for {@link Expect#FORMAT_ERROR} and {@link Expect#VALUE_ERROR}: the acceptable {@link
     *     FiffFormatException.Problem}s; empty otherwise
     * @param offset the offset of the damaged tag (or of the damage), -1 when the whole file is damaged
     * @param bytes the damaged file
     */
    public Corruption {
        problems = Set.copyOf(problems);
        bytes = bytes.clone();
    }

    /** @return the damaged file's bytes (a copy) */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * @param file the destination (created or replaced)
     * @return the file
     * @throws IOException when writing fails
     */
    public Path write(Path file) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    @Override
    public String toString() {
        return name + ": " + description + " -> " + expect + (problems.isEmpty() ? "" : " " + problems);
    }
}
