package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.core.FiffFormatException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Failures said in one sentence for a person, as the window shows them. */
final class PlainWords {
    private PlainWords() {
    }

    /**
     * @param e what went wrong
     * @return one sentence naming the file and, for a bad file, the offset
     */
    static String of(Throwable e) {
        if (e instanceof FiffFormatException f) {
            return "This is not a valid FIFF file: " + f.getMessage();
        }
        if (e instanceof PolicyException p) {
            return "The options cannot be applied to this file: " + p.getMessage();
        }
        if (e instanceof NoSuchFileException n) {
            return "The file " + n.getFile() + " does not exist.";
        }
        if (e instanceof AccessDeniedException a) {
            return "Permission denied: " + a.getFile() + ".";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
