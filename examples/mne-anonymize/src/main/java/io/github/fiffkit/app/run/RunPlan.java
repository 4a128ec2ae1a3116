package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.run.OptionMessage;
import io.github.fiffkit.anonymize.run.RunOption;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a run will do, worked out before anything is written: the recordings (a split recording is one, with all
 * its parts), where each part's output goes, and the inputs that cannot even be read. Usage mistakes that only
 * the files reveal (two inputs mapped to one output, an output folder inside an input folder, {@code --md} for
 * several recordings) stop the run here.
 */
public final class RunPlan {
    /** A usage mistake found in the files: status 1, nothing written. */
    public static final class UsageProblem extends Exception {
        private static final long serialVersionUID = 1L;
        /** The run model's message, named by each front-end in its own words; or null. */
        private final transient OptionMessage option;

        UsageProblem(String message) {
            super(message);
            this.option = null;
        }

        UsageProblem(OptionMessage option) {
            super(option.text());
            this.option = option;
        }

        /**
         * @param names how to name the options
         * @return the message, with the options named so when it is about options
         */
        public String text(Function<RunOption, String> names) {
            return option != null ? option.text(names) : getMessage();
        }
    }

    private static final String[] EXTENSIONS = {".fif", ".fif.gz", ".fiff", ".fiff.gz"};

    private final List<Job> jobs;
    private final boolean batch;
    private final Path outputFolder;

    private RunPlan(List<Job> jobs, boolean batch, Path outputFolder) {
        this.jobs = List.copyOf(jobs);
        this.batch = batch;
        this.outputFolder = outputFolder;
    }

    /** @return the recordings, in the order given (and folder contents in name order) */
    public List<Job> jobs() {
        return jobs;
    }

    /** @return several inputs or a folder: outputs are mirrored under {@code -o}, the summary counts, status 6 */
    public boolean batch() {
        return batch;
    }

    /** @return the folder outputs go into (created when missing), or null */
    public Path outputFolder() {
        return outputFolder;
    }

    /** A file to anonymize and the input root it was found under (for mirroring). */
    private record Found(Path file, Path root) {
    }

    /**
     * A recording found among the files given.
     *
     * @param given   the file that brought it in (the first of its parts that was given)
     * @param parts   its parts, first to last, absolute; only {@code given} when its parts cannot be found
     * @param failure why the parts cannot be found, or {@code null}
     */
    public record Recording(Path given, List<Path> parts, IOException failure) {
    }

    /**
     * Groups files into recordings: any part of a split recording brings in all its parts, and each recording
     * comes once, where the first of its parts was given; parts given again are skipped.
     *
     * @param files the files, in the order given
     * @return the recordings
     */
    public static List<Recording> group(List<Path> files) {
        Set<Path> taken = new LinkedHashSet<>();
        List<Recording> recordings = new ArrayList<>();
        for (Path file : files) {
            Path given = file.toAbsolutePath().normalize();
            if (taken.contains(given)) {
                continue;
            }
            List<Path> parts;
            try {
                parts = SplitRecording.parts(given);
            } catch (IOException e) {
                taken.add(given);
                recordings.add(new Recording(given, List.of(given), e));
                continue;
            }
            List<Path> fresh = new ArrayList<>();
            for (Path part : parts) {
                Path n = part.toAbsolutePath().normalize();
                if (taken.add(n)) {
                    fresh.add(n);
                }
            }
            if (!fresh.isEmpty()) {
                recordings.add(new Recording(given, List.copyOf(fresh), null));
            }
        }
        return recordings;
    }

    /**
     * @param typed an output as the user typed it
     * @return whether it ends with a separator, which makes it a folder (created when missing)
     */
    public static boolean namesFolder(String typed) {
        return typed.endsWith("/") || typed.endsWith(File.separator);
    }

    /**
     * Whether an output is a folder, by the rule of {@link #make}: an existing folder, or a name ending with a
     * separator, or the output of one input folder; with several inputs anything else is refused.
     *
     * @param shown         how to name the output in the message
     * @param typed         the output as typed (a trailing separator makes it a folder)
     * @param severalInputs more than one input was given (a folder counts once)
     * @param batch         several inputs or an input folder
     * @return the output folder, absolute, or {@code null} when the output is one recording's output file
     * @throws UsageProblem when the output cannot be what the inputs need (the message says why)
     */
    public static Path outputFolder(String shown, String typed, boolean severalInputs, boolean batch)
            throws UsageProblem {
        return OutputTargets.outputFolder(shown, Path.of(typed).toAbsolutePath().normalize(), namesFolder(typed),
                severalInputs, batch);
    }

    /**
     * Works out the plan of a run.
     *
     * @param o the run's options
     * @return the plan
     * @throws UsageProblem for a usage mistake that the files reveal: nothing is written then
     */
    public static RunPlan make(AppOptions o) throws UsageProblem {
        List<Path> given = new ArrayList<>();
        for (Path p : o.inputs()) {
            given.add(p.toAbsolutePath().normalize());
        }
        boolean batch = given.size() > 1 || given.stream().anyMatch(Files::isDirectory);
        Path out = o.output() == null ? null : o.output().toAbsolutePath().normalize();
        Path outFolder = out == null ? null : OutputTargets.outputFolder("-o " + o.output()
                + (o.outputIsFolder() ? File.separator : ""), out, o.outputIsFolder(), given.size() > 1, batch);

        List<Job> jobs = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                if (outFolder != null && realish(outFolder).startsWith(realish(p))) {
                    throw new UsageProblem("-o " + o.output() + " is inside the input folder " + p
                            + ": the outputs would be read as inputs on the next run; choose a folder outside it");
                }
                for (Path f : scan(p)) {
                    found.add(new Found(f, p));
                }
            } else if (Files.isRegularFile(p)) {
                found.add(new Found(p, p.getParent()));
            } else {
                String why = Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : "no such file";
                jobs.add(Job.failed(p, p + ": " + why, ExitStatus.BAD_INPUT));
            }
        }

        // group the parts of split recordings: any part brings in all of them, each recording once
        Map<Path, Path> rootOfFound = new HashMap<>();
        for (Found f : found) {
            rootOfFound.putIfAbsent(f.file(), f.root());
        }
        Map<Path, Path> rootOf = new HashMap<>(); // first part of a recording -> the root it was found under
        for (Recording r : group(found.stream().map(Found::file).toList())) {
            if (r.failure() != null) {
                jobs.add(Job.failed(r.given(), ExitStatus.describe(r.failure(), r.given()), ExitStatus.BAD_INPUT));
                continue;
            }
            rootOf.put(r.parts().get(0), rootOfFound.get(r.given()));
            jobs.add(new Job(r.parts(), null, null, null, 0, false));
        }

        int recordings = jobs.size();
        Optional<OptionMessage> single = o.run().recordingsProblem(recordings);
        if (single.isPresent()) {
            throw new UsageProblem(single.get());
        }

        // outputs
        List<Job> planned = new ArrayList<>();
        for (Job j : jobs) {
            if (j.failure() != null) {
                planned.add(j);
                continue;
            }
            List<Path> outputs = outputs(j.inputs(), rootOf.get(j.first()), outFolder, out);
            List<Path> writeTo = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                Path in = j.inputs().get(i);
                Path target = outputs.get(i);
                if (sameFile(in, target)) {
                    if (batch) {
                        throw new UsageProblem(target + ": an output would replace its own input; with several"
                                + " inputs, write into another folder with -o");
                    }
                    if (j.inputs().size() == 1) {
                        writeTo.add(in.resolveSibling(SplitRecording.anonymizedName(in.getFileName().toString())));
                    } else {
                        // the parts keep their names, so that their references still hold once they replace the
                        // inputs; until then they wait in a folder of their own
                        writeTo.add(replacementFolder(j.first()).resolve(in.getFileName()));
                    }
                } else {
                    writeTo.add(target);
                }
            }
            boolean replaces = !outputs.equals(writeTo);
            planned.add(new Job(j.inputs(), outputs, writeTo, null, 0, outFolder != null || replaces));
        }
        checkCollisions(planned);
        return new RunPlan(planned, batch, outFolder);
    }

    /**
     * Where the parts of one recording are written, the same on the command line and in the window.
     *
     * @param parts  the recording's parts, first to last, absolute
     * @param root   the input folder the recording was found under (mirrored under {@code folder}), or
     *               {@code null} for a file given by itself
     * @param folder the output folder, or {@code null}
     * @param file   without a folder: the output file (later parts get {@code -1}, {@code -2}, ... after its base
     *               name), or {@code null} for each part's {@code _anonymized} name beside it
     * @return the output of each part
     */
    public static List<Path> outputs(List<Path> parts, Path root, Path folder, Path file) {
        List<Path> outputs = new ArrayList<>();
        if (folder != null) {
            for (Path part : parts) {
                Path relative = root != null && part.startsWith(root) ? root.relativize(part) : part.getFileName();
                outputs.add(folder.resolve(relative).normalize());
            }
        } else if (file != null) {
            outputs.addAll(SplitRecording.outputNames(file, parts.size()));
        } else {
            for (Path part : parts) {
                outputs.add(part.resolveSibling(SplitRecording.anonymizedName(part.getFileName().toString())));
            }
        }
        return outputs;
    }

    /** The folder where a split recording that replaces its own parts waits: {@code x_raw_anonymized/}. */
    static Path replacementFolder(Path firstPart) {
        String name = SplitRecording.anonymizedName(firstPart.getFileName().toString());
        int dot = name.toLowerCase(Locale.ROOT).indexOf(".fif");
        return firstPart.resolveSibling(dot > 0 ? name.substring(0, dot) : name + ".parts");
    }

    /** Two outputs on one file, or an output on another recording's input: an error before anything is written. */
    private static void checkCollisions(List<Job> jobs) throws UsageProblem {
        Map<Path, Path> producer = new LinkedHashMap<>();
        Map<Path, Path> inputs = new HashMap<>();
        for (Job j : jobs) {
            for (Path in : j.inputs()) {
                inputs.put(key(in), in);
            }
        }
        for (Job j : jobs) {
            if (j.failure() != null) {
                continue;
            }
            for (int i = 0; i < j.writeTo().size(); i++) {
                Path target = j.writeTo().get(i);
                Path key = key(target);
                Path before = producer.putIfAbsent(key, j.inputs().get(i));
                if (before != null) {
                    throw new UsageProblem("two inputs would be written to the same output " + target + ": "
                            + before + " and " + j.inputs().get(i));
                }
                Path in = inputs.get(key);
                if (in != null) {
                    throw new UsageProblem("the output " + target + " of " + j.inputs().get(i)
                            + " would replace the input " + in);
                }
            }
        }
    }

    private static Path key(Path p) {
        return realish(p.toAbsolutePath().normalize());
    }

    /**
     * @param p a path, which may not exist yet
     * @return the path absolute, with its existing leading part resolved through links: for comparing folders
     */
    public static Path realish(Path p) {
        Path existing = p;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    /**
     * @param a a path
     * @param b another path
     * @return true when both name the same file (also through links), or the same path when neither exists
     */
    public static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The files to verify: each file given, and every FIFF file under each folder given (our own outputs
     * included: they are what one verifies).
     *
     * @param given files and folders
     * @return the files, in the order given, each folder's in name order
     * @throws UsageProblem when a folder cannot be listed
     */
    public static List<Path> verifyFiles(List<Path> given) throws UsageProblem {
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    files.addAll(s.filter(Files::isRegularFile).filter(RunPlan::isFiffName).sorted().toList());
                } catch (IOException | UncheckedIOException e) {
                    throw new UsageProblem("cannot list the folder " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * The FIFF files under a folder, in name order, without our own outputs and hidden files.
     *
     * @param folder the folder
     * @return the files, absolute
     * @throws UsageProblem when the folder cannot be listed
     */
    public static List<Path> scan(Path folder) throws UsageProblem {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(RunPlan::isFiffName)
                    .filter(p -> !SplitRecording.isAnonymizedName(p.getFileName().toString()))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UsageProblem("cannot list the folder " + folder + ": " + e.getMessage());
        }
    }

    static boolean isFiffName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** @return how many files the plan anonymizes */
    public int fileCount() {
        return jobs.stream().mapToInt(j -> j.inputs().size()).sum();
    }
}
