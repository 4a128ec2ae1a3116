package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;

/**
 * The anonymizing stage against the library, run on demand ({@code examples/spark/bench/batch.sh --stage}), never
 * as a test: copies of one file, then ROUNDS alternating runs of the library's batch (one JVM, two threads, the
 * application's path) and of the Spark job in {@code local[2]} (started once), each into a fresh folder; for the
 * job, the time of its anonymizing stage (the last stage, from Spark's stage submitted and completed events)
 * and of the whole {@code ArchiveJob.run}. Prints each round and the median with the min-max spread.
 */
public final class StageBenchmark {
    private StageBenchmark() {
    }

    /**
     * @param args the file to copy, a scratch folder, the number of copies, the number of rounds
     * @throws Exception when something fails
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int copies = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path in = work.resolve("in");
        List<Path> inputs = BatchBenchmark.copies(file, in, copies);
        System.out.printf(Locale.ROOT, "%d copies of %s (%d bytes), %d processors, %d rounds%n", copies,
                file.getFileName(), Files.size(file), Runtime.getRuntime().availableProcessors(), rounds);
        // as the application: its preset, leak check on, no digests
        PolicySettings settings = new PolicySettings(Preset.MNE_ANONYMIZE.id(), null, null, null, false, false,
                false, false, null, null, null, null, null, true, false);
        Anonymizer a = settings.builder().build();
        double[] lib = new double[rounds];
        double[] stage = new double[rounds];
        double[] job = new double[rounds];
        AtomicLong lastStage = new AtomicLong();
        try (JavaSparkContext sc = SparkTests.start("StageBenchmark")) {
            AtomicLong submitted = new AtomicLong();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onStageSubmitted(SparkListenerStageSubmitted e) {
                    submitted.set(System.nanoTime());
                }

                @Override
                public void onStageCompleted(SparkListenerStageCompleted e) {
                    lastStage.set((System.nanoTime() - submitted.get()) / 1_000_000);
                }
            });
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Path libOut = work.resolve("lib-" + r);
                BatchBenchmark.libraryBatch(a, in, inputs, libOut);
                lib[r] = (System.nanoTime() - t0) / 1e9;

                t0 = System.nanoTime();
                ArchiveJob.run(sc, JobSpec.of(in.toString(), work.resolve("spark-" + r).toString(), settings));
                job[r] = (System.nanoTime() - t0) / 1e9;
                // the listener runs on Spark's bus thread: let it see the last stage
                Thread.sleep(500);
                stage[r] = lastStage.get() / 1e3;
                System.out.printf(Locale.ROOT, "round %d: library %.2f s, job's anonymizing stage %.2f s, whole job"
                        + " %.2f s%n", r + 1, lib[r], stage[r], job[r]);
                for (Path p : inputs) {
                    Path rel = in.relativize(p);
                    if (Files.mismatch(libOut.resolve(rel), work.resolve("spark-" + r).resolve(rel)) != -1) {
                        throw new IllegalStateException(rel + ": the job's output differs from the library's");
                    }
                }
            }
        }
        report("library batch, 2 threads", lib);
        report("job's anonymizing stage, local[2]", stage);
        report("whole ArchiveJob.run, local[2]", job);
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = stage[r] / lib[r];
        }
        System.out.printf(Locale.ROOT, "%-36s median %.2fx (%.2f-%.2f), same round's library as the base%n",
                "stage / library", median(ratio), min(ratio), max(ratio));
        System.out.println("every output byte-identical to the library's");
    }

    private static void report(String what, double[] s) {
        System.out.printf(Locale.ROOT, "%-36s median %6.2f s (%.2f-%.2f)%n", what, median(s), min(s), max(s));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
