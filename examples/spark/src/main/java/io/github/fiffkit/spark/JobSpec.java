package io.github.fiffkit.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a job does.
 *
 * @param input      a folder (every FIFF file under it) or one file, as a URI of any Hadoop file system; or null
 * @param inputList  a text file (URI) listing one input URI per line (blank lines and {@code #} comments
 *                   skipped); or null. Exactly one of {@code input} and {@code inputList} is given
 * @param inputRoot  with {@code inputList}: the folder whose tree is mirrored under the output (default: the
 *                   deepest folder holding every listed file); or null
 * @param output     the output folder (URI): each input's path under the input root is mirrored under it
 * @param report     the JSON Lines report (URI), or null for {@code <output>/_fiffkit/report.jsonl}
 * @param settings   the policy settings
 * @param partitions Spark partitions for the work (0: about 16 recordings a partition, at least 4 per core)
 */
public record JobSpec(String input, String inputList, String inputRoot, String output, String report,
        PolicySettings settings, int partitions) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks that the inputs are given one way. */
    public JobSpec {
        if ((input == null) == (inputList == null)) {
            throw new IllegalArgumentException("give either --input or --input-list");
        }
        if (inputRoot != null && inputList == null) {
            throw new IllegalArgumentException("--input-root goes with --input-list");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(settings, "settings");
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must not be negative");
        }
    }

    /**
     * @param input    a folder or file URI
     * @param output   the output folder URI
     * @param settings the policy settings
     * @return a job over a folder, with the default report location and partitioning
     */
    public static JobSpec of(String input, String output, PolicySettings settings) {
        return new JobSpec(input, null, null, output, null, settings, 0);
    }
}
