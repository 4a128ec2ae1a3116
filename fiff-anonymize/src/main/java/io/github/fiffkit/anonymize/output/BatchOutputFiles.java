package io.github.fiffkit.anonymize.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file layer for many outputs at once (a batch). Every output is still written to a temporary file next to
 * its target, forced to disk and moved onto the target in one atomic step, as with {@link OutputFiles#DEFAULT};
 * but the folders that received outputs are synced once each, when this object is closed, instead of after
 * every move. On a journaling file system that halves the number of disk flushes of a batch of small files.
 * And each output folder is listed once for the temporary files that interrupted runs left
 * ({@link #removeStale}), not once per output.
 *
 * <p>Until {@link #close()} returns, a crash of the machine may lose moves that were already done (a target then
 * holds its previous content or does not exist, never a partial file). Thread-safe: one instance serves all the
 * threads of a batch.
 *
 * <pre>{@code
 * try (BatchOutputFiles files = new BatchOutputFiles()) {
 *     Anonymizer a = Anonymizer.builder().outputFiles(files).build();
 *     for (Path in : inputs) {
 *         a.anonymize(in, outDir.resolve(in.getFileName()));
 *     }
 * }
 * }</pre>
 */
public final class BatchOutputFiles implements OutputFiles, Closeable {
    /** Syncs a folder to disk (a caller's own file layer, or a test's double). */
    @FunctionalInterface
    public interface FolderSync {
        /**
         * @param folder a folder that received outputs
         * @throws IOException when it cannot be synced
         */
        void sync(Path folder) throws IOException;
    }

    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final FolderSync sync;
    /** Per folder, the temporary files it held when the batch first wrote there, by the name of their target. */
    private final Map<Path, Map<String, List<Path>>> stale = new ConcurrentHashMap<>();

    /** A batch on the file system. */
    public BatchOutputFiles() {
        this(BatchOutputFiles::syncFolder);
    }

    /**
     * A batch whose folders are synced by the caller's own operation.
     *
     * @param sync syncs one folder; called by {@link #close()} for each folder that received outputs
     */
    public BatchOutputFiles(FolderSync sync) {
        this.sync = java.util.Objects.requireNonNull(sync, "sync");
    }

    @Override
    public void commit(Path temp, Path target) throws IOException {
        OutputFiles.checkReplaceable(target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        folders.add(target.toAbsolutePath().getParent());
    }

    /**
     * Deletes the temporary files that interrupted runs left next to a target, as {@link OutputFiles#removeStale}
     * does, but lists each folder only once, the first time the batch writes there: a batch of a thousand outputs
     * in one folder would otherwise read that folder a thousand times. What interrupted runs left is there before
     * the batch starts; a temporary file that appears later belongs to a run that is still going (and holds it),
     * or is left for the next run to remove.
     *
     * @param target the output file whose stale temporary files go
     * @return the files deleted
     * @throws IOException when the folder cannot be listed
     */
    @Override
    public List<Path> removeStale(Path target) throws IOException {
        Path dir = target.toAbsolutePath().normalize().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, List<Path>> byTarget;
        try {
            byTarget = stale.computeIfAbsent(dir, BatchOutputFiles::temporariesIn);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> mine = byTarget.remove(target.getFileName().toString());
        return mine == null ? List.of() : StaleTemporaries.removeUnlocked(mine);
    }

    private static Map<String, List<Path>> temporariesIn(Path dir) {
        Map<String, List<Path>> byTarget = new ConcurrentHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, StaleTemporaries::isTemporary)) {
            for (Path p : files) {
                byTarget.computeIfAbsent(StaleTemporaries.targetName(p), k -> new ArrayList<>()).add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byTarget;
    }

    /** @return the folders whose moves are not yet synced */
    public Set<Path> pendingFolders() {
        return Set.copyOf(folders);
    }

    /**
     * Syncs every folder that received an output since the last call.
     *
     * @throws IOException when a folder cannot be synced (the others are still tried)
     */
    @Override
    public void close() throws IOException {
        IOException first = null;
        List<Path> todo = new ArrayList<>(folders);
        for (Path folder : todo) {
            folders.remove(folder);
            try {
                sync.sync(folder);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (UnsupportedOperationException e) {
            // some platforms cannot open a folder for syncing; the moves themselves are done
        }
    }
}
