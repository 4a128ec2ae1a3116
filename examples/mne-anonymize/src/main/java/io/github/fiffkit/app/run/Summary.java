package io.github.fiffkit.app.run;

import java.io.PrintWriter;
import java.util.List;

/** The status of a whole run and the summary line of a run of several recordings or files. */
final class Summary {
    private Summary() {
    }

    /**
     * @param plan     the run's plan
     * @param outcomes every recording's outcome
     * @param kept     how many recordings kept an input that {@code -d} asked to delete (or replacement asked
     *                 to replace), against the request
     * @return one recording: its own status, 8 instead of 0 when it kept an input; several: 6 if any failed, else
     *         4 if any has leak-check hits, else 8 if any input was kept against the request, else 0
     */
    static int status(RunPlan plan, List<JobOutcome> outcomes, int kept) {
        int status;
        if (outcomes.size() == 1 && !plan.batch()) {
            status = outcomes.get(0).status();
        } else if (outcomes.stream().anyMatch(Summary::failed)) {
            status = ExitStatus.SOME_FAILED;
        } else if (outcomes.stream().anyMatch(o -> o.status() == ExitStatus.LEAKS)) {
            status = ExitStatus.LEAKS;
        } else {
            status = ExitStatus.OK;
        }
        return status == ExitStatus.OK && kept > 0 ? ExitStatus.NOT_DELETED : status;
    }

    private static boolean failed(JobOutcome o) {
        return o.status() != ExitStatus.OK && o.status() != ExitStatus.LEAKS;
    }

    static void print(PrintWriter out, RunPlan plan, List<JobOutcome> outcomes, boolean dryRun, Integer kept) {
        long ok = outcomes.stream().filter(o -> o.status() == ExitStatus.OK).count();
        long leaks = outcomes.stream().filter(o -> o.status() == ExitStatus.LEAKS).count();
        List<JobOutcome> failed = outcomes.stream().filter(Summary::failed).toList();
        out.println("summary: " + outcomes.size() + (outcomes.size() == 1 ? " recording" : " recordings") + " ("
                + plan.fileCount() + (plan.fileCount() == 1 ? " file" : " files") + "): " + ok
                + (dryRun ? " planned (dry run), " : " anonymized, ")
                + leaks + " with leak-check hits, " + failed.size() + " failed"
                + (kept == null ? "" : ", " + kept + " not deleted as asked"));
        for (JobOutcome o : failed) {
            out.println("  failed: " + o.job().first() + " (status " + o.status() + ")");
        }
    }

    /** @return one file: its status; several: 6 if any could not be read, else 5 if any holds PHI, else 0 */
    static int verifyStatus(List<JobOutcome> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0).status();
        }
        if (outcomes.stream().anyMatch(o -> o.verified() == null)) {
            return ExitStatus.SOME_FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == ExitStatus.VERIFY_FOUND)) {
            return ExitStatus.VERIFY_FOUND;
        }
        return ExitStatus.OK;
    }

    static String verifyLine(List<JobOutcome> outcomes) {
        long passed = outcomes.stream().filter(o -> o.status() == ExitStatus.OK).count();
        long phi = outcomes.stream().filter(o -> o.status() == ExitStatus.VERIFY_FOUND).count();
        return "summary: " + outcomes.size() + " files verified: " + passed + " passed, " + phi + " with PHI, "
                + (outcomes.size() - passed - phi) + " failed";
    }
}
