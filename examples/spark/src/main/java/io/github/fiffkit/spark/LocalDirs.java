package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;

/**
 * Where an executor keeps its local temporary files, when it needs any (a recording with a gzip-compressed part; the
 * outputs of plain inputs are written forward, with no local file): a folder per unit ({@code fiffkit-spool-*}) inside the folders
 * of Spark's block manager, which the cluster manager made for this application (a standalone Worker's
 * {@code spark.local.dir}/{@code SPARK_LOCAL_DIRS} sub-folder, a YARN container's local folders) and deletes when
 * the application ends, also after the executor was killed. {@code java.io.tmpdir} is not such a folder: a
 * standalone executor leaves it at the node's {@code /tmp}, where a killed task's files would stay. The folders in
 * use are also deleted when the executor's JVM exits (an executor whose Worker died exits on its own, and no
 * Worker deletes that application's folders then).
 */
final class LocalDirs {
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    /**
     * The file layer of the executors' anonymizer, whose outputs are spool files: they are copied to the output file
     * system, which makes the copy durable, so they are never forced to disk (a force per file was most of the
     * job's cost over the library's on small files).
     */
    static final OutputFiles SPOOL_FILES = new OutputFiles() {
        @Override
        public void force(FileChannel channel) {
            // a spool file: the copy on the output file system is the one that must last
        }

        @Override
        public void writeBack(FileChannel channel) {
            // nothing forced, nothing to prepare
        }
    };

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_USE.forEach(LocalDirs::deleteTree),
                "fiffkit-spool-cleanup"));
    }

    private LocalDirs() {
    }

    /**
     * Makes a fresh spool folder; {@link #release} deletes it.
     *
     * @param key spreads callers over the block manager's folders (a unit's id)
     * @return a new, empty folder; under {@code java.io.tmpdir} outside Spark
     * @throws IOException when the folder cannot be made
     */
    static Path spool(String key) throws IOException {
        Path dir = Files.createTempDirectory(parent(key), "fiffkit-spool-");
        IN_USE.add(dir);
        return dir;
    }

    /**
     * The block manager's folder for a key, in which nothing of ours is made unless a spool is needed.
     *
     * @param key spreads callers over the block manager's folders (a unit's id)
     * @return an existing folder; {@code java.io.tmpdir} outside Spark
     */
    static Path parent(String key) {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            File[] dirs = env.blockManager().diskBlockManager().localDirs();
            if (dirs.length > 0) {
                parent = dirs[Math.floorMod(key.hashCode(), dirs.length)].toPath();
            }
        }
        return parent;
    }

    /**
     * Whether an input is gzip-compressed (its first two bytes): the library writes the outputs of plain inputs
     * forward, straight to their streams, and spools only a recording with a compressed part, from which it cannot
     * copy ranges; only then is a spool folder needed.
     *
     * @param in the input; its position is moved
     * @return true when compressed
     * @throws IOException when it cannot be read
     */
    static boolean compressed(SeekableByteChannel in) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(2);
        in.position(0);
        while (head.hasRemaining() && in.read(head) >= 0) {
            // two bytes, or fewer at the end
        }
        return head.position() == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b;
    }

    /** Deletes a spool folder and what is in it. */
    static void release(Path dir) {
        deleteTree(dir);
        IN_USE.remove(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or left to the Worker, which deletes the application's folders
        }
    }
}
