package io.github.fiffkit.anonymize;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The process that {@link CrashSafetyTest} kills: anonymizes {@code args[0]} to {@code args[1]} through a disk
 * that takes {@code args[2]} milliseconds per write, so that the kill lands in the middle of writing.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        long delay = Long.parseLong(args[2]);
        Anonymizer.builder().outputFiles(FullDiskChannel.files(Long.MAX_VALUE, delay)).build()
                .anonymize(Path.of(args[0]), Path.of(args[1]));
        System.out.println("done");
    }
}
