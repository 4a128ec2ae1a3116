package io.github.fiffkit.app.run;

import java.io.PrintWriter;

/**
 * The progress bar of a run of several recordings, on standard error, drawn only on a terminal and never when
 * silent. Not thread-safe: the runner calls it under its print lock.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private int done;
    private int total;
    private boolean shown;

    /**
     * @param err     standard error
     * @param enabled whether a bar may be drawn at all (a terminal, not silent)
     */
    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Starts the bar for this many recordings (none for fewer than two). */
    void start(int recordings) {
        if (!enabled || recordings < 2) {
            return;
        }
        total = recordings;
        redraw();
    }

    /** Counts one recording done, and draws the bar again unless it was the last. */
    void advance() {
        done++;
        if (done < total) {
            redraw();
        }
    }

    private void redraw() {
        if (total == 0) {
            return;
        }
        int fill = done * WIDTH / total;
        err.print("\r[" + "#".repeat(fill) + " ".repeat(WIDTH - fill) + "] " + done + "/" + total + " recordings");
        err.flush();
        shown = true;
    }

    /** Clears the bar's line, so that other lines can be printed. */
    void clear() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            shown = false;
        }
    }
}
