package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The batch benchmark, run on demand ({@code examples/spark/bench/batch.sh}), never as a test: copies of one
 * file in a folder tree, then {@code cp -r} + {@code sync}, the library on one machine (the application's batch
 * path: one process, two threads), and the Spark job in {@code local[2]}, each timed in one run.
 */
public final class BatchBenchmark {
    private BatchBenchmark() {
    }

    /**
     * @param args the file to copy, a scratch folder, the number of copies (default 1000), and optionally the
     *             {@code mne_anonymize} launcher to time the application's batch mode too
     * @throws Exception when something fails
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path in = work.resolve("in");
        List<Path> inputs = copies(file, in, copies);
        run("sync");
        System.out.printf(Locale.ROOT, "%d copies of %s (%d bytes), %d processors%n", copies, file.getFileName(),
                Files.size(file), Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        run("cp", "-r", in.toString(), work.resolve("cp").toString());
        run("sync");
        double cp = seconds(t0);
        report("cp -r + sync", cp, cp);

        if (args.length > 3) {
            t0 = System.nanoTime();
            run(args[3], "--no-gui", "-s", "-i", in.toString(), "-o", work.resolve("app").toString());
            run("sync");
            report("mne_anonymize batch (own JVM, --jobs default, + sync)", seconds(t0), cp);
        }

        // as the application: its preset, leak check on, no digests
        PolicySettings settings = new PolicySettings(Preset.MNE_ANONYMIZE.id(), null, null, null, false, false,
                false, false, null, null, null, null, null, true, false);
        t0 = System.nanoTime();
        libraryBatch(settings.builder().build(), in, inputs, work.resolve("lib"));
        run("sync");
        report("library, 1 JVM, 2 threads (+ sync)", seconds(t0), cp);

        t0 = System.nanoTime();
        try (JavaSparkContext sc = SparkTests.start("BatchBenchmark")) {
            double start = seconds(t0);
            report("Spark local[2]: start-up", start, cp);
            long t1 = System.nanoTime();
            ArchiveJob.Summary s = ArchiveJob.run(sc, JobSpec.of(in.toString(), work.resolve("spark").toString(),
                    settings));
            run("sync");
            report("Spark local[2]: job (+ sync)", seconds(t1), cp);
            System.out.println("  " + s);
            t1 = System.nanoTime();
            ArchiveJob.Summary again = ArchiveJob.run(sc, JobSpec.of(in.toString(),
                    work.resolve("spark").toString(), settings));
            report("Spark local[2]: re-run, all done", seconds(t1), cp);
            System.out.println("  " + again);
        }
        report("Spark local[2]: start-up + job + re-run + stop", seconds(t0), cp);
        for (String name : List.of("app", "lib", "spark")) {
            if (Files.isDirectory(work.resolve(name))) {
                int same = 0;
                try (Stream<Path> s = Files.walk(work.resolve(name))) {
                    for (Path p : s.filter(p -> p.toString().endsWith("_raw.fif")).toList()) {
                        Path other = work.resolve("lib").resolve(work.resolve(name).relativize(p));
                        same += Files.mismatch(p, other) == -1 ? 1 : 0;
                    }
                }
                System.out.println("  " + name + ": " + same + " outputs byte-identical to the library's");
            }
        }
    }

    /** Copies of a file in a tree of folders of 100 under {@code in}. */
    static List<Path> copies(Path file, Path in, int copies) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            Path p = in.resolve(String.format(Locale.ROOT, "d%02d/f%04d_raw.fif", i / 100, i));
            Files.createDirectories(p.getParent());
            inputs.add(Files.copy(file, p));
        }
        return inputs;
    }

    /** The application's batch path: every input anonymized by the library, two threads, mirrored under out. */
    static void libraryBatch(Anonymizer a, Path in, List<Path> inputs, Path out) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path p : inputs) {
                Path o = out.resolve(in.relativize(p));
                fs.add(pool.submit(() -> {
                    Files.createDirectories(o.getParent());
                    return a.anonymize(p, o);
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String what, double s, double cp) {
        System.out.printf(Locale.ROOT, "%-48s %8.2f s  %6.1fx cp%n", what, s, s / cp);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit " + rc);
        }
    }
}
