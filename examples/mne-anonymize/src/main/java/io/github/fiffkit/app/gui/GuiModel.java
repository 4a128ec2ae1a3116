package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.app.AppOptions;
import io.github.fiffkit.app.RunPlan;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.FiffFormatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** The folder each input was found under, for inputs added as part of a folder: outputs mirror it. */
    private final Map<Path, Path> roots = new HashMap<>();
    /** The recordings among {@link #groupedFor}: grouping reads every input, so it is done once per input list. */
    private List<RunPlan.Recording> grouped;
    private List<Path> groupedFor;
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
        private final List<Planned> recordings;

        Job(Anonymizer anonymizer, List<Planned> recordings) {
            this.anonymizer = anonymizer;
            this.recordings = List.copyOf(recordings);
        }

        /** @return one file per recording, in order: the input that brought it in */
        public List<Path> inputs() {
            return recordings.stream().map(Planned::given).toList();
        }

        /** @return the output of each recording (its first part's for a split recording) */
        public List<Path> outputs() {
            return recordings.stream().map(r -> r.outputs().get(0)).toList();
        }

        /**
         * Runs the recordings one after the other, each split recording as one (all its parts, references
         * rewritten). Cancelling (the supplier turning true, or interrupting the thread) stops before the next
         * recording; a recording being written when the thread is interrupted leaves no output.
         *
         * @param progress  told after each recording
         * @param cancelled polled between recordings
         * @return one outcome per recording that was started
         */
        public List<Outcome> run(Progress progress, BooleanSupplier cancelled) {
            List<Outcome> done = new ArrayList<>();
            for (Planned r : recordings) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                Outcome o = runOne(r);
                done.add(o);
                progress.fileDone(done.size(), recordings.size(), o);
            }
            return done;
        }

        private Outcome runOne(Planned r) {
            try {
                if (r.failure() != null) {
                    throw r.failure();
                }
                if (r.createFolders()) {
                    for (Path out : r.outputs()) {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                    }
                }
                List<AnonymizationResult> results = r.parts().size() > 1
                        ? anonymizer.anonymizeRecording(r.parts(), r.outputs())
                        : List.of(anonymizer.anonymize(r.parts().get(0), r.outputs().get(0)));
                List<String> warnings = new ArrayList<>();
                boolean leaks = false;
                for (AnonymizationResult a : results) {
                    warnings.addAll(a.warnings());
                    leaks |= a.hasLeaks();
                }
                return new Outcome(r.given(), r.outputs(), null, warnings, leaks);
            } catch (ClosedByInterruptException | InterruptedIOException e) {
                Thread.currentThread().interrupt();
                return new Outcome(r.given(), List.of(), "cancelled: nothing was written for this file", List.of(),
                        false);
            } catch (IOException | RuntimeException e) {
                return new Outcome(r.given(), List.of(), plainWords(e), List.of(), false);
            }
        }
    }

    /**
     * A recording as the window will run it.
     *
     * @param given         the input that brought it in
     * @param parts         its parts, first to last
     * @param outputs       the output of each part
     * @param createFolders whether the outputs' folders are made when missing (outputs into a chosen folder)
     * @param failure       why its parts cannot be found, or {@code null}
     */
    record Planned(Path given, List<Path> parts, List<Path> outputs, boolean createFolders, IOException failure) {
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
                    for (Path f : RunPlan.scan(p)) {
                        if (all.add(f)) {
                            roots.put(f, p.toAbsolutePath().normalize());
                        }
                    }
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
        roots.remove(path);
    }

    /** Empties the input list. */
    public void clearInputs() {
        inputs.clear();
        roots.clear();
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
        Map<Path, Path> outputOf = new HashMap<>();
        for (Planned r : plan()) {
            for (int i = 0; i < r.parts().size(); i++) {
                outputOf.put(r.parts().get(i), r.outputs().get(i));
            }
        }
        return inputs.stream().map(in -> outputOf.get(in.toAbsolutePath().normalize())).toList();
    }

    /** @return true when the inputs are several recordings, or came from a folder: outputs then go into a folder */
    private boolean batch(List<RunPlan.Recording> recordings) {
        return recordings.size() > 1 || inputs.stream().anyMatch(roots::containsKey);
    }

    /** @return the recordings among the inputs, grouped again only when the list has changed */
    private List<RunPlan.Recording> recordings() {
        if (grouped == null || !inputs.equals(groupedFor)) {
            groupedFor = List.copyOf(inputs);
            grouped = RunPlan.group(groupedFor);
        }
        return grouped;
    }

    /** The recordings among the inputs (a split recording once, with all its parts) and their outputs. */
    private List<Planned> plan() {
        List<RunPlan.Recording> recordings = recordings();
        Path typed = output.isEmpty() ? null : Path.of(output);
        boolean intoFolder = typed != null && (batch(recordings) || Files.isDirectory(typed));
        List<Planned> planned = new ArrayList<>();
        for (RunPlan.Recording r : recordings) {
            List<Path> outs = RunPlan.outputs(r.parts(), roots.get(r.given()), intoFolder ? typed : null,
                    intoFolder ? null : typed);
            planned.add(new Planned(r.given(), r.parts(), outs, intoFolder, r.failure()));
        }
        return planned;
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
        List<RunPlan.Recording> recordings = recordings();
        if (recordings.size() > 1
                && (!measurementDate.isEmpty() || !subjectBirthday.isEmpty() || !his.isEmpty())) {
            p.add("A fixed measurement date, birthday or hospital ID is for one recording only: with several "
                    + "recordings use day offsets, so that the intervals between recordings survive.");
        }
        if (batch(recordings) && !output.isEmpty() && Files.isRegularFile(Path.of(output))) {
            p.add("With several inputs the output must be a folder, not the file " + output + ".");
        }
        if (p.isEmpty()) {
            outputProblems(p);
        }
        return p;
    }

    /** An output that is an input, or two inputs with one output: never written over without a question. */
    private void outputProblems(List<String> p) {
        List<Planned> plan = plan();
        Set<Path> parts = new java.util.HashSet<>();
        plan.forEach(r -> r.parts().forEach(part -> parts.add(RunPlan.realish(part))));
        Set<Path> seen = new java.util.HashSet<>();
        for (Planned r : plan) {
            for (int i = 0; i < r.parts().size(); i++) {
                Path in = r.parts().get(i);
                Path out = RunPlan.realish(r.outputs().get(i));
                if (out.equals(RunPlan.realish(in)) || RunPlan.sameFile(in, out)) {
                    p.add("The output of " + in + " would replace the input itself: choose another output file or "
                            + "folder (the command line replaces inputs only after asking, or with -f).");
                } else if (!seen.add(out)) {
                    p.add("Two inputs would be written to " + r.outputs().get(i).toAbsolutePath().normalize()
                            + ": choose an output folder where their names differ, or leave the output empty to "
                            + "write each one next to its input.");
                } else if (parts.contains(out)) {
                    p.add("The output of " + in + " would replace the input " + out + ": choose another output "
                            + "folder.");
                }
            }
        }
        if (!output.isEmpty()) {
            Path folder = RunPlan.realish(Path.of(output));
            roots.values().stream().distinct().filter(root -> folder.startsWith(RunPlan.realish(root))).findFirst()
                    .ifPresent(root -> p.add("The output folder " + folder + " is inside the input folder " + root
                            + ": the outputs would be found as inputs next time; choose a folder outside it."));
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
        grouped = null; // the files may have changed since the last check: group them afresh
        return new Job(anonymizer(false), plan());
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
