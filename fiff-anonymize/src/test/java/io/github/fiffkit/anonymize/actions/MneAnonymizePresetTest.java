package io.github.fiffkit.anonymize.actions;

import static io.github.fiffkit.anonymize.Files2.all;
import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MneAnonymizePresetTest {
    @TempDir
    Path dir;

    static final int Y2000 = 946_684_800;

    private List<Entry> run(Anonymizer a) throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        a.anonymize(in, out);
        return Files2.read(out);
    }

    private static String text(Entry e) {
        return TagData.string(e.data());
    }

    @Test
    void defaultModeWritesTheSeedTableValues() throws IOException {
        List<Entry> out = run(Anonymizer.builder().build());
        assertEquals("mne_anonymize", text(first(out, FiffKind.EXPERIMENTER)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.SUBJ_FIRST_NAME)));
        assertEquals("mne", text(first(out, FiffKind.SUBJ_MIDDLE_NAME)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.SUBJ_LAST_NAME)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.SUBJ_COMMENT)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.SUBJ_HIS_ID)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.PROJ_PERSONS)));
        assertArrayEquals(new int[] {0}, TagData.ints(first(out, FiffKind.SUBJ_ID).data()));
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(2000, 1, 1))},
                TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data()));
        assertEquals("mne_anonymize", text(first(out, FiffKind.COMMENT, FiffBlock.MEAS_INFO)));
    }

    @Test
    void everyIdLosesItsMachineAndGetsTheFixedDateAtMidnightUtc() throws IOException {
        List<Entry> out = run(Anonymizer.builder().build());
        int ids = 0;
        for (Entry e : out) {
            if (Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID, FiffKind.PARENT_BLOCK_ID).contains(e.kind())) {
                FiffId id = TagData.id(e.data());
                assertEquals(0, id.machine0());
                assertEquals(0, id.machine1());
                assertEquals(new FiffTime(Y2000, 0), id.time());
                assertEquals(FiffId.VERSION_1_4, id.version());
                ids++;
            }
        }
        assertEquals(6, ids);
        for (Entry e : all(out, FiffKind.MEAS_DATE)) {
            if (e.path().innermost() != FiffBlock.MNE_ANNOTATIONS) {
                assertArrayEquals(new int[] {Y2000, 0}, TagData.ints(e.data()), "in " + e.path());
            } else {
                assertArrayEquals(new double[] {Y2000, 0}, TagData.doubles(e.data()));
            }
        }
    }

    @Test
    void withoutBruteOrEnvironmentThoseFieldsStay() throws IOException {
        List<Entry> out = run(Anonymizer.builder().build());
        assertArrayEquals(new int[] {2}, TagData.ints(first(out, FiffKind.SUBJ_SEX).data()));
        assertArrayEquals(new int[] {1}, TagData.ints(first(out, FiffKind.SUBJ_HAND).data()));
        assertArrayEquals(new float[] {61.5f}, TagData.floats(first(out, FiffKind.SUBJ_WEIGHT).data()));
        assertEquals("Tinnitus2019", text(first(out, FiffKind.PROJ_NAME)));
        assertArrayEquals(new int[] {31}, TagData.ints(first(out, FiffKind.PROJ_ID).data()));
        assertEquals("/home/jmortensen/study", text(first(out, FiffKind.MNE_ENV_WORKING_DIR)));
        assertTrue(text(first(out, FiffKind.DACQ_PARS)).contains(Phi.LAST), "the seed table never scrubs");
        assertEquals("BAD_mortensen_moved:blink", text(first(out, FiffKind.COMMENT, FiffBlock.MNE_ANNOTATIONS)));
        assertEquals("+01:00", text(first(out, FiffKind.UTC_OFFSET)));
    }

    @Test
    void bruteAlsoClearsSexHandednessWeightHeightAndTheProject() throws IOException {
        List<Entry> out = run(Anonymizer.builder().brute(true).build());
        assertArrayEquals(new int[] {0}, TagData.ints(first(out, FiffKind.SUBJ_SEX).data()));
        assertArrayEquals(new int[] {0}, TagData.ints(first(out, FiffKind.SUBJ_HAND).data()));
        assertArrayEquals(new float[] {0f}, TagData.floats(first(out, FiffKind.SUBJ_WEIGHT).data()));
        assertArrayEquals(new float[] {0f}, TagData.floats(first(out, FiffKind.SUBJ_HEIGHT).data()));
        assertArrayEquals(new int[] {0}, TagData.ints(first(out, FiffKind.PROJ_ID).data()));
        for (int k : new int[] {FiffKind.PROJ_NAME, FiffKind.PROJ_AIM, FiffKind.PROJ_COMMENT,
            FiffKind.MNE_ENV_WORKING_DIR, FiffKind.MNE_ENV_COMMAND_LINE}) {
            assertEquals("mne_anonymize", text(first(out, k)), FiffKind.describe(k));
        }
    }

    @Test
    void mneEnvironmentAloneClearsOnlyTheEnvironment() throws IOException {
        List<Entry> out = run(Anonymizer.builder().mneEnvironment(true).build());
        assertEquals("mne_anonymize", text(first(out, FiffKind.MNE_ENV_WORKING_DIR)));
        assertEquals("mne_anonymize", text(first(out, FiffKind.MNE_ENV_COMMAND_LINE)));
        assertArrayEquals(new int[] {2}, TagData.ints(first(out, FiffKind.SUBJ_SEX).data()));
    }

    @Test
    void hisOptionReplacesTheHospitalIdWithNonAsciiTextIntact() throws IOException {
        List<Entry> out = run(Anonymizer.builder().hisId("Jösé-Ñ").build());
        assertEquals("Jösé-Ñ", text(first(out, FiffKind.SUBJ_HIS_ID)));
        List<Entry> greek = run(Anonymizer.builder().hisId("Ωμέγα-7").build());
        assertEquals("Ωμέγα-7", text(first(greek, FiffKind.SUBJ_HIS_ID)));
    }

    @Test
    void measurementOffsetMovesEachDateFromItsOwnValueKeepingMicroseconds() throws IOException {
        List<Entry> out = run(Anonymizer.builder().measurementDateOffsetDays(35).build());
        assertArrayEquals(new int[] {Phi.MEAS.seconds() - 35 * 86400, Phi.MEAS.microseconds()},
                TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
        FiffId fileId = TagData.id(first(out, FiffKind.FILE_ID).data());
        assertEquals(Phi.FILE_TIME.plusDays(-35), fileId.time());
        assertTrue(fileId.machineIdZero());
        assertArrayEquals(new int[] {Phi.PROC_TIME.seconds() - 35 * 86400, Phi.PROC_TIME.microseconds()},
                TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.PROCESSING_RECORD).data()));
        assertArrayEquals(new double[] {Phi.MEAS.seconds() - 35 * 86400, Phi.MEAS.microseconds()},
                TagData.doubles(first(out, FiffKind.MEAS_DATE, FiffBlock.MNE_ANNOTATIONS).data()));
    }

    @Test
    void fixedDatesAndBirthdayOptions() throws IOException {
        List<Entry> out = run(Anonymizer.builder().measurementDate(LocalDate.of(2011, 3, 15))
                .subjectBirthdayOffsetDays(35).build());
        assertArrayEquals(new int[] {1300147200, 0},
                TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
        assertArrayEquals(new int[] {Julian.of(Phi.BIRTHDAY) - 35},
                TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void theResultDoesNotDependOnTheMachinesTimeZone() throws IOException {
        Path in = Phi.standard().write(dir.resolve("tz.fif"));
        TimeZone saved = TimeZone.getDefault();
        try {
            byte[][] outs = new byte[3][];
            String[] zones = {"UTC", "Asia/Kolkata", "America/New_York"};
            for (int i = 0; i < zones.length; i++) {
                TimeZone.setDefault(TimeZone.getTimeZone(zones[i]));
                Path out = dir.resolve("tz-" + i + ".fif");
                Anonymizer.builder().measurementDateOffsetDays(200).build().anonymize(in, out);
                outs[i] = Files.readAllBytes(out);
            }
            assertArrayEquals(outs[0], outs[1]);
            assertArrayEquals(outs[0], outs[2]);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void commentsOutsideTheMeasurementInfoStay() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(f.tags.size() - 1, new Phi.T(FiffKind.COMMENT, io.github.fiffkit.core.FiffType.STRING,
                TagData.ofString("note at the root")));
        Path in = f.write(dir.resolve("c.fif"));
        Path out = dir.resolve("c-out.fif");
        Anonymizer.builder().build().anonymize(in, out);
        List<Entry> tags = Files2.read(out);
        Entry root = tags.stream().filter(e -> e.kind() == FiffKind.COMMENT && e.path().isRoot()).findFirst()
                .orElseThrow();
        assertEquals("note at the root", text(root));
    }

    @Test
    void neverRemovesOrCreatesATagApartFromTheFreeListAndDirectory() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().brute(true).mneEnvironment(true).build().anonymize(in, out);
        List<Entry> a = Files2.read(in);
        List<Entry> b = Files2.read(out);
        List<Integer> kindsIn = a.stream().map(Entry::kind).filter(k -> k != FiffKind.FREE_LIST).toList();
        assertEquals(kindsIn, b.stream().map(Entry::kind).toList());
        assertFalse(b.stream().anyMatch(e -> e.kind() == FiffKind.FREE_LIST));
    }
}
