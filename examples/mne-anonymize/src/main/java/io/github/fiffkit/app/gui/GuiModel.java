package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.run.DayMonthYear;
import io.github.fiffkit.anonymize.run.OptionMessage;
import io.github.fiffkit.anonymize.run.RunOption;
import io.github.fiffkit.anonymize.run.RunOptions;
import io.github.fiffkit.app.run.AppOptions;
import io.github.fiffkit.app.run.FileOps;
import io.github.fiffkit.app.run.RecordingRun;
import io.github.fiffkit.app.run.RunPlan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the desktop window shows and does, without any Swing: the inputs, the output, every option of the
 * command line, their validation in plain words, the dry run ("Read") and the run ("Anonymize"). The options go
 * through the library's run model ({@link RunOptions}: the command line's checks, its anonymizer) and the run
 * through the command line's own path ({@link GuiJob}); the window only binds controls to this model, so
 * everything here is tested without a display.
 *
 * <p>Not thread-safe: the window changes it on the event thread and hands an immutable {@link GuiJob} to its
 * background worker.
 */
public final class GuiModel {
    /** The window names options by its labels, as a sentence starts. */
    private static final Function<RunOption, String> NAMES = RunOption::label;

    private final GuiInputs inputs = new GuiInputs();
    /** What the command line chose that the window has no field for (secret, keep-HIS, head shape, leak check). */
    private RunOptions base = RunOptions.defaults();
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

    /** One row of the "Read" table: a field the anonymizer would change. */
    public record Row(String file, String field, String block, String action, String current, String after) {
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
        RunOptions r = o.run();
        m.base = r;
        m.addInputs(o.inputs());
        m.setOutput(o.output() == null ? "" : o.output() + (o.outputIsFolder() ? File.separator : ""));
        m.setPreset(r.presetOrDefault());
        m.setBrute(r.brute());
        m.setMneEnvironment(r.mneEnvironment());
        m.setDeleteInput(r.deleteInputs());
        m.setMeasurementDate(r.measurementDate() == null ? "" : DayMonthYear.format(r.measurementDate()));
        m.setMeasurementDateOffset(r.measurementDateOffset() == null ? "" : r.measurementDateOffset().toString());
        m.setSubjectBirthday(r.subjectBirthday() == null ? "" : DayMonthYear.format(r.subjectBirthday()));
        m.setSubjectBirthdayOffset(r.subjectBirthdayOffset() == null ? "" : r.subjectBirthdayOffset().toString());
        m.setHis(r.hisId() == null ? "" : r.hisId());
        m.setPolicy(r.policyFile() == null ? "" : r.policyFile().toString());
        return m;
    }

    // ---- inputs and output

    /** @return the inputs, in the order they were added */
    public List<Path> inputs() {
        return inputs.list();
    }

    /**
     * Adds inputs; a folder adds the FIFF files under it as the command line finds them
     * ({@link io.github.fiffkit.app.run.RunPlan#scan}: our own outputs and hidden files excepted). Inputs already
     * in the list are not added twice.
     *
     * @param paths files or folders
     * @throws IOException when a folder cannot be listed
     */
    public void addInputs(List<Path> paths) throws IOException {
        inputs.add(paths);
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
     * @return the output of each input, as on the command line: without an output, each file's
     *         {@code _anonymized} name next to it; for one recording, the typed file (a split recording's later
     *         parts get {@code -1}, {@code -2}, ... after its base name); for several recordings or a folder, the
     *         typed folder, with the files of an added folder in the same subfolders as under it
     */
    public List<Path> outputs() {
        return inputs.outputs(output);
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
     * @return what stops a run, in plain words; empty when the options are usable. The run model's checks, as on
     *         the command line, with the window's names for the options.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (inputs.isEmpty()) {
            p.add("Choose at least one input file.");
        }
        boolean typedWell = parsed(measurementDate, RunOption.MEASUREMENT_DATE, DayMonthYear::measurementDate, p)
                & parsed(subjectBirthday, RunOption.SUBJECT_BIRTHDAY, DayMonthYear::birthday, p)
                & parsed(measurementDateOffset, RunOption.MEASUREMENT_DATE_OFFSET, GuiModel::days, p)
                & parsed(subjectBirthdayOffset, RunOption.SUBJECT_BIRTHDAY_OFFSET, GuiModel::days, p);
        if (typedWell) {
            RunOptions r = runOptions(false);
            r.problems().forEach(m -> p.add(sentence(m)));
            if (!inputs.isEmpty()) {
                r.recordingsProblem(inputs.recordings().size()).ifPresent(m -> p.add(sentence(m)));
            }
        }
        if (!inputs.isEmpty()) {
            try {
                inputs.intoFolder(output); // the command line's rule for an output file or folder
            } catch (RunPlan.UsageProblem e) {
                p.add(e.getMessage() + ".");
            }
        }
        if (p.isEmpty()) {
            inputs.outputProblems(output, p);
        }
        return p;
    }

    /** @return the warnings of the run model (allowed, but probably not meant), in the window's words */
    public List<String> warnings() {
        if (!problems().isEmpty()) {
            return List.of();
        }
        return runOptions(false).warnings().stream().map(GuiModel::sentence).toList();
    }

    private static String sentence(OptionMessage m) {
        return m.text(NAMES) + ".";
    }

    private static boolean parsed(String text, RunOption option, Function<String, ?> parse, List<String> p) {
        if (text.isEmpty()) {
            return true;
        }
        try {
            parse.apply(text);
            return true;
        } catch (IllegalArgumentException e) {
            p.add(option.label() + ": " + e.getMessage() + ".");
            return false;
        }
    }

    private static Integer days(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of days, e.g. 35 or -35", e);
        }
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : DayMonthYear.parse(text);
    }

    /**
     * @param recordOldValues whether the results list old values (the "Read" table does; reports do not)
     * @return the run model's options for these choices, over what the command line chose
     * @throws IllegalArgumentException when a date or a number of days is not one ({@link #problems()} says so)
     */
    public RunOptions runOptions(boolean recordOldValues) {
        Path policyFile = policy.isEmpty() ? null : Path.of(policy);
        return base.rebuild().preset(policyFile == null ? preset : null).policyFile(policyFile).brute(brute)
                .mneEnvironment(mneEnvironment).deleteInputs(deleteInput).measurementDate(date(measurementDate))
                .measurementDateOffset(days(measurementDateOffset)).subjectBirthday(date(subjectBirthday))
                .subjectBirthdayOffset(days(subjectBirthdayOffset)).hisId(his.isEmpty() ? null : his)
                .dryRun(false).recordOldValues(recordOldValues).digests(false).build();
    }

    /**
     * @param recordOldValues whether the result lists old values (the "Read" table does; reports do not)
     * @return an anonymizer for these options, built by the run model as on the command line
     * @throws IOException when the policy file cannot be read or has mistakes (the message lists them)
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public Anonymizer anonymizer(boolean recordOldValues) throws IOException {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException(String.join(" ", p));
        }
        return runOptions(recordOldValues).toAnonymizer();
    }

    /**
     * The dry run behind "Read", the command line's {@code --dry-run} path ({@link RecordingRun} with a dry-run
     * option): each recording is anonymized whole under its real output names into a temporary folder that is
     * always deleted, so a split recording's renamed references and the leak check's hits are the run's. Nothing
     * is written where the outputs go.
     *
     * @return the rows, leak hits and failures
     * @throws IOException when the policy file cannot be read or has mistakes
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public Reading reading() throws IOException {
        inputs.regroup(); // as "Anonymize" does: the files may have changed since they were added
        Anonymizer a = anonymizer(true);
        return Reading.of(new RecordingRun(a, runOptions(true).rebuild().dryRun(true).build(), FileOps.SYSTEM,
                true), inputs.plan(output));
    }

    /**
     * The rows of {@link #reading()}, for callers that want a failure as an exception.
     *
     * @return the rows, recording by recording, in file order
     * @throws IOException when a recording cannot be anonymized (the message names it and says why), or the
     *                     policy file cannot be read
     */
    public List<Row> read() throws IOException {
        Reading r = reading();
        if (!r.problems().isEmpty()) {
            throw new IOException(r.problems().get(0));
        }
        return r.rows();
    }

    /**
     * @return the job for "Anonymize", fixed at this moment, on the real file system
     * @throws IOException when the policy file cannot be read or has mistakes
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public GuiJob job() throws IOException {
        return job(FileOps.SYSTEM);
    }

    /**
     * @param files the file layer (tests make it fail)
     * @return the job for "Anonymize", fixed at this moment
     * @throws IOException when the policy file cannot be read or has mistakes
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public GuiJob job(FileOps files) throws IOException {
        inputs.regroup(); // the files may have changed since the last check: group them afresh
        Anonymizer a = anonymizer(false);
        return new GuiJob(a, runOptions(false), inputs.plan(output), files);
    }

    /**
     * @param e what went wrong
     * @return one sentence for a person, naming the file and, for a bad file, the offset
     */
    static String plainWords(Throwable e) {
        return PlainWords.of(e);
    }
}
