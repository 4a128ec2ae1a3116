package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.AnonymizationResult;
import io.github.fiffkit.app.AppOptions;
import io.github.fiffkit.app.RunPlan;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.PolicyException;
import io.github.fiffkit.anonymize.Preset;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.TagChange;
import io.github.fiffkit.core.FiffFormatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the desktop window shows and does, without any Swing: the inputs, the output, every option of the
 * command line, their validation in plain words, the dry run ("Read") and the run ("Anonymize"). The window only
 * binds controls to this model, so everything here is tested without a display.
 *
 * <p>Not thread-safe: the window changes it on the event thread and hands an immutable {@link Job} to its
 * background worker.
 */
public final class GuiModel {
    private final List<Path> inputs = new ArrayList<>();
    private String output = "";
    private Preset preset = Preset.MNE_ANONYMIZE;
    private boolean brute;
    private boolean mneEnvironment;
    private boolean deleteInput;
    private String measurementDate = "";
    private String measurementDateOffset = "";
    private String subjectBirthday = "";
    private String subjectBirthdayOffset = "";
    private String his = "";
    private String policy = "";
    private String secretEnv;
    private Path secretFile;

    /** One row of the "Read" table: a field the anonymizer would change. */
    public record Row(String file, String field, String block, String action, String current, String after) {
    }

    /** What happened to one input when the job ran. */
    public record Outcome(Path input, List<Path> outputs, String error, List<String> warnings, boolean leaks) {
        /** Copies the lists. */
        public Outcome {
            outputs = List.copyOf(outputs);
            warnings = List.copyOf(warnings);
        }

        /** @return true when the output is written and nothing was wrong */
        public boolean ok() {
            return error == null && !leaks;
        }

        /** @return true when the input may be deleted: done, no warning about it, no leak */
        public boolean deletable() {
            return ok() && warnings.isEmpty();
        }
    }

    /** Told about each file as the job goes. */
    public interface Progress {
        /**
         * @param done  inputs finished so far
         * @param total inputs in all
         * @param last  the outcome of the input just finished
         */
        void fileDone(int done, int total, Outcome last);
    }

    /** The work of one "Anonymize" press: fixed inputs, outputs and anonymizer. */
    public static final class Job {
        private final Anonymizer anonymizer;
        private final List<Path> inputs;
        private final List<Path> outputs;

        Job(Anonymizer anonymizer, List<Path> inputs, List<Path> outputs) {
            this.anonymizer = anonymizer;
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
        }

        /** @return the inputs, in order */
        public List<Path> inputs() {
            return inputs;
        }

        /** @return the output of each input (the first part's name for a split recording) */
        public List<Path> outputs() {
            return outputs;
        }

        /**
         * Runs the inputs one after the other. Cancelling (the supplier turning true, or interrupting the thread)
         * stops before the next input; an input being written when the thread is interrupted leaves no output.
         *
         * @param progress  told after each input
         * @param cancelled polled between inputs
         * @return one outcome per input that was started
         */
        public List<Outcome> run(Progress progress, BooleanSupplier cancelled) {
            List<Outcome> done = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                Outcome o = runOne(inputs.get(i), outputs.get(i));
                done.add(o);
                progress.fileDone(done.size(), inputs.size(), o);
            }
            return done;
        }

        private Outcome runOne(Path input, Path output) {
            try {
                List<Path> parts = SplitRecording.parts(input);
                List<AnonymizationResult> results;
                List<Path> outs;
                if (parts.size() > 1) {
                    outs = SplitRecording.outputNames(output, parts.size());
                    results = anonymizer.anonymizeRecording(parts, outs);
                } else {
                    outs = List.of(output);
                    results = List.of(anonymizer.anonymize(input, output));
                }
                List<String> warnings = new ArrayList<>();
                boolean leaks = false;
                for (AnonymizationResult r : results) {
                    warnings.addAll(r.warnings());
                    leaks |= r.hasLeaks();
                }
                return new Outcome(input, outs, null, warnings, leaks);
            } catch (ClosedByInterruptException | InterruptedIOException e) {
                Thread.currentThread().interrupt();
                return new Outcome(input, List.of(), "cancelled: nothing was written for this file", List.of(),
                        false);
            } catch (IOException | RuntimeException e) {
                return new Outcome(input, List.of(), plainWords(e), List.of(), false);
            }
        }
    }

    /**
     * A model pre-filled from the command line.
     *
     * @param o the options parsed from the command line
     * @return the model
     * @throws IOException when an input folder cannot be listed
     */
    public static GuiModel from(AppOptions o) throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(o.inputs());
        m.setOutput(o.output() == null ? "" : o.output().toString());
        m.setPreset(o.preset());
        m.setBrute(o.brute());
        m.setMneEnvironment(o.mneEnvironment());
        m.setDeleteInput(o.deleteInput());
        m.setMeasurementDate(o.measurementDate() == null ? "" : o.measurementDate().format(
                AppOptions.DATE_FORMAT));
        m.setMeasurementDateOffset(o.measurementDateOffset() == null ? "" : o.measurementDateOffset().toString());
        m.setSubjectBirthday(o.subjectBirthday() == null ? "" : o.subjectBirthday().format(
                AppOptions.DATE_FORMAT));
        m.setSubjectBirthdayOffset(o.subjectBirthdayOffset() == null ? "" : o.subjectBirthdayOffset().toString());
        m.setHis(o.hisId() == null ? "" : o.hisId());
        m.setPolicy(o.policy() == null ? "" : o.policy().toString());
        m.secretEnv = o.secretEnv();
        m.secretFile = o.secretFile();
        return m;
    }

    // ---- inputs and output

    /** @return the inputs, in the order they were added */
    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    /**
     * Adds inputs; a folder adds the FIFF files under it as the command line finds them ({@link RunPlan#scan}:
     * our own outputs and hidden files excepted). Inputs already in the list are not added twice.
     *
     * @param paths files or folders
     * @throws IOException when a folder cannot be listed
     */
    public void addInputs(List<Path> paths) throws IOException {
        Set<Path> all = new LinkedHashSet<>(inputs);
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    all.addAll(RunPlan.scan(p));
                } catch (RunPlan.UsageProblem e) {
                    throw new IOException(e.getMessage(), e);
                }
            } else {
                all.add(p);
            }
        }
        inputs.clear();
        inputs.addAll(all);
    }

    /** @param path an input to take out of the list */
    public void removeInput(Path path) {
        inputs.remove(path);
    }

    /** Empties the input list. */
    public void clearInputs() {
        inputs.clear();
    }

    /** @return the output as typed: a file for one input, a folder for several, empty for the default */
    public String output() {
        return output;
    }

    /** @param text the output file (one input) or folder (several); empty for {@code <name>_anonymized} */
    public void setOutput(String text) {
        output = Objects.requireNonNull(text).trim();
    }

    /**
     * @return the output of each input: the typed file for one input; for several, the typed folder with each
     *         file's own name, or each file's {@code _anonymized} name next to it when no folder is given
     */
    public List<Path> outputs() {
        List<Path> outs = new ArrayList<>();
        for (Path in : inputs) {
            if (output.isEmpty()) {
                outs.add(sibling(in, SplitRecording.anonymizedName(in.getFileName().toString())));
            } else if (inputs.size() == 1 && !Files.isDirectory(Path.of(output))) {
                outs.add(Path.of(output));
            } else {
                outs.add(Path.of(output).resolve(in.getFileName().toString()));
            }
        }
        return outs;
    }

    private static Path sibling(Path in, String name) {
        Path parent = in.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    // ---- options

    /** @return the preset */
    public Preset preset() {
        return preset;
    }

    /** @param p the preset */
    public void setPreset(Preset p) {
        preset = Objects.requireNonNull(p);
    }

    /** @return {@code -b}: also the subject's sex, handedness, weight, height, ... */
    public boolean brute() {
        return brute;
    }

    /** @param on {@code -b} */
    public void setBrute(boolean on) {
        brute = on;
    }

    /** @return {@code --mne_environment} */
    public boolean mneEnvironment() {
        return mneEnvironment;
    }

    /** @param on {@code --mne_environment} */
    public void setMneEnvironment(boolean on) {
        mneEnvironment = on;
    }

    /** @return {@code -d}: delete each input whose output is complete */
    public boolean deleteInput() {
        return deleteInput;
    }

    /** @param on {@code -d} */
    public void setDeleteInput(boolean on) {
        deleteInput = on;
    }

    /** @return {@code --md} as typed (DDMMYYYY) */
    public String measurementDate() {
        return measurementDate;
    }

    /** @param text {@code --md} as typed */
    public void setMeasurementDate(String text) {
        measurementDate = Objects.requireNonNull(text).trim();
    }

    /** @return {@code --mdo} as typed */
    public String measurementDateOffset() {
        return measurementDateOffset;
    }

    /** @param text {@code --mdo} as typed */
    public void setMeasurementDateOffset(String text) {
        measurementDateOffset = Objects.requireNonNull(text).trim();
    }

    /** @return {@code --sb} as typed */
    public String subjectBirthday() {
        return subjectBirthday;
    }

    /** @param text {@code --sb} as typed */
    public void setSubjectBirthday(String text) {
        subjectBirthday = Objects.requireNonNull(text).trim();
    }

    /** @return {@code --sbo} as typed */
    public String subjectBirthdayOffset() {
        return subjectBirthdayOffset;
    }

    /** @param text {@code --sbo} as typed */
    public void setSubjectBirthdayOffset(String text) {
        subjectBirthdayOffset = Objects.requireNonNull(text).trim();
    }

    /** @return {@code --his} as typed */
    public String his() {
        return his;
    }

    /** @param text {@code --his} as typed (empty: the preset's choice) */
    public void setHis(String text) {
        his = Objects.requireNonNull(text);
    }

    /** @return {@code --policy} as typed: a JSON policy file, empty for the preset */
    public String policy() {
        return policy;
    }

    /** @param text a JSON policy file (it names its preset with {@code extends}), or empty for the preset */
    public void setPolicy(String text) {
        policy = Objects.requireNonNull(text).trim();
    }

    // ---- validation and the anonymizer

    /**
     * @return what stops a run, in plain words; empty when the options are usable. The same rules as on the
     *         command line.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (inputs.isEmpty()) {
            p.add("Choose at least one input file.");
        }
        date(measurementDate, "Measurement date", p);
        date(subjectBirthday, "Birthday", p);
        days(measurementDateOffset, "Measurement date offset", p);
        days(subjectBirthdayOffset, "Birthday offset", p);
        if (!measurementDate.isEmpty() && !measurementDateOffset.isEmpty()) {
            p.add("Give either a measurement date or an offset in days, not both.");
        }
        if (!subjectBirthday.isEmpty() && !subjectBirthdayOffset.isEmpty()) {
            p.add("Give either a birthday or an offset in days, not both.");
        }
        if (inputs.size() > 1) {
            if (!measurementDate.isEmpty() || !subjectBirthday.isEmpty() || !his.isEmpty()) {
                p.add("A fixed measurement date, birthday or hospital ID is for one recording only: with several "
                        + "inputs use day offsets, so that the intervals between recordings survive.");
            }
            if (!output.isEmpty() && Files.isRegularFile(Path.of(output))) {
                p.add("With several inputs the output must be a folder, not the file " + output + ".");
            }
        }
        if (p.isEmpty()) {
            outputProblems(p);
        }
        return p;
    }

    /** An output that is an input, or two inputs with one output: never written over without a question. */
    private void outputProblems(List<String> p) {
        List<Path> outs = outputs();
        Set<Path> seen = new java.util.HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i).toAbsolutePath().normalize();
            Path out = outs.get(i).toAbsolutePath().normalize();
            if (RunPlan.sameFile(in, out)) {
                p.add("The output of " + in + " would replace the input itself: choose another output file or "
                        + "folder (the command line replaces inputs only after asking, or with -f).");
            } else if (!seen.add(out)) {
                p.add("Two inputs would be written to " + out + ": choose an output folder where their names differ, "
                        + "or leave the output empty to write each one next to its input.");
            }
        }
    }

    private static void date(String text, String what, List<String> p) {
        if (!text.isEmpty() && parseDate(text) == null) {
            p.add(what + " \"" + text + "\" is not a date written DDMMYYYY, for example 01012000.");
        }
    }

    private static void days(String text, String what, List<String> p) {
        if (!text.isEmpty()) {
            try {
                Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                p.add(what + " \"" + text + "\" is not a whole number of days.");
            }
        }
    }

    /**
     * @param text a date written DDMMYYYY
     * @return the date, or null when the text is not one
     */
    static LocalDate parseDate(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(text, AppOptions.DATE_FORMAT.withResolverStyle(
                    java.time.format.ResolverStyle.STRICT));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int parseDays(String text) {
        return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    }

    /**
     * @param recordOldValues whether the result lists old values (the "Read" table does; reports do not)
     * @return the options of the command line that these choices stand for
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public AppOptions options(boolean recordOldValues) {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException(String.join(" ", p));
        }
        Path policyFile = policy.isEmpty() ? null : Path.of(policy);
        return new AppOptions(inputs, output.isEmpty() ? null : Path.of(output), recordOldValues, false, deleteInput,
                false, brute, mneEnvironment, parseDate(measurementDate), days(measurementDateOffset),
                parseDate(subjectBirthday), days(subjectBirthdayOffset), his.isEmpty() ? null : his,
                policyFile == null ? preset : null, false, 1, true, policyFile, secretEnv, secretFile, null, false,
                List.of());
    }

    private static Integer days(String text) {
        return text.isEmpty() ? null : parseDays(text);
    }

    /**
     * @param recordOldValues whether the result lists old values (the "Read" table does; reports do not)
     * @return an anonymizer for these options, built as the command line builds it
     * @throws IOException when the policy file cannot be read or has mistakes (the message lists them)
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public Anonymizer anonymizer(boolean recordOldValues) throws IOException {
        return options(recordOldValues).anonymizer();
    }

    /**
     * The dry run behind "Read": every field of every input that the anonymizer would change, with its value now
     * and after. Nothing is written.
     *
     * @return the rows, input by input, in file order
     * @throws IOException when an input cannot be read (the message names file and offset)
     */
    public List<Row> read() throws IOException {
        Anonymizer a = anonymizer(true);
        List<Row> rows = new ArrayList<>();
        for (Path in : inputs) {
            AnonymizationResult r = a.plan(in);
            for (TagChange c : r.changes()) {
                rows.add(new Row(in.getFileName().toString(), c.kindName(), c.blockPath().toString(), c.action(),
                        c.oldValue() == null ? "" : c.oldValue(), c.removed() ? "(removed)" : c.newValue()));
            }
        }
        return rows;
    }

    /**
     * @return the job for "Anonymize", fixed at this moment
     * @throws IOException when the policy file cannot be read or has mistakes
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public Job job() throws IOException {
        return new Job(anonymizer(false), inputs, outputs());
    }

    /**
     * Deletes the inputs of the outcomes that allow it (done, no warning, no leak), parts of a split recording
     * included. Never deletes an input that is also its own output.
     *
     * @param outcomes what a job did
     * @return the files deleted
     * @throws IOException when one cannot be deleted (the ones before it are gone)
     */
    public static List<Path> deleteInputs(List<Outcome> outcomes) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.deletable()) {
                continue;
            }
            List<Path> parts = SplitRecording.parts(o.input());
            for (Path part : parts) {
                boolean isOutput = false;
                for (Path out : o.outputs()) {
                    isOutput |= Files.exists(out) && Files.isSameFile(out, part);
                }
                if (!isOutput && Files.deleteIfExists(part)) {
                    deleted.add(part);
                }
            }
        }
        return deleted;
    }

    /**
     * @param e what went wrong
     * @return one sentence for a person, naming the file and, for a bad file, the offset
     */
    static String plainWords(Throwable e) {
        if (e instanceof FiffFormatException f) {
            return "This is not a valid FIFF file: " + f.getMessage();
        }
        if (e instanceof PolicyException p) {
            return "The options cannot be applied to this file: " + p.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "The file " + n.getFile() + " does not exist.";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "Permission denied: " + a.getFile() + ".";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
