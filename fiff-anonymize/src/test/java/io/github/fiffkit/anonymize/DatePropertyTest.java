package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property over the testkit's seeded files (each seed draws parts, odd encodings, jumps, hidden tags, ...): an
 * offset of N days followed by one of -N days gives back every date of the file. (Idempotence of the fixed-value
 * presets is {@link IdempotencePropertyTest}'s.)
 */
class DatePropertyTest {
    private static final int SEEDS = 40;
    private static final Set<Integer> ID_KINDS = Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID,
            FiffKind.PARENT_FILE_ID, FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> anOffsetAndItsOppositeRestoreEveryDate() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Generated g = SyntheticFiff.builder(seed).randomFlavour().generate();
            Path in = g.write(dir.resolve(seed + ".fif"));
            // backwards first (an offset is subtracted, as mne_anonymize --mdo does): the generator's latest dates
            // lie a month before the 32-bit limit
            int days = 1 + new Random(seed).nextInt(3650);
            Path there = dir.resolve(seed + "-there.fif");
            Path back = dir.resolve(seed + "-back.fif");
            shifted(days).anonymize(in, there);
            shifted(-days).anonymize(there, back);
            List<String> before = dates(in);
            List<String> moved = dates(there);
            List<String> after = dates(back);
            assertEquals(before, after, () -> "dates not restored after " + days + " days; flavour " + g.flavour());
            if (before.stream().anyMatch(d -> d.startsWith(FiffKind.describe(FiffKind.MEAS_DATE)))) {
                assertFalse(before.equals(moved), "the offset moved the dates");
            }
        }));
    }

    private static Anonymizer shifted(int days) {
        return Anonymizer.builder().preset(Preset.MNE_ANONYMIZE).measurementDateOffsetDays(days)
                .subjectBirthdayOffsetDays(days).leakCheck(false).build();
    }

    /** Every date of a file in chain order: measurement dates, birthdays and the time part of every ID. */
    private static List<String> dates(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader h = r.nextTag(); h != null; h = r.nextTag()) {
                if (h.kind() == FiffKind.MEAS_DATE || h.kind() == FiffKind.SUBJ_BIRTH_DAY) {
                    out.add(FiffKind.describe(h.kind()) + " " + Arrays.toString(r.readData(h)));
                } else if (ID_KINDS.contains(h.kind()) && h.size() == 20) {
                    byte[] id = r.readData(h);
                    out.add(FiffKind.describe(h.kind()) + " time " + Arrays.toString(Arrays.copyOfRange(id, 12,
                            20)));
                }
            }
        }
        return out;
    }
}
