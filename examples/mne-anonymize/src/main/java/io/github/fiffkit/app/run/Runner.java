package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.output.BatchOutputFiles;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.app.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a {@link RunPlan} on the command line: the recordings in parallel through {@link RecordingRun}, each one's
 * lines printed when it is done, then the output folders synced, then, one by one and in order, the questions
 * about deleting or replacing inputs ({@link InputSettler}), then the summary.
 */
public final class Runner {
    private final AppOptions options;
    private final Io io;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Object printLock = new Object();
    private final Anonymizer anonymizer;
    private final BatchOutputFiles outputs;
    private final FileOps files;
    private final RecordingRun recordings;
    private final OutcomePrinter printer;
    private final ProgressBar bar;
    private ReportLog report;

    /**
     * A runner on the real file system.
     *
     * @param options    the run's options
     * @param io         where it talks to its user
     * @param anonymizer the anonymizer built from the options
     */
    public Runner(AppOptions options, Io io, Anonymizer anonymizer) {
        this(options, io, anonymizer, FileOps.SYSTEM);
    }

    /**
     * A runner on a given file layer.
     *
     * @param options    the run's options
     * @param io         where it talks to its user
     * @param anonymizer the anonymizer built from the options
     * @param files      the file layer: folders, read-back, replacement, deletion, the report
     */
    public Runner(AppOptions options, Io io, Anonymizer anonymizer, FileOps files) {
        this.options = options;
        this.io = io;
        this.out = io.out();
        this.err = io.err();
        this.files = files;
        // each output is forced and moved atomically; the folders are synced once per run (syncOutputFolders), not
        // after every move: a batch of small files then costs half the disk flushes
        this.outputs = new BatchOutputFiles(files::syncFolder);
        this.anonymizer = anonymizer.rebuild().outputFiles(outputs).build();
        this.recordings = new RecordingRun(this.anonymizer, options.run(), files, options.output() != null);
        this.printer = new OutcomePrinter(options, out, err);
        this.bar = new ProgressBar(err, io.interactive() && !options.silent());
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
            report = ReportLog.open(Report.of(anonymizer.policy()).withTool("mne_anonymize", Version.get()),
                    options.report(), files);
            return true;
        } catch (IOException e) {
            err.println("mne_anonymize: cannot write the report: " + ExitStatus.describe(e, options.report()));
            return false;
        }
    }

    private int closeReport(int status) {
        return report == null ? status : report.close(err, status);
    }

    /**
     * Verifies files: each one is a dry run of the policy that must change nothing holding PHI.
     *
     * @param given the files
     * @return 0 when every file passed, 5 when PHI was found, 2 or 6 when files could not be read
     */
    public int verify(List<Path> given) {
        header();
        if (!openReport()) {
            return ExitStatus.OUTPUT_FAILED;
        }
        if (given.isEmpty()) {
            if (!options.silent()) {
                err.println("mne_anonymize: nothing to verify: no FIFF file (.fif, .fif.gz, .fiff) in "
                        + String.join(", ", options.verify().stream().map(Path::toString).toList()));
            }
            return closeReport(ExitStatus.OK);
        }
        List<Job> jobs = given.stream().map(f -> Job.of(List.of(f), List.of(), false)).toList();
        return verified(runAll(jobs, List.of(), job -> Verification.alone(anonymizer, job)), false);
    }

    /**
     * Verifies outputs against their originals ({@code --verify OUT --original IN}): the policy replay and the
     * leak check, pair by pair.
     *
     * @param pairs the outputs and their originals
     * @return 0 when every pair passed, 5 when PHI was found, 6 when a pair could not be read or had no original
     */
    public int verifyAgainstOriginals(List<VerifyPairs.Pair> pairs) {
        header();
        if (!openReport()) {
            return ExitStatus.OUTPUT_FAILED;
        }
        if (pairs.isEmpty()) {
            if (!options.silent()) {
                err.println("mne_anonymize: nothing to verify: no FIFF file (.fif, .fif.gz, .fiff) in "
                        + String.join(", ", options.verify().stream().map(Path::toString).toList()));
            }
            return closeReport(ExitStatus.OK);
        }
        List<Job> jobs = pairs.stream().map(p -> p.original() == null
                ? Job.failed(p.output(), p.missing(), ExitStatus.BAD_INPUT)
                : Job.of(List.of(p.output()), List.of(p.original()), false)).toList();
        return verified(runAll(jobs, List.of(), job -> Verification.pair(anonymizer, job)), true);
    }

    /** The status, the summary and the limits of a verify run. */
    private int verified(List<JobOutcome> outcomes, boolean pairs) {
        int status = Summary.verifyStatus(outcomes);
        if (pairs && outcomes.stream().anyMatch(o -> o.verified() == null)) {
            status = ExitStatus.SOME_FAILED; // a pair that cannot be read is a failed comparison of two files
        }
        if (outcomes.size() > 1 && !options.silent()) {
            out.println(Summary.verifyLine(outcomes));
        }
        if (!options.silent()) {
            outcomes.stream().filter(o -> o.verified() != null).flatMap(o -> o.verified().limits().stream())
                    .distinct().forEach(limit -> out.println("not checked: " + limit));
        }
        status = closeReport(status);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Anonymizes the recordings of a plan, then deletes or replaces inputs as asked.
     *
     * @param plan the plan
     * @return the run's exit status
     */
    public int run(RunPlan plan) {
        header();
        if (plan.jobs().isEmpty()) {
            // a re-run over a folder that only holds outputs is no error
            if (!options.silent()) {
                err.println("mne_anonymize: nothing to anonymize: no FIFF file (.fif, .fif.gz, .fiff) other than our"
                        + " own outputs in " + String.join(", ", options.inputs().stream().map(Path::toString)
                        .toList()));
            }
            err.flush();
            return ExitStatus.OK;
        }
        if (!openReport()) {
            return ExitStatus.OUTPUT_FAILED;
        }
        List<Path> targets = plan.jobs().stream().flatMap(j -> j.writeTo().stream()).toList();
        Set<KeptTagsHint.Kept> kept = ConcurrentHashMap.newKeySet();
        List<JobOutcome> outcomes = runAll(plan.jobs(), targets, job -> withHint(recordings.anonymize(job), kept));
        boolean synced = syncOutputFolders();
        int notDeleted = 0;
        if (!options.dryRun() && synced) {
            InputSettler settler = new InputSettler(files, options.deleteInput());
            settler.expect(outcomes);
            InputSettler.Dialog dialog = new ConsoleDialog(options, io, io.answers());
            for (JobOutcome o : outcomes) {
                if (settler.settle(o, dialog).keptAgainstRequest()) {
                    notDeleted++;
                }
                out.flush();
            }
        }
        int status = synced ? Summary.status(plan, outcomes, notDeleted) : ExitStatus.OUTPUT_FAILED;
        if (plan.batch() && !options.silent()) {
            Summary.print(out, plan, outcomes, options.dryRun(), options.deleteInput() && !options.dryRun()
                    ? notDeleted : null);
        }
        String hint = KeptTagsHint.line(kept, options.run().policyFile() != null);
        if (hint != null && !options.silent()) {
            out.println(hint);
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
    private List<JobOutcome> runAll(List<Job> jobs, List<Path> targets, Function<Job, JobOutcome> work) {
        int n = jobs.size();
        List<JobOutcome> outcomes = new ArrayList<>();
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
            ExecutorCompletionService<JobOutcome> cs = new ExecutorCompletionService<>(pool);
            List<Future<JobOutcome>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(cs.submit(() -> guarded(job, work)));
            }
            synchronized (printLock) {
                bar.start(n);
            }
            for (int i = 0; i < n; i++) {
                done(cs.take().get());
            }
            synchronized (printLock) {
                bar.clear();
            }
            for (Future<JobOutcome> f : futures) {
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
     * Adds what a written (or planned) recording's inputs hold in tags that the policy keeps although they often
     * hold names or paths; the hint at the end names them. Not when silent: nobody would read it.
     */
    private JobOutcome withHint(JobOutcome o, Set<KeptTagsHint.Kept> kept) {
        if (!options.silent() && o.written()) {
            for (Path in : o.job().inputs()) {
                try {
                    kept.addAll(KeptTagsHint.scan(in, anonymizer.policy()));
                } catch (IOException | RuntimeException e) {
                    // the input was just read in full; a hint is not worth a second report of its trouble
                }
            }
        }
        return o;
    }

    /** Reports one recording as soon as it is done, under the progress bar. */
    private void done(JobOutcome o) {
        synchronized (printLock) {
            bar.clear();
            if (report != null) {
                report.write(o);
            }
            printer.print(o);
            bar.advance();
        }
    }

    /**
     * Runs one job so that nothing it throws reaches the other jobs: an unexpected exception or error (a bug, or
     * an {@link OutOfMemoryError} on a hostile file) fails this file alone, with status 2 (its input could not be
     * processed), and the run goes on to report the others and print its summary.
     *
     * @param job  the job
     * @param work what to do with it
     * @return its outcome
     */
    static JobOutcome guarded(Job job, Function<Job, JobOutcome> work) {
        try {
            return work.apply(job);
        } catch (Throwable e) {
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, RecordingRun.internalError(job.first(), e));
        }
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
    public static int removeTemporaries(List<Path> targets) {
        int removed = 0;
        for (Path target : targets) {
            Path folder = target.toAbsolutePath().getParent();
            String prefix = "." + target.getFileName() + ".fiffkit-";
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder,
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
}
