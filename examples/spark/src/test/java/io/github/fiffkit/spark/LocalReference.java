package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What anonymizing an archive on one machine gives, through the library path the application takes: each file's
 * recording found with {@link SplitRecording#parts}, anonymized with {@link Anonymizer#anonymizeRecording} to
 * the same relative paths under a folder.
 */
final class LocalReference {
    private LocalReference() {
    }

    /**
     * @param root   the input root
     * @param files  the input files
     * @param a      the anonymizer
     * @param outDir where the outputs go
     * @return for each file's path under the root: its exit status (0 ok, 4 leak hits, 2 bad input, 7 policy)
     */
    static Map<String, Integer> run(Path root, List<Path> files, Anonymizer a, Path outDir) throws IOException {
        Map<String, Integer> status = new TreeMap<>();
        Set<Path> done = new HashSet<>();
        for (Path f : files.stream().sorted().toList()) {
            Path abs = f.toAbsolutePath().normalize();
            if (done.contains(abs)) {
                continue;
            }
            List<Path> parts;
            try {
                parts = SplitRecording.parts(abs);
            } catch (FiffFormatException | InputException e) {
                done.add(abs);
                status.put(rel(root, abs), 2);
                continue;
            }
            done.addAll(parts);
            List<Path> outs = parts.stream().map(p -> outDir.resolve(rel(root, p))).toList();
            for (Path o : outs) {
                Files.createDirectories(o.getParent());
            }
            int code;
            try {
                List<AnonymizationResult> rs = a.anonymizeRecording(parts, outs);
                code = rs.stream().anyMatch(AnonymizationResult::hasLeaks) ? 4 : 0;
                for (int i = 0; i < parts.size(); i++) {
                    status.put(rel(root, parts.get(i)), rs.get(i).hasLeaks() ? 4 : 0);
                }
                continue;
            } catch (FiffFormatException | InputException e) {
                code = 2;
            } catch (PolicyException e) {
                code = 7;
            }
            for (Path p : parts) {
                status.put(rel(root, p), code);
            }
        }
        return status;
    }

    static String rel(Path root, Path p) {
        return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
    }
}
