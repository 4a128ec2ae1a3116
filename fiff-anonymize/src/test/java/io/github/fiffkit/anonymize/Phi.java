package io.github.fiffkit.anonymize;

import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small but complete measurement file with invented PHI in every field the presets know, written tag by tag
 * so that tests can vary each part (types, sizes, presence).
 */
public final class Phi {
    public static final int MACHINE0 = 0x00123456;
    public static final int MACHINE1 = 0x789A0000;
    /** 2019-03-14T09:26:53.589793Z */
    public static final FiffTime MEAS = new FiffTime(1552555613, 589_793);
    public static final FiffTime FILE_TIME = new FiffTime(1552555700, 12);
    public static final FiffTime PROC_TIME = new FiffTime(1552600000, 5);
    public static final LocalDate BIRTHDAY = LocalDate.of(1980, 5, 17);
    public static final String FIRST = "Jennifer";
    public static final String MIDDLE = "Q";
    public static final String LAST = "Mortensen";
    public static final String HIS = "HIS-778812";
    public static final String EXPERIMENTER = "Dr Alvarez";

    /** One tag to write: kind, type, data; or a block start/end marker. */
    public record T(int kind, int type, byte[] data) {
    }

    public final List<T> tags = new ArrayList<>();
    public boolean terminated = true;

    public Phi add(int kind, int type, byte[] data) {
        tags.add(new T(kind, type, data));
        return this;
    }

    public Phi text(int kind, String s) {
        return add(kind, FiffType.STRING, TagData.ofString(s));
    }

    public Phi ints(int kind, int... v) {
        return add(kind, FiffType.INT, TagData.ofInts(v));
    }

    public Phi id(int kind, FiffTime t) {
        return add(kind, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, MACHINE0, MACHINE1, t)));
    }

    public Phi start(int block) {
        return ints(FiffKind.BLOCK_START, block);
    }

    public Phi end(int block) {
        return ints(FiffKind.BLOCK_END, block);
    }

    /** Replaces the data of the first tag of a kind. */
    public Phi set(int kind, int type, byte[] data) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).kind() == kind) {
                tags.set(i, new T(kind, type, data));
                return this;
            }
        }
        throw new IllegalArgumentException("no tag " + kind);
    }

    /** Removes every tag of a kind. */
    public Phi without(int kind) {
        tags.removeIf(t -> t.kind() == kind);
        return this;
    }

    public static Phi standard() {
        Phi f = new Phi();
        f.id(FiffKind.FILE_ID, FILE_TIME).ints(FiffKind.DIR_POINTER, -1).ints(FiffKind.FREE_LIST, -1);
        f.start(FiffBlock.MEAS).id(FiffKind.BLOCK_ID, FILE_TIME).id(FiffKind.PARENT_BLOCK_ID, MEAS);
        f.start(FiffBlock.MEAS_INFO).id(FiffKind.PARENT_BLOCK_ID, MEAS);
        f.ints(FiffKind.MEAS_DATE, MEAS.seconds(), MEAS.microseconds());
        f.text(FiffKind.EXPERIMENTER, EXPERIMENTER);
        f.text(FiffKind.COMMENT, "Auditory oddball, session 2");
        f.text(FiffKind.UTC_OFFSET, "+01:00");
        f.ints(FiffKind.NCHAN, 2);
        f.add(FiffKind.SFREQ, FiffType.FLOAT, TagData.ofFloats(1000f));
        f.start(FiffBlock.DEVICE).text(FiffKind.DEVICE_SERIAL, "SN-99172").text(FiffKind.DEVICE_SITE,
                "Northfield Clinic").end(FiffBlock.DEVICE);
        f.start(FiffBlock.HELIUM).text(FiffKind.ORIG_FILE_GUID, "guid-1234-abcd")
                .ints(FiffKind.MEAS_DATE, MEAS.seconds() - 100, 0).end(FiffBlock.HELIUM);
        f.start(FiffBlock.SUBJECT).ints(FiffKind.SUBJ_ID, 4711).text(FiffKind.SUBJ_FIRST_NAME, FIRST)
                .text(FiffKind.SUBJ_MIDDLE_NAME, MIDDLE).text(FiffKind.SUBJ_LAST_NAME, LAST)
                .add(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(Julian.of(BIRTHDAY)))
                .ints(FiffKind.SUBJ_SEX, 2).ints(FiffKind.SUBJ_HAND, 1)
                .add(FiffKind.SUBJ_WEIGHT, FiffType.FLOAT, TagData.ofFloats(61.5f))
                .add(FiffKind.SUBJ_HEIGHT, FiffType.FLOAT, TagData.ofFloats(1.68f))
                .text(FiffKind.SUBJ_COMMENT, "left-handed violinist").text(FiffKind.SUBJ_HIS_ID, HIS)
                .end(FiffBlock.SUBJECT);
        f.start(FiffBlock.PROJECT).ints(FiffKind.PROJ_ID, 31).text(FiffKind.PROJ_NAME, "Tinnitus2019")
                .text(FiffKind.PROJ_AIM, "map tinnitus").text(FiffKind.PROJ_PERSONS, "Alvarez; Okafor")
                .text(FiffKind.PROJ_COMMENT, "pilot").end(FiffBlock.PROJECT);
        f.start(FiffBlock.DACQ_PARS).text(FiffKind.DACQ_PARS, "patient " + LAST + " gain 2")
                .end(FiffBlock.DACQ_PARS);
        f.start(FiffBlock.ISOTRAK)
                .add(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(
                        new DigPoint(DigPoint.KIND_CARDINAL, 1, new float[] {0.01f, 0.02f, 0.03f}))))
                .add(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(
                        new DigPoint(DigPoint.KIND_EXTRA, 1, new float[] {0.04f, 0.05f, 0.06f}))))
                .end(FiffBlock.ISOTRAK);
        f.start(FiffBlock.PROCESSING_HISTORY).start(FiffBlock.PROCESSING_RECORD).id(FiffKind.BLOCK_ID, PROC_TIME)
                .ints(FiffKind.MEAS_DATE, PROC_TIME.seconds(), PROC_TIME.microseconds())
                .text(FiffKind.EXPERIMENTER, EXPERIMENTER).text(FiffKind.CREATOR, "maxfilter 2.2")
                .end(FiffBlock.PROCESSING_RECORD).end(FiffBlock.PROCESSING_HISTORY);
        f.end(FiffBlock.MEAS_INFO);
        f.start(FiffBlock.MNE_ANNOTATIONS)
                .add(FiffKind.MNE_BASELINE_MIN, FiffType.FLOAT, TagData.ofFloats(1.5f, 3f))
                .text(FiffKind.COMMENT, "BAD_" + LAST.toLowerCase() + "_moved:blink")
                .add(FiffKind.MEAS_DATE, FiffType.DOUBLE, TagData.ofDoubles(MEAS.seconds(), MEAS.microseconds()))
                .end(FiffBlock.MNE_ANNOTATIONS);
        f.start(FiffBlock.RAW_DATA).ints(FiffKind.FIRST_SAMPLE, 0);
        for (int i = 0; i < 3; i++) {
            short[] s = new short[2 * 100];
            for (int k = 0; k < s.length; k++) {
                s[k] = (short) (k * 7 + i);
            }
            f.add(FiffKind.DATA_BUFFER, FiffType.SHORT, TagData.ofShorts(s));
        }
        f.end(FiffBlock.RAW_DATA);
        f.end(FiffBlock.MEAS);
        f.start(FiffBlock.MNE_ENV).id(FiffKind.BLOCK_ID, FILE_TIME)
                .text(FiffKind.MNE_ENV_WORKING_DIR, "/home/jmortensen/study")
                .text(FiffKind.MNE_ENV_COMMAND_LINE, "mne_process_raw --raw " + LAST + "_raw.fif")
                .end(FiffBlock.MNE_ENV);
        f.add(FiffKind.NOP, FiffType.VOID, new byte[0]);
        return f;
    }

    public Path write(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); FiffWriter w = new FiffWriter(ch, false)) {
            for (int i = 0; i < tags.size(); i++) {
                T t = tags.get(i);
                boolean last = i == tags.size() - 1 && terminated;
                w.writeTag(t.kind(), t.type(), t.data(), last ? -1 : 0);
            }
        }
        return file;
    }
}
