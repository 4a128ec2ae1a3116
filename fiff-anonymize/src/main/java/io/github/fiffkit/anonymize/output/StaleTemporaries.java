package io.github.fiffkit.anonymize.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link OutputFiles#removeStale} does with the temporary files it finds, shared with
 * {@link BatchOutputFiles}, which finds them differently (one listing per folder for a whole batch instead of one
 * per output: with a thousand outputs in one folder, a listing per output read the folder a thousand times).
 */
final class StaleTemporaries {
    private StaleTemporaries() {
    }

    /**
     * @param temp a temporary file ({@link #isTemporary})
     * @return the name of the target it was written for
     */
    static String targetName(Path temp) {
        String name = temp.getFileName().toString();
        return name.substring(1, name.length() - ".fiffkit-".length() - 8 - ".tmp".length());
    }

    /** @return whether a path is named like one of our temporary files ({@link OutputFiles#TEMP_NAME}) */
    static boolean isTemporary(Path p) {
        Path name = p.getFileName();
        return name != null && OutputFiles.TEMP_NAME.matcher(name.toString()).matches();
    }

    /**
     * Deletes the files no running writer holds: a writer locks its temporary file while it writes it, and the
     * operating system releases that lock when the writer's process dies.
     *
     * @param candidates temporary files
     * @return the files deleted
     */
    static List<Path> removeUnlocked(Iterable<Path> candidates) {
        List<Path> removed = new ArrayList<>();
        for (Path temp : candidates) {
            if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    continue; // held by a run in this process
                }
                if (lock == null) {
                    continue; // held by a run in another process
                }
                try {
                    Files.delete(temp);
                    removed.add(temp);
                } finally {
                    lock.release();
                }
            } catch (NoSuchFileException e) {
                // gone meanwhile
            } catch (IOException e) {
                // not ours to judge: leave it
            }
        }
        return removed;
    }
}
