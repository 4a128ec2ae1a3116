package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code -o} writes: a trailing separator means a folder; several inputs need a folder; anything that is
 * neither a regular file nor a folder (a FIFO, a device, a link to one) is never replaced or written into.
 */
class OutputPathsTest {
    @TempDir
    Path dir;

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** A FIFO made with mkfifo; the test is skipped where there is none (Windows). */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        assertTrue(isFifo(p));
        return p;
    }

    private static boolean isFifo(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther();
    }

    @Test
    void aTrailingSeparatorMeansAFolderCreatedWhenMissing() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        String out = dir.resolve("newdir") + File.separator;
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", out);
        assertEquals(0, r.status(), r.toString());
        Path folder = dir.resolve("newdir");
        assertTrue(Files.isDirectory(folder), "a folder, not a file named newdir");
        assertEquals(List.of("a_raw.fif"), tree(folder), "the output keeps the input's name in the folder");
        assertEquals("mne_anonymize", TestFiles.string(folder.resolve("a_raw.fif"), FiffKind.SUBJ_LAST_NAME));
    }

    @Test
    void aTrailingSeparatorWithSeveralInputsIsAFolderToo() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "gain 2");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-o", dir.resolve("out.fif") + "/");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("a_raw.fif", "b_raw.fif"), tree(dir.resolve("out.fif")));
    }

    @Test
    void severalInputsWithAnOutputThatIsNeitherAFolderNorEndsInASeparatorIsAUsageError() throws IOException {
        Path a = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path b = TestFiles.small(dir.resolve("b_raw.fif"), "gain 2");
        Path out = dir.resolve("out.fif");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith("mne_anonymize: -o " + out + ": several inputs need an output folder: give"
                + " an existing folder, or end the name with " + File.separator + " to have it created"), r.err());
        assertEquals(List.of("a_raw.fif", "b_raw.fif"), tree(dir), "nothing written, no folder out.fif");
    }

    @Test
    void aFifoIsNeverReplacedNorWrittenInto() throws Exception {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path fifo = fifo("pipe.fif");
        for (String[] extra : List.of(new String[0], new String[] {"-f"}, new String[] {"--dry-run"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--no-gui", "-i", in.toString(), "-o",
                    fifo.toString()));
            args.addAll(List.of(extra));
            AppRun r = AppRun.of(args.toArray(String[]::new));
            assertEquals(3, r.status(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains(fifo + ": exists and is not a regular file or folder (a pipe, device or"
                    + " socket); it is never replaced"), r.err());
            assertTrue(isFifo(fifo), "still the FIFO");
            assertEquals(List.of("a_raw.fif", "pipe.fif"), tree(dir), "no temporary file left behind");
        }
    }

    @Test
    void aLinkToAFifoIsNotFollowed() throws Exception {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path fifo = fifo("pipe");
        Path link = Files.createSymbolicLink(dir.resolve("link.fif"), fifo);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-o", link.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("is not a regular file or folder"), r.err());
        assertTrue(Files.isSymbolicLink(link) && isFifo(fifo));
        assertEquals(List.of("a_raw.fif", "link.fif", "pipe"), tree(dir));
    }

    @Test
    void anExistingOutputFileIsReplacedAndVerboseSaysSo() throws IOException {
        Path in = TestFiles.small(dir.resolve("a_raw.fif"), "gain 1");
        Path out = Files.writeString(dir.resolve("old.fif"), "an older output");
        AppRun r = AppRun.of("--no-gui", "-v", "-i", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.outLines().contains("replacing existing " + out), r.out());
        assertEquals("mne_anonymize", TestFiles.string(out, FiffKind.SUBJ_LAST_NAME));

        AppRun quiet = AppRun.of("--no-gui", "-i", in.toString(), "-o", out.toString());
        assertEquals(0, quiet.status(), quiet.toString());
        assertFalse(quiet.out().contains("replacing"), "only verbose says so: " + quiet.out());

        Path fresh = dir.resolve("fresh.fif");
        AppRun first = AppRun.of("--no-gui", "-v", "-i", in.toString(), "-o", fresh.toString());
        assertFalse(first.out().contains("replacing"), first.out());
    }
}
