package io.github.fiffkit.app.run;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where a run of {@code mne_anonymize} talks to its user: standard input (answers to questions), standard output,
 * standard error, and two facts about the session. Tests pass their own.
 *
 * @param in          standard input
 * @param out         standard output
 * @param err         standard error
 * @param display     whether a desktop window could be opened
 * @param interactive whether standard error is a terminal (the progress bar is drawn only then)
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, boolean display, boolean interactive) {

    /**
     * @param out standard output
     * @param err standard error
     * @return the process's own streams, its display and its terminal
     */
    public static Io system(PrintWriter out, PrintWriter err) {
        String display = System.getenv("DISPLAY");
        boolean hasDisplay = display != null && !display.isBlank() && !GraphicsEnvironment.isHeadless();
        return new Io(System.in, out, err, hasDisplay, System.console() != null);
    }

    /**
     * A reader of the answers on standard input; make one per run and keep it.
     *
     * @return the reader
     */
    public BufferedReader answers() {
        return new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
    }

    /**
     * Reads one answer line.
     *
     * @param reader the run's reader
     * @return the line, or {@code null} at the end of input or when it cannot be read
     */
    public static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
