package io.github.fiffkit.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.fiffkit.anonymize.run.RunOptions;
import io.github.fiffkit.app.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;

/**
 * The command line's failure paths in the file layer, through a {@link FileOps} double that does the real work
 * except for the one step made to fail: nothing is deleted or replaced after such a failure, and the status says
 * so.
 */
class RunnerFileFailureTest {
    @TempDir
    Path dir;

    private FileOps files;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void realFilesByDefault() {
        files = mock(FileOps.class, AdditionalAnswers.delegatesTo(FileOps.SYSTEM));
    }

    private Path input(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return TestFiles.small(p, text);
    }

    private int run(List<Path> inputs, Path output, Path report, RunOptions run) throws Exception {
        // an output for several inputs is a folder, as -o out/ says on the command line
        AppOptions options = new AppOptions(inputs, output, false, false, true, true, 1, report, List.of(), run,
                inputs.size() > 1, List.of());
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                false);
        return new Runner(options, io, options.anonymizer(), files).run(RunPlan.make(options));
    }

    private static RunOptions deleting() {
        return RunOptions.builder().deleteInputs(true).build();
    }

    @Test
    void aFolderThatCannotBeSyncedKeepsEveryInput() throws Exception {
        Path in = input("a_raw.fif", "gain 1");
        doThrow(new IOException("Input/output error")).when(files).syncFolder(any());
        int status = run(List.of(in), null, null, deleting());
        assertEquals(ExitStatus.OUTPUT_FAILED, status, err::toString);
        assertTrue(err.toString().contains("cannot sync the output folders to disk: Input/output error; no input was"
                + " deleted or replaced"), err::toString);
        assertTrue(Files.exists(in));
        verify(files, never()).delete(any());
    }

    @Test
    void aFailedAllOrNothingReplacementLeavesTheInputAsItWas() throws Exception {
        Path in = input("a_raw.fif", "gain 1");
        byte[] before = Files.readAllBytes(in);
        doThrow(new IOException("rename failed")).when(files).replaceAll(any(), any());
        int status = run(List.of(in), in, null, RunOptions.defaults());
        assertTrue(err.toString().contains("cannot replace " + in.toAbsolutePath() + ": "), err::toString);
        assertTrue(err.toString().contains("nothing was replaced; the anonymized output is"), err::toString);
        assertArrayEquals(before, Files.readAllBytes(in));
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")), "the anonymized output stays");
        assertEquals(ExitStatus.NOT_DELETED, status, "done, but the input was not replaced as asked");
        verify(files).readBack(any());
    }

    @Test
    void aDeletionThatFailsIsSaidAndTheOthersGoOn() throws Exception {
        Path a = input("in/a_raw.fif", "gain 1");
        Path b = input("in/b_raw.fif", "gain 2");
        doThrow(new java.nio.file.AccessDeniedException(a.toString())).when(files).delete(a);
        int status = run(List.of(a, b), dir.resolve("out"), null, deleting());
        assertTrue(err.toString().contains("cannot delete " + a + ": " + a + ": permission denied"), err::toString);
        assertTrue(Files.exists(a));
        assertFalse(Files.exists(b), "the other input is deleted");
        assertTrue(out.toString().contains("deleted " + b), out::toString);
        assertEquals(ExitStatus.NOT_DELETED, status, "done, but an input was not deleted as asked");
    }

    @Test
    void anOutputThatDoesNotReadBackIsNoReasonToDelete() throws Exception {
        Path in = input("a_raw.fif", "gain 1");
        doThrow(new IOException("truncated at 1234")).when(files).readBack(any());
        run(List.of(in), null, null, deleting());
        assertTrue(err.toString().contains("not deleting " + in.toAbsolutePath() + ", because its output "),
                err::toString);
        assertTrue(err.toString().contains("cannot be read back cleanly"), err::toString);
        assertTrue(Files.exists(in));
        verify(files, never()).delete(any());
    }

    @Test
    void aReportThatCannotBeWrittenMidRunEndsWithStatusThreeAfterEveryFile() throws Exception {
        Path a = input("in/a_raw.fif", "gain 1");
        Path b = input("in/b_raw.fif", "gain 2");
        Path c = input("in/c_raw.fif", "gain 3");
        FileOps.ReportFile lines = mock(FileOps.ReportFile.class);
        int[] written = {0};
        doAnswer(call -> {
            if (++written[0] == 2) {
                throw new IOException("No space left on device");
            }
            return null;
        }).when(lines).writeLine(anyString());
        doAnswer(call -> lines).when(files).openReport(any());
        Path out = dir.resolve("out");
        int status = run(List.of(a, b, c), out, dir.resolve("report.jsonl"), RunOptions.defaults());
        assertEquals(ExitStatus.OUTPUT_FAILED, status, err::toString);
        assertTrue(err.toString().contains("cannot write the report: "), err::toString);
        assertTrue(err.toString().contains("No space left on device"), err::toString);
        assertEquals(2, written[0], "no line is tried after the failure");
        verify(lines).close();
        for (String name : List.of("a_raw.fif", "b_raw.fif", "c_raw.fif")) {
            assertTrue(Files.exists(out.resolve(name)), "every recording is still anonymized: " + name);
        }
    }

    @Test
    void aMissingOutputFolderIsMadeThroughTheFileLayer() throws Exception {
        Path in = input("in/a_raw.fif", "gain 1");
        Path b = input("in/b_raw.fif", "gain 2");
        doThrow(new java.nio.file.AccessDeniedException(dir.resolve("out").toString())).when(files)
                .createFolders(any());
        int status = run(List.of(in, b), dir.resolve("out"), null, RunOptions.defaults());
        assertEquals(ExitStatus.SOME_FAILED, status, err::toString);
        assertTrue(err.toString().contains("cannot create the output folder " + dir.resolve("out")), err::toString);
    }
}
