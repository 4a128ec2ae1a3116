package io.github.fiffkit.anonymize.actions;

import static io.github.fiffkit.anonymize.Files2.all;
import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnePythonPresetTest {
    @TempDir
    Path dir;

    private List<Entry> run(Phi f, AnonymizerBuilder b) throws IOException {
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        b.build().anonymize(in, out);
        return Files2.read(out);
    }

    private static AnonymizerBuilder mnePython() {
        return Anonymizer.builder().preset(Preset.MNE_PYTHON);
    }

    @Test
    void theMeasurementDateLandsExactlyOnTheMillenniumAndEveryTimeMovesWithIt() throws IOException {
        List<Entry> out = run(Phi.standard(), mnePython());
        assertArrayEquals(new int[] {946684800, 0},
                TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
        Duration delta = Duration.between(Phi.MEAS.toInstant(), java.time.Instant.parse("2000-01-01T00:00:00Z"));
        FiffId fileId = TagData.id(first(out, FiffKind.FILE_ID).data());
        assertEquals(Phi.FILE_TIME.plus(delta), fileId.time());
        assertTrue(fileId.machineIdZero());
        assertArrayEquals(TagData.ofInts(Phi.PROC_TIME.plus(delta).seconds(), Phi.PROC_TIME.plus(delta).microseconds()),
                first(out, FiffKind.MEAS_DATE, FiffBlock.PROCESSING_RECORD).data());
        assertArrayEquals(new double[] {946684800, 0},
                TagData.doubles(first(out, FiffKind.MEAS_DATE, FiffBlock.MNE_ANNOTATIONS).data()));
    }

    @Test
    void theBirthdayMovesByTheFullDurationAsMnePython13Does() throws IOException {
        List<Entry> out = run(Phi.standard(), mnePython());
        Duration delta = Duration.between(Phi.MEAS.toInstant(), java.time.Instant.parse("2000-01-01T00:00:00Z"));
        LocalDate expected = Phi.BIRTHDAY.atStartOfDay().plus(delta).toLocalDate();
        assertArrayEquals(new int[] {Julian.of(expected)},
                TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data()));
        // the measurement was at 09:26, so the birthday lands one day before a whole-day shift would put it
        long wholeDays = delta.toDays();
        assertEquals(Phi.BIRTHDAY.plusDays(wholeDays - 1), expected);
    }

    @Test
    void fieldsAreChangedAndRemovedAsMnePythonDoes() throws IOException {
        List<Entry> out = run(Phi.standard(), mnePython());
        assertEquals("0", TagData.string(first(out, FiffKind.SUBJ_HIS_ID).data()));
        assertArrayEquals(new int[] {0}, TagData.ints(first(out, FiffKind.SUBJ_SEX).data()));
        assertTrue(all(out, FiffKind.SUBJ_HAND).isEmpty());
        assertTrue(all(out, FiffKind.UTC_OFFSET).isEmpty());
        assertEquals(Preset.MNE_PYTHON_DESCRIPTION,
                TagData.string(first(out, FiffKind.COMMENT, FiffBlock.MEAS_INFO).data()));
        for (int k : new int[] {FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_MIDDLE_NAME, FiffKind.SUBJ_LAST_NAME,
            FiffKind.DEVICE_SERIAL, FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID, FiffKind.PROJ_NAME}) {
            assertEquals("mne_anonymize", TagData.string(first(out, k).data()), FiffKind.describe(k));
        }
        for (Entry e : all(out, FiffKind.EXPERIMENTER)) {
            assertEquals("mne_anonymize", TagData.string(e.data()));
        }
        assertArrayEquals(new float[] {0f}, TagData.floats(first(out, FiffKind.SUBJ_WEIGHT).data()));
        assertEquals("map tinnitus", TagData.string(first(out, FiffKind.PROJ_AIM).data()));
    }

    @Test
    void keepHisKeepsHospitalIdSexAndHandedness() throws IOException {
        List<Entry> out = run(Phi.standard(), mnePython().keepHis(true));
        assertEquals(Phi.HIS, TagData.string(first(out, FiffKind.SUBJ_HIS_ID).data()));
        assertArrayEquals(new int[] {2}, TagData.ints(first(out, FiffKind.SUBJ_SEX).data()));
        assertArrayEquals(new int[] {1}, TagData.ints(first(out, FiffKind.SUBJ_HAND).data()));
    }

    @Test
    void daysbackMovesByWholeDaysAndTheBirthdayFollows() throws IOException {
        List<Entry> out = run(Phi.standard(), mnePython().measurementDateOffsetDays(35000));
        assertArrayEquals(new int[] {Phi.MEAS.seconds() - 35000 * 86400, Phi.MEAS.microseconds()},
                TagData.ints(first(out, FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data()));
        assertArrayEquals(new int[] {Julian.of(Phi.BIRTHDAY) - 35000},
                TagData.ints(first(out, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void aRecordingWithoutMeasurementDateGetsTheNoDateMarkerAndLosesItsBirthday() throws IOException {
        Phi f = Phi.standard();
        f.without(FiffKind.MEAS_DATE);
        for (int i = 0; i < f.tags.size(); i++) {
            Phi.T t = f.tags.get(i);
            if (t.kind() == FiffKind.FILE_ID || t.kind() == FiffKind.BLOCK_ID || t.kind() == FiffKind.PARENT_BLOCK_ID) {
                f.tags.set(i, new Phi.T(t.kind(), t.type(), TagData.ofId(new FiffId(FiffId.VERSION_1_4, 1, 2,
                        FiffTime.NONE))));
            }
        }
        List<Entry> out = run(f, mnePython());
        for (Entry e : out) {
            if (e.kind() == FiffKind.FILE_ID || e.kind() == FiffKind.BLOCK_ID) {
                FiffId id = TagData.id(e.data());
                assertEquals(FiffTime.NONE, id.time());
                assertTrue(id.machineIdZero());
            }
        }
        assertTrue(all(out, FiffKind.SUBJ_BIRTH_DAY).isEmpty());
    }

    @Test
    void aShiftThatLeavesThirtyTwoBitsIsRefusedNamingTheTagAndWritesNothing() throws IOException {
        // measurement date in 1970, IDs in 2016, as in real TRIUX files: landing on 2000 moves the IDs past 2038
        Phi f = Phi.standard();
        f.set(FiffKind.MEAS_DATE, io.github.fiffkit.core.FiffType.INT, TagData.ofInts(0, 0));
        Path in = f.write(dir.resolve("triux.fif"));
        Path out = dir.resolve("triux-out.fif");
        PolicyException e = assertThrows(PolicyException.class, () -> mnePython().build().anonymize(in, out));
        assertEquals(Integer.valueOf(FiffKind.FILE_ID), e.kind());
        assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
        assertTrue(Files.notExists(out));
        assertEquals(List.of("triux.fif"), Folders.listing(dir), "no temporary file left behind");
    }
}
