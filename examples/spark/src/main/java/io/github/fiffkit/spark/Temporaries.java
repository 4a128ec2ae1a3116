package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

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
            byFolder.computeIfAbsent(t.getParent(), k -> new HashSet<>()).add(t.getName());
        }
        List<Path> removed = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> e : byFolder.entrySet()) {
            FileSystem fs = UnitWorker.fs(e.getKey(), conf);
            if (fs instanceof RawLocalFileSystem local) {
                removeLocal(local.pathToFile(e.getKey()).toPath(), e.getKey(), e.getValue(), before, removed);
                continue;
            }
            FileStatus[] files;
            try {
                files = fs.listStatus(e.getKey(), p -> e.getValue().contains(targetOf(p.getName())));
            } catch (FileNotFoundException missing) {
                continue;
            }
            for (FileStatus f : files) {
                if (f.isFile() && f.getModificationTime() < before && fs.delete(f.getPath(), false)) {
                    removed.add(f.getPath());
                }
            }
        }
        return removed;
    }

    /**
     * On a local disk, only the names are listed and only our temporary files looked at: Hadoop's listing would
     * read every file's status, a cost per unit that grows with the folder.
     */
    private static void removeLocal(java.nio.file.Path dir, Path folder, Set<String> targets, long before,
            List<Path> removed) throws IOException {
        List<java.nio.file.Path> found = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> s = Files.newDirectoryStream(dir,
                p -> targets.contains(targetOf(p.getFileName().toString())))) {
            s.forEach(found::add);
        } catch (NoSuchFileException | NotDirectoryException missing) {
            return;
        }
        for (java.nio.file.Path p : found) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toMillis() < before && Files.deleteIfExists(p)) {
                    removed.add(new Path(folder, p.getFileName().toString()));
                }
            } catch (NoSuchFileException gone) {
                // removed meanwhile
            }
        }
    }

    /** @return the target whose temporary file {@code file} is, or "" when it is not one of ours */
    static String targetOf(String file) {
        int tail = ".fiffkit-".length() + 8 + ".tmp".length();
        if (file.length() <= tail + 1 || !file.startsWith(".") || !OutputFiles.TEMP_NAME.matcher(file).matches()
                || !file.startsWith(".fiffkit-", file.length() - tail)) {
            return "";
        }
        return file.substring(1, file.length() - tail);
    }

    /**
     * Renames the complete outputs of a recording onto their targets, all or nothing: an existing target is first
     * renamed aside (to a temporary name), and when a rename fails the outputs already renamed are deleted, the
     * previous targets renamed back, and the failure rethrown. The temporary files not renamed stay for the caller.
     */
    static void moveIntoPlace(List<Path> temps, List<Path> targets, Configuration conf) throws IOException {
        List<Path> backups = new ArrayList<>();
        int moved = 0;
        try {
            for (Path target : targets) {
                FileSystem fs = UnitWorker.fs(target, conf);
                Path backup = null;
                if (fs.exists(target)) {
                    backup = name(target);
                    if (!fs.rename(target, backup)) {
                        throw new IOException(target + ": cannot replace the existing output");
                    }
                    // stamped now: a later attempt removes only temporary files older than its own start
                    stamp(fs, backup);
                }
                backups.add(backup);
            }
            for (int i = 0; i < targets.size(); i++) {
                if (!UnitWorker.fs(targets.get(i), conf).rename(temps.get(i), targets.get(i))) {
                    throw new IOException(targets.get(i) + ": cannot rename " + temps.get(i).getName() + " to it");
                }
                moved++;
            }
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < backups.size(); i++) {
                Path target = targets.get(i);
                try {
                    FileSystem fs = UnitWorker.fs(target, conf);
                    if (i < moved) {
                        fs.delete(target, false);
                    }
                    if (backups.get(i) != null && !fs.rename(backups.get(i), target)) {
                        throw new IOException("rename failed");
                    }
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(new IOException(target + ": cannot be put back as it was"
                            + (backups.get(i) == null ? "" : " (the previous output is " + backups.get(i) + ")")
                            + ": " + undo.getMessage(), undo));
                }
            }
            throw e;
        }
        for (Path backup : backups) {
            if (backup != null) {
                try {
                    UnitWorker.fs(backup, conf).delete(backup, false);
                } catch (IOException e) {
                    // left under a hidden temporary name: harmless
                }
            }
        }
    }

    private static void stamp(FileSystem fs, Path file) {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without modification times: the driver's final sweep still removes it
        }
    }
}
