package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An output that a run has written to a temporary file next to its target, waiting to be moved onto the target
 * ({@link #commit()}) or deleted ({@link #discard()}). A dry run has neither a temporary file nor a target. Once
 * committed or discarded, further calls do nothing, so a caller may discard in a {@code finally} block after a
 * commit.
 */
public final class PendingOutput {
    private final OutputFiles files;
    private final Path temp;
    private final Path target;
    private final AnonymizationResult result;
    private boolean done;

    PendingOutput(OutputFiles files, Path temp, Path target, AnonymizationResult result) {
        this.files = files;
        this.temp = temp;
        this.target = target;
        this.result = result;
    }

    /** @return what the run did */
    public AnonymizationResult result() {
        return result;
    }

    /** @return the file the output is committed to, or {@code null} for a dry run */
    public Path target() {
        return target;
    }

    /** @return the temporary file holding the output, or {@code null} for a dry run */
    public Path temp() {
        return temp;
    }

    /**
     * Moves the output onto its target.
     *
     * @throws IOException when the move fails (the temporary file is then deleted)
     */
    public void commit() throws IOException {
        if (done || temp == null) {
            return;
        }
        done = true;
        try {
            files.commit(temp, target);
        } catch (IOException | RuntimeException e) {
            discardQuietly(files, temp);
            throw e;
        }
    }

    /** Records that the output was moved onto its target by other means ({@link OutputFiles#commitAll}). */
    public void committed() {
        done = true;
    }

    /** Deletes the temporary file, unless the output was committed. */
    public void discard() {
        if (!done && temp != null) {
            done = true;
            discardQuietly(files, temp);
        }
    }

    /**
     * Deletes a temporary file, ignoring a failure: nothing more can be done about it, and its name marks it as
     * ours for the clean-up of the next run ({@link OutputFiles#removeStale}).
     *
     * @param files the file layer
     * @param temp  the temporary file
     */
    static void discardQuietly(OutputFiles files, Path temp) {
        try {
            files.discard(temp);
        } catch (IOException | RuntimeException e) {
            // see above
        }
    }
}
