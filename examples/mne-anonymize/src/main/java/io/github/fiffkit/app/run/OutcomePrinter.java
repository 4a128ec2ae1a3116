package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The lines the command line prints for each recording as soon as it is done: what changed (every field with
 * {@code -v}), warnings, leak-check hits, errors; a dry run's plan; a verify result. Old values appear only with
 * {@code -v}, where the anonymizer recorded them.
 */
final class OutcomePrinter {
    private final AppOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    OutcomePrinter(AppOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    void print(JobOutcome o) {
        if (o.error() != null) {
            err.println("mne_anonymize: " + o.error());
        } else if (o.verified() != null) {
            printVerified(o.verified());
        } else if (options.dryRun()) {
            if (options.verbose()) {
                o.replaced().forEach(f -> out.println("would replace existing " + f));
            }
            printPlanned(o);
        } else {
            if (options.verbose()) {
                o.replaced().forEach(f -> out.println("replacing existing " + f));
            }
            for (int i = 0; i < o.results().size(); i++) {
                printWritten(o.results().get(i), o.job().inputs().get(i), o.job().writeTo().get(i));
            }
        }
        out.flush();
        err.flush();
    }

    private void printWritten(AnonymizationResult r, Path in, Path written) {
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

    private void printVerified(VerifyResult v) {
        String against = v.original() == null ? "" : " (against " + v.original() + ")";
        if (v.passed()) {
            if (!options.silent()) {
                out.println(v.input() + ": passed" + against);
            }
        } else {
            int phi = v.phiFindings().size();
            int shifts = v.wrongShifts().size();
            String wrong = shifts + (shifts == 1 ? " date" : " dates") + " not moved by the subject's own offset";
            String tags = phi + (phi == 1 ? " tag" : " tags");
            if (phi == 0 && v.leaks().isEmpty()) {
                // a wrong secret, range or table: the dates are moved, only not by this subject's offset
                out.println(v.input() + ": wrong date shift" + against + ": " + wrong);
            } else {
                out.println((!v.leakChecked() ? v.input() + ": PHI found in " + tags
                        : v.input() + ": PHI found" + against + ": " + tags + " the policy would change, "
                                + v.leaks().size() + (v.leaks().size() == 1 ? " original value" : " original values")
                                + " found") + (shifts == 0 ? "" : "; " + wrong));
            }
            for (TagChange c : v.findings()) {
                out.println("  " + (options.verbose() ? describe(c) : c.kindName() + " in " + c.blockPath() + " at "
                        + c.position() + " (" + c.origin() + ": " + c.action() + ")"));
            }
            for (LeakHit h : v.leaks()) {
                out.println("  leak: " + h);
            }
        }
        if (options.verbose()) {
            for (String s : v.notChecked()) {
                out.println("  not searched (too short): " + s);
            }
        }
        if (!options.silent()) {
            for (String w : v.warnings()) {
                err.println("mne_anonymize: warning: " + v.input() + ": " + w);
            }
        }
    }

    private void printPlanned(JobOutcome o) {
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
            Path target = o.job().writeTo().get(i);
            if (!options.silent()) {
                long n = r.changes().size();
                String hits = r.hasLeaks() ? ", " + r.leaks().size() + " leak-check "
                        + (r.leaks().size() == 1 ? "hit" : "hits") : "";
                out.println(in + " -> " + target + ": " + n + (n == 1 ? " tag" : " tags") + " would change" + hits
                        + " (dry run, nothing written)");
                for (String w : r.warnings()) {
                    err.println("mne_anonymize: warning: " + in + ": " + w);
                }
            }
            for (LeakHit h : r.leaks()) {
                err.println("mne_anonymize: leak: " + target + ": " + h);
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

    /**
     * @param c a change
     * @return the change as {@code -v} prints it: where, old value (when recorded), new value
     */
    static String describe(TagChange c) {
        String where = c.kindName() + " in " + c.blockPath() + " at " + c.position();
        if (c.action().equals("notCopied")) {
            return where + ": not copied";
        }
        String old = c.oldValue() == null ? "(not recorded)" : c.oldValue();
        String now = c.removed() ? "(removed)" : c.newValue();
        return where + ": " + old + " -> " + now;
    }
}
