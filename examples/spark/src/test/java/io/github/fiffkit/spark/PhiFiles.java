package io.github.fiffkit.spark;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small FIFF files full of invented PHI, and split recordings, for the job's tests. */
final class PhiFiles {
    private PhiFiles() {
    }

    /** A reference to another part: role 1 previous, 2 next. */
    record Ref(int role, String name, int number) {
    }

    /**
     * @param file    where to write (a {@code .gz} name is gzip-compressed)
     * @param subject the subject's last name (also written into free text)
     * @param seed    varies the dates and the data
     * @param refs    references to other parts
     * @return the file
     */
    static Path write(Path file, String subject, int seed, List<Ref> refs) throws IOException {
        Files.createDirectories(file.getParent());
        FiffTime meas = new FiffTime(1_552_555_613 + seed * 86_400, 589_793);
        FiffId id = new FiffId(FiffId.VERSION_1_4, 0x00123456 + seed, 0x789A0000, meas);
        Path plain = file.getFileName().toString().endsWith(".gz")
                ? file.resolveSibling(file.getFileName() + ".plain") : file;
        try (FiffWriter w = FiffWriter.create(plain)) {
            w.writeFileHeader(id);
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, id);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeId(FiffKind.PARENT_BLOCK_ID, id);
            w.writeTime(FiffKind.MEAS_DATE, meas);
            w.writeString(FiffKind.EXPERIMENTER, "Dr Alvarez");
            w.writeString(FiffKind.COMMENT, "oddball for " + subject);
            w.writeInt(FiffKind.NCHAN, 2);
            w.writeFloat(FiffKind.SFREQ, 1000f);
            w.startBlock(FiffBlock.SUBJECT);
            w.writeInt(FiffKind.SUBJ_ID, 4711 + seed);
            w.writeString(FiffKind.SUBJ_FIRST_NAME, "Jennifer");
            w.writeString(FiffKind.SUBJ_LAST_NAME, subject);
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(LocalDate.of(1980, 5, 17).plusDays(seed)));
            w.writeInt(FiffKind.SUBJ_SEX, 2);
            w.writeFloat(FiffKind.SUBJ_WEIGHT, 61.5f + seed);
            w.writeString(FiffKind.SUBJ_HIS_ID, "HIS-" + (778_812 + seed));
            w.endBlock(FiffBlock.SUBJECT);
            w.startBlock(FiffBlock.DACQ_PARS);
            w.writeString(FiffKind.DACQ_PARS, "patient " + subject + " gain 2");
            w.endBlock(FiffBlock.DACQ_PARS);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeInt(FiffKind.FIRST_SAMPLE, 0);
            for (int b = 0; b < 3; b++) {
                short[] s = new short[2 * 200];
                for (int k = 0; k < s.length; k++) {
                    s[k] = (short) (k * 7 + b + seed);
                }
                w.writeTag(FiffKind.DATA_BUFFER, FiffType.SHORT, TagData.ofShorts(s));
            }
            w.endBlock(FiffBlock.RAW_DATA);
            for (Ref r : refs) {
                w.startBlock(FiffBlock.REF);
                w.writeInt(FiffKind.REF_ROLE, r.role());
                w.writeString(FiffKind.REF_FILE_NAME, r.name());
                w.writeId(FiffKind.REF_FILE_ID, id);
                w.writeInt(FiffKind.REF_FILE_NUM, r.number());
                w.endBlock(FiffBlock.REF);
            }
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        if (plain != file) {
            try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(file))) {
                Files.copy(plain, z);
            }
            Files.delete(plain);
        }
        return file;
    }

    /** A file without references. */
    static Path write(Path file, String subject, int seed) throws IOException {
        return write(file, subject, seed, List.of());
    }

    /**
     * A split recording: {@code first}, {@code first-1}, ... linked both ways; the previous-part references carry
     * a full path of the recording machine, as MNE writes them.
     */
    static List<Path> writeSplit(Path dir, String first, int parts, String subject, int seed) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            List<Ref> refs = new ArrayList<>();
            if (i > 0) {
                refs.add(new Ref(1, "/data/meg/" + subject.toLowerCase() + "/" + partName(first, i - 1), i - 1));
            }
            if (i < parts - 1) {
                refs.add(new Ref(2, partName(first, i + 1), i + 1));
            }
            out.add(write(dir.resolve(partName(first, i)), subject, seed, refs));
        }
        return out;
    }

    static String partName(String first, int i) {
        return i == 0 ? first : first.replaceFirst("\\.fif$", "-" + i + ".fif");
    }
}
