package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The commit of a split recording is all or nothing: a part that cannot be moved in undoes the ones before. */
class SplitCommitTest {
    @TempDir
    Path dir;

    /** The file system, but a commit onto {@code failOn} fails, as a rename refused by the file system would. */
    private static OutputFiles failingCommitOnto(Path failOn) throws IOException {
        OutputFiles files = spy(OutputFiles.class);
        doThrow(new IOException("rename failed (injected)")).when(files)
                .commit(any(), argThat(target -> target.toAbsolutePath().equals(failOn.toAbsolutePath())));
        return files;
    }

    /** The target of every commit tried, in order, the one that failed included. */
    private static List<Path> commitsTried(OutputFiles files) throws IOException {
        ArgumentCaptor<Path> targets = ArgumentCaptor.forClass(Path.class);
        verify(files, atLeast(0)).commit(any(), targets.capture());
        return targets.getAllValues().stream().map(Path::toAbsolutePath).toList();
    }

    private static List<Path> absolute(Path... paths) {
        return Stream.of(paths).map(Path::toAbsolutePath).toList();
    }

    /** Every file under a folder with its bytes. */
    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void aFailedCommitOfPartTwoLeavesNoOutput() throws IOException {
        Path inDir = Files.createDirectory(dir.resolve("in"));
        List<Path> parts = SplitRecordingTest.writeSplit(inDir, "run_raw.fif");
        Map<String, byte[]> inputs = snapshot(inDir);
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = SplitRecording.outputNames(outDir.resolve("r.fif"), parts.size());
        OutputFiles files = failingCommitOnto(outs.get(1));
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();

        IOException e = assertThrows(IOException.class, () -> a.anonymizeRecording(parts, outs));

        assertEquals("rename failed (injected)", e.getMessage());
        assertEquals(absolute(outs.get(0), outs.get(1)), commitsTried(files), "part 1 was moved in first");
        assertEquals(Map.of(), snapshot(outDir), "no part, temporary file or backup is left");
        assertSameFiles(inputs, snapshot(inDir));
    }

    @Test
    void aFailedCommitOfPartTwoPutsBackTheOutputsThatExisted() throws IOException {
        Path inDir = Files.createDirectory(dir.resolve("in"));
        List<Path> parts = SplitRecordingTest.writeSplit(inDir, "run_raw.fif");
        Map<String, byte[]> inputs = snapshot(inDir);
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = SplitRecording.outputNames(outDir.resolve("r.fif"), parts.size());
        // an earlier run wrote parts 1 and 2 (not 3): different bytes from what this run writes
        Files.writeString(outs.get(0), "old part 1");
        Files.writeString(outs.get(1), "old part 2");
        Map<String, byte[]> before = snapshot(outDir);
        OutputFiles files = failingCommitOnto(outs.get(2));
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();

        assertThrows(IOException.class, () -> a.anonymizeRecording(parts, outs));

        // parts 1 and 2 were moved in before part 3 failed, then their backups were moved back
        assertEquals(absolute(outs.get(0), outs.get(1), outs.get(2), outs.get(1), outs.get(0)), commitsTried(files));
        assertSameFiles(before, snapshot(outDir));
        assertFalse(Files.exists(outs.get(2)));
        assertSameFiles(inputs, snapshot(inDir));
    }

    @Test
    void aRecordingReplacingItselfIsUnchangedWhenACommitFails() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        Map<String, byte[]> before = snapshot(dir);
        OutputFiles files = failingCommitOnto(parts.get(1));
        Anonymizer a = Anonymizer.builder().outputFiles(files).build();

        assertThrows(IOException.class, () -> a.anonymizeRecording(parts, parts));

        // part 1 was moved in, then part 2 failed and the backup of part 1 was moved back
        assertEquals(absolute(parts.get(0), parts.get(1), parts.get(0)), commitsTried(files));
        assertSameFiles(before, snapshot(dir));
    }

    @Test
    void aSuccessfulCommitLeavesNoBackup() throws IOException {
        Path inDir = Files.createDirectory(dir.resolve("in"));
        List<Path> parts = SplitRecordingTest.writeSplit(inDir, "run_raw.fif");
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = SplitRecording.outputNames(outDir.resolve("r.fif"), parts.size());
        Files.writeString(outs.get(0), "old part 1");
        Anonymizer.builder().build().anonymizeRecording(parts, outs);
        Map<String, byte[]> after = snapshot(outDir);
        assertEquals(outs.stream().map(p -> p.getFileName().toString()).sorted().toList(),
                List.copyOf(after.keySet()));
        assertFalse(new String(after.get(outs.get(0).getFileName().toString()),
                java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("old part 1"));
    }

    @Test
    void aBackupIsNamedLikeATemporaryFileAndKeepsTheTargetInPlace() throws IOException {
        Path target = Files.writeString(dir.resolve("t.fif"), "content");
        Path backup = OutputFiles.DEFAULT.backup(target);
        assertTrue(OutputFiles.TEMP_NAME.matcher(backup.getFileName().toString()).matches(), backup.toString());
        assertTrue(backup.getFileName().toString().startsWith(".t.fif.fiffkit-"));
        assertEquals("content", Files.readString(target));
        assertEquals("content", Files.readString(backup));
        assertEquals(null, OutputFiles.DEFAULT.backup(dir.resolve("missing.fif")));
        assertEquals(List.of(backup), OutputFiles.DEFAULT.removeStale(target));
        assertEquals("content", Files.readString(target));
    }

    @Test
    void commitAllUndoesEveryMoveAndKeepsTheSourcesWhenOneFails() throws IOException {
        // the application's replacement of a recording by its anonymized version, from a folder beside it
        Path staged = Files.createDirectory(dir.resolve("staged"));
        List<Path> targets = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(Files.writeString(dir.resolve("p" + i + ".fif"), "input " + i));
            sources.add(Files.writeString(staged.resolve("p" + i + ".fif"), "anonymized " + i));
        }
        Map<String, byte[]> before = snapshot(dir);
        OutputFiles files = failingCommitOnto(targets.get(2));

        IOException e = assertThrows(IOException.class, () -> OutputFiles.commitAll(files, sources, targets));

        assertEquals("rename failed (injected)", e.getMessage());
        assertEquals(0, e.getSuppressed().length);
        assertEquals(5, commitsTried(files).size(), "two moves, the one that failed, two undone");
        assertSameFiles(before, snapshot(dir));
    }

    @Test
    void commitAllMovesEverySourceOntoItsTarget() throws IOException {
        Path staged = Files.createDirectory(dir.resolve("staged"));
        List<Path> targets = List.of(Files.writeString(dir.resolve("a.fif"), "old a"), dir.resolve("b.fif"));
        List<Path> sources = List.of(Files.writeString(staged.resolve("a.fif"), "new a"),
                Files.writeString(staged.resolve("b.fif"), "new b"));
        OutputFiles.commitAll(OutputFiles.DEFAULT, sources, targets);
        assertEquals(Map.of("a.fif", "new a", "b.fif", "new b"), texts(dir));
    }

    private static Map<String, String> texts(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        snapshot(folder).forEach((k, v) -> m.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
        return m;
    }
}
