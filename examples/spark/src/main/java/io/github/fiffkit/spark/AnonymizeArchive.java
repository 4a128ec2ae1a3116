package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policyfile.PolicyFileException;
import io.github.fiffkit.anonymize.run.DayMonthYear;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The Spark job's command line, for {@code spark-submit --class io.github.fiffkit.spark.AnonymizeArchive}.
 * Policy options are the application's, checked by the library's run model as the application checks them. The job
 * never fails for a file: each file's outcome is a report row.
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

    @Option(names = "--preset", paramLabel = "NAME",
            description = "mne-anonymize (the default), mne-python or strict")
    String preset;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "a JSON policy file (a path the driver and executors see, or shipped with --files)")
    String policy;

    @Option(names = "--secret-env", paramLabel = "NAME",
            description = "the environment variable holding the keyed-hash secret (set on the executors)")
    String secretEnv;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "the file holding the keyed-hash secret")
    String secretFile;

    @Option(names = "--key-file", paramLabel = "FILE.csv", description = "the study's key file on the driver's disk:"
            + " a row per recording with the subject's keyed hash, date offset and measurement dates; it re-identifies,"
            + " keep it with the data owner (needs a policy whose dates move per subject)")
    java.nio.file.Path keyFile;

    @Option(names = {"-b", "--brute"}, description = "also weight, height, sex, handedness and the project")
    boolean brute;

    @Option(names = "--mne_environment", description = "also the MNE working directory and command line")
    boolean mneEnvironment;

    @Option(names = "--keep-his", description = "keep the HIS id, sex and handedness (MNE-Python's keep_his)")
    boolean keepHis;

    @Option(names = "--drop-head-shape", description = "remove the extra head-shape digitizer points")
    boolean dropHeadShape;

    @Option(names = "--his", paramLabel = "TEXT", description = "the HIS id to write (one recording only)")
    String his;

    @Option(names = {"--md", "--measurement_date"}, paramLabel = "DDMMYYYY", converter = MeasurementDateConverter.class,
            description = "set every measurement date to this day (one recording only)")
    LocalDate md;

    @Option(names = {"--mdo", "--measurement_date_offset"}, paramLabel = "DAYS",
            description = "move measurement dates this many days earlier")
    Integer mdo;

    @Option(names = {"--sb", "--subject_birthday"}, paramLabel = "DDMMYYYY", converter = BirthdayConverter.class,
            description = "set the birthday to this day (one recording only)")
    LocalDate sb;

    @Option(names = {"--sbo", "--subject_birthday_offset"}, paramLabel = "DAYS",
            description = "move the birthday this many days earlier")
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
        PolicySettings s = new PolicySettings(preset, policy, secretEnv, secretFile, brute, mneEnvironment, keepHis,
                dropHeadShape, his, md, mdo, sb, sbo, !noLeakCheck, !noDigests);
        return new JobSpec(input, inputList, inputRoot, output, report, s, partitions);
    }

    @Override
    public Integer call() throws Exception {
        JobSpec spec;
        Anonymizer built;
        try {
            spec = spec();
            // a policy file that cannot be read or is not valid stops the job before Spark starts
            built = spec.settings().builder().build();
            if (keyFile != null) {
                ArchiveJob.checkKeyFile(built);
                // a key file that cannot be used stops the job before Spark starts
                new KeyFile(keyFile).checkUsable();
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("fiffkit-spark: " + e.getMessage());
            return 1;
        }
        // the run model's warnings, as the application prints them: the job still runs
        for (String w : spec.settings().warnings(built)) {
            System.err.println("fiffkit-spark: warning: " + w);
        }
        SparkConf conf = new SparkConf().setAppName("fiffkit-anonymize");
        if (conf.getBoolean("spark.speculation", false)) {
            // a speculative copy of a task writes the same temporary names as the first attempt, and each task's
            // stale-temporary sweep would take the other's live files for an old attempt's
            System.err.println("fiffkit-spark: spark.speculation must be off for this job: a speculative copy of a"
                    + " task would write the same temporary files as the task itself (submit without"
                    + " --conf spark.speculation=true)");
            return 1;
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) {
            // no master URL, a bad setting...: Spark did not start, nothing was done
            System.err.println("fiffkit-spark: Spark cannot start: " + firstLine(e.getMessage()));
            return 1;
        }
        try (sc) {
            ArchiveJob.Summary summary = ArchiveJob.run(sc, spec, keyFile);
            System.out.println("fiffkit-spark: " + summary);
            return 0;
        } catch (IllegalArgumentException | PolicyFileException e) {
            System.err.println("fiffkit-spark: " + e.getMessage());
            return 1;
        } catch (PolicyException e) {
            // two units gave one subject two offsets: the key file is unchanged
            System.err.println("fiffkit-spark: " + e.getMessage());
            return 7;
        } catch (IOException e) {
            // the driver's own files (the input listing, the report, the key file): recordings finished so far
            // are in place and recorded in their state files, a new submission does the rest
            System.err.println("fiffkit-spark: " + firstLine(e.getMessage()));
            return DRIVER_IO;
        } catch (Exception e) {
            if (e instanceof SparkException) {
                // tasks failed spark.task.maxFailures times (lost executors, a node without the policy file...):
                // the finished recordings are kept, a new submission does the rest
                System.err.println("fiffkit-spark: Spark aborted the job: " + firstLine(e.getMessage()));
                return JOB_ABORTED;
            }
            throw e;
        }
    }

    /** The exit status when Spark aborts the job. */
    public static final int JOB_ABORTED = 9;

    /**
     * The exit status when the driver cannot list the inputs or write the report or the key file (the
     * application's "an output cannot be written").
     */
    public static final int DRIVER_IO = 3;

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Reads {@code --md} with the run model's reader: a DDMMYYYY day that FIFF's 32-bit time holds. */
    static final class MeasurementDateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return DayMonthYear.measurementDate(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --sb} with the run model's reader: a DDMMYYYY day of year 1 or later. */
    static final class BirthdayConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return DayMonthYear.birthday(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
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
     * error or inputs and output that overlap, {@link #JOB_ABORTED} when Spark aborted the job.
     *
     * @param args the options
     * @return the exit status
     */
    public static int run(String... args) {
        return new CommandLine(new AnonymizeArchive()).execute(args);
    }
}
