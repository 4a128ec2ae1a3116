package io.github.fiffkit.anonymize.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void foldersAreSyncedOnceEachOnCloseNotAfterEveryMove() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in_raw.fif"));
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        List<Path> synced = new ArrayList<>();
        Path expected = dir.resolve("expected_raw.fif");
        Anonymizer.builder().build().anonymize(in, expected);
        try (BatchOutputFiles files = new BatchOutputFiles(synced::add)) {
            Anonymizer an = Anonymizer.builder().outputFiles(files).build();
            for (int i = 0; i < 3; i++) {
                an.anonymize(in, a.resolve(i + "_raw.fif"));
            }
            an.anonymize(in, b.resolve("x_raw.fif"));
            Files.writeString(b.resolve("y_raw.fif"), "old content");
            an.anonymize(in, b.resolve("y_raw.fif"));
            assertEquals(List.of(), synced);
            assertEquals(Set.of(a, b), files.pendingFolders());
        }
        assertEquals(2, synced.size());
        assertEquals(Set.of(a, b), Set.copyOf(synced));
        byte[] want = Files.readAllBytes(expected);
        for (Path p : List.of(a.resolve("0_raw.fif"), a.resolve("2_raw.fif"), b.resolve("x_raw.fif"),
                b.resolve("y_raw.fif"))) {
            assertArrayEquals(want, Files.readAllBytes(p), p.toString());
        }
        assertTrue(Stream.concat(Folders.listing(a).stream(), Folders.listing(b).stream())
                .noneMatch(name -> OutputFiles.TEMP_NAME.matcher(name).matches()));
    }

    @Test
    void aFailedSyncIsReportedAfterTheOtherFoldersWereTried() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in_raw.fif"));
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        List<Path> tried = new ArrayList<>();
        BatchOutputFiles files = new BatchOutputFiles(f -> {
            tried.add(f);
            throw new IOException("device error on " + f);
        });
        Anonymizer an = Anonymizer.builder().outputFiles(files).build();
        an.anonymize(in, a.resolve("1_raw.fif"));
        an.anonymize(in, b.resolve("1_raw.fif"));
        IOException e = assertThrows(IOException.class, files::close);
        assertEquals(2, tried.size());
        assertEquals(1, e.getSuppressed().length);
        assertFalse(files.pendingFolders().contains(a));
        files.close();
        assertEquals(2, tried.size());
    }

    @Test
    void staleTemporaryFilesAreRemovedPerTargetFromOneListingOfTheFolder() throws IOException {
        Path a = dir.resolve("a_raw.fif");
        Path b = dir.resolve("b_raw.fif");
        Path staleA = Files.write(dir.resolve(".a_raw.fif.fiffkit-abcd1234.tmp"), new byte[10]);
        Path liveA = Files.write(dir.resolve(".a_raw.fif.fiffkit-0000zzzz.tmp"), new byte[10]);
        Path staleB = Files.write(dir.resolve(".b_raw.fif.fiffkit-abcd1234.tmp"), new byte[10]);
        Files.write(dir.resolve(".a_raw.fif.fiffkit-short.tmp"), new byte[1]);
        Files.write(dir.resolve("a_raw.fif.fiffkit-abcd1234.tmp"), new byte[1]);
        try (BatchOutputFiles files = new BatchOutputFiles(f -> { });
                FileChannel ch = FileChannel.open(liveA, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            assertEquals(List.of(staleA), files.removeStale(a), "only a's unlocked temporary file");
            assertTrue(Files.exists(staleB), "b's is left until b is written");
            Path lateC = Files.write(dir.resolve(".c_raw.fif.fiffkit-abcd1234.tmp"), new byte[10]);
            assertEquals(List.of(staleB), files.removeStale(b));
            assertEquals(List.of(), files.removeStale(dir.resolve("c_raw.fif")),
                    "the folder was listed once, before this file appeared");
            assertTrue(Files.exists(lateC));
            assertEquals(List.of(), files.removeStale(a), "a's are handled once");
        }
        assertEquals(List.of(".a_raw.fif.fiffkit-0000zzzz.tmp", ".a_raw.fif.fiffkit-short.tmp",
                ".c_raw.fif.fiffkit-abcd1234.tmp", "a_raw.fif.fiffkit-abcd1234.tmp"), Folders.listing(dir));
        assertEquals(List.of(), new BatchOutputFiles().removeStale(dir.resolve("no/such/out.fif")));
    }

    @Test
    void oneFolderSpelledTwoWaysIsListedOnce() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        try (BatchOutputFiles files = new BatchOutputFiles(f -> { })) {
            assertEquals(List.of(), files.removeStale(dir.resolve("./a_raw.fif")));
            Path late = Files.write(dir.resolve(".b_raw.fif.fiffkit-abcd1234.tmp"), new byte[1]);
            assertEquals(List.of(), files.removeStale(dir.resolve("sub/../b_raw.fif")),
                    "the folder was listed once, before the file appeared");
            assertTrue(Files.exists(late));
        }
    }
}
