package io.github.fiffkit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * The job: list the inputs, read their split-recording references (in parallel), group them into units, run the
 * units over the executors, and write the report. Usable from a driver program or a test with any
 * {@link JavaSparkContext}; {@link AnonymizeArchive} is its command line.
 */
public final class ArchiveJob {
    /** The folder under the output that holds the job's own files (state of finished units, the report). */
    public static final String STATE_FOLDER = "_fiffkit";

    private ArchiveJob() {
    }

    /**
     * What a run did.
     *
     * @param units     recordings (a split recording is one)
     * @param files     input files
     * @param processed units anonymized by this run
     * @param skipped   units a previous run had finished (nothing done; a unit that an attempt of this run finished
     *                  before it was killed counts as processed)
     * @param failedFiles files that ended in an error (reported, not fatal)
     * @param leakFiles files written whose output the leak check found original values in
     * @param report    the report's URI
     */
    public record Summary(int units, int files, int processed, int skipped, int failedFiles, int leakFiles,
            String report) implements Serializable {
        @Override
        public String toString() {
            return units + " recordings (" + files + " files): " + processed + " anonymized, " + skipped
                    + " already done, " + failedFiles + " files failed, " + leakFiles + " with leak hits; report "
                    + report;
        }
    }

    /**
     * Runs a job.
     *
     * @param sc   the Spark context
     * @param spec the job
     * @return what was done
     * @throws IOException              when the inputs cannot be listed or the report cannot be written; a
     *                                  {@code PolicyFileException} when the policy file is not valid
     * @throws IllegalArgumentException when the inputs and output overlap or no input is found
     */
    public static Summary run(JavaSparkContext sc, JobSpec spec) throws IOException {
        return run(sc, spec, null);
    }

    /**
     * @param built the job's anonymizer
     * @throws IllegalArgumentException when the run cannot keep a key file ({@link KeyFile#unusableWith})
     */
    static void checkKeyFile(Anonymizer built) {
        KeyFile.unusableWith(built.policy()).ifPresent(reason -> {
            throw new IllegalArgumentException("--key-file: " + reason);
        });
    }

    /**
     * Runs a job that keeps the study's key file ({@code --key-file}), a local file of the driver: the driver reads
     * its rows and hands them to every task, so that a unit that would give a subject (or an input) of a row
     * another offset fails with status 7 before its outputs are in place; once every task has ended, the driver
     * appends the rows of the units done (atomically, mode 0600, as the application does).
     *
     * @param sc      the Spark context
     * @param spec    the job
     * @param keyFile the key file, or null for none
     * @return what was done
     * @throws IOException              as {@link #run(JavaSparkContext, JobSpec)}; a {@code PolicyException} when
     *                                  two units of the run give one subject two offsets (the key file unchanged)
     * @throws IllegalArgumentException as {@link #run(JavaSparkContext, JobSpec)}, or for a key file with a policy
     *                                  whose dates do not move per subject
     */
    public static Summary run(JavaSparkContext sc, JobSpec spec, java.nio.file.Path keyFile) throws IOException {
        Configuration conf = sc.hadoopConfiguration();
        if (keyFile != null) {
            checkKeyFile(spec.settings().builder().build());
        }
        if (keyFile != null) {
            new KeyFile(keyFile).checkUsable();
        }
        List<KeyFile.Row> known = keyFile == null ? null : new KeyFile(keyFile).read();
        // the policy (file, tables, secret) is checked here, before any work, as the application checks it
        spec.settings().builder().build();
        Path output = qualify(new Path(spec.output()), conf);
        List<String> files = new ArrayList<>();
        Path root = listInputs(spec, conf, files);
        String rootPath = root.toUri().getPath();
        String outPath = output.toUri().getPath();
        if (sameFs(root, output) && (isUnder(outPath, rootPath) || isUnder(rootPath, outPath))) {
            throw new IllegalArgumentException("the output " + output + " and the input " + root
                    + " must not contain each other");
        }
        for (String f : files) {
            if (!isUnder(new Path(f).toUri().getPath(), rootPath)) {
                throw new IllegalArgumentException(f + " is not under the input root " + root);
            }
        }
        Broadcast<HadoopConf> hc = sc.broadcast(new HadoopConf(conf));
        int slices = slices(spec, files.size(), sc.defaultParallelism());
        List<FileRefs> refs = files.isEmpty() ? List.of()
                : sc.parallelize(files, slices).map(f -> FileRefs.scan(f, hc.value().get())).collect();
        String outRoot = output.toString();
        List<Unit> units = Units.group(refs,
                in -> new Path(outRoot + "/" + relative(in, rootPath)).toString(),
                in -> Units.id(relative(in, rootPath)));
        String stateDir = outRoot + "/" + STATE_FOLDER + "/units";
        PolicySettings settings = spec.settings();
        // the run model's several-recordings rule, as in the application
        settings.recordingsProblem(units.size()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        // with a key file, a finished unit whose rows the key file lacks is done again (UnitWorker.inKeyFile)
        String fingerprint = fingerprint(settings);
        String runId = UUID.randomUUID().toString();
        // what earlier runs left (killed attempts' outputs, state files half written), for every unit
        removeLeftovers(units, stateDir, 0, System.currentTimeMillis(), conf);
        int unitSlices = slices(spec, units.size(), sc.defaultParallelism());
        LostExecutors lost = new LostExecutors();
        sc.sc().addSparkListener(lost);
        List<UnitWorker.Outcome> outcomes;
        try {
            outcomes = units.isEmpty() ? List.of()
                    : sc.parallelize(units, unitSlices)
                            .map(u -> UnitWorker.process(u, settings, fingerprint, hc.value().get(), stateDir, known,
                                    runId))
                            .collect();
        } finally {
            sc.sc().removeSparkListener(lost);
            hc.destroy();
        }
        try {
            removeLeftovers(units, stateDir, lost.count() > 0 ? graceMillis(sc) : 0, Long.MAX_VALUE, conf);
        } catch (IOException e) {
            // the outputs are complete and in place; the next run's tasks remove what is left
            System.err.println("fiffkit-spark: warning: cannot remove temporary files: " + e.getMessage());
        }

        List<String> rows = new ArrayList<>();
        int processed = 0;
        int skipped = 0;
        int failed = 0;
        int leaks = 0;
        List<KeyFile.Row> keyRows = new ArrayList<>();
        for (UnitWorker.Outcome o : outcomes) {
            rows.addAll(o.rows());
            keyRows.addAll(o.keyRows());
            if (o.skipped()) {
                skipped++;
            } else {
                processed++;
            }
            for (String r : o.rows()) {
                JsonNode row = UnitWorker.JSON.readTree(r);
                String status = row.path("status").asText();
                if (status.equals("failed")) {
                    failed++;
                } else if (status.equals("leaks")) {
                    leaks++;
                }
            }
        }
        rows.sort(Comparator.naturalOrder());
        Path report = spec.report() != null ? qualify(new Path(spec.report()), conf)
                : new Path(outRoot + "/" + STATE_FOLDER + "/report.jsonl");
        StringBuilder text = new StringBuilder();
        for (String r : rows) {
            text.append(r).append('\n');
        }
        UnitWorker.writeAtomically(report, text.toString(), conf);
        if (keyFile != null) {
            new KeyFile(keyFile).append(keyRows);
        }
        return new Summary(units.size(), files.size(), processed, skipped, failed, leaks, report.toString());
    }

    /** How long an executor the driver lost may live on (its Worker notices and stops it within seconds). */
    static long graceMillis(JavaSparkContext sc) {
        return sc.getConf().getTimeAsMs("spark.fiffkit.lostExecutorGrace", "5s");
    }

    /**
     * Removes the temporary files beside every unit's outputs and state file changed before {@code before}: before
     * the units run, what earlier runs left; once every task has ended, what attempts killed with their executor
     * left. When executors were lost, first waits {@code graceMillis}, so that an orphaned executor still running a
     * task has stopped and can leave nothing after the sweep. One listing per folder.
     */
    static List<Path> removeLeftovers(List<Unit> units, String stateDir, long graceMillis, long before,
            Configuration conf) throws IOException {
        if (graceMillis > 0) {
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for lost executors to stop", e);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Unit u : units) {
            u.outputs().forEach(o -> files.add(new Path(o)));
            files.add(UnitWorker.stateFile(stateDir, u));
        }
        return Temporaries.removeStale(files, before, conf);
    }

    /** Counts the executors the driver loses while the units run. */
    private static final class LostExecutors extends SparkListener {
        private final AtomicInteger removed = new AtomicInteger();

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
            removed.incrementAndGet();
        }

        int count() {
            return removed.get();
        }
    }

    /**
     * A fingerprint of the settings and of the policy file's content (never of a secret), stored with each finished
     * unit: a re-run with other settings does the work again instead of keeping outputs made under the old ones.
     */
    static String fingerprint(PolicySettings settings) throws IOException {
        String text = settings.toString();
        if (settings.policyFile() != null) {
            text += "\n" + Units.id(Files.readString(PolicySettings.local(settings.policyFile()),
                    StandardCharsets.UTF_8));
        }
        return Units.id(text);
    }

    /**
     * Partitions for a stage: as asked, else about 16 items a partition but at least 4 partitions per core, at
     * most one per item and at most 10,000 (small files then share a task's overhead; big ones spread out).
     */
    static int slices(JobSpec spec, int items, int parallelism) {
        if (spec.partitions() > 0) {
            return spec.partitions();
        }
        int wanted = Math.max(4 * Math.max(1, parallelism), (items + 15) / 16);
        return Math.max(1, Math.min(Math.min(items, wanted), 10_000));
    }

    private static Path qualify(Path p, Configuration conf) throws IOException {
        return UnitWorker.fs(p, conf).makeQualified(p);
    }

    private static boolean sameFs(Path a, Path b) {
        return String.valueOf(a.toUri().getScheme()).equals(String.valueOf(b.toUri().getScheme()))
                && String.valueOf(a.toUri().getAuthority()).equals(String.valueOf(b.toUri().getAuthority()));
    }

    /** @return true when {@code path} is {@code dir} or inside it */
    static boolean isUnder(String path, String dir) {
        String d = dir.endsWith("/") ? dir : dir + "/";
        return path.equals(dir) || path.startsWith(d);
    }

    static String relative(String uri, String rootPath) {
        String p = new Path(uri).toUri().getPath();
        String r = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        return p.substring(r.length());
    }

    /** Lists the input files into {@code files} (sorted, qualified URIs) and returns the input root. */
    private static Path listInputs(JobSpec spec, Configuration conf, List<String> files) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        Path root;
        if (spec.input() != null) {
            Path in = qualify(new Path(spec.input()), conf);
            FileSystem fs = UnitWorker.fs(in, conf);
            FileStatus st = fs.getFileStatus(in);
            if (st.isFile()) {
                root = in.getParent();
                found.add(in.toString());
            } else {
                root = in;
                if (fs instanceof RawLocalFileSystem local) {
                    // Hadoop's listing of a local disk starts an "ls" process per file for its permissions
                    try (Stream<java.nio.file.Path> walk = Files.walk(local.pathToFile(in).toPath(),
                            FileVisitOption.FOLLOW_LINKS)) {
                        for (java.nio.file.Path f : walk.filter(Files::isRegularFile).toList()) {
                            Path p = fs.makeQualified(new Path(f.toUri()));
                            if (wanted(p, in)) {
                                found.add(p.toString());
                            }
                        }
                    }
                } else {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(in, true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        if (f.isFile() && wanted(f.getPath(), in)) {
                            found.add(f.getPath().toString());
                        }
                    }
                }
            }
        } else {
            Path list = qualify(new Path(spec.inputList()), conf);
            String text;
            try (InputStream s = UnitWorker.fs(list, conf).open(list)) {
                text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.lines().map(String::strip).toList()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    found.add(qualify(new Path(line), conf).toString());
                }
            }
            root = spec.inputRoot() != null ? qualify(new Path(spec.inputRoot()), conf) : commonParent(found);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no FIFF file found in " + (spec.input() != null ? spec.input()
                    : spec.inputList()));
        }
        files.addAll(found);
        return root;
    }

    /** FIFF files, not our own outputs or temporary files, not under the job's own folder. */
    private static boolean wanted(Path file, Path root) {
        String name = file.getName();
        String rel = relative(file.toString(), root.toUri().getPath());
        return Units.isFiffName(name) && !SplitRecording.isAnonymizedName(name)
                && !OutputFiles.TEMP_NAME.matcher(name).matches()
                && !rel.startsWith(STATE_FOLDER + "/");
    }

    private static Path commonParent(TreeSet<String> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("the input list names no file");
        }
        Path common = new Path(uris.first()).getParent();
        for (String u : uris) {
            while (!isUnder(new Path(u).toUri().getPath(), common.toUri().getPath())) {
                common = common.getParent();
            }
        }
        return common;
    }
}
