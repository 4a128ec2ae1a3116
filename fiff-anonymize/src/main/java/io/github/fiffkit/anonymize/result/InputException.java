package io.github.fiffkit.anonymize.result;

import java.io.IOException;

/**
 * An input file cannot be opened or read (it is missing, unreadable, or reading failed part-way). A file that
 * can be read but breaks the format raises {@link io.github.fiffkit.core.FiffFormatException} instead. Nothing
 * is written. The application exits with status 2.
 */
public class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the file
     * @param cause   the underlying error
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
