package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.run.RunOption;
import io.github.fiffkit.anonymize.run.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a user chose for one run of {@code mne_anonymize}, on the command line or in the window: the files,
 * how much to print, and the {@link RunOptions} (rules, dates, leak check, deletion) that the library's run model
 * checks and turns into the anonymizer.
 *
 * @param inputs                  the files and folders to anonymize ({@code -i}), in the order given
 * @param output                  {@code -o}: an output file for one recording, or a folder; {@code null} for the
 *                                default names next to each input
 * @param verbose                 {@code -v}: one line per changed field, old value and new value
 * @param silent                  {@code -s}: only errors and questions
 * @param avoidDeleteConfirmation {@code -f}: do not ask before deleting or replacing an input
 * @param noGui                   {@code --no-gui}: run on the command line
 * @param jobs                    {@code --jobs}: how many recordings to anonymize at once
 * @param report                  {@code --report}: the JSON Lines report to write, or {@code null}
 * @param verify                  {@code --verify}: files and folders to check instead of anonymizing (empty: none)
 * @param run                     the run model's options
 * @param outputIsFolder          {@code -o} ended with a separator ({@code -o anon/}): a folder, made when missing,
 *                                even for one input
 * @param originals               {@code --original}: the files and folders {@code --verify} compares against (empty:
 *                                none)
 */
public record AppOptions(List<Path> inputs, Path output, boolean verbose, boolean silent,
        boolean avoidDeleteConfirmation, boolean noGui, int jobs, Path report, List<Path> verify, RunOptions run,
        boolean outputIsFolder, List<Path> originals) {

    /** Copies the lists; checks the number of jobs. */
    public AppOptions {
        inputs = List.copyOf(inputs);
        verify = verify == null ? List.of() : List.copyOf(verify);
        originals = originals == null ? List.of() : List.copyOf(originals);
        run = run == null ? RunOptions.defaults() : run;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
        }
    }

    /**
     * The options with {@code -o} taken as written (a folder only when it exists or several inputs need one), and
     * nothing to compare against.
     *
     * @param inputs                  {@code -i}
     * @param output                  {@code -o}, or {@code null}
     * @param verbose                 {@code -v}
     * @param silent                  {@code -s}
     * @param avoidDeleteConfirmation {@code -f}
     * @param noGui                   {@code --no-gui}
     * @param jobs                    {@code --jobs}
     * @param report                  {@code --report}, or {@code null}
     * @param verify                  {@code --verify}
     * @param run                     the run model's options
     */
    public AppOptions(List<Path> inputs, Path output, boolean verbose, boolean silent,
            boolean avoidDeleteConfirmation, boolean noGui, int jobs, Path report, List<Path> verify, RunOptions run) {
        this(inputs, output, verbose, silent, avoidDeleteConfirmation, noGui, jobs, report, verify, run, false,
                List.of());
    }

    /**
     * The options of a run without any choice made: the seed's defaults, leak check on.
     *
     * @param inputs the files and folders to anonymize
     * @return the options
     */
    public static AppOptions defaults(List<Path> inputs) {
        return new AppOptions(inputs, null, false, false, false, false, Runtime.getRuntime().availableProcessors(),
                null, List.of(), RunOptions.defaults());
    }

    /** @return {@code -d} */
    public boolean deleteInput() {
        return run.deleteInputs();
    }

    /** @return {@code --dry-run} */
    public boolean dryRun() {
        return run.dryRun();
    }

    /**
     * Options that cannot go together, whatever the files: the run model's problems and the application's own
     * (what {@code --verify} goes with, an input, {@code -v} with {@code -s}). The command line turns them into a
     * usage error (status 1).
     *
     * @param names how to name the run model's options (as the user typed them)
     * @return the problems, empty when none
     */
    public List<String> conflicts(Function<RunOption, String> names) {
        List<String> problems = new ArrayList<>();
        if (!verify.isEmpty()) {
            if (!inputs.isEmpty() || output != null || run.deleteInputs() || run.dryRun()) {
                problems.add("--verify checks files that are already anonymized; it goes with neither -i, -o, -d"
                        + " nor --dry-run");
            }
        } else if (inputs.isEmpty()) {
            problems.add("no input file: give one with -i FILE");
        }
        if (!verify.isEmpty() && run.keyFile() != null) {
            problems.add("--key-file records the recordings a run anonymizes, and --verify writes nothing: they"
                    + " exclude each other");
        }
        if (!originals.isEmpty() && verify.isEmpty()) {
            problems.add("--original names the originals that --verify compares outputs with: it needs --verify");
        }
        if (verbose && silent) {
            problems.add("--verbose and --silent exclude each other");
        }
        run.problems().forEach(p -> problems.add(p.text(names)));
        return problems;
    }

    /**
     * The options as the verbose header shows them; no value is PHI.
     *
     * @return one line
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(run.describe());
        parts.add("delete input " + (run.deleteInputs() ? (avoidDeleteConfirmation ? "yes, without asking"
                : "after asking") : "no"));
        parts.add("jobs " + jobs);
        if (run.dryRun()) {
            parts.add("dry run");
        }
        if (report != null) {
            parts.add("report " + report);
        }
        return String.join(", ", parts);
    }

    /**
     * @return the anonymizer the run model builds from these options, shared by every file of the run
     * @throws io.github.fiffkit.anonymize.policyfile.PolicyFileException listing every problem of the policy file
     * @throws IOException when the policy file, its tables or its secret cannot be read
     */
    public Anonymizer anonymizer() throws IOException {
        return run.toAnonymizer();
    }
}
