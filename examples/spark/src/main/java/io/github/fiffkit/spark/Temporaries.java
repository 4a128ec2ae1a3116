package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The hidden temporary files beside the job's targets ({@code .NAME.fiffkit-XXXXXXXX.tmp}: an output being written,
 * a replaced output's backup, a state file being written) and their removal. A killed executor runs no
 * {@code finally}, so its temporaries stay; they are removed by whoever comes next: a task that starts a unit
 * removes those of the unit's own files last changed before it started (an attempt killed earlier; a backup is
 * stamped when it is made, so a live attempt's backup is newer), and the driver, once every task has ended, removes
 * all that remain (after a grace period when executors were lost, since an orphaned executor lives on for a few
 * seconds). Deleting a file that a dying attempt still writes is harmless: its rename then fails.
 */
final class Temporaries {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Temporaries() {
    }

    /** A hidden temporary name beside a target, of the form the library uses for its own temporary files. */
    static Path name(Path target) {
        String suffix = Long.toString(Math.floorMod(RANDOM.nextLong(), 2_821_109_907_456L), 36);
        suffix = "0".repeat(8 - suffix.length()) + suffix;
        return new Path(target.getParent(), "." + target.getName() + ".fiffkit-" + suffix + ".tmp");
    }

    /** @return true when {@code file} is a temporary name of {@code targetName} */
    static boolean isTemporaryOf(String file, String targetName) {
        return file.startsWith("." + targetName + ".fiffkit-") && OutputFiles.TEMP_NAME.matcher(file).matches()
                && file.length() == targetName.length() + ".".length() + ".fiffkit-".length() + 8 + ".tmp".length();
    }

    /**
     * Removes the temporary files of some targets last changed before a time.
     *
     * @param targets the targets
     * @param before  the time (milliseconds since the epoch), or {@link Long#MAX_VALUE} for all of them
     * @param conf    the Hadoop configuration
     * @return the files removed
     * @throws IOException when a folder cannot be listed or a file cannot be deleted
     */
    static List<Path> removeStale(Collection<Path> targets, long before, Configuration conf) throws IOException {
        Map<Path, Set<String>> byFolder = new LinkedHashMap<>();
        for (Path t : targets) {
            byFolder.computeIfAbsent(t.getParent(), k -> new TreeSet<>()).add(t.getName());
        }
        List<Path> removed = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> e : byFolder.entrySet()) {
            FileSystem fs = UnitWorker.fs(e.getKey(), conf);
            FileStatus[] files;
            try {
                files = fs.listStatus(e.getKey());
            } catch (FileNotFoundException missing) {
                continue;
            }
            for (FileStatus f : files) {
                String name = f.getPath().getName();
                if (!f.isFile() || !name.startsWith(".") || f.getModificationTime() >= before) {
                    continue;
                }
                for (String target : e.getValue()) {
                    if (isTemporaryOf(name, target)) {
                        if (fs.delete(f.getPath(), false)) {
                            removed.add(f.getPath());
                        }
                        break;
                    }
                }
            }
        }
        return removed;
    }
}
