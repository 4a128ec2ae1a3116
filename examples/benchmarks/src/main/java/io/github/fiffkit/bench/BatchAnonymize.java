package io.github.fiffkit.bench;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.BatchOutputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Anonymizes every {@code .fif} file of a folder into another folder with the library, in parallel, in one
 * process (the {@code mne-anonymize} preset, default settings; each output forced to disk and moved atomically,
 * the output folder synced once at the end: {@link BatchOutputFiles}). Prints the number of files and the wall time.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.fiffkit.bench.BatchAnonymize IN_DIR OUT_DIR [JOBS]
 * </pre>
 */
public final class BatchAnonymize {
    private BatchAnonymize() {
    }

    /**
     * @param args input folder, output folder, optional number of threads (default: available processors)
     * @throws Exception when a file fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BatchAnonymize IN_DIR OUT_DIR [JOBS]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(out);
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".fif")).sorted().collect(Collectors.toList());
        }
        BatchOutputFiles batch = new BatchOutputFiles();
        Anonymizer anonymizer = Anonymizer.builder().outputFiles(batch).build();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try (batch) {
            List<Future<?>> done = files.stream().map(f -> pool.submit(() -> {
                bytes.addAndGet(anonymizer.anonymize(f, out.resolve(f.getFileName())).outputSize());
                return null;
            })).collect(Collectors.toList());
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d files, %d bytes, %d jobs, %.3f s in the process%n", files.size(), bytes.get(), jobs,
                seconds);
    }
}
