package io.github.fiffkit.app.run;

import java.io.PrintWriter;
import java.util.List;

/** The status of a whole run and the summary line of a run of several recordings or files. */
final class Summary {
    private Summary() {
    }

    /**
     * @return one recording: its own status; several: 6 if any failed, else 4 if any has leak-check hits, else 0
     */
    static int status(RunPlan plan, List<JobOutcome> outcomes) {
        if (outcomes.size() == 1 && !plan.batch()) {
            return outcomes.get(0).status();
        }
        if (outcomes.stream().anyMatch(Summary::failed)) {
            return ExitStatus.SOME_FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == ExitStatus.LEAKS)) {
            return ExitStatus.LEAKS;
        }
        return ExitStatus.OK;
    }

    private static boolean failed(JobOutcome o) {
        return o.status() != ExitStatus.OK && o.status() != ExitStatus.LEAKS;
    }

    static void print(PrintWriter out, RunPlan plan, List<JobOutcome> outcomes, boolean dryRun) {
        long ok = outcomes.stream().filter(o -> o.status() == ExitStatus.OK).count();
        long leaks = outcomes.stream().filter(o -> o.status() == ExitStatus.LEAKS).count();
        List<JobOutcome> failed = outcomes.stream().filter(Summary::failed).toList();
        out.println("summary: " + outcomes.size() + (outcomes.size() == 1 ? " recording" : " recordings") + " ("
                + plan.fileCount() + (plan.fileCount() == 1 ? " file" : " files") + "): " + ok
                + (dryRun ? " planned (dry run), " : " anonymized, ")
                + leaks + " with leak-check hits, " + failed.size() + " failed");
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
