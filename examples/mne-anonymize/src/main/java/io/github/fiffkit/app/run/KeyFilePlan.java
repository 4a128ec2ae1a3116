package io.github.fiffkit.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's plan means for its key file, found before any recording is done: a file name the key file's CSV
 * cannot hold (a line break; FiffKit's tables are one row a line), and a key file that would sit among the shared
 * data (it re-identifies the study, so the data owner must not hand it out with the outputs by mistake).
 */
public final class KeyFilePlan {
    private KeyFilePlan() {
    }

    /**
     * @param plan the run's plan
     * @return the first input or output whose name holds a line break, if any
     */
    public static Optional<Path> nameWithLineBreak(RunPlan plan) {
        for (Job job : plan.jobs()) {
            List<Path> names = new ArrayList<>(job.inputs());
            if (job.outputs() != null) {
                names.addAll(job.outputs());
            }
            for (Path p : names) {
                String s = p.toString();
                if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param keyFile the key file
     * @param plan    the run's plan
     * @return the output folder the key file is in (directly or deeper), if any
     */
    public static Optional<Path> outputFolderHolding(Path keyFile, RunPlan plan) {
        Path key = real(keyFile);
        Set<Path> folders = new LinkedHashSet<>();
        if (plan.outputFolder() != null) {
            folders.add(plan.outputFolder());
        }
        for (Job job : plan.jobs()) {
            if (job.outputs() != null) {
                job.outputs().forEach(o -> folders.add(o.toAbsolutePath().getParent()));
            }
        }
        for (Path f : folders) {
            if (f != null && key.startsWith(real(f))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The path through its links as far as it exists, absolute and normal. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (java.io.IOException e) {
            return abs;
        }
    }
}
