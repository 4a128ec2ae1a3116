package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dry-run} predicts the run: the same changes per part (a split recording's reference renames included),
 * the same leak-check hits, and the same refusal of an output location that cannot be written; and it writes
 * nothing, not even a temporary file.
 */
class DryRunTest {
    @TempDir
    Path dir;

    private static final Pattern COUNT = Pattern.compile(": (\\d+) tags? (?:changed|would change)");

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<Integer> counts(AppRun r) {
        List<Integer> n = new ArrayList<>();
        for (String line : r.outLines()) {
            Matcher m = COUNT.matcher(line);
            if (m.find()) {
                n.add(Integer.parseInt(m.group(1)));
            }
        }
        return n;
    }

    private static List<String> leakLines(AppRun r) {
        return r.errLines().stream().filter(l -> l.startsWith("mne_anonymize: leak: ")).toList();
    }

    private static List<String> dryRunTemporaries() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("fiffkit-dry-run-")).toList();
        }
    }

    @Test
    void aSplitRecordingsDryRunShowsTheRunsChangesPerPartReferenceRenamesIncluded() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 3);
        Path out = dir.resolve("out");
        List<String> before = tree(dir);
        List<String> temporaries = dryRunTemporaries();
        AppRun dry = AppRun.of("--no-gui", "--dry-run", "-i", parts.get(0).toString(), "-o", out + "/");
        assertEquals(0, dry.status(), dry.toString());
        assertEquals(before, tree(dir), "a dry run writes nothing");
        assertEquals(temporaries, dryRunTemporaries(), "and leaves no temporary file behind");

        AppRun run = AppRun.of("--no-gui", "-i", parts.get(0).toString(), "-o", out + "/");
        assertEquals(0, run.status(), run.toString());
        assertEquals(3, counts(run).size(), run.toString());
        assertEquals(counts(run), counts(dry), "dry run:\n" + dry + "\nrun:\n" + run);
        for (int i = 0; i < 3; i++) {
            assertTrue(dry.outLines().get(i).contains(" -> " + out.resolve(parts.get(i).getFileName())),
                    dry.outLines().get(i));
        }
    }

    @Test
    void theVerboseDryRunListsTheSameChangesAsTheRun() throws IOException {
        List<Path> parts = TestFiles.split(dir, "run_raw.fif", 2);
        AppRun dry = AppRun.of("--no-gui", "-v", "--dry-run", "-i", parts.get(0).toString());
        AppRun run = AppRun.of("--no-gui", "-v", "-i", parts.get(0).toString());
        assertEquals(changeLines(run), changeLines(dry));
        assertTrue(changeLines(dry).stream().anyMatch(l -> l.startsWith("  FIFF_REF_FILE_NAME")), dry.out());
    }

    private static List<String> changeLines(AppRun r) {
        return r.outLines().stream().filter(l -> l.startsWith("  FIFF_")).toList();
    }

    @Test
    void theDryRunReportsTheLeakHitsTheRunFinds() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "patient " + TestFiles.LAST + " gain 2");
        Path out = dir.resolve("a_anon.fif");
        AppRun dry = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "-o", out.toString());
        assertEquals(4, dry.status(), dry.toString());
        assertTrue(dry.out().contains("1 leak-check hit"), dry.out());
        assertTrue(!Files.exists(out), "nothing written");
        AppRun run = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString());
        assertEquals(4, run.status(), run.toString());
        assertEquals(leakLines(run), leakLines(dry));
        assertTrue(!leakLines(dry).isEmpty());
        assertTrue(!dry.err().contains(TestFiles.LAST), "no original value without -v: " + dry.err());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedFailsTheDryRunAsItFailsTheRun() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path missing = dir.resolve("nonexist/x.fif");
        AppRun dry = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "-o", missing.toString());
        AppRun run = AppRun.of("--no-gui", "-i", in.toString(), "-o", missing.toString());
        assertEquals(3, run.status(), run.toString());
        assertEquals(3, dry.status(), dry.toString());
        assertTrue(dry.err().contains(missing.getParent() + " does not exist"), dry.err());

        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        AppRun under = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "-o", file.resolve("sub") + "/");
        assertEquals(3, under.status(), under.toString());
        assertEquals(List.of("a_raw.fif", "plain.txt"), tree(dir));
    }

    @Test
    void anOutputFolderThatWouldBeCreatedPassesTheDryRunWithoutBeingCreated() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        AppRun dry = AppRun.of("--no-gui", "--dry-run", "-i", in.toString(), "-o", dir.resolve("new/deeper") + "/");
        assertEquals(0, dry.status(), dry.toString());
        assertEquals(List.of("a_raw.fif"), tree(dir));
    }
}
