package io.github.fiffkit.app.gui;

import io.github.fiffkit.app.run.ExitStatus;
import io.github.fiffkit.app.run.Job;
import io.github.fiffkit.app.run.RunPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The window's input list and where each input's output goes, worked out as on the command line
 * ({@link RunPlan#group}, {@link RunPlan#outputs}): a split recording is one recording with all its parts, files
 * added with a folder are mirrored under an output folder. Not thread-safe (the event thread owns it).
 */
final class GuiInputs {
    private final List<Path> inputs = new ArrayList<>();
    /** The folder each input was found under, for inputs added as part of a folder: outputs mirror it. */
    private final Map<Path, Path> roots = new HashMap<>();
    /** The recordings among {@link #groupedFor}: grouping reads every input, so it is done once per input list. */
    private List<RunPlan.Recording> grouped;
    private List<Path> groupedFor;

    List<Path> list() {
        return List.copyOf(inputs);
    }

    boolean isEmpty() {
        return inputs.isEmpty();
    }

    /** Adds files, and the FIFF files under folders as the command line finds them; no input twice. */
    void add(List<Path> paths) throws IOException {
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

    void remove(Path path) {
        inputs.remove(path);
        roots.remove(path);
    }

    void clear() {
        inputs.clear();
        roots.clear();
    }

    /** Forgets the grouping, so that the next plan reads the files afresh. */
    void regroup() {
        grouped = null;
    }

    /** @return the recordings among the inputs, grouped again only when the list has changed */
    List<RunPlan.Recording> recordings() {
        if (grouped == null || !inputs.equals(groupedFor)) {
            groupedFor = List.copyOf(inputs);
            grouped = RunPlan.group(groupedFor);
        }
        return grouped;
    }

    /** @return true when the inputs are several recordings, or came from a folder: outputs then go into a folder */
    boolean batch() {
        return recordings().size() > 1 || inputs.stream().anyMatch(roots::containsKey);
    }

    /** @return true when more than one input was given: a folder's files count once, as one -i folder does */
    private boolean severalGiven() {
        Set<Path> given = new HashSet<>();
        for (RunPlan.Recording r : recordings()) {
            Path root = roots.get(r.given());
            given.add(root != null ? root : r.given());
        }
        return given.size() > 1;
    }

    /**
     * Whether the output is a folder, by the command line's rule ({@link RunPlan#outputFolder}): an existing
     * folder or a name ending with a separator (made when missing), or the output of one input folder.
     *
     * @param output the output as typed, empty for the default names
     * @return true for an output folder
     * @throws RunPlan.UsageProblem when the output cannot be what the inputs need: several inputs and a name that
     *                              is neither an existing folder nor ends with a separator, or a file where a
     *                              folder is needed
     */
    boolean intoFolder(String output) throws RunPlan.UsageProblem {
        return !output.isEmpty()
                && RunPlan.outputFolder("The output " + output, output, severalGiven(), batch()) != null;
    }

    /**
     * @param output the output as typed, empty for the default names
     * @return one job per recording, with its outputs (created folders for an output folder); when the output
     *         cannot be what the inputs need, one failed job per recording that says why
     */
    List<Job> plan(String output) {
        List<RunPlan.Recording> recordings = recordings();
        Path typed = output.isEmpty() ? null : Path.of(output);
        boolean intoFolder;
        try {
            intoFolder = intoFolder(output);
        } catch (RunPlan.UsageProblem e) {
            return recordings.stream().map(r -> Job.failed(r.given(), e.getMessage(), ExitStatus.USAGE)).toList();
        }
        List<Job> planned = new ArrayList<>();
        for (RunPlan.Recording r : recordings) {
            if (r.failure() != null) {
                planned.add(Job.failed(r.given(), ExitStatus.describe(r.failure(), r.given()), ExitStatus.BAD_INPUT));
                continue;
            }
            List<Path> outs = RunPlan.outputs(r.parts(), roots.get(r.given()), intoFolder ? typed : null,
                    intoFolder ? null : typed);
            planned.add(Job.of(r.parts(), outs, intoFolder));
        }
        return planned;
    }

    /** @return the output of each input, in the order of the list ({@code null} where none can be planned) */
    List<Path> outputs(String output) {
        Map<Path, Path> outputOf = new HashMap<>();
        for (Job j : plan(output)) {
            for (int i = 0; i < j.outputs().size(); i++) {
                outputOf.put(j.inputs().get(i), j.outputs().get(i));
            }
        }
        return inputs.stream().map(in -> outputOf.get(in.toAbsolutePath().normalize())).toList();
    }

    /** An output that is an input, or two inputs with one output: never written over without a question. */
    void outputProblems(String output, List<String> p) {
        List<Job> plan = plan(output);
        Set<Path> parts = new HashSet<>();
        plan.forEach(r -> r.inputs().forEach(part -> parts.add(RunPlan.realish(part))));
        Set<Path> seen = new HashSet<>();
        for (Job r : plan) {
            for (int i = 0; i < r.outputs().size(); i++) {
                Path in = r.inputs().get(i);
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
}
