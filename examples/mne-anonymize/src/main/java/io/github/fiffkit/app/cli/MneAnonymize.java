package io.github.fiffkit.app.cli;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFileException;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.run.DayMonthYear;
import io.github.fiffkit.anonymize.run.OptionMessage;
import io.github.fiffkit.anonymize.run.RunOption;
import io.github.fiffkit.anonymize.run.RunOptions;
import io.github.fiffkit.app.Version;
import io.github.fiffkit.app.gui.Gui;
import io.github.fiffkit.app.run.AppOptions;
import io.github.fiffkit.app.run.ExitStatus;
import io.github.fiffkit.app.run.Io;
import io.github.fiffkit.app.run.KeyFilePlan;
import io.github.fiffkit.app.run.RunPlan;
import io.github.fiffkit.app.run.Runner;
import io.github.fiffkit.app.run.VerifyPairs;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * {@code mne_anonymize}: removes the personal health information from FIFF files, with the options of MNE-CPP's
 * tool of the same name, several files and folders at once, split recordings and compressed files.
 *
 * <pre>
 * mne_anonymize --no-gui -i sub01_raw.fif                  # writes sub01_raw_anonymized.fif
 * mne_anonymize --no-gui -i sub01_raw.fif -vbdf --mdo 35   # verbose, brute, delete the input without asking
 * mne_anonymize --no-gui -i archive/ -o shared/ --mdo 35   # a whole folder, mirrored under shared/
 * </pre>
 *
 * <p>A thin shell: it parses the command line into {@link AppOptions} (whose {@link RunOptions} the library's run
 * model checks and turns into the anonymizer), and hands the run to {@link Runner}.
 */
@Command(name = "mne_anonymize", versionProvider = Version.Provider.class, sortOptions = false,
        usageHelpAutoWidth = true, exitCodeOnInvalidInput = MneAnonymize.USAGE,
        description = {"Replaces the personal health information (names, birthday, hospital id, dates, machine"
                + " ids, experimenter, ...) in FIFF files (.fif, .fif.gz, .fiff) by other values. The input is"
                + " never changed (except with -d, or an output that is the input itself, after you agree); the"
                + " output is written to a temporary file and moved into place only when complete.",
            "Several -i values and folders (searched recursively) are anonymized in parallel; the parts of a"
                + " split recording are found from any part and anonymized together."},
        footer = {"", "Exit status:",
            "  0  success",
            "  1  usage error: unknown or conflicting options, bad values",
            "  2  an input cannot be read or is not valid FIFF (nothing written)",
            "  3  an output cannot be written (nothing left behind)",
            "  4  the leak check found original values in an output (kept; input kept)",
            "  5  --verify: a file still holds PHI the policy would change (or a wrong date shift)",
            "  6  several recordings: at least one failed (the others are done)",
            "  7  the options cannot be applied to a file (nothing written)",
            "  8  done, but -d kept an input it was asked to delete (warnings, leak hits, a failed read-back)",
            "Several recordings: 6 if any failed, else 4 if any leaked, else 8 if any input was kept, else 0."})
public final class MneAnonymize implements Callable<Integer> {
    static final int USAGE = ExitStatus.USAGE;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "show the version and exit")
    private boolean version;

    @Option(names = "--no-gui", description = "run on the command line (without it, the desktop window opens"
            + " where there is a display)")
    private boolean noGui;

    @Option(names = {"-i", "--in"}, paramLabel = "FILE", arity = "1..*",
            description = "a file or folder to anonymize; repeat it or give several")
    private List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "the output file (default: the input's name with _anonymized before the extension,"
                    + " next to it); a name ending in / is a folder, made when missing; several inputs need a"
                    + " folder (existing, or ending in /), under which they are mirrored")
    private String output;

    @Option(names = {"-v", "--verbose"}, description = "print every changed field, its old and its new value")
    private boolean verbose;

    @Option(names = {"-s", "--silent"}, description = "print nothing but errors and questions")
    private boolean silent;

    @Option(names = {"-d", "--delete_input_file_after", "--delete_input_file"},
            description = "delete the input once its output is complete and reads back cleanly (asks first; a"
                    + " answers yes for every remaining file); status 8 when an input had to be kept")
    private boolean delete;

    @Option(names = {"-f", "--avoid_delete_confirmation"},
            description = "do not ask before deleting or replacing an input")
    private boolean force;

    @Option(names = {"-b", "--brute"}, description = "also weight, height, sex, handedness, the project's id,"
            + " name, aim and comment, and the MNE environment")
    private boolean brute;

    @Option(names = {"--md", "--measurement_date"}, paramLabel = "DDMMYYYY", converter = MeasurementDateConverter.class,
            description = "set every measurement date and ID time to this day (default: 01012000); one recording"
                    + " only")
    private LocalDate measurementDate;

    @Option(names = {"--mdo", "--measurement_date_offset"}, paramLabel = "DAYS", converter = Numbers.Days.class,
            description = "move every measurement date and ID time this many days earlier (negative: later);"
                    + " the same for every file")
    private Integer measurementDateOffset;

    @Option(names = {"--sb", "--subject_birthday"}, paramLabel = "DDMMYYYY", converter = BirthdayConverter.class,
            description = "set the subject's birthday to this day (default: 01012000); one recording only")
    private LocalDate subjectBirthday;

    @Option(names = {"--sbo", "--subject_birthday_offset"}, paramLabel = "DAYS", converter = Numbers.Days.class,
            description = "move the subject's birthday this many days earlier (negative: later)")
    private Integer subjectBirthdayOffset;

    @Option(names = "--his", paramLabel = "TEXT",
            description = "the hospital id to write (default: mne_anonymize); one recording only")
    private String hisId;

    @Option(names = "--mne_environment", description = "also the MNE working directory and command line")
    private boolean mneEnvironment;

    @Option(names = "--keep-his", description = "keep the HIS id, sex and handedness (MNE-Python's keep_his;"
            + " for the mne-python preset)")
    private boolean keepHis;

    @Option(names = "--drop-head-shape", description = "remove the extra head-shape digitizer points (a head shape"
            + " can identify a face)")
    private boolean dropHeadShape;

    @Option(names = "--preset", paramLabel = "NAME", converter = PresetConverter.class,
            description = "the rules to apply: mne-anonymize (the default: the seed's table), mne-python"
                    + " (MNE-Python 1.3's anonymize_info) or strict")
    private Preset preset;

    @Option(names = "--jobs", paramLabel = "N", converter = Numbers.Count.class, description = "anonymize up to N recordings at once (default: the"
            + " number of processors)")
    private Integer jobs;

    @Option(names = "--no-leak-check", description = "do not search the outputs for the original values")
    private boolean noLeakCheck;

    @Option(names = "--policy", paramLabel = "FILE.json", description = "a JSON policy file (instead of --preset);"
            + " the options above override it")
    private Path policy;

    @Option(names = "--secret-env", paramLabel = "NAME", description = "the environment variable that holds the"
            + " secret of the policy's keyed hashes")
    private String secretEnv;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "the file that holds the secret of the"
            + " policy's keyed hashes")
    private Path secretFile;

    @Option(names = "--key-file", paramLabel = "FILE.csv", description = "add a row per recording to the study's"
            + " key file: subject key (keyed hash), date offset, measurement date before and after; it re-identifies,"
            + " keep it with the data owner (needs a policy whose dates move per subject)")
    private Path keyFile;

    @Option(names = "--report", paramLabel = "FILE.json", description = "write a JSON Lines report, one record per"
            + " file (digests, policy hash, every change; no old values)")
    private Path report;

    @Option(names = "--dry-run", description = "say what would change and what the leak check would find, and"
            + " check that the outputs can be written; write nothing (a temporary copy is made and deleted)")
    private boolean dryRun;

    @Option(names = "--verify", paramLabel = "FILE", arity = "1..*", description = "check anonymized files (or"
            + " folders): status 5 when the policy would still change a field that holds PHI (free text the policy"
            + " keeps is not searched: give --original for that)")
    private List<Path> verify = new ArrayList<>();

    @Option(names = "--original", paramLabel = "FILE", arity = "1..*", description = "with --verify: the original"
            + " files (or folders) the outputs were made from, paired by name; every original value the policy"
            + " changed is then searched in the outputs (status 5 on a hit)")
    private List<Path> originals = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private Io io;

    /**
     * Runs the application and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        int status = run(args, Io.system(out, err));
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the application on given streams, for embedding and tests.
     *
     * @param args the command line
     * @param io   standard input, output and error, and the session's display and terminal
     * @return the exit status
     */
    public static int run(String[] args, Io io) {
        MneAnonymize app = new MneAnonymize();
        app.io = io;
        CommandLine cmd = new CommandLine(app);
        cmd.setOut(io.out());
        cmd.setErr(io.err());
        cmd.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cmd.setParameterExceptionHandler(new UsageErrors(List.of(args)));
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("mne_anonymize: internal error: " + ex);
            return ExitStatus.OUTPUT_FAILED;
        });
        int status = cmd.execute(args);
        io.out().flush();
        io.err().flush();
        return status;
    }

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) {
            return usage("--jobs must be 1 or more, not " + jobs);
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        RunOptions run = RunOptions.builder().preset(preset).policyFile(policy).secretEnv(secretEnv)
                .secretFile(secretFile).keyFile(keyFile).brute(brute).mneEnvironment(mneEnvironment).keepHis(keepHis)
                .dropHeadShape(dropHeadShape).hisId(hisId).measurementDate(measurementDate)
                .measurementDateOffset(measurementDateOffset).subjectBirthday(subjectBirthday)
                .subjectBirthdayOffset(subjectBirthdayOffset).leakCheck(!noLeakCheck).deleteInputs(delete)
                .dryRun(dryRun).recordOldValues(verbose).digests(report != null).build();
        Path out;
        try {
            out = output == null ? null : Path.of(output);
        } catch (java.nio.file.InvalidPathException e) {
            return usage("-o " + output + ": not a valid file or folder name");
        }
        boolean outIsFolder = output != null && RunPlan.namesFolder(output);
        AppOptions options = new AppOptions(inputs, out, verbose, silent, force, noGui, threads, report, verify,
                run, outIsFolder, originals);
        if (!noGui) {
            // the window shows conflicts next to its fields, and starts without any input chosen
            if (!io.display()) {
                if (!silent) {
                    io.err().println("mne_anonymize: no display, so no window; running on the command line as with"
                            + " --no-gui");
                }
            } else if (Gui.open(options, io.err())) {
                return ExitStatus.OK;
            }
        }
        Function<RunOption, String> names = TypedNames.of(spec.commandLine().getParseResult().originalArgs());
        List<String> conflicts = options.conflicts(names);
        if (!conflicts.isEmpty()) {
            return usage(String.join("; ", conflicts));
        }
        Anonymizer anonymizer;
        try {
            anonymizer = options.anonymizer();
        } catch (KeyFileException e) {
            // the message names the key file
            return usage(e.getMessage());
        } catch (IOException e) {
            // a policy file with problems (each listed with its line), or one that cannot be read
            io.err().println("mne_anonymize: " + ExitStatus.describe(e, policy != null ? policy : Path.of("policy")));
            return USAGE;
        }
        if (!silent) {
            // the run model's warnings, among them what a policy file leaves of the seed table's personal data
            for (OptionMessage w : run.warnings(anonymizer)) {
                io.err().println("mne_anonymize: warning: " + w.text(names));
            }
        }
        if (!originals.isEmpty()) {
            List<VerifyPairs.Pair> pairs;
            try {
                pairs = VerifyPairs.pair(verify, originals);
            } catch (RunPlan.UsageProblem e) {
                return usage(e.text(names));
            }
            return new Runner(options, io, anonymizer).verifyAgainstOriginals(pairs);
        }
        if (!verify.isEmpty()) {
            List<Path> files;
            try {
                files = RunPlan.verifyFiles(verify);
            } catch (RunPlan.UsageProblem e) {
                return usage(e.text(names));
            }
            return new Runner(options, io, anonymizer).verify(files);
        }
        RunPlan plan;
        try {
            plan = RunPlan.make(options);
        } catch (RunPlan.UsageProblem e) {
            return usage(e.text(names));
        }
        if (keyFile != null) {
            Optional<Path> broken = KeyFilePlan.nameWithLineBreak(plan);
            if (broken.isPresent()) {
                String shown = broken.get().toString().replace("\n", "\\n").replace("\r", "\\r");
                return usage(shown + ": the name holds a line break, which the key file " + keyFile
                        + " (one row a line) cannot hold; rename the file");
            }
            Optional<Path> shared = KeyFilePlan.outputFolderHolding(keyFile, plan);
            if (shared.isPresent() && !silent) {
                io.err().println("mne_anonymize: warning: the key file " + keyFile + " is in the output folder "
                        + shared.get() + ": it re-identifies the study, so keep it away from the shared data");
            }
        }
        return new Runner(options, io, anonymizer).run(plan);
    }

    private int usage(String message) {
        io.err().println("mne_anonymize: " + message);
        io.err().println("Try 'mne_anonymize --help' for more information.");
        return USAGE;
    }

    /** Reads {@code --md}: a DDMMYYYY day that FIFF's 32-bit time holds. */
    static final class MeasurementDateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return DayMonthYear.measurementDate(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --sb}: a DDMMYYYY day of year 1 or later. */
    static final class BirthdayConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return DayMonthYear.birthday(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads preset names. */
    static final class PresetConverter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            return Preset.byId(value).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' is not a preset; give mne-anonymize, mne-python or strict"));
        }
    }
}
