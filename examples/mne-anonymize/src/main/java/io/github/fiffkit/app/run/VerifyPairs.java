package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.SplitRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs the files of {@code --verify OUT... --original IN...}: the n-th {@code --verify} value with the n-th
 * {@code --original} value. Two files: the pair, and when the original is the first part of a split recording,
 * every later part with the output part of the same number. Two folders: each FIFF file under the output folder
 * with the file of the same relative name under the original folder (as {@code -o FOLDER} mirrors them), or,
 * for our default output names, the name without {@code _anonymized}. A file is never paired with itself: given as
 * a pair, that is a usage error; when the two folders are the same or one holds the other (outputs written next to
 * their inputs), only our own outputs are checked, each against its name without {@code _anonymized}.
 */
public final class VerifyPairs {
    private VerifyPairs() {
    }

    /**
     * An output and the original it was made from.
     *
     * @param output   the file to check
     * @param original its original, or {@code null} when none was found (the reason is in {@code missing})
     * @param missing  why there is no original, or {@code null}
     */
    public record Pair(Path output, Path original, String missing) {
    }

    /**
     * @param outputs   the {@code --verify} values
     * @param originals the {@code --original} values
     * @return the pairs, in the order given, each folder's in name order
     * @throws RunPlan.UsageProblem when the values cannot pair up
     */
    public static List<Pair> pair(List<Path> outputs, List<Path> originals) throws RunPlan.UsageProblem {
        if (outputs.size() != originals.size()) {
            throw new RunPlan.UsageProblem("--verify and --original pair up one by one: give as many --original"
                    + " values (" + originals.size() + " given) as --verify values (" + outputs.size() + ")");
        }
        Set<Pair> pairs = new LinkedHashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path out = outputs.get(i);
            Path in = originals.get(i);
            boolean outFolder = Files.isDirectory(out);
            if (outFolder != Files.isDirectory(in)) {
                throw new RunPlan.UsageProblem("--verify " + out + " and --original " + in + ": pair a file with a"
                        + " file and a folder with a folder");
            }
            if (outFolder) {
                boolean overlap = overlap(out, in);
                int before = pairs.size();
                for (Path f : RunPlan.verifyFiles(List.of(out))) {
                    if (!overlap) {
                        pairs.add(inFolder(f, out.relativize(f), in));
                    } else if (SplitRecording.isAnonymizedName(f.getFileName().toString())) {
                        pairs.add(ourOutput(f, out.relativize(f), in));
                    }
                }
                if (overlap && pairs.size() == before) {
                    throw new RunPlan.UsageProblem("--verify " + out + " and --original " + in + " share their files,"
                            + " and none of them is one of our outputs (a name ending in _anonymized before the"
                            + " extension); give the folder of the outputs and the folder of the originals they were"
                            + " made from");
                }
            } else {
                if (RunPlan.sameFile(out, in)) {
                    throw new RunPlan.UsageProblem("--verify " + out + " and --original " + in + " are the same"
                            + " file: the original must be the file the output was made from");
                }
                pairs.addAll(parts(out, in));
            }
        }
        return List.copyOf(pairs);
    }

    /** True when the two folders are one, or one lies inside the other (links followed where they exist). */
    static boolean overlap(Path a, Path b) {
        Path x = real(a);
        Path y = real(b);
        return x.startsWith(y) || y.startsWith(x);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * An output among the originals: its original is its name without {@code _anonymized}, never itself, and never
     * another of our outputs.
     */
    private static Pair ourOutput(Path output, Path relative, Path originalRoot) {
        Path same = originalRoot.resolve(relative);
        Path plain = same.resolveSibling(withoutSuffix(relative.getFileName().toString()));
        if (Files.isRegularFile(plain) && !SplitRecording.isAnonymizedName(plain.getFileName().toString())
                && !RunPlan.sameFile(plain, output)) {
            return new Pair(output, plain, null);
        }
        return new Pair(output, null, "no original " + plain + " for " + output);
    }

    private static Pair inFolder(Path output, Path relative, Path originalRoot) {
        Path same = originalRoot.resolve(relative);
        if (Files.isRegularFile(same) && !RunPlan.sameFile(same, output)) {
            return new Pair(output, same, null);
        }
        String name = relative.getFileName().toString();
        if (SplitRecording.isAnonymizedName(name)) {
            Path plain = same.resolveSibling(withoutSuffix(name));
            if (Files.isRegularFile(plain) && !RunPlan.sameFile(plain, output)) {
                return new Pair(output, plain, null);
            }
        }
        return new Pair(output, null, "no original " + same + " for " + output);
    }

    /** {@code x_raw_anonymized-1.fif} to {@code x_raw-1.fif}: our default output name back to its input's. */
    static String withoutSuffix(String name) {
        int at = name.toLowerCase(java.util.Locale.ROOT).lastIndexOf("_anonymized");
        return at < 0 ? name : name.substring(0, at) + name.substring(at + "_anonymized".length());
    }

    /** A pair of files, and the later parts of a split original with the output parts of the same numbers. */
    private static List<Pair> parts(Path output, Path original) {
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair(output, original, null));
        List<Path> originalParts;
        List<Path> outputParts;
        try {
            originalParts = SplitRecording.parts(original);
            outputParts = SplitRecording.parts(output);
        } catch (IOException | RuntimeException e) {
            return pairs; // the check of the pair itself says what is wrong
        }
        if (originalParts.size() < 2 || !same(originalParts.get(0), original) || !same(outputParts.get(0), output)) {
            return pairs;
        }
        for (int p = 1; p < originalParts.size(); p++) {
            if (p < outputParts.size() && same(outputParts.get(p), originalParts.get(p))) {
                continue; // never a file with itself
            }
            pairs.add(p < outputParts.size() ? new Pair(outputParts.get(p), originalParts.get(p), null)
                    : new Pair(SplitRecording.outputNames(output, originalParts.size()).get(p), null,
                            "no output part " + p + " of " + output + " for " + originalParts.get(p)));
        }
        return pairs;
    }

    private static boolean same(Path a, Path b) {
        return RunPlan.sameFile(a, b);
    }
}
