package io.github.fiffkit.bench;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * Anonymizes one file with the library's defaults (the {@code mne-anonymize} preset), as the end-to-end
 * benchmark's stand-in for the application: {@code java -cp benchmarks.jar io.github.fiffkit.bench.AnonymizeFile
 * IN OUT [--leak-check] [--timing] [--no-writeback]}. {@code --no-writeback} turns off the write-back of large
 * outputs while they are written ({@link OutputFiles#writeBack}), to show what it saves: the output is then
 * forced to disk only at the end, after the copy.
 */
public final class AnonymizeFile {
    private AnonymizeFile() {
    }

    /**
     * @param args input, output, optionally {@code --leak-check}, {@code --timing}, {@code --no-writeback}
     * @throws Exception when anonymizing fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AnonymizeFile IN OUT [--leak-check] [--timing] [--no-writeback]");
            System.exit(2);
        }
        boolean leakCheck = List.of(args).contains("--leak-check");
        boolean timing = List.of(args).contains("--timing");
        OutputFiles files = List.of(args).contains("--no-writeback") ? new OutputFiles() {
            @Override
            public void writeBack(FileChannel channel) {
                // forced once, at the end
            }
        } : OutputFiles.DEFAULT;
        long start = System.nanoTime();
        AnonymizationResult r = Anonymizer.builder().leakCheck(leakCheck).outputFiles(files).build()
                .anonymize(Path.of(args[0]), Path.of(args[1]));
        System.out.println(r.tagsWritten() + " tags, " + r.outputSize() + " bytes, " + r.changes().size()
                + " changes" + (leakCheck ? ", " + r.leaks().size() + " leaks" : ""));
        if (timing) {
            long jvm = ProcessHandle.current().info().startInstant()
                    .map(i -> java.time.Duration.between(i, java.time.Instant.now()).toMillis()).orElse(-1L);
            System.err.printf("anonymize: %d ms in main; %d ms since the process started%n",
                    (System.nanoTime() - start) / 1_000_000, jvm);
        }
    }
}
