package io.github.fiffkit.app;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** FIFF files with invented PHI for the application's tests, and ways to read values back. */
public final class TestFiles {
    public static final String FIRST = "Jennifer";
    public static final String LAST = "Mortensen";
    public static final String HIS = "HIS-778812";
    public static final LocalDate BIRTHDAY = LocalDate.of(1980, 5, 17);
    public static final FiffTime MEAS = FiffTime.of(Instant.parse("2019-03-14T09:26:53.589793Z"));
    public static final int MACHINE0 = 0x00123456;
    public static final int MACHINE1 = 0x789A0000;
    /** Where the "recording machine" kept the parts: a full path with a name in it. */
    public static final String MACHINE_FOLDER = "/data/meg/jennifer_mortensen/";

    private TestFiles() {
    }

    /** The bundled sample's content, written afresh. */
    public static Path sample(Path file) throws IOException {
        SampleFileWriter.write(file);
        return file;
    }

    /** A small measurement file; {@code extraText} goes into the acquisition parameters (not anonymized). */
    public static Path small(Path file, String extraText) throws IOException {
        return write(file, extraText, List.of(), true);
    }

    /** A small file whose chain ends without its terminating tag: readable, with a warning. */
    public static Path unterminated(Path file) throws IOException {
        return write(file, "gain 2", List.of(), false);
    }

    /** A file that is not FIFF. */
    public static Path notFiff(Path file) throws IOException {
        return Files.writeString(file, "this is not a FIFF file, just some text\n");
    }

    /** A link in a split recording: role (1 previous, 2 next), file name as the machine wrote it, part number. */
    record Ref(int role, String name, int number) {
    }

    /** The parts of a split recording, MNE-named from {@code first}, each linked to its neighbours. */
    public static List<Path> split(Path dir, String first, int n) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Ref> refs = new ArrayList<>();
            if (i > 0) {
                refs.add(new Ref(1, MACHINE_FOLDER + partName(first, i - 1), i - 1));
            }
            if (i < n - 1) {
                refs.add(new Ref(2, MACHINE_FOLDER + partName(first, i + 1), i + 1));
            }
            parts.add(write(dir.resolve(partName(first, i)), "gain " + i, refs, true));
        }
        return parts;
    }

    public static String partName(String first, int i) {
        return io.github.fiffkit.anonymize.SplitRecording.partName(first, i);
    }

    private static FiffId id(FiffTime t) {
        return new FiffId(FiffId.VERSION_1_4, MACHINE0, MACHINE1, t);
    }

    private static Path write(Path file, String acqText, List<Ref> refs, boolean terminated) throws IOException {
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeFileHeader(id(MEAS));
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, id(MEAS));
            w.startBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeInt(FiffKind.SUBJ_ID, 4711);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, FIRST);
            w.writeString(FiffKind.SUBJ_LAST_NAME, LAST);
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(BIRTHDAY));
            w.writeInt(FiffKind.SUBJ_SEX, 2);
            w.writeFloat(FiffKind.SUBJ_WEIGHT, 61.5f);
            w.writeString(FiffKind.SUBJ_HIS_ID, HIS);
            w.endBlock(FiffBlock.SUBJECT);
            w.startBlock(FiffBlock.DACQ_PARS);
            w.writeString(FiffKind.DACQ_PARS, acqText);
            w.endBlock(FiffBlock.DACQ_PARS);
            w.writeString(FiffKind.EXPERIMENTER, "Dr Alvarez");
            w.writeTime(FiffKind.MEAS_DATE, MEAS);
            w.writeInt(FiffKind.NCHAN, 1);
            w.writeFloat(FiffKind.SFREQ, 100f);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeInt(FiffKind.FIRST_SAMPLE, 0);
            w.writeFloat(FiffKind.DATA_BUFFER, 1f, 2f, 3f, 4f);
            w.endBlock(FiffBlock.RAW_DATA);
            for (Ref r : refs) {
                w.startBlock(FiffBlock.REF);
                w.writeInt(FiffKind.REF_ROLE, r.role());
                w.writeString(FiffKind.REF_FILE_NAME, r.name());
                w.writeId(FiffKind.REF_FILE_ID, id(MEAS));
                w.writeInt(FiffKind.REF_FILE_NUM, r.number());
                w.endBlock(FiffBlock.REF);
            }
            w.endBlock(FiffBlock.MEAS);
            w.startBlock(FiffBlock.MNE_ENV);
            w.writeString(FiffKind.MNE_ENV_WORKING_DIR, "/home/jmortensen/study");
            w.endBlock(FiffBlock.MNE_ENV);
            if (terminated) {
                w.endFile();
            }
        }
        return file;
    }

    /** Compresses a file with gzip. */
    public static Path gzip(Path plain, Path gz) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, o);
        }
        return gz;
    }

    /** The data of every tag of a kind, in chain order. */
    public static List<byte[]> values(Path file, int kind) throws IOException {
        List<byte[]> found = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == kind) {
                    found.add(r.readData());
                }
            }
        }
        return found;
    }

    public static List<String> strings(Path file, int kind) throws IOException {
        return values(file, kind).stream().map(TagData::string).toList();
    }

    public static String string(Path file, int kind) throws IOException {
        List<String> s = strings(file, kind);
        if (s.size() != 1) {
            throw new AssertionError(file + ": " + s.size() + " tags of kind " + kind);
        }
        return s.get(0);
    }

    public static FiffTime measDate(Path file) throws IOException {
        int[] v = TagData.ints(values(file, FiffKind.MEAS_DATE).get(0));
        return new FiffTime(v[0], v[1]);
    }

    public static LocalDate birthday(Path file) throws IOException {
        return Julian.toLocalDate(TagData.ints(values(file, FiffKind.SUBJ_BIRTH_DAY).get(0))[0]);
    }
}
