package io.github.fiffkit.anonymize.run;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A problem or a warning about the options of a run, with the options it concerns, so that each front-end can
 * name them as its user knows them: {@code --md} on a command line, "Measurement date" in a window. The text never
 * holds a value read from a file; it may hold a value the user typed (a new date, a new id).
 *
 * <pre>{@code
 * for (OptionMessage m : options.problems()) {
 *     System.err.println("mne_anonymize: " + m.text());               // --md and --mdo exclude each other ...
 *     label.setText(m.text(RunOption.LABELS));                         // Measurement date and ...
 * }
 * }</pre>
 */
public final class OptionMessage {
    private final List<RunOption> options;
    private final String template;

    /**
     * @param template the text, with {@code {0}}, {@code {1}}, ... where the options' names go
     * @param options  the options it concerns, in the order of their places in the template
     */
    OptionMessage(String template, List<RunOption> options) {
        this.template = Objects.requireNonNull(template, "template");
        this.options = List.copyOf(options);
    }

    static OptionMessage of(String template, RunOption... options) {
        return new OptionMessage(template, List.of(options));
    }

    /** @return the options this message is about, the first one first (a form can mark their fields) */
    public List<RunOption> options() {
        return options;
    }

    /** @return the text, naming the options by their command-line names */
    public String text() {
        return text(RunOption.COMMAND_LINE);
    }

    /**
     * @param names how to name each option, e.g. {@link RunOption#LABELS} or the spelling a user typed
     * @return the text with those names
     */
    public String text(Function<RunOption, String> names) {
        String s = template;
        for (int i = 0; i < options.size(); i++) {
            s = s.replace("{" + i + "}", names.apply(options.get(i)));
        }
        return s;
    }

    /** @return the text with command-line names */
    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionMessage m && m.template.equals(template) && m.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, options);
    }
}
