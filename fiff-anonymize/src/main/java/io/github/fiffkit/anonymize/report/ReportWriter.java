package io.github.fiffkit.anonymize.report;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes reports as JSON Lines, one record per file, for runs over several files. Thread-safe: workers may write
 * their results as they finish.
 *
 * <pre>{@code
 * try (ReportWriter w = new ReportWriter(Report.of(anonymizer.policy()), Files.newBufferedWriter(reportFile))) {
 *     for (Path in : inputs) {
 *         w.write(anonymizer.anonymize(in, outputFor(in)));
 *     }
 * }
 * }</pre>
 */
public final class ReportWriter implements Closeable, Flushable {
    private final Report report;
    private final Writer out;

    /**
     * @param report how to write each record
     * @param out    where (closed by {@link #close()})
     */
    public ReportWriter(Report report, Writer out) {
        this.report = Objects.requireNonNull(report, "report");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * @param result one file's result
     * @throws IOException when writing fails
     */
    public synchronized void write(AnonymizationResult result) throws IOException {
        line(report.toJson(result));
    }

    /**
     * @param result one file's verify result
     * @throws IOException when writing fails
     */
    public synchronized void write(VerifyResult result) throws IOException {
        line(report.toJson(result));
    }

    /**
     * @param input   the file that failed
     * @param status  its exit status
     * @param message the error
     * @throws IOException when writing fails
     */
    public synchronized void writeFailure(String input, int status, String message) throws IOException {
        line(report.failureJson(input, status, message));
    }

    private void line(String json) throws IOException {
        out.write(json);
        out.write('\n');
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
