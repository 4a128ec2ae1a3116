package io.github.fiffkit.app;

import java.io.PrintWriter;

/**
 * The hook between the command line and the desktop window. The window is a later piece of work: until it
 * exists, {@link #open} says so and lets the command line run.
 */
public final class Gui {
    private Gui() {
    }

    /**
     * Opens the desktop window pre-filled with the options of the command line. The window builds its run from
     * the same {@link AppOptions}.
     *
     * @param options what the command line chose
     * @param err     where to say what happens
     * @return true when the window took over the run; false when the command line must run it
     */
    public static boolean open(AppOptions options, PrintWriter err) {
        err.println("mne_anonymize: the desktop window is not built yet; running on the command line"
                + " (use --no-gui to skip this message)");
        return false;
    }
}
