package io.github.fiffkit.app;

import io.github.fiffkit.anonymize.AnonymizationResult;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.BatchOutputFiles;
import io.github.fiffkit.anonymize.LeakHit;
import io.github.fiffkit.anonymize.TagChange;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    record Outcome(RunPlan.Job job, int status, List<AnonymizationResult> results, String error, String blocker) {
    }

    Runner(AppOptions options, Io io) {
        this.options = options;
        this.io = io;
        this.out = io.out();
        this.err = io.err();
    }

    int run(RunPlan plan) {
        if (options.verbose()) {
            out.println("mne_anonymize (FiffKit) " + Version.get());
            out.println("options: " + options.describe());
        }
        if (options.measurementDateOffset() != null && options.measurementDateOffset() == 0 && !options.silent()) {
            err.println("mne_anonymize: warning: --mdo 0 keeps the original measurement dates");
        }
        if (options.subjectBirthdayOffset() != null && options.subjectBirthdayOffset() == 0 && !options.silent()) {
            err.println("mne_anonymize: warning: --sbo 0 keeps the original birthday");
        }
        // each output is forced and moved atomically; its folder is synced once for the whole run, here, before
        // any input is deleted or replaced (not after every move: a batch of small files then costs half the flushes)
        BatchOutputFiles files = new BatchOutputFiles();
        List<Outcome> outcomes = anonymizeAll(plan, options.anonymizer().rebuild().outputFiles(files).build());
        try {
            files.close();
        } catch (IOException e) {
            err.println("mne_anonymize: cannot sync the output folders to disk: " + e.getMessage()
                    + "; no input was deleted or replaced");
            out.flush();
            err.flush();
            return MneAnonymize.OUTPUT_FAILED;
        }
        BufferedReader answers = io.answers();
        for (Outcome o : outcomes) {
            settleInputs(o, answers);
        }
        int status = status(plan, outcomes);
        if (plan.batch && !options.silent()) {
            summary(plan, outcomes);
        }
        out.flush();
        err.flush();
        return status;
    }

    private List<Outcome> anonymizeAll(RunPlan plan, Anonymizer anonymizer) {
        int n = plan.jobs.size();
        List<Outcome> outcomes = new ArrayList<>();
        if (n == 0) {
            return outcomes;
        }
        int threads = Math.max(1, Math.min(options.jobs(), n));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mne_anonymize-job");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Outcome> cs = new ExecutorCompletionService<>(pool);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (RunPlan.Job job : plan.jobs) {
                futures.add(cs.submit(() -> anonymize(job, anonymizer, plan)));
            }
            drawBar(plan);
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
        }
        return outcomes;
    }

    private Outcome anonymize(RunPlan.Job job, Anonymizer anonymizer, RunPlan plan) {
        if (job.failure() != null) {
            return new Outcome(job, job.status(), List.of(), job.failure(), "its anonymization failed");
        }
        for (Path target : job.writeTo()) {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                if (plan.outputFolder != null) {
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
                if (options.output() == null && e instanceof java.nio.file.AccessDeniedException) {
                    message += "; use -o to write somewhere else";
                }
            }
            return failed(job, status, message);
        } catch (RuntimeException e) {
            // the library promises not to do this; a bug must still not stop the other files
            return failed(job, MneAnonymize.OUTPUT_FAILED, job.first() + ": internal error: " + e);
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
            if (o.error() != null) {
                err.println("mne_anonymize: " + o.error());
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

    private void drawBar(RunPlan plan) {
        if (!io.interactive() || options.silent() || plan.jobs.size() < 2) {
            return;
        }
        synchronized (printLock) {
            total = plan.jobs.size();
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
        for (int i = 0; i < job.inputs().size(); i++) {
            Path in = job.inputs().get(i);
            boolean replace = job.failure() == null && !job.writeTo().isEmpty()
                    && !job.writeTo().get(i).equals(job.outputs().get(i));
            if (replace) {
                Path kept = job.writeTo().get(i);
                if (o.blocker() != null) {
                    err.println("mne_anonymize: " + in + " is not replaced, because " + o.blocker()
                            + "; the anonymized output is " + kept);
                } else if (options.avoidDeleteConfirmation() || ask("Replace " + in + " with its anonymized version? "
                        + "[y/N] ", answers)) {
                    try {
                        Path real = in.toRealPath();
                        try {
                            Files.move(kept, real, StandardCopyOption.ATOMIC_MOVE,
                                    StandardCopyOption.REPLACE_EXISTING);
                        } catch (AtomicMoveNotSupportedException e) {
                            Files.move(kept, real, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (!options.silent()) {
                            out.println("replaced " + in + " with its anonymized version");
                        }
                    } catch (IOException e) {
                        err.println("mne_anonymize: cannot replace " + in + ": " + MneAnonymize.describe(e, in)
                                + "; the anonymized output is " + kept);
                    }
                } else {
                    out.println("kept " + in + "; the anonymized output is " + kept);
                }
            } else if (options.deleteInput()) {
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
                + plan.fileCount() + (plan.fileCount() == 1 ? " file" : " files") + "): " + ok + " anonymized, "
                + leaks + " with leak-check hits, " + failed.size() + " failed");
        for (Outcome o : failed) {
            out.println("  failed: " + o.job().first() + " (status " + o.status() + ")");
        }
    }
}
