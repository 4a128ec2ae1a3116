package io.github.fiffkit.app.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fiff-dump's {@code main} in a process of its own, its standard output a pipe that the test reads, as a shell
 * pipeline would ({@code fiff-dump x.fif | head -n 1}), or a device that is always full.
 */
class FiffDumpPipeTest {
    /** Tags in the big file: several megabytes of output, far more than a pipe and the tool's buffer hold. */
    private static final int COMMENTS = 40_000;

    @TempDir
    static Path dir;

    private static Path big;

    @BeforeAll
    static void writeBigFile() throws IOException {
        big = dir.resolve("many_tags.fif");
        try (FiffWriter w = FiffWriter.create(big)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(1_600_000_000, 0)));
            w.startBlock(FiffBlock.MEAS);
            for (int i = 0; i < COMMENTS; i++) {
                w.writeString(FiffKind.COMMENT, "comment number " + i);
            }
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
    }

    /** What the process did, and the lines the test read before closing the pipe. */
    private record Piped(int status, List<String> read, String err) {
    }

    /**
     * Runs fiff-dump and reads {@code lines} lines of its output (all of them when negative), then closes the
     * reading end of the pipe.
     */
    private static Piped run(int lines, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), FiffDump.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        List<String> read = new ArrayList<>();
        try (InputStream stdout = p.getInputStream();
             BufferedReader r = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((lines < 0 || read.size() < lines) && (line = r.readLine()) != null) {
                read.add(line);
            }
        } // the reader goes away while the tool still has megabytes to write
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Piped(p.exitValue(), read, Files.readString(err));
    }

    @Test
    void aReaderThatClosesThePipeEarlyEndsTheTreeQuietlyWithStatusZero() throws Exception {
        Piped run = run(1, big.toString());
        assertEquals(List.of("# " + big + ": " + Files.size(big) + " bytes"), run.read());
        assertEquals("", run.err(), "nothing to say about a reader that has all it wanted");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void aReaderThatClosesThePipeEarlyEndsJsonLinesQuietlyWithStatusZero() throws Exception {
        Piped run = run(1, "--json", big.toString());
        assertEquals(1, run.read().size());
        assertTrue(run.read().get(0).startsWith("{\"pos\":0,\"kind\":100,"), run.read().get(0));
        assertEquals("", run.err());
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void aClosedPipeStopsTheFilesStillToComeToo() throws Exception {
        Path missing = dir.resolve("missing.fif");
        Piped run = run(1, "--json", big.toString(), missing.toString());
        assertEquals("", run.err(), "the missing file after the closed pipe is never opened");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void aClosedPipeDoesNotHideAnEarlierFailure() throws Exception {
        Path missing = dir.resolve("missing.fif");
        Piped run = run(1, missing.toString(), big.toString());
        assertEquals("fiff-dump: " + missing + ": no such file" + System.lineSeparator(), run.err());
        assertEquals(2, run.status(), "the first failure's status: " + run.err());
    }

    /** Runs fiff-dump with its standard output on {@code /dev/full}, where every write fails with ENOSPC. */
    private static Piped runIntoFullDevice(String... args) throws IOException, InterruptedException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), FiffDump.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(full.toFile()))
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Piped(p.exitValue(), List.of(), Files.readString(err));
    }

    @Test
    void aFullDiskIsStillStatusThreeWithAMessage() throws Exception {
        // unlike a closed pipe: the output is lost, and the user must hear of it
        Piped run = runIntoFullDevice(big.toString());
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().startsWith("fiff-dump: cannot write the output: "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        Path missing = dir.resolve("missing.fif");
        run = runIntoFullDevice("--json", missing.toString(), big.toString());
        assertEquals(2, run.status(), "the first failure's status: " + run.err());
        assertEquals(List.of("fiff-dump: " + missing + ": no such file", "fiff-dump: cannot write the output: "),
                run.err().lines().map(l -> l.replaceFirst("output: .*", "output: ")).toList(),
                "and the output's failure is still reported: " + run.err());
    }

    @Test
    void aReaderThatReadsEverythingGetsEveryLine() throws Exception {
        // the same process and file, read to the end: what the tests above cut short is all there
        Piped run = run(-1, big.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        // header, FILE_ID, DIR_POINTER, FREE_LIST, block start, the comments, block end, NOP, summary
        assertEquals(1 + 3 + 1 + COMMENTS + 1 + 1 + 1, run.read().size());
        assertTrue(run.read().get(run.read().size() - 1).startsWith("# " + (COMMENTS + 6) + " tags"),
                run.read().get(run.read().size() - 1));
    }
}
