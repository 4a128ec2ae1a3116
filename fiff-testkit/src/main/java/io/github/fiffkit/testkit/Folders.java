package io.github.fiffkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a folder holds, as sorted names that an assertion can compare: the check that a run which writes files
 * left exactly what it should (its outputs, and no temporary file, backup or partial output after a failure).
 *
 * <pre>{@code
 * assertThrows(IOException.class, () -> anonymizer.anonymize(in, dir.resolve("out.fif")));
 * assertEquals(List.of("in.fif"), Folders.listing(dir), "no output and no temporary file");
 * }</pre>
 */
public final class Folders {
    private Folders() {
    }

    /**
     * Lists a folder, one level deep.
     *
     * @param folder a folder
     * @return the names of everything in it (files, folders, links, hidden entries included), sorted
     * @throws IOException when the folder is missing or cannot be listed
     */
    public static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Lists the regular files under a folder, at any depth.
     *
     * @param root a folder
     * @return the path of every regular file under it, relative to it, with {@code /} between names whatever the
     *         platform, sorted (folders themselves are not listed)
     * @throws IOException when the folder is missing or cannot be read
     */
    public static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
