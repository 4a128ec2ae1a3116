package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated longitudinal study for tests: 3 subjects x 3 sessions, made from fiff-testkit's synthetic files with
 * each subject's HIS id and birthday and each session's measurement date stamped in (by a policy of this library
 * that extends nothing, so every other tag stays as the generator made it). Subject 1 writes its HIS id in three
 * spellings (case and spaces), which the subject key's normalisation must bring together; subject 2's second
 * session is a recording split in three parts.
 */
public final class Study {
    /** The subjects' HIS ids, one row per subject, one spelling per session. */
    public static final String[][] HIS = {
        {"HIS-A100", "HIS-A100", "HIS-A100"},
        {"HIS-B200", " his-b200", "His-B200 "},
        {"HIS-C300", "HIS-C300", "HIS-C300"}};
    /** The subjects' birthdays. */
    public static final LocalDate[] BIRTHDAYS = {
        LocalDate.of(1950, 3, 14), LocalDate.of(1984, 2, 29), LocalDate.of(2001, 12, 31)};
    /** The sessions' measurement days, one row per subject. */
    public static final LocalDate[][] SESSIONS = {
        {LocalDate.of(2019, 1, 10), LocalDate.of(2019, 7, 22), LocalDate.of(2021, 2, 1)},
        {LocalDate.of(2020, 5, 5), LocalDate.of(2020, 5, 6), LocalDate.of(2024, 11, 30)},
        {LocalDate.of(2018, 12, 31), LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 15)}};
    /** The subject and session of the split recording. */
    public static final int SPLIT_SUBJECT = 2;
    public static final int SPLIT_SESSION = 1;

    /** One session: its files (one, or the parts of a split recording). */
    public record Session(int subject, int session, List<Path> parts) {
        /** @return the output names: the same base names under another folder */
        public List<Path> outputsIn(Path dir) {
            return parts.stream().map(p -> dir.resolve(p.getFileName().toString())).toList();
        }
    }

    private Study() {
    }

    /**
     * Writes the study under a folder.
     *
     * @param dir the folder
     * @return the sessions, subject by subject
     */
    public static List<Session> write(Path dir) throws IOException {
        Path raw = Files.createDirectories(dir.resolve("generated"));
        List<Session> out = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 3; k++) {
                String name = "sub" + s + "_ses" + k + "_raw.fif";
                SyntheticFiff.Builder b = SyntheticFiff.builder(100L * s + k).buffers(2, 50);
                List<Path> generated = s == SPLIT_SUBJECT && k == SPLIT_SESSION
                        ? b.writeRecording(raw, 3, name) : List.of(b.generate().write(raw.resolve(name)));
                List<Path> parts = generated.stream().map(p -> dir.resolve(p.getFileName().toString())).toList();
                stamp(HIS[s][k], BIRTHDAYS[s], SESSIONS[s][k]).anonymizeRecording(generated, parts);
                out.add(new Session(s, k, parts));
            }
        }
        return out;
    }

    /**
     * Writes one recording of a subject outside the study: a synthetic file with the HIS id, birthday and
     * measurement day given.
     *
     * @param file     where it goes (its folder must exist)
     * @param his      the HIS id
     * @param birthday the birthday
     * @param day      the measurement day
     * @return {@code file}
     */
    public static Path writeOne(Path file, String his, LocalDate birthday, LocalDate day) throws IOException {
        Path generated = Files.createTempFile(file.getParent(), "generated-", ".fif");
        SyntheticFiff.builder(11).buffers(2, 50).generate().write(generated);
        stamp(his, birthday, day).anonymize(generated, file);
        Files.delete(generated);
        return file;
    }

    /** Sets the HIS id, the birthday and every measurement date; nothing else changes. */
    private static Anonymizer stamp(String his, LocalDate birthday, LocalDate day) {
        Policy p = Policy.builder("stamp")
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_HIS_ID), Actions.replace(his)))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_BIRTH_DAY), Actions.setDate(birthday)))
                .rule(Rule.of(Selector.kind(FiffKind.MEAS_DATE), Actions.setDate(day)))
                .build();
        return Anonymizer.builder().policy(p).build();
    }

    /** @return the measurement date in the measurement info of a file */
    public static FiffTime measurementDate(Path file) throws IOException {
        int[] v = TagData.ints(Files2.first(Files2.read(file), FiffKind.MEAS_DATE, FiffBlock.MEAS_INFO).data());
        return new FiffTime(v[0], v[1]);
    }

    /** @return the subject's birthday in a file */
    public static LocalDate birthday(Path file) throws IOException {
        byte[] d = Files2.first(Files2.read(file), FiffKind.SUBJ_BIRTH_DAY).data();
        return Julian.toLocalDate(ByteBuffer.wrap(d).getInt(0));
    }
}
