package io.github.fiffkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds FIFF files on disk, for tests that run over a folder of real recordings (a corpus) next to the generated
 * ones.
 *
 * <pre>{@code
 * for (Path file : FiffFiles.under(Path.of(System.getProperty("corpus")))) {
 *     // anonymize, verify, compare ...
 * }
 * }</pre>
 */
public final class FiffFiles {
    private FiffFiles() {
    }

    /**
     * @param folder a folder
     * @return every path under the folder, at any depth, whose name ends in {@code .fif} or {@code .fif.gz}, in
     *         path order
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> under(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".fif") || p.toString().endsWith(".fif.gz")).sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
