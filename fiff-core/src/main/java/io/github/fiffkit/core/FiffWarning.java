package io.github.fiffkit.core;

/**
 * Something unusual about a file that does not stop it from being read: a chain that ends without its
 * terminating tag, blocks left open, a newer file version, a second tag that is not the directory pointer.
 *
 * @param offset  byte offset the warning is about, or -1
 * @param message what was found, in words
 */
public record FiffWarning(long offset, String message) {
    @Override
    public String toString() {
        return offset >= 0 ? "offset " + offset + ": " + message : message;
    }
}
