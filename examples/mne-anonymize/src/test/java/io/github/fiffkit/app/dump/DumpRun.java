package io.github.fiffkit.app.dump;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process run of fiff-dump: its exit status and what it printed. Public: the tests of the sample file
 * in {@code io.github.fiffkit.app} dump it too.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
public record DumpRun(int status, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs fiff-dump in this JVM.
     *
     * @param args the command line
     * @return what the run did
     */
    public static DumpRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FiffDump.run(args, new PrintWriter(out), new PrintWriter(err));
        return new DumpRun(status, out.toString(), err.toString());
    }

    /** @return standard output, line by line */
    public List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    /** @return standard error, line by line */
    public List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    /** Parses every line of standard output as one JSON document; fails on any line that is not. */
    public List<JsonNode> json() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : outLines()) {
            try {
                nodes.add(JSON.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
        return nodes;
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
