package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code --report} of a run: one JSON line per file, written as each recording is done. A line that cannot be
 * written stops the report (not the run), and the run then ends with status 3.
 */
final class ReportLog {
    private final Report report;
    private final Path file;
    private final FileOps.ReportFile lines;
    private IOException failure;

    private ReportLog(Report report, Path file, FileOps.ReportFile lines) {
        this.report = report;
        this.file = file;
        this.lines = lines;
    }

    /**
     * @param report how to write each record
     * @param file   the report file
     * @param files  the file layer
     * @return the open report
     * @throws IOException when it cannot be created
     */
    static ReportLog open(Report report, Path file, FileOps files) throws IOException {
        return new ReportLog(report, file, files.openReport(file));
    }

    /** Writes the lines of one recording; after a failure, nothing more. */
    synchronized void write(JobOutcome o) {
        if (failure != null) {
            return;
        }
        try {
            if (o.error() != null) {
                lines.writeLine(report.failureJson(o.job().first().toString(), o.status(), o.error()));
            } else if (o.verified() != null) {
                lines.writeLine(report.toJson(o.verified()));
            } else {
                for (AnonymizationResult r : o.results()) {
                    lines.writeLine(report.toJson(r));
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Closes the report.
     *
     * @param err    where to say that it failed
     * @param status the run's status so far
     * @return the status, 3 when the report could not be written completely
     */
    synchronized int close(java.io.PrintWriter err, int status) {
        try {
            lines.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            err.println("mne_anonymize: cannot write the report: " + ExitStatus.describe(failure, file));
            return status == ExitStatus.OK || status == ExitStatus.LEAKS ? ExitStatus.OUTPUT_FAILED : status;
        }
        return status;
    }
}
