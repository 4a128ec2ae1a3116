package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.logs.CapturedLogs.Event;
import io.github.fiffkit.anonymize.logs.CapturedLogs;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.testkit.Canary;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What the library logs through SLF4J, captured by the test provider in {@code io.github.fiffkit.anonymize.logs}:
 * input warnings, kept personal tags and leak-check hits at WARN, each decision at DEBUG, and never an original
 * value at any level, even when the results keep old values.
 */
class LoggingTest {
    @TempDir
    Path dir;

    @Test
    void theTestProviderIsTheOneSlf4jUses() {
        assertEquals("io.github.fiffkit.anonymize.logs.CapturingProvider$CapturingLogger",
                LoggerFactory.getLogger(Anonymizer.class).getClass().getName());
    }

    static Stream<Arguments> seedsAndPresets() {
        List<Arguments> args = new ArrayList<>();
        for (long seed = 0; seed < 12; seed++) {
            for (Preset p : Preset.values()) {
                args.add(Arguments.of(seed, p));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndPresets")
    void noCanaryValueIsLoggedAtAnyLevel(long seed, Preset preset) throws Exception {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().canaries(true).hiddenTags(1).generate();
        Path in = g.write(dir.resolve("in_raw.fif"));
        Path out = dir.resolve("out_raw.fif");
        Anonymizer a = Anonymizer.builder().preset(preset).leakCheck(true).recordOldValues(true).build();
        List<Event> events = CapturedLogs.during(() -> {
            a.anonymize(in, out);
            a.plan(in);
            a.verify(out);
            a.verify(in);
            a.verify(out, in);
            a.verify(in, in);
        });
        assertTrue(events.stream().anyMatch(e -> e.level() == Level.DEBUG), "decisions are logged");
        List<String> found = new ArrayList<>();
        for (Canary c : g.canaries()) {
            for (String needle : c.texts()) {
                for (Event e : events) {
                    if (e.everything().toLowerCase(Locale.ROOT).contains(needle)) {
                        found.add(c.field() + " (" + needle + ") in " + e.level() + " " + e.message());
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            fail("seed " + seed + ", " + preset + ": original values in the log:\n" + String.join("\n", found)
                    + "\n" + g.listing());
        }
    }

    @Test
    void warningsKeptPersonalTagsAndLeaksAreWarningsAndEachDecisionIsDebug() throws Exception {
        Phi f = Phi.standard();
        f.terminated = false;
        Path in = f.write(dir.resolve("in.fif"));
        Anonymizer a = Anonymizer.builder().leakCheck(true).recordOldValues(true).build();
        List<Event> events = CapturedLogs.during(() -> a.anonymize(in, dir.resolve("out.fif")));

        assertHas(events, Level.WARN, e -> e.message().contains("the chain ends"), "the reader's warning");
        assertHas(events, Level.WARN, e -> e.message().contains("keeps tags that usually hold personal data")
                && e.message().contains("FIFF_COMMENT in /FIFFB_MEAS/FIFFB_MNE_ANNOTATIONS (unmatched: keep)")
                && e.message().contains("FIFF_DACQ_PARS"), "the kept free text");
        assertHas(events, Level.WARN, e -> e.message().contains("leak check")
                && e.message().contains("FIFF_DACQ_PARS") && e.message().contains("FIFF_SUBJ_LAST_NAME"),
                "the last name left in the acquisition parameters");
        assertHas(events, Level.DEBUG, e -> e.arguments().containsAll(List.of(
                FiffKind.describe(FiffKind.SUBJ_FIRST_NAME), "replace", "preset mne-anonymize", "changed")),
                "the first name's decision");
        assertHas(events, Level.DEBUG, e -> e.arguments().contains(FiffKind.describe(FiffKind.DIR_POINTER))
                && e.arguments().contains("structure"), "the directory pointer's decision");
        assertHas(events, Level.TRACE, e -> e.arguments().contains(FiffKind.describe(FiffKind.DATA_BUFFER)),
                "unmatched tags copied at TRACE");
        assertFalse(events.stream().anyMatch(e -> e.level().toInt() >= Level.WARN.toInt()
                && e.message().contains(FiffKind.describe(FiffKind.DATA_BUFFER))), "bulk data is no warning");

        for (String value : List.of(Phi.FIRST, Phi.LAST, Phi.LAST.toLowerCase(), Phi.HIS, Phi.EXPERIMENTER,
                "SN-99172", "Northfield", "guid-1234-abcd", "violinist", "Tinnitus2019", "Okafor", "4711",
                "jmortensen", "1980-05-17", "2019-03-14", Integer.toString(Phi.MEAS.seconds()),
                Integer.toHexString(Phi.MACHINE0))) {
            for (Event e : events) {
                assertFalse(e.everything().contains(value), () -> value + " logged: " + e.message());
            }
        }
    }

    @Test
    void verifyingLogsNoKeptTagWarning() throws Exception {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().build();
        a.anonymize(in, out);
        List<Event> events = CapturedLogs.during(() -> a.verify(out));
        assertFalse(events.stream().anyMatch(e -> e.level() == Level.WARN), () -> "warnings: " + events);
        assertHas(events, Level.DEBUG, e -> e.arguments().contains(FiffKind.describe(FiffKind.SUBJ_LAST_NAME)),
                "verify's decisions");
    }

    @Test
    void nothingIsLoggedOutsideACapture() throws Exception {
        assertFalse(LoggerFactory.getLogger(Anonymizer.class).isErrorEnabled(), "other tests stay quiet");
    }

    private static void assertHas(List<Event> events, Level level, Predicate<Event> what, String name) {
        assertTrue(events.stream().anyMatch(e -> e.level() == level && what.test(e)),
                () -> name + " at " + level + " not found in:\n" + String.join("\n",
                        events.stream().map(e -> e.level() + " " + e.message()).toList()));
    }
}
