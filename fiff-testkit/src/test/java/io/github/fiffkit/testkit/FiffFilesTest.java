package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiffFilesTest {
    @TempDir
    Path dir;

    @Test
    void findsFifAndFifGzAtAnyDepthInPathOrder() throws IOException {
        for (String name : List.of("b_raw.fif", "a-ave.fif.gz", "notes.txt", "x_raw.fif.bak", "sub/c_raw.fif",
                "sub/deeper/d-fwd.fif.gz", "sub/e.fiff")) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[] {1});
        }
        assertEquals(List.of(dir.resolve("a-ave.fif.gz"), dir.resolve("b_raw.fif"), dir.resolve("sub/c_raw.fif"),
                dir.resolve("sub/deeper/d-fwd.fif.gz")), FiffFiles.under(dir));
    }

    @Test
    void aMissingFolderIsAnIoException() {
        assertThrows(IOException.class, () -> FiffFiles.under(dir.resolve("missing")));
    }
}
