package io.github.fiffkit.anonymize.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file operations the anonymizer uses to write an output safely: a temporary file next to the target,
 * written, forced to disk and moved onto the target in one atomic step, or deleted after a failure.
 *
 * <p>{@link #DEFAULT} uses the file system. Tests replace it to simulate a full disk, an unwritable folder or a
 * rename that fails (permission bits stop nothing for root).
 */
public interface OutputFiles {
    /** Names of temporary files: hidden, recognizable, and tied to their target. */
    Pattern TEMP_NAME = Pattern.compile("^\\..+\\.fiffkit-[0-9a-z]{8}\\.tmp$");

    /** The file system. */
    OutputFiles DEFAULT = new OutputFiles() {
    };

    /**
     * Creates a new, empty temporary file in the target's folder, named {@code .<target>.fiffkit-<random>.tmp}.
     *
     * @param target the file the output is for
     * @return the temporary file
     * @throws IOException when the folder is missing or not writable
     */
    default Path createTemporary(Path target) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path temp = temporaryName(target, random);
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Keeps the current content of an existing target under a temporary name in its folder (named like
     * {@link #createTemporary}), while the target itself stays in place: a second hard link to the file, or a copy
     * where the file system has no hard links. The anonymizer takes a backup of every existing target of a split
     * recording before it commits the first part, so that it can put the old files back when a later part cannot
     * be committed; it moves a backup back with {@link #commit} and deletes it with {@link #discard}. A backup
     * that an interrupted run left is removed by {@link #removeStale} like any temporary file.
     *
     * @param target the file to keep
     * @return the backup, or {@code null} when the target does not exist
     * @throws IOException when the backup cannot be made
     */
    default Path backup(Path target) throws IOException {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path backup = temporaryName(target, random);
            try {
                try {
                    return Files.createLink(backup, target);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw e;
                } catch (IOException | UnsupportedOperationException e) {
                    return Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Moves several complete files onto their targets, all or nothing: the parts of a split recording. Every
     * existing target is first kept with {@link OutputFiles#backup}, then each file is moved onto its target with
     * {@link OutputFiles#commit}. When one move fails, the moves already done are undone: each moved file is put
     * back under its source name, and its target gets its backup back (or is deleted where there was none); then
     * the failure is rethrown, with any step of the undo that failed as a suppressed exception. Afterwards the
     * targets are as before, the sources are in place (the caller deletes or keeps them), and no backup is left.
     * On success the backups are deleted and the sources are gone.
     *
     * @param files   the file operations
     * @param sources the complete files, each in its target's folder
     * @param targets their targets, in the same order
     * @throws IOException when a backup or a move fails (everything is then as before)
     */
    static void commitAll(OutputFiles files, List<Path> sources, List<Path> targets) throws IOException {
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + targets.size() + " targets");
        }
        List<Path> backups = new ArrayList<>();
        int committed = 0;
        try {
            for (Path target : targets) {
                backups.add(files.backup(target));
            }
            for (int i = 0; i < sources.size(); i++) {
                files.commit(sources.get(i), targets.get(i));
                committed++;
            }
        } catch (IOException | RuntimeException e) {
            for (int i = committed - 1; i >= 0; i--) {
                Path target = targets.get(i);
                Path backup = backups.get(i);
                try {
                    try {
                        Files.createLink(sources.get(i), target);
                    } catch (IOException | UnsupportedOperationException noLink) {
                        Files.copy(target, sources.get(i), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException | RuntimeException keep) {
                    e.addSuppressed(new IOException(sources.get(i) + ": cannot be put back from " + target + ": "
                            + keep.getMessage(), keep));
                }
                try {
                    if (backup == null) {
                        files.discard(target);
                    } else {
                        files.commit(backup, target);
                        backups.set(i, null);
                    }
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(new IOException(target + ": cannot be put back as it was"
                            + (backup == null ? "" : " (the previous file is " + backup + ")") + ": "
                            + undo.getMessage(), undo));
                    backups.set(i, null);
                }
            }
            discardQuietly(files, backups);
            throw e;
        }
        // the moves are synced as commit syncs them; a deleted backup that a crash brings back is a stale file
        discardQuietly(files, backups);
    }

    private static void discardQuietly(OutputFiles files, List<Path> paths) {
        for (Path p : paths) {
            if (p != null) {
                try {
                    files.discard(p);
                } catch (IOException | RuntimeException e) {
                    // named like a temporary file: the next run's clean-up removes it
                }
            }
        }
    }

    /** A fresh name of the form {@code .<target>.fiffkit-<8 random base-36 digits>.tmp} in the target's folder. */
    private static Path temporaryName(Path target, SecureRandom random) {
        Path dir = target.toAbsolutePath().getParent();
        String suffix = Long.toString(Math.abs(random.nextLong() % 2_821_109_907_456L), 36);
        suffix = "0".repeat(8 - suffix.length()) + suffix;
        return dir.resolve("." + target.getFileName() + ".fiffkit-" + suffix + ".tmp");
    }

    /**
     * Opens a temporary file for writing.
     *
     * @param temp the file
     * @return a channel positioned at 0
     * @throws IOException when it cannot be opened
     */
    default FileChannel open(Path temp) throws IOException {
        return FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Forces a written file to disk.
     *
     * @param channel the file's channel
     * @throws IOException when the device reports a failure
     */
    default void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /**
     * Starts putting what has been written of a file on disk while the rest is still being written, so that the
     * final {@link #force} has little left to do: the disk works while the copy goes on, instead of after it.
     * The anonymizer calls this from a background thread, for large uncompressed outputs, after every 64 MiB
     * written; the final {@link #force} is still what makes the output durable. A failure here fails the output
     * (an I/O error reported here may not be reported again by the final force). The default forces the data
     * written so far ({@code fdatasync}); an implementation may do nothing, and one whose {@link #force} does
     * nothing (a file system without sync, a benchmark) should do nothing here too.
     *
     * @param channel the file's channel, still being written by another thread
     * @throws IOException when the device reports a failure
     */
    default void writeBack(FileChannel channel) throws IOException {
        channel.force(false);
    }

    /**
     * Moves a complete temporary file onto its target in one step, replacing an existing regular file. Anything
     * else at the target (a folder, a pipe, a device, a socket) is never replaced: that is an error.
     *
     * @param temp   the complete file
     * @param target where it goes
     * @throws IOException when the move fails, or the target is not a regular file (the target is then unchanged)
     */
    default void commit(Path temp, Path target) throws IOException {
        checkReplaceable(target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a folder for syncing; the rename itself is done
        }
    }

    /**
     * Refuses a target that a commit must not replace: anything but a regular file (or a link, which the move
     * replaces, never follows) that is there already.
     *
     * @param target an output's place
     * @throws IOException when a folder, a pipe, a device or a socket is there
     */
    static void checkReplaceable(Path target) throws IOException {
        java.nio.file.attribute.BasicFileAttributes there;
        try {
            there = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!there.isRegularFile() && !there.isSymbolicLink()) {
            throw new IOException(target + ": exists and is not a regular file (" + (there.isDirectory() ? "a folder"
                    : "a pipe, device or socket") + "); it is never replaced");
        }
    }

    /**
     * Deletes the temporary files that interrupted runs (a crash, a kill, a power cut) left next to a target:
     * the files named like {@link #TEMP_NAME} for this target that no running writer holds. A writer holds a
     * lock on its temporary file while it writes it, and the operating system releases that lock when the
     * writer's process dies; a file that cannot be locked belongs to a live run and is left alone. The
     * anonymizer calls this before it writes a target.
     *
     * @param target the output file whose stale temporary files go
     * @return the files deleted
     * @throws IOException when the folder cannot be listed
     */
    default List<Path> removeStale(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        String name = target.getFileName().toString();
        // the exact target name, not a prefix: ".a.fiffkit-X.tmp.fiffkit-Y.tmp" is a temporary of the target
        // "a.fiffkit-X.tmp" (its backup, say), not of "a"
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> StaleTemporaries.isTemporary(p) && StaleTemporaries.targetName(p).equals(name))) {
            return StaleTemporaries.removeUnlocked(files);
        }
    }

    /**
     * Deletes a temporary file after a failure, a backup that is no longer needed (see {@link #backup}), or a
     * committed part of a split recording whose other parts could not be committed.
     *
     * @param temp the file
     * @throws IOException when it cannot be deleted
     */
    default void discard(Path temp) throws IOException {
        Files.deleteIfExists(temp);
    }
}
