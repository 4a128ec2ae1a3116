package io.github.fiffkit.app.run;

import java.nio.file.Path;
import java.util.List;

/**
 * One recording to anonymize, or one input that failed before it started.
 *
 * @param inputs        the parts, first to last
 * @param outputs       where each part's output ends up
 * @param writeTo       where the anonymizer writes each part: the output, or for an output that is the input
 *                      itself a file beside it, moved onto the input only once the user agrees
 * @param failure       why the input cannot be anonymized at all, or {@code null}
 * @param status        the exit status of that failure
 * @param createFolders whether missing output folders are made (outputs into a chosen folder, or beside an input
 *                      they will replace); otherwise a missing folder is an error
 */
public record Job(List<Path> inputs, List<Path> outputs, List<Path> writeTo, String failure, int status,
        boolean createFolders) {
    /** Copies the lists. */
    public Job {
        inputs = List.copyOf(inputs);
        outputs = outputs == null ? null : List.copyOf(outputs);
        writeTo = writeTo == null ? null : List.copyOf(writeTo);
    }

    /**
     * @param parts         the recording's parts
     * @param outputs       each part's output (written there directly)
     * @param createFolders whether missing output folders are made
     * @return a job that writes each part to its output
     */
    public static Job of(List<Path> parts, List<Path> outputs, boolean createFolders) {
        return new Job(parts, outputs, outputs, null, 0, createFolders);
    }

    /**
     * @param input   the input
     * @param failure why it cannot be anonymized
     * @param status  the exit status
     * @return a job that fails at once
     */
    public static Job failed(Path input, String failure, int status) {
        return new Job(List.of(input), List.of(), List.of(), failure, status, false);
    }

    /** @return true when a part's output replaces its input */
    public boolean replacesInput() {
        return failure == null && !outputs.equals(writeTo);
    }

    /** @return the first part, which names the recording */
    public Path first() {
        return inputs.get(0);
    }
}
