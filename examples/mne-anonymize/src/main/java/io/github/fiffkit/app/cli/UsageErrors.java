package io.github.fiffkit.app.cli;

import io.github.fiffkit.app.run.ExitStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns picocli's parse errors into our sentences: each names the option as the user typed it ({@code -i} or
 * {@code --in}) and says what a valid value looks like. Status 1.
 */
final class UsageErrors implements IParameterExceptionHandler {
    /** What an option takes, and an example, by the option's longest name. */
    private record Want(String what, String example) {
    }

    private static final Map<String, Want> WANTS = Map.ofEntries(
            Map.entry("--in", new Want("a file or folder", "sub01_raw.fif")),
            Map.entry("--out", new Want("a file or folder", "anonymized/")),
            Map.entry("--measurement_date", new Want("a date DDMMYYYY", "01012000")),
            Map.entry("--subject_birthday", new Want("a date DDMMYYYY", "01012000")),
            Map.entry("--measurement_date_offset", new Want("a number of days", "35")),
            Map.entry("--subject_birthday_offset", new Want("a number of days", "35")),
            Map.entry("--his", new Want("a text", "S01")),
            Map.entry("--preset", new Want("a preset (mne-anonymize, mne-python or strict)", "strict")),
            Map.entry("--jobs", new Want("a number", "4")),
            Map.entry("--policy", new Want("a policy file", "lab.json")),
            Map.entry("--secret-env", new Want("the name of an environment variable", "FIFF_SECRET")),
            Map.entry("--secret-file", new Want("a file", "secret.txt")),
            Map.entry("--report", new Want("a file", "report.jsonl")),
            Map.entry("--verify", new Want("a file or folder", "anonymized/")),
            Map.entry("--original", new Want("a file or folder", "raw/")));

    private static final Pattern UNKNOWN = Pattern.compile("Unknown options?: '([^']+)'");

    private final List<String> args;

    /** @param args the command line as given */
    UsageErrors(List<String> args) {
        this.args = List.copyOf(args);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] ignored) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("mne_anonymize: " + sentence(ex));
        err.println("Try 'mne_anonymize --help' for more information.");
        err.flush();
        return ExitStatus.USAGE;
    }

    /**
     * @param ex a parse error
     * @return one sentence about it in our words
     */
    String sentence(ParameterException ex) {
        if (ex instanceof MissingParameterException m) {
            OptionSpec o = option(m.getMissing());
            if (o != null) {
                String typed = typed(o, null);
                Want w = want(o);
                return typed + " needs a value: give " + w.what() + " after " + typed + ", e.g. " + typed + " "
                        + w.example();
            }
        }
        if (ex instanceof UnmatchedArgumentException u) {
            String unknown = unknownOption(u);
            if (unknown != null) {
                String close = closest(unknown, ex.getCommandLine().getCommandSpec().options());
                return "unknown option '" + unknown + "'" + (close == null ? "" : "; did you mean " + close + "?");
            }
            if (u.getUnmatched().isEmpty()) {
                return "unexpected arguments; give input files with -i, e.g. -i sub01_raw.fif";
            }
            String first = u.getUnmatched().get(0);
            return "'" + first + "' is not an option: give input files with -i, e.g. -i " + first;
        }
        if (ex instanceof OverwrittenOptionException w && w.getOverwritten() instanceof OptionSpec o) {
            String typed = typed(o, null);
            return typed + " is given twice: give it once";
        }
        if (ex.getArgSpec() instanceof OptionSpec o && ex.getValue() != null) {
            String typed = typed(o, ex.getValue());
            String reason = ex.getCause() != null && ex.getCause().getMessage() != null ? ex.getCause().getMessage()
                    : "not a valid value";
            String quoted = "'" + ex.getValue() + "' is ";
            if (reason.startsWith(quoted)) {
                reason = reason.substring(quoted.length());
            }
            if (!reason.contains("e.g.")) {
                reason += ", e.g. " + typed + " " + want(o).example();
            }
            return typed + " " + ex.getValue() + ": " + reason;
        }
        return ex.getMessage();
    }

    private static String unknownOption(UnmatchedArgumentException u) {
        for (String s : u.getUnmatched()) {
            if (s.startsWith("-") && s.length() > 1) {
                return s;
            }
        }
        // an unknown option right after a value of a multi-value option (-i a.fif --bogus) is not in the list
        Matcher m = UNKNOWN.matcher(String.valueOf(u.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    /** The option name nearest to what was typed (at most three edits away), or {@code null}. */
    private static String closest(String typed, List<OptionSpec> options) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        String best = null;
        int bestDistance = 4;
        for (OptionSpec o : options) {
            for (String candidate : o.names()) {
                int d = distance(name, candidate);
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private static OptionSpec option(List<ArgSpec> specs) {
        for (ArgSpec a : specs) {
            if (a instanceof OptionSpec o) {
                return o;
            }
        }
        return null;
    }

    private static Want want(OptionSpec o) {
        return WANTS.getOrDefault(o.longestName(), new Want("a value", o.paramLabel()));
    }

    /**
     * The name under which the user gave an option: where a value is known, the occurrence that carries it;
     * else the last occurrence (a missing value is missing at the end).
     */
    private String typed(OptionSpec o, String value) {
        String found = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            for (String name : o.names()) {
                String next = i + 1 < args.size() ? args.get(i + 1) : null;
                if (arg.equals(name) && (value == null || value.equals(next))) {
                    found = name;
                } else if (arg.startsWith(name + "=") && (value == null
                        || value.equals(arg.substring(name.length() + 1)))) {
                    found = name;
                } else if (name.length() == 2 && !arg.startsWith("--") && arg.startsWith("-") && arg.length() > 2
                        && arg.indexOf(name.charAt(1)) > 0 && value == null) {
                    found = name; // clustered short options, -vi
                }
            }
            if (found != null && value != null) {
                return found;
            }
        }
        return found != null ? found : o.longestName();
    }
}
