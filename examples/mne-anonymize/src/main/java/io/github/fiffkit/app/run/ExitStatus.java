package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The exit statuses of {@code mne_anonymize} (the same everywhere), and the one line that names a failure. */
public final class ExitStatus {
    /** Success. */
    public static final int OK = 0;
    /** Usage error: unknown or conflicting options, bad values. */
    public static final int USAGE = 1;
    /** An input cannot be read or is not valid FIFF (nothing written). */
    public static final int BAD_INPUT = 2;
    /** An output cannot be written (nothing left behind). */
    public static final int OUTPUT_FAILED = 3;
    /** The leak check found original values in an output. */
    public static final int LEAKS = 4;
    /** {@code --verify}: a file still holds PHI. */
    public static final int VERIFY_FOUND = 5;
    /** Several recordings: at least one failed. */
    public static final int SOME_FAILED = 6;
    /** The options cannot be applied to a file. */
    public static final int POLICY = 7;
    /** Done, but an input that {@code -d} asked to delete (or an output asked to replace its input) was kept. */
    public static final int NOT_DELETED = 8;

    private ExitStatus() {
    }

    /**
     * The exit status for a failure of the library.
     *
     * @param e the failure
     * @return 2 for an input that cannot be read or is not FIFF, 7 when the policy cannot be applied, else 3
     */
    public static int of(IOException e) {
        if (e instanceof FiffFormatException || e instanceof InputException) {
            return BAD_INPUT;
        }
        if (e instanceof PolicyException) {
            return POLICY;
        }
        return OUTPUT_FAILED;
    }

    /**
     * One line for a failure, naming the file.
     *
     * @param e    the failure
     * @param file the file it concerns, when the exception does not name it
     * @return the line
     */
    public static String describe(IOException e, Path file) {
        if (e instanceof NoSuchFileException n) {
            return (n.getFile() != null ? n.getFile() : file) + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException a) {
            return (a.getFile() != null ? a.getFile() : file) + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() != null ? f.getFile() : file) + ": " + f.getReason();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return file + ": " + e.getClass().getSimpleName();
        }
        return m.contains(file.getFileName().toString()) ? m : file + ": " + m;
    }
}
