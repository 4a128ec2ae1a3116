package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Canary;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over the testkit's canary files: for many seeds and every preset, no personal value the preset
 * promises to change survives anywhere in the output bytes, the values a preset documents that it keeps are still
 * there, and every tag that holds no personal value is bit-identical.
 */
class CanaryPropertyTest {
    private static final int SEEDS = 60;

    /**
     * What each preset keeps with its default options, from its documentation ({@link Preset}): the
     * {@code mne-anonymize} table changes weight, height, project id, name, aim and comment and the MNE
     * environment only with {@code brute}, and never touches the UTC offset, the device or the helium block;
     * {@code mne-python} changes the subject comment, project aim, persons and comment and the MNE environment only
     * with {@code brute}; {@code strict} keeps nothing.
     */
    private static final Map<Preset, Set<Integer>> KEPT = Map.of(
            Preset.MNE_ANONYMIZE, Set.of(FiffKind.SUBJ_WEIGHT, FiffKind.SUBJ_HEIGHT, FiffKind.PROJ_ID,
                    FiffKind.PROJ_NAME, FiffKind.PROJ_AIM, FiffKind.PROJ_COMMENT, FiffKind.MNE_ENV_WORKING_DIR,
                    FiffKind.MNE_ENV_COMMAND_LINE, FiffKind.UTC_OFFSET, FiffKind.DEVICE_SERIAL,
                    FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID),
            Preset.MNE_PYTHON, Set.of(FiffKind.SUBJ_COMMENT, FiffKind.PROJ_AIM, FiffKind.PROJ_PERSONS,
                    FiffKind.PROJ_COMMENT, FiffKind.MNE_ENV_WORKING_DIR, FiffKind.MNE_ENV_COMMAND_LINE),
            Preset.STRICT, Set.of());

    @TempDir
    Path tmp;

    static Stream<Arguments> seedsAndPresets() {
        List<Arguments> args = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            for (Preset p : Preset.values()) {
                args.add(Arguments.of(seed, p));
            }
        }
        return args.stream();
    }

    private static boolean kept(Preset preset, Canary c) {
        return !c.hidden() && KEPT.get(preset).containsAll(c.kinds());
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndPresets")
    void noCanaryLeaksAndEveryOtherTagIsUnchanged(long seed, Preset preset) throws IOException {
        assertNoLeakAndPlainTagsUnchanged(SyntheticFiff.builder(seed).randomFlavour().canaries(true).generate(),
                preset);
    }

    static Stream<Arguments> variantsAndPresets() {
        List<Arguments> args = new ArrayList<>();
        for (SyntheticFiff.Variant v : SyntheticFiff.Variant.values()) {
            for (Preset p : Preset.values()) {
                args.add(Arguments.of(v, p));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("variantsAndPresets")
    void eachVariantAloneLeaksNothing(SyntheticFiff.Variant variant, Preset preset) throws IOException {
        for (long seed = 100; seed < 103; seed++) {
            assertNoLeakAndPlainTagsUnchanged(SyntheticFiff.builder(seed).variants(variant).canaries(true)
                    .hiddenTags(1).generate(), preset);
        }
    }

    private void assertNoLeakAndPlainTagsUnchanged(Generated g, Preset preset) throws IOException {
        long seed = g.seed();
        Path in = g.write(tmp.resolve("in_raw.fif"));
        Path out = tmp.resolve("out_raw.fif");
        try {
            Anonymizer.builder().preset(preset).build().anonymize(in, out);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("seed " + seed + ", " + preset + ": " + e + "\n" + g.listing(), e);
        }
        byte[] output = Files.readAllBytes(out);
        List<String> leaks = new ArrayList<>();
        for (Canary c : g.canaries()) {
            long at = c.findIn(output);
            if (kept(preset, c)) {
                assertTrue(at >= 0, "seed " + seed + ", " + preset + " documents that it keeps " + c);
            } else if (at >= 0) {
                leaks.add(c + " at offset " + at);
            }
        }
        if (!leaks.isEmpty()) {
            fail("seed " + seed + ", " + preset + " leaks " + leaks + "\n" + g.listing());
        }
        assertEquals(nonPersonalTags(in), nonPersonalTags(out), "seed " + seed + ", " + preset
                + ": tags without personal values are bit-identical\n" + g.listing());
    }

    /** A tenth of the seeds: a recording is three anonymizations. */
    static Stream<Arguments> recordingSeedsAndPresets() {
        return seedsAndPresets().filter(a -> (long) a.get()[0] % 6 == 0);
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("recordingSeedsAndPresets")
    void splitRecordingsAreFoundWholeAndLeakNothing(long seed, Preset preset) throws IOException {
        SyntheticFiff.Builder b = SyntheticFiff.builder(seed).randomFlavour().canaries(true);
        Path inDir = Files.createDirectories(tmp.resolve("in"));
        List<Path> inputs = b.writeRecording(inDir, 3, "run1_raw.fif");
        List<Generated> parts = b.generateRecording(3, "run1_raw.fif");
        assertEquals(inputs, SplitRecording.parts(inputs.get(1)), "the parts are found from the middle one");
        List<Path> outputs = SplitRecording.outputNames(Files.createDirectories(tmp.resolve("out"))
                .resolve("run1_raw.fif"), 3);
        Anonymizer.builder().preset(preset).build().anonymizeRecording(inputs, outputs);
        for (Path out : outputs) {
            byte[] output = Files.readAllBytes(out);
            for (Generated g : parts) {
                for (Canary c : g.canaries()) {
                    if (!kept(preset, c)) {
                        assertEquals(-1, c.findIn(output), "seed " + seed + ", " + preset + ": " + c + " in "
                                + out.getFileName() + "\n" + g.listing());
                    }
                }
            }
        }
        assertEquals(outputs, SplitRecording.parts(outputs.get(2)), "the outputs are linked as the inputs were");
    }

    /** One tag without personal values: kind, type, block path and data. */
    private record Plain(int kind, int type, BlockPath path, List<Byte> data) {
    }

    private static List<Plain> nonPersonalTags(Path file) throws IOException {
        Set<Integer> skip = new HashSet<>(SyntheticFiff.personalKinds());
        skip.addAll(List.of(FiffKind.DIR_POINTER, FiffKind.DIR, FiffKind.FREE_LIST, FiffKind.NOP));
        List<Plain> tags = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (!skip.contains(t.kind())) {
                    byte[] d = r.readData();
                    Byte[] boxed = new Byte[d.length];
                    Arrays.setAll(boxed, i -> d[i]);
                    tags.add(new Plain(t.kind(), t.type(), r.blockPath(), List.of(boxed)));
                }
            }
        }
        return tags;
    }
}
