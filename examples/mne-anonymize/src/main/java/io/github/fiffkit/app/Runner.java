package io.github.fiffkit.app;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.BatchOutputFiles;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.anonymize.report.ReportWriter;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link RunPlan}: the recordings in parallel, each one's report printed when it is done, then, one by one
 * and in order, the questions about deleting or replacing inputs, then the summary.
 */
final class Runner {
    private final AppOptions options;
    private final Io io;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Object printLock = new Object();
    private final Anonymizer anonymizer;
    private final BatchOutputFiles outputs = new BatchOutputFiles();
    private ReportWriter report;
    private IOException reportFailure;
    private int done;
    private int total;
    private boolean barShown;

    /**
     * What happened to one recording.
     *
     * @param job     the recording
     * @param status  its exit status
     * @param results one per part, when it was anonymized
     * @param error   the error line, or {@code null}
     * @param blocker why its inputs must not be deleted or replaced, or {@code null}
     */
    record Outcome(RunPlan.Job job, int status, List<AnonymizationResult> results, String error, String blocker,
            VerifyResult verified) {
        Outcome(RunPlan.Job job, int status, List<AnonymizationResult> results, String error, String blocker) {
            this(job, status, results, error, blocker, null);
        }
    }

    Runner(AppOptions options, Io io, Anonymizer anonymizer) {
        this.options = options;
        this.io = io;
        this.out = io.out();
        this.err = io.err();
        // each output is forced and moved atomically; the folders are synced once per run (syncOutputFolders), not
        // after every move: a batch of small files then costs half the disk flushes
        this.anonymizer = anonymizer.rebuild().outputFiles(outputs).build();
    }

    /** Syncs the folders that received outputs; false, after saying why, when that fails. */
    private boolean syncOutputFolders() {
        try {
            outputs.close();
            return true;
        } catch (IOException e) {
            err.println("mne_anonymize: cannot sync the output folders to disk: " + e.getMessage()
                    + "; no input was deleted or replaced");
            return false;
        }
    }

    private void header() {
        if (options.verbose()) {
            out.println("mne_anonymize (FiffKit) " + Version.get());
            out.println("options: " + options.describe());
        }
    }

    /** Opens the report; false (after saying why) when it cannot be written. */
    private boolean openReport() {
        if (options.report() == null) {
            return true;
        }
        try {
            Report r = Report.of(anonymizer.policy()).withTool("mne_anonymize", Version.get());
            report = new ReportWriter(r, Files.newBufferedWriter(options.report(), StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            err.println("mne_anonymize: cannot write the report: " + MneAnonymize.describe(e, options.report()));
            return false;
        }
    }

    /** Closes the report; the status becomes 3 when it could not be written completely. */
    private int closeReport(int status) {
        if (report == null) {
            return status;
        }
        try {
            report.close();
        } catch (IOException e) {
            reportFailure = reportFailure == null ? e : reportFailure;
        }
        if (reportFailure != null) {
            err.println("mne_anonymize: cannot write the report: "
                    + MneAnonymize.describe(reportFailure, options.report()));
            return status == MneAnonymize.OK || status == MneAnonymize.LEAKS ? MneAnonymize.OUTPUT_FAILED : status;
        }
        return status;
    }

    /**
     * Verifies files: each one is a dry run of the policy that must change nothing holding PHI.
     *
     * @param files the files
     * @return 0 when every file passed, 5 when PHI was found, 2 or 6 when files could not be read
     */
    int verify(List<Path> files) {
        header();
        if (!openReport()) {
            return MneAnonymize.OUTPUT_FAILED;
        }
        if (files.isEmpty()) {
            if (!options.silent()) {
                err.println("mne_anonymize: nothing to verify: no FIFF file (.fif, .fif.gz, .fiff) in "
                        + String.join(", ", options.verify().stream().map(Path::toString).toList()));
            }
            return closeReport(MneAnonymize.OK);
        }
        List<RunPlan.Job> jobs = files.stream()
                .map(f -> new RunPlan.Job(List.of(f), List.of(), List.of(), null, 0)).toList();
        List<Outcome> outcomes = runAll(jobs, List.of(), this::verifyOne);
        int status;
        boolean failed = outcomes.stream().anyMatch(o -> o.verified() == null);
        boolean found = outcomes.stream().anyMatch(o -> o.status() == MneAnonymize.VERIFY_FOUND);
        if (outcomes.size() == 1) {
            status = outcomes.get(0).status();
        } else {
            status = failed ? MneAnonymize.SOME_FAILED : found ? MneAnonymize.VERIFY_FOUND : MneAnonymize.OK;
        }
        if (outcomes.size() > 1 && !options.silent()) {
            long passed = outcomes.stream().filter(o -> o.status() == MneAnonymize.OK).count();
            long phi = outcomes.stream().filter(o -> o.status() == MneAnonymize.VERIFY_FOUND).count();
            out.println("summary: " + outcomes.size() + " files verified: " + passed + " passed, " + phi
                    + " with PHI, " + (outcomes.size() - passed - phi) + " failed");
        }
        status = closeReport(status);
        out.flush();
        err.flush();
        return status;
    }

    private Outcome verifyOne(RunPlan.Job job) {
        Path file = job.first();
        try {
            VerifyResult v = anonymizer.verify(file);
            return new Outcome(job, v.passed() ? MneAnonymize.OK : MneAnonymize.VERIFY_FOUND, List.of(), null, null,
                    v);
        } catch (IOException e) {
            int status = MneAnonymize.statusOf(e);
            return failed(job, status == MneAnonymize.OUTPUT_FAILED ? MneAnonymize.BAD_INPUT : status,
                    MneAnonymize.describe(e, file));
        } catch (RuntimeException e) {
            return failed(job, MneAnonymize.BAD_INPUT, file + ": internal error: " + e);
        }
    }

    int run(RunPlan plan) {
        header();
        if (options.measurementDateOffset() != null && options.measurementDateOffset() == 0 && !options.silent()) {
            err.println("mne_anonymize: warning: --mdo 0 keeps the original measurement dates");
        }
        if (options.subjectBirthdayOffset() != null && options.subjectBirthdayOffset() == 0 && !options.silent()) {
            err.println("mne_anonymize: warning: --sbo 0 keeps the original birthday");
        }
        if (plan.jobs.isEmpty()) {
            // a re-run over a folder that only holds outputs is no error
            if (!options.silent()) {
                err.println("mne_anonymize: nothing to anonymize: no FIFF file (.fif, .fif.gz, .fiff) other than our"
                        + " own outputs in " + String.join(", ", options.inputs().stream().map(Path::toString)
                        .toList()));
            }
            err.flush();
            return MneAnonymize.OK;
        }
        if (!openReport()) {
            return MneAnonymize.OUTPUT_FAILED;
        }
        List<Path> targets = plan.jobs.stream().flatMap(j -> j.writeTo().stream()).toList();
        List<Outcome> outcomes = runAll(plan.jobs, targets, job -> anonymize(job, plan));
        boolean synced = syncOutputFolders();
        if (!options.dryRun() && synced) {
            BufferedReader answers = io.answers();
            for (Outcome o : outcomes) {
                settleInputs(o, answers);
            }
        }
        int status = synced ? status(plan, outcomes) : MneAnonymize.OUTPUT_FAILED;
        if (plan.batch && !options.silent()) {
            summary(plan, outcomes);
        }
        status = closeReport(status);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Runs jobs in parallel, prints each one's outcome when it is done, and returns the outcomes in job order.
     *
     * @param jobs    the jobs
     * @param targets the files they write (their temporary files are removed if the process is cut short)
     * @param work    what to do with one job
     * @return one outcome per job
     */
    private List<Outcome> runAll(List<RunPlan.Job> jobs, List<Path> targets,
            java.util.function.Function<RunPlan.Job, Outcome> work) {
        int n = jobs.size();
        List<Outcome> outcomes = new ArrayList<>();
        if (n == 0) {
            return outcomes;
        }
        int threads = Math.max(1, Math.min(options.jobs(), n));
        // Interrupted (Ctrl-C), the JVM does not run the library's clean-up in the worker threads: remove the
        // temporary files of this run's outputs on the way out, so that no partial output stays behind.
        Thread cleanUp = new Thread(() -> removeTemporaries(targets), "mne_anonymize-cleanup");
        boolean hooked = registerHook(cleanUp);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mne_anonymize-job");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Outcome> cs = new ExecutorCompletionService<>(pool);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (RunPlan.Job job : jobs) {
                futures.add(cs.submit(() -> guarded(job, work)));
            }
            drawBar(n);
            for (int i = 0; i < n; i++) {
                Outcome o;
                try {
                    o = cs.take().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a job failed unexpectedly", e.getCause());
                }
                report(o);
            }
            clearBar();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanUp);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs
                }
            }
        }
        return outcomes;
    }

    /**
     * Runs one job so that nothing it throws reaches the other jobs: an unexpected exception or error (a bug, or
     * an {@link OutOfMemoryError} on a hostile file) fails this file alone, with status 2 (its input could not be
     * processed), and the run goes on to report the others and print its summary.
     */
    static Outcome guarded(RunPlan.Job job, java.util.function.Function<RunPlan.Job, Outcome> work) {
        try {
            return work.apply(job);
        } catch (Throwable e) {
            return failed(job, MneAnonymize.BAD_INPUT, internalError(job.first(), e));
        }
    }

    private static String internalError(Path file, Throwable e) {
        return file + ": internal error: " + e;
    }

    private static boolean registerHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    /**
     * Deletes the anonymizer's temporary files for these outputs ({@code .<name>.fiffkit-<random>.tmp} beside
     * each), which a run cut short leaves behind.
     *
     * @param targets the outputs of a run
     * @return how many were deleted
     */
    static int removeTemporaries(List<Path> targets) {
        int removed = 0;
        for (Path target : targets) {
            Path folder = target.toAbsolutePath().getParent();
            String prefix = "." + target.getFileName() + ".fiffkit-";
            try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(folder,
                    p -> p.getFileName().toString().startsWith(prefix)
                            && OutputFiles.TEMP_NAME.matcher(p.getFileName().toString()).matches())) {
                for (Path temp : ds) {
                    if (Files.deleteIfExists(temp)) {
                        removed++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // best effort on the way out
            }
        }
        return removed;
    }

    private Outcome anonymize(RunPlan.Job job, RunPlan plan) {
        if (job.failure() != null) {
            return new Outcome(job, job.status(), List.of(), job.failure(), "its anonymization failed");
        }
        if (options.dryRun()) {
            List<AnonymizationResult> planned = new ArrayList<>();
            for (Path part : job.inputs()) {
                try {
                    planned.add(anonymizer.plan(part));
                } catch (IOException e) {
                    return failed(job, MneAnonymize.statusOf(e), MneAnonymize.describe(e, part));
                } catch (RuntimeException e) {
                    return failed(job, MneAnonymize.BAD_INPUT, internalError(part, e));
                }
            }
            return new Outcome(job, MneAnonymize.OK, planned, null, "this is a dry run");
        }
        for (Path target : job.writeTo()) {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                if (plan.outputFolder != null || job.replacesInput()) {
                    try {
                        Files.createDirectories(dir);
                    } catch (IOException e) {
                        return failed(job, MneAnonymize.OUTPUT_FAILED, "cannot create the output folder " + dir
                                + ": " + MneAnonymize.describe(e, dir));
                    }
                } else {
                    return failed(job, MneAnonymize.OUTPUT_FAILED, "cannot write " + target + ": the folder " + dir
                            + " does not exist");
                }
            }
        }
        List<AnonymizationResult> results;
        try {
            results = anonymizer.anonymizeRecording(job.inputs(), job.writeTo());
        } catch (IOException e) {
            int status = MneAnonymize.statusOf(e);
            String message = MneAnonymize.describe(e, job.first());
            if (status == MneAnonymize.OUTPUT_FAILED) {
                message = "cannot write " + String.join(", ", job.writeTo().stream().map(Path::toString).toList())
                        + ": " + message;
                if (options.output() == null && (e instanceof java.nio.file.AccessDeniedException
                        || String.valueOf(e.getMessage()).contains("Read-only file system"))) {
                    message += "; use -o to write somewhere else";
                }
            }
            return failed(job, status, message);
        } catch (RuntimeException e) {
            // the library promises not to do this; a bug must still not stop the other files
            return failed(job, MneAnonymize.BAD_INPUT, internalError(job.first(), e));
        }
        boolean leaks = results.stream().anyMatch(AnonymizationResult::hasLeaks);
        String blocker = null;
        if (leaks) {
            blocker = "the leak check found original values in the output";
        } else if (results.stream().anyMatch(r -> !r.warnings().isEmpty())) {
            blocker = "the input raised warnings";
        } else if (options.deleteInput() || job.replacesInput()) {
            blocker = reread(job.writeTo());
        }
        return new Outcome(job, leaks ? MneAnonymize.LEAKS : MneAnonymize.OK, results, null, blocker);
    }

    private static Outcome failed(RunPlan.Job job, int status, String message) {
        return new Outcome(job, status, List.of(), message, "its anonymization failed");
    }

    /** Reads each output back to the end: a file we cannot read is no reason to delete its original. */
    private static String reread(List<Path> outputs) {
        for (Path p : outputs) {
            try (FiffReader r = FiffReader.open(p)) {
                for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                    // the chain only
                }
                if (!r.warnings().isEmpty() || !r.isTerminated()) {
                    return "its output " + p + " reads back with warnings";
                }
            } catch (IOException e) {
                return "its output " + p + " cannot be read back: " + e.getMessage();
            }
        }
        return null;
    }

    /** Prints one recording's lines as soon as it is done, under the progress bar. */
    private void report(Outcome o) {
        synchronized (printLock) {
            clearBar();
            writeReport(o);
            if (o.error() != null) {
                err.println("mne_anonymize: " + o.error());
            } else if (o.verified() != null) {
                printVerified(o.verified());
            } else if (options.dryRun()) {
                printPlanned(o);
            } else {
                for (int i = 0; i < o.results().size(); i++) {
                    AnonymizationResult r = o.results().get(i);
                    Path in = o.job().inputs().get(i);
                    Path written = o.job().writeTo().get(i);
                    if (options.verbose()) {
                        out.println();
                        out.println(in + " -> " + written);
                        for (TagChange c : r.changes()) {
                            out.println("  " + describe(c));
                        }
                        out.println("  " + changed(r));
                    } else if (!options.silent()) {
                        out.println(in + " -> " + written + ": " + changed(r));
                    }
                    if (!options.silent()) {
                        for (String w : r.warnings()) {
                            err.println("mne_anonymize: warning: " + in + ": " + w);
                        }
                    }
                    for (String s : r.notChecked()) {
                        if (options.verbose()) {
                            out.println("  not checked for leaks: " + s);
                        }
                    }
                    for (LeakHit h : r.leaks()) {
                        err.println("mne_anonymize: leak: " + written + ": " + h);
                    }
                }
            }
            out.flush();
            err.flush();
            done++;
            if (done < total) {
                redrawBar();
            }
        }
    }

    private void writeReport(Outcome o) {
        if (report == null || reportFailure != null) {
            return;
        }
        try {
            if (o.error() != null) {
                report.writeFailure(o.job().first().toString(), o.status(), o.error());
            } else if (o.verified() != null) {
                report.write(o.verified());
            } else {
                for (AnonymizationResult r : o.results()) {
                    report.write(r);
                }
            }
            report.flush();
        } catch (IOException e) {
            reportFailure = e;
        }
    }

    private void printVerified(VerifyResult v) {
        if (v.passed()) {
            if (!options.silent()) {
                out.println(v.input() + ": passed");
            }
        } else {
            out.println(v.input() + ": PHI found in " + v.findings().size()
                    + (v.findings().size() == 1 ? " tag" : " tags"));
            for (TagChange c : v.findings()) {
                out.println("  " + (options.verbose() ? describe(c) : c.kindName() + " in " + c.blockPath() + " at "
                        + c.position() + " (" + c.origin() + ": " + c.action() + ")"));
            }
        }
        if (!options.silent()) {
            for (String w : v.warnings()) {
                err.println("mne_anonymize: warning: " + v.input() + ": " + w);
            }
        }
    }

    private void printPlanned(Outcome o) {
        for (int i = 0; i < o.results().size(); i++) {
            AnonymizationResult r = o.results().get(i);
            Path in = o.job().inputs().get(i);
            if (options.verbose()) {
                out.println();
                out.println(in + " (dry run; would write " + o.job().writeTo().get(i) + ")");
                for (TagChange c : r.changes()) {
                    out.println("  " + describe(c));
                }
            }
            if (!options.silent()) {
                long n = r.changes().size();
                out.println(in + " -> " + o.job().writeTo().get(i) + ": " + n + (n == 1 ? " tag" : " tags")
                        + " would change (dry run, nothing written)");
                for (String w : r.warnings()) {
                    err.println("mne_anonymize: warning: " + in + ": " + w);
                }
            }
        }
    }

    private static String changed(AnonymizationResult r) {
        long n = r.changes().size();
        String s = n + (n == 1 ? " tag changed" : " tags changed");
        if (r.hasLeaks()) {
            s += ", " + r.leaks().size() + " leak-check " + (r.leaks().size() == 1 ? "hit" : "hits");
        }
        return s;
    }

    static String describe(TagChange c) {
        String where = c.kindName() + " in " + c.blockPath() + " at " + c.position();
        if (c.action().equals("notCopied")) {
            return where + ": not copied";
        }
        String old = c.oldValue() == null ? "(not recorded)" : c.oldValue();
        String now = c.removed() ? "(removed)" : c.newValue();
        return where + ": " + old + " -> " + now;
    }

    private void drawBar(int jobs) {
        if (!io.interactive() || options.silent() || jobs < 2) {
            return;
        }
        synchronized (printLock) {
            total = jobs;
            redrawBar();
        }
    }

    /** Draws the bar on standard error; only on a terminal, only for several recordings. */
    private void redrawBar() {
        if (total == 0) {
            return;
        }
        int width = 30;
        int fill = done * width / total;
        err.print("\r[" + "#".repeat(fill) + " ".repeat(width - fill) + "] " + done + "/" + total + " recordings");
        err.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            barShown = false;
        }
    }

    /** Deletes or replaces the inputs of a recording, as far as the user asked and the outcome allows. */
    private void settleInputs(Outcome o, BufferedReader answers) {
        RunPlan.Job job = o.job();
        if (job.failure() == null && job.replacesInput() && o.status() != MneAnonymize.OK
                && o.status() != MneAnonymize.LEAKS) {
            return; // nothing was written
        }
        if (job.failure() == null && job.replacesInput()) {
            replaceInputs(o, answers);
            return;
        }
        for (int i = 0; i < job.inputs().size(); i++) {
            Path in = job.inputs().get(i);
            if (options.deleteInput()) {
                if (o.blocker() != null) {
                    err.println("mne_anonymize: not deleting " + in + ", because " + o.blocker());
                } else if (options.avoidDeleteConfirmation() || ask("Delete " + in + "? [y/N] ", answers)) {
                    try {
                        Files.delete(in);
                        if (!options.silent()) {
                            out.println("deleted " + in);
                        }
                    } catch (IOException e) {
                        err.println("mne_anonymize: cannot delete " + in + ": " + MneAnonymize.describe(e, in));
                    }
                } else if (!options.silent()) {
                    out.println("kept " + in);
                }
            }
        }
        out.flush();
    }

    /** An output that is its own input: the anonymized recording replaces it, all parts or none. */
    private void replaceInputs(Outcome o, BufferedReader answers) {
        RunPlan.Job job = o.job();
        Path first = job.first();
        String what = job.inputs().size() == 1 ? first.toString()
                : first + " and its " + (job.inputs().size() - 1) + " other parts";
        String kept = job.inputs().size() == 1 ? job.writeTo().get(0).toString()
                : job.writeTo().get(0).getParent().toString();
        if (o.blocker() != null) {
            err.println("mne_anonymize: " + what + " not replaced, because " + o.blocker()
                    + "; the anonymized output is " + kept);
            return;
        }
        if (!options.avoidDeleteConfirmation()
                && !ask("Replace " + what + " with the anonymized version? [y/N] ", answers)) {
            out.println("kept " + what + "; the anonymized output is " + kept);
            return;
        }
        List<Path> reals = new ArrayList<>();
        for (Path in : job.inputs()) {
            try {
                reals.add(in.toRealPath());
            } catch (IOException e) {
                err.println("mne_anonymize: cannot replace " + in + ": " + MneAnonymize.describe(e, in)
                        + "; the anonymized output is " + kept);
                return;
            }
        }
        try {
            // all parts or none: after a failure every input is as it was and the outputs are still in place
            OutputFiles.commitAll(OutputFiles.DEFAULT, job.writeTo(), reals);
        } catch (IOException e) {
            err.println("mne_anonymize: cannot replace " + what + ": " + MneAnonymize.describe(e, first)
                    + "; nothing was replaced; the anonymized output is " + kept);
            for (Throwable t : e.getSuppressed()) {
                err.println("mne_anonymize: " + t.getMessage());
            }
            return;
        }
        if (job.inputs().size() > 1) {
            try {
                Files.deleteIfExists(job.writeTo().get(0).getParent());
            } catch (IOException e) {
                // an empty folder left behind is harmless
            }
        }
        if (!options.silent()) {
            out.println("replaced " + what + " with the anonymized version");
        }
    }

    private boolean ask(String question, BufferedReader answers) {
        out.flush();
        err.print(question);
        err.flush();
        String line = Io.readLine(answers);
        if (line == null) {
            err.println();
            return false;
        }
        String a = line.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    private int status(RunPlan plan, List<Outcome> outcomes) {
        if (outcomes.size() == 1 && !plan.batch) {
            return outcomes.get(0).status();
        }
        boolean failed = outcomes.stream().anyMatch(o -> o.status() != MneAnonymize.OK
                && o.status() != MneAnonymize.LEAKS);
        if (failed) {
            return MneAnonymize.SOME_FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == MneAnonymize.LEAKS)) {
            return MneAnonymize.LEAKS;
        }
        return MneAnonymize.OK;
    }

    private void summary(RunPlan plan, List<Outcome> outcomes) {
        long ok = outcomes.stream().filter(o -> o.status() == MneAnonymize.OK).count();
        long leaks = outcomes.stream().filter(o -> o.status() == MneAnonymize.LEAKS).count();
        List<Outcome> failed = outcomes.stream().filter(o -> o.status() != MneAnonymize.OK
                && o.status() != MneAnonymize.LEAKS).toList();
        out.println("summary: " + outcomes.size() + (outcomes.size() == 1 ? " recording" : " recordings") + " ("
                + plan.fileCount() + (plan.fileCount() == 1 ? " file" : " files") + "): " + ok
                + (options.dryRun() ? " planned (dry run), " : " anonymized, ")
                + leaks + " with leak-check hits, " + failed.size() + " failed");
        for (Outcome o : failed) {
            out.println("  failed: " + o.job().first() + " (status " + o.status() + ")");
        }
    }
}
