package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Preset;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job's command line, for {@code spark-submit --class io.github.fiffkit.spark.AnonymizeArchive}.
 * Policy options are the application's. The job never fails for a file: each file's outcome is a report row.
 */
@Command(name = "fiffkit-spark", mixinStandardHelpOptions = true, sortOptions = false, exitCodeOnInvalidInput = 1,
        description = "Anonymizes every FIFF file under an input URI (or listed in a file) on Apache Spark, "
                + "mirroring their paths under the output URI, with one JSON Lines report row per file.")
public final class AnonymizeArchive implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "URI", description = "a folder or file on any Hadoop file system")
    String input;

    @Option(names = "--input-list", paramLabel = "URI", description = "a text file listing one input URI a line")
    String inputList;

    @Option(names = "--input-root", paramLabel = "URI",
            description = "with --input-list: the folder mirrored under the output (default: the common parent)")
    String inputRoot;

    @Option(names = "--output", required = true, paramLabel = "URI", description = "the output folder")
    String output;

    @Option(names = "--report", paramLabel = "URI",
            description = "the JSON Lines report (default: <output>/_fiffkit/report.jsonl)")
    String report;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "mne-anonymize",
            description = "mne-anonymize (default), mne-python or strict")
    String preset;

    @Option(names = {"-b", "--brute"}, description = "also weight, height, sex, handedness and the project")
    Boolean brute;

    @Option(names = "--mne_environment", description = "also the MNE working directory and command line")
    Boolean mneEnvironment;

    @Option(names = "--keep-his", description = "keep the HIS id, sex and handedness (mne-python)")
    Boolean keepHis;

    @Option(names = "--drop-head-shape", description = "remove extra head-shape digitizer points")
    Boolean dropHeadShape;

    @Option(names = "--his", paramLabel = "TEXT", description = "the HIS id to write")
    String his;

    @Option(names = "--md", paramLabel = "YYYY-MM-DD", description = "set every measurement date to this day")
    LocalDate md;

    @Option(names = "--mdo", paramLabel = "DAYS", description = "move measurement dates this many days earlier")
    Integer mdo;

    @Option(names = "--sb", paramLabel = "YYYY-MM-DD", description = "set the birthday to this day")
    LocalDate sb;

    @Option(names = "--sbo", paramLabel = "DAYS", description = "move the birthday this many days earlier")
    Integer sbo;

    @Option(names = "--no-leak-check", description = "do not search the outputs for the original values")
    boolean noLeakCheck;

    @Option(names = "--no-digests", description = "no SHA-256 of inputs and outputs in the report")
    boolean noDigests;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark partitions (default: about 16 recordings a partition, at least 4 per core)")
    int partitions;

    /**
     * @return the job, from the options
     * @throws IllegalArgumentException for options that do not go together
     */
    JobSpec spec() {
        if (Preset.byId(preset).isEmpty()) {
            throw new IllegalArgumentException("unknown preset: " + preset
                    + " (mne-anonymize, mne-python or strict)");
        }
        PolicySettings s = new PolicySettings(preset, brute, mneEnvironment, keepHis, dropHeadShape, his, md, mdo,
                sb, sbo, !noLeakCheck, !noDigests);
        return new JobSpec(input, inputList, inputRoot, output, report, s, partitions);
    }

    @Override
    public Integer call() throws Exception {
        JobSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            System.err.println("fiffkit-spark: " + e.getMessage());
            return 1;
        }
        SparkConf conf = new SparkConf().setAppName("fiffkit-anonymize");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            ArchiveJob.Summary summary = ArchiveJob.run(sc, spec);
            System.out.println("fiffkit-spark: " + summary);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("fiffkit-spark: " + e.getMessage());
            return 1;
        }
    }

    /**
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting: 0 when the job ran (whatever became of each file), 1 for a usage
     * error or inputs and output that overlap.
     *
     * @param args the options
     * @return the exit status
     */
    public static int run(String... args) {
        return new CommandLine(new AnonymizeArchive()).execute(args);
    }
}
