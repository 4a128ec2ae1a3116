package io.github.fiffkit.app.cli;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.app.run.Io;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;

/**
 * One in-process run of mne_anonymize: what it was given on standard input, and its exit status and output.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
record AppRun(int status, String out, String err) {

    /** Runs without a display and without a terminal, with nothing on standard input. */
    static AppRun of(String... args) {
        return withInput("", args);
    }

    /** Runs without a display and without a terminal, with text on standard input. */
    static AppRun withInput(String stdin, String... args) {
        return run(stdin, false, false, args);
    }

    static AppRun run(String stdin, boolean display, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(Charset.defaultCharset())), new PrintWriter(out),
                new PrintWriter(err), display, terminal);
        int status = MneAnonymize.run(args, io);
        return new AppRun(status, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
