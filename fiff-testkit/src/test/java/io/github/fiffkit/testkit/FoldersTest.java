package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @TempDir
    Path dir;

    private void files(String... names) throws IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[] {1});
        }
    }

    @Test
    void aListingNamesEveryEntryOneLevelDeepSorted() throws IOException {
        files("b_raw.fif", ".b_raw.fif.fiffkit-0123abcd.tmp", "a.txt", "sub/c_raw.fif");
        Files.createDirectory(dir.resolve("empty"));
        Files.createSymbolicLink(dir.resolve("link.fif"), dir.resolve("b_raw.fif"));
        assertEquals(List.of(".b_raw.fif.fiffkit-0123abcd.tmp", "a.txt", "b_raw.fif", "empty", "link.fif", "sub"),
                Folders.listing(dir));
    }

    @Test
    void anEmptyFolderListsNothing() throws IOException {
        assertEquals(List.of(), Folders.listing(dir));
        assertEquals(List.of(), Folders.tree(dir));
    }

    @Test
    void aTreeNamesTheRegularFilesAtAnyDepthRelativeToTheRoot() throws IOException {
        files("b_raw.fif", "a/x_raw.fif", "a/deeper/y_raw.fif.gz", "a/.hidden");
        Files.createDirectories(dir.resolve("a/empty/also-empty"));
        assertEquals(List.of("a/.hidden", "a/deeper/y_raw.fif.gz", "a/x_raw.fif", "b_raw.fif"), Folders.tree(dir));
        assertEquals(List.of(".hidden", "deeper/y_raw.fif.gz", "x_raw.fif"), Folders.tree(dir.resolve("a")));
    }

    @Test
    void aMissingFolderIsAnIoException() {
        assertThrows(NoSuchFileException.class, () -> Folders.listing(dir.resolve("missing")));
        assertThrows(NoSuchFileException.class, () -> Folders.tree(dir.resolve("missing")));
    }
}
