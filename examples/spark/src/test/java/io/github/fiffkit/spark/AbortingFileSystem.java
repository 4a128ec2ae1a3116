package io.github.fiffkit.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk, whose files list but fail to open with an error no task catches: every task that reads one
 * fails, so Spark aborts the job. A test installs it for {@code file:} with {@code spark.hadoop.fs.file.impl}.
 */
public final class AbortingFileSystem extends RawLocalFileSystem {
    @Override
    public FSDataInputStream open(Path f, int bufferSize) {
        throw new AssertionError("the disk is gone");
    }
}
