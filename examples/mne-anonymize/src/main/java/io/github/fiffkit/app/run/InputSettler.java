package io.github.fiffkit.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step of {@link RecordingRun}, after every recording of the run is done and the output folders are
 * synced: delete the inputs that {@code -d} asked to delete, or replace an input by its own output, each only when
 * the outcome allows it (written, no leak-check hit, no warning, read back cleanly) and the user agrees.
 */
public final class InputSettler {
    private final FileOps files;
    private final boolean deleteInputs;
    private int questionsAhead;

    /** How the user is asked and told. */
    public interface Dialog {
        /**
         * @param question a yes/no question
         * @return true when the user agrees
         */
        boolean confirm(String question);

        /** @param line what was done (a front-end may leave it out when asked to be silent) */
        void info(String line);

        /** @param line what was done in answer to a question, shown even when silent */
        void answer(String line);

        /** @param line why something asked for was not done */
        void problem(String line);
    }

    /**
     * What became of a recording's inputs.
     *
     * @param deleted            the inputs deleted
     * @param keptAgainstRequest true when an input that was to be deleted or replaced is still there because the
     *                           outcome or the file system did not allow it (not because the user said no)
     */
    public record Settled(List<Path> deleted, boolean keptAgainstRequest) {
        /** Copies the list. */
        public Settled {
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * @param files        the file layer
     * @param deleteInputs {@code -d}
     */
    public InputSettler(FileOps files, boolean deleteInputs) {
        this.files = files;
        this.deleteInputs = deleteInputs;
    }

    /**
     * Counts the deletion questions the run will ask, so that each but the last offers "a" (yes to all the
     * remaining files).
     *
     * @param outcomes every outcome of the run, to be settled in this order
     */
    public void expect(List<JobOutcome> outcomes) {
        questionsAhead = 0;
        if (deleteInputs) {
            for (JobOutcome o : outcomes) {
                if (!o.job().replacesInput() && o.blocker() == null) {
                    questionsAhead += o.job().inputs().size();
                }
            }
        }
    }

    /**
     * Deletes or replaces the inputs of one recording, as far as the user asked and the outcome allows.
     *
     * @param o      the recording's outcome
     * @param dialog how to ask and tell
     * @return what became of the inputs
     */
    public Settled settle(JobOutcome o, Dialog dialog) {
        Job job = o.job();
        if (job.replacesInput()) {
            if (!o.written()) {
                return new Settled(List.of(), false); // nothing was written, the failure is reported
            }
            return replace(o, dialog);
        }
        if (!deleteInputs) {
            return new Settled(List.of(), false);
        }
        List<Path> deleted = new ArrayList<>();
        boolean refused = false;
        for (Path in : job.inputs()) {
            if (o.blocker() != null) {
                dialog.problem("not deleting " + in + ", because " + o.blocker());
                refused = true;
            } else if (isAnOutput(in, job)) {
                dialog.problem("not deleting " + in + ", because it is also an output");
                refused = true;
            } else if (dialog.confirm("Delete " + in + (questionsAhead-- > 1 ? "? [y/N/a] " : "? [y/N] "))) {
                try {
                    files.delete(in);
                    deleted.add(in);
                    dialog.info("deleted " + in);
                } catch (IOException e) {
                    dialog.problem("cannot delete " + in + ": " + ExitStatus.describe(e, in));
                    refused = true;
                }
            } else {
                dialog.info("kept " + in);
            }
        }
        return new Settled(deleted, refused);
    }

    private static boolean isAnOutput(Path in, Job job) {
        for (Path out : job.outputs()) {
            try {
                if (Files.exists(out) && Files.isSameFile(out, in)) {
                    return true;
                }
            } catch (IOException e) {
                return true; // cannot tell: keep it
            }
        }
        return false;
    }

    /** An output that is its own input: the anonymized recording replaces it, all parts or none. */
    private Settled replace(JobOutcome o, Dialog dialog) {
        Job job = o.job();
        Path first = job.first();
        String what = job.inputs().size() == 1 ? first.toString()
                : first + " and its " + (job.inputs().size() - 1) + " other parts";
        String kept = job.inputs().size() == 1 ? job.writeTo().get(0).toString()
                : job.writeTo().get(0).getParent().toString();
        if (o.blocker() != null) {
            dialog.problem(what + " not replaced, because " + o.blocker() + "; the anonymized output is " + kept);
            return new Settled(List.of(), true);
        }
        if (!dialog.confirm("Replace " + what + " with the anonymized version? [y/N] ")) {
            dialog.answer("kept " + what + "; the anonymized output is " + kept);
            return new Settled(List.of(), false);
        }
        List<Path> reals = new ArrayList<>();
        for (Path in : job.inputs()) {
            try {
                reals.add(in.toRealPath());
            } catch (IOException e) {
                dialog.problem("cannot replace " + in + ": " + ExitStatus.describe(e, in)
                        + "; the anonymized output is " + kept);
                return new Settled(List.of(), true);
            }
        }
        try {
            // all parts or none: after a failure every input is as it was and the outputs are still in place
            files.replaceAll(job.writeTo(), reals);
        } catch (IOException e) {
            dialog.problem("cannot replace " + what + ": " + ExitStatus.describe(e, first)
                    + "; nothing was replaced; the anonymized output is " + kept);
            for (Throwable t : e.getSuppressed()) {
                dialog.problem(String.valueOf(t.getMessage()));
            }
            return new Settled(List.of(), true);
        }
        if (job.inputs().size() > 1) {
            try {
                Files.deleteIfExists(job.writeTo().get(0).getParent());
            } catch (IOException e) {
                // an empty folder left behind is harmless
            }
        }
        dialog.info("replaced " + what + " with the anonymized version");
        return new Settled(List.of(), false);
    }
}
