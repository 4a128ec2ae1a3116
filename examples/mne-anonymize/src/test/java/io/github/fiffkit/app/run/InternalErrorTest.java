package io.github.fiffkit.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unexpected failure inside the library fails its own file only; the others go on and the summary is printed. */
class InternalErrorTest {
    @TempDir
    Path dir;

    /** Replaces the first name, except in files named "boom", where it fails as a bug or a full heap would. */
    private static final class Failing implements TagAction {
        private final Throwable failure;
        private final TagAction replace = Actions.replace("mne_anonymize");

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            if (ctx.source().contains("boom")) {
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
            try {
                return replace.apply(ctx);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String name() {
            return "replace";
        }
    }

    private String[] runBoth(Throwable failure) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.small(in.resolve("a_raw.fif"), "gain 1");
        TestFiles.small(in.resolve("boom_raw.fif"), "gain 2");
        TestFiles.small(in.resolve("c_raw.fif"), "gain 3");
        Policy policy = Policy.builder("failing").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_FIRST_NAME), new Failing(failure))).build();
        Anonymizer anonymizer = Anonymizer.builder().policy(policy).build();
        AppOptions options = AppOptions.defaults(List.of(in));
        RunPlan plan = RunPlan.make(options);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                false);
        int status = new Runner(options, io, anonymizer).run(plan);
        return new String[] {Integer.toString(status), out.toString(), err.toString(), in.toString()};
    }

    private static void check(String[] r) {
        String all = r[1] + r[2];
        assertEquals("6", r[0], all);
        assertTrue(all.contains("boom_raw.fif: internal error: "), all);
        assertTrue(r[1].contains("summary: 3 recordings (3 files): 2 anonymized, 0 with leak-check hits, 1 failed"),
                all);
        assertTrue(r[1].contains("boom_raw.fif (status 2)"), all);
        Path in = Path.of(r[3]);
        assertTrue(anyAnon(in, "a_raw"), all);
        assertTrue(anyAnon(in, "c_raw"), all);
        assertFalse(anyAnon(in, "boom_raw"), all);
    }

    private static boolean anyAnon(Path in, String base) {
        try (var s = Files.list(in)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(base) && !p.getFileName().toString()
                    .equals(base + ".fif"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOutOfMemoryErrorFailsItsFileAlone() throws Exception {
        check(runBoth(new OutOfMemoryError("simulated")));
    }

    @Test
    void aRuntimeExceptionFailsItsFileAloneWithStatusTwo() throws Exception {
        check(runBoth(new IllegalArgumentException("simulated bug")));
    }
}
