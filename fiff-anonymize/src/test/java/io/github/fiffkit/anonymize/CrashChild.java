package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.output.OutputFiles;


import java.io.IOException;
import java.nio.channels.FileChannel;
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
        OutputFiles slow = new OutputFiles() {
            @Override
            public FileChannel open(Path temp) throws IOException {
                return new SafeWritingTest.LimitedChannel(OutputFiles.super.open(temp), Long.MAX_VALUE, delay);
            }
        };
        Anonymizer.builder().outputFiles(slow).build().anonymize(Path.of(args[0]), Path.of(args[1]));
        System.out.println("done");
    }
}
