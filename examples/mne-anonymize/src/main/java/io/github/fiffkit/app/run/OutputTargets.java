package io.github.fiffkit.app.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What may stand where an output goes, decided before anything is written (and the same for a dry run): a
 * regular file is replaced (as MNE-CPP does); a pipe, a device, a socket, or a link to one is never replaced nor
 * written into; a missing folder is made only where the plan says so, and must be makeable.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /**
     * Whether the output is a folder: when it exists as one, when its name ends with a separator (made when
     * missing), or for one input folder (made when missing). Several inputs need one of the first two: a name that
     * is neither is refused rather than silently made a folder. The command line and the window both decide so.
     *
     * @param shown         how the output is named in a message ({@code -o anon/}, "The output anon/")
     * @param out           the output, absolute
     * @param namedAsFolder the name ended with a separator
     * @param severalInputs more than one input was given (a folder counts once)
     * @param batch         several inputs or an input folder
     * @return the output folder, or {@code null} when the output is the output file of one recording
     * @throws RunPlan.UsageProblem when the output cannot be what the inputs need
     */
    static Path outputFolder(String shown, Path out, boolean namedAsFolder, boolean severalInputs, boolean batch)
            throws RunPlan.UsageProblem {
        if (Files.isDirectory(out)) {
            return out;
        }
        boolean exists = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        if (namedAsFolder) {
            if (exists) {
                throw new RunPlan.UsageProblem(shown + ": exists and is not a folder");
            }
            return out;
        }
        if (severalInputs) {
            throw new RunPlan.UsageProblem(shown + ": several inputs need an output folder: give an existing folder,"
                    + " or end the name with " + File.separator + " to have it created"
                    + (exists ? " (this one exists and is not a folder)" : ""));
        }
        if (batch) {
            if (exists) {
                throw new RunPlan.UsageProblem(shown + ": an input folder needs an output folder, and this one exists"
                        + " and is not a folder");
            }
            return out;
        }
        return null;
    }

    /**
     * Why a recording's outputs cannot be written where the plan puts them, found without writing anything.
     *
     * @param job the recording
     * @return the error line (exit status 3), or {@code null} when every output can be written
     */
    static String problem(Job job) {
        for (Path target : job.writeTo()) {
            Path abs = target.toAbsolutePath();
            String kind = standing(abs);
            if (kind != null) {
                return kind;
            }
            Path dir = abs.getParent();
            if (Files.isDirectory(dir)) {
                if (!Files.isWritable(dir)) {
                    return "cannot write " + target + ": the folder " + dir + " is not writable";
                }
                continue;
            }
            if (!job.createFolders()) {
                return "cannot write " + target + ": the folder " + dir + " does not exist";
            }
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                return "cannot create the output folder " + dir + ": " + existing + " is not a folder";
            }
            if (existing != null && !Files.isWritable(existing)) {
                return "cannot create the output folder " + dir + ": " + existing + " is not writable";
            }
        }
        return null;
    }

    /** What stands at an output's place, when it is something an output must not replace. */
    private static String standing(Path target) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // nothing there
        }
        BasicFileAttributes seen = own;
        if (own.isSymbolicLink()) {
            try {
                seen = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                return "cannot write " + target + ": it is a link to nothing (" + ExitStatus.describe(e, target)
                        + ")";
            }
        }
        if (seen.isDirectory()) {
            return "cannot write " + target + ": it is a folder, not a file";
        }
        if (!seen.isRegularFile()) {
            return target + (own.isSymbolicLink() ? ": links to something that" : ":") + " exists and is not a"
                    + " regular file or folder (a pipe, device or socket); it is never replaced";
        }
        return null;
    }

    /**
     * The regular files that a recording's outputs will replace (other than its own inputs, which the user is
     * asked about): verbose output names them.
     *
     * @param job the recording
     * @return the files, in part order
     */
    static List<Path> replaced(Job job) {
        List<Path> found = new ArrayList<>();
        for (Path target : job.writeTo()) {
            if (Files.isRegularFile(target) && job.inputs().stream().noneMatch(in -> RunPlan.sameFile(in, target))) {
                found.add(target);
            }
        }
        return found;
    }
}
