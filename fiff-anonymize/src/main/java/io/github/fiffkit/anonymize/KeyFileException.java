package io.github.fiffkit.anonymize;

import java.io.IOException;

/**
 * A key file that cannot be used: not there where it must be, not a key file, or not writable. Its own type so
 * that a front-end shows the message as it is (it names the key file, never a value of a row) and stops the run as
 * a usage error, not as a problem of an input or an output.
 */
public final class KeyFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the key file and the problem
     */
    public KeyFileException(String message) {
        super(message);
    }

    /**
     * @param message names the key file and the problem
     * @param cause   the file system's error
     */
    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
