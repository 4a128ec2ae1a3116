package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTemporaryFilesTest {
    @TempDir
    Path dir;

    @Test
    void onlyUnlockedTemporaryFilesOfTheSameTargetAreRemoved() throws IOException {
        Path target = dir.resolve("out.fif");
        Path stale = Files.write(dir.resolve(".out.fif.fiffkit-abcd1234.tmp"), new byte[100]);
        Path live = Files.write(dir.resolve(".out.fif.fiffkit-0000zzzz.tmp"), new byte[100]);
        Files.write(dir.resolve(".other.fif.fiffkit-abcd1234.tmp"), new byte[1]);
        Files.write(dir.resolve(".out.fif.fiffkit-short.tmp"), new byte[1]);
        Files.write(dir.resolve("out.fif.fiffkit-abcd1234.tmp"), new byte[1]);
        assertTrue(OutputFiles.TEMP_NAME.matcher(stale.getFileName().toString()).matches());
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            assertEquals(List.of(stale), OutputFiles.DEFAULT.removeStale(target));
        }
        assertEquals(List.of(".other.fif.fiffkit-abcd1234.tmp", ".out.fif.fiffkit-0000zzzz.tmp",
                ".out.fif.fiffkit-short.tmp", "out.fif.fiffkit-abcd1234.tmp"), Folders.listing(dir));
    }

    @Test
    void aTemporaryOfATargetWhoseNameStartsWithTheTargetsIsNotTheTargets() throws IOException {
        // the target "a.fif.fiffkit-abcd1234.tmp" (a name a user may give) has temporaries whose names start
        // with the prefix of the target "a.fif"'s; they are not a.fif's to remove
        Path target = dir.resolve("a.fif");
        Path own = Files.write(dir.resolve(".a.fif.fiffkit-abcd1234.tmp"), new byte[1]);
        Path other = Files.write(dir.resolve(".a.fif.fiffkit-abcd1234.tmp.fiffkit-efgh5678.tmp"), new byte[1]);
        assertTrue(OutputFiles.TEMP_NAME.matcher(other.getFileName().toString()).matches());
        assertEquals(List.of(own), OutputFiles.DEFAULT.removeStale(target));
        assertEquals(List.of(other), OutputFiles.DEFAULT.removeStale(dir.resolve("a.fif.fiffkit-abcd1234.tmp")));
        assertEquals(List.of(), Folders.listing(dir));
    }

    @Test
    void aMissingFolderHasNothingToRemove() throws IOException {
        assertEquals(List.of(), OutputFiles.DEFAULT.removeStale(dir.resolve("no/such/out.fif")));
    }

    @Test
    void anonymizeRemovesTheStaleTemporaryFilesOfItsTargetAndSaysSo() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Files.write(dir.resolve(".out.fif.fiffkit-k1ll3d00.tmp"), new byte[4096]);
        AnonymizationResult r = Anonymizer.builder().build().anonymize(in, dir.resolve("out.fif"));
        assertEquals(List.of("in.fif", "out.fif"), Folders.listing(dir));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains(".out.fif.fiffkit-k1ll3d00.tmp")
                && w.contains("interrupted")), r.warnings().toString());
    }
}
