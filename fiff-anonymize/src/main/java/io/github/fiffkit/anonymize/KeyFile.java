package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.output.Csv;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file of a study: one CSV row per recording that says which subject it is (a keyed hash of the subject
 * key), the date offset it got and its measurement date before and after. It re-identifies every recording of the
 * study, so it is written only when asked for ({@link AnonymizerBuilder#keyFile(Path)}, {@code --key-file}) and
 * stays with the data owner.
 *
 * <p>Why a file of its own, written this way: several runs of one study append to one key file, and a later run
 * must never give a subject another offset than an earlier one did (a changed secret, range or table would
 * silently break the intervals between that subject's sessions). So each append reads the file, refuses a row that
 * gives a subject of an earlier row another offset ({@link PolicyException}, before any output of the recording
 * is in place), drops a row that is there already (a second run of the same files changes nothing), replaces the
 * row of an input written again to the same output, keeps (with an empty output) the row of another input whose
 * output was written over, and writes the whole file anew: a temporary file of mode 0600 next to it,
 * forced to disk and renamed over it. A row for an input that an earlier row gave another offset is refused too:
 * a run with a changed secret gives every subject another keyed hash, so only the input shows the change (the
 * session of a subject that no earlier row holds cannot be checked). The rows are PHI: no message of this class
 * holds a value of a row.
 *
 * <p>Appends to one key file take turns, so that no row is lost: within one process through a lock per key file
 * (by the real path it is written to, so that two instances, a relative path or a symbolic link meet), and between
 * processes through an operating-system lock on an empty file {@code .NAME.lock} beside it (mode 0600, made at the
 * first append and never deleted: a lock file deleted and made again would let two runs lock two different files).
 * On a file system without file locks only appends within one process take turns (a warning is logged).
 *
 * <p>The key file itself is readable and writable by its owner alone: a file that others may read or write gets
 * mode 0600 at each append and at {@link #checkUsable}, also when nothing is added (on a POSIX file system; elsewhere
 * the folder's protection applies).
 */
public final class KeyFile {
    /** The first line of every key file. */
    public static final String HEADER = "input,output,subjectKey,pseudonym,offsetDays,birthdayOffsetDays,"
            + "measurementDateBefore,measurementDateAfter";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    /** The lock of each key file in this process, by the real path it is written to; never removed (a few paths). */
    private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    /**
     * One recording (one part of a split recording) in a key file. Serializable only to travel from a Spark task
     * to its driver; never stored in that form.
     *
     * @param input       the input's path
     * @param output      the output's path
     * @param subjectKey  the subject's keyed hash (or the normalised key, {@link SubjectOffset#rawKey}, when the
     *                    policy says {@code keyFileRaw});
     *                    empty when the subject has none (a fallback offset)
     * @param pseudonym   what the output holds for the subject key's first tag, when the policy changed it
     * @param offsetDays  the subject's date offset in days (positive = earlier)
     * @param birthdayOffsetDays the subject's own birthday offset in days, when the policy moves the birthday per
     *                    subject, else empty
     * @param before      the measurement date of the input (ISO-8601 in UTC), or empty
     * @param after       the measurement date of the output, or empty
     * @serial exclude
     */
    public record Row(String input, String output, String subjectKey, String pseudonym, int offsetDays,
            String birthdayOffsetDays, String before, String after) implements Serializable {
        /**
         * Checks the fields.
         *
         * @param input the input's path
         * @param output the output's path
         * @param subjectKey the subject's keyed hash
         * @param pseudonym the pseudonym
         * @param offsetDays the offset
         * @param birthdayOffsetDays the birthday offset, or empty
         * @param before the measurement date before
         * @param after the measurement date after
         */
        public Row {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(subjectKey, "subjectKey");
            Objects.requireNonNull(pseudonym, "pseudonym");
            Objects.requireNonNull(birthdayOffsetDays, "birthdayOffsetDays");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        String line() {
            return String.join(",", Csv.quote(input), Csv.quote(output), Csv.quote(subjectKey), Csv.quote(pseudonym),
                    Integer.toString(offsetDays), birthdayOffsetDays, before, after);
        }
    }

    private final Path path;

    /**
     * @param path where the key file is (or will be)
     */
    public KeyFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Why a run with this policy cannot keep a key file, or nothing when it can: its measurement date must move per
     * subject, and the subject's keyed hash needs a secret unless the key file holds the raw key. The builder, the
     * run model and the Spark job all ask here, each putting its own name for the option in front.
     *
     * @param policy the run's policy, as built (with any fixed date or offset the run gives instead)
     * @return the reason, a sentence without values from any recording
     */
    public static Optional<String> unusableWith(Policy policy) {
        if (!(policy.dates().measurement() instanceof MeasurementDate.PerSubject perSubject)) {
            return Optional.of("the policy's dates do not move per subject (dates.measurement.offsetDays with"
                    + " \"keyed\" or \"table\", and no fixed date or offset given instead), so there is no subject"
                    + " offset to keep in a key file");
        }
        if (perSubject.offset().secret() == null && !perSubject.offset().keyFileRaw()) {
            return Optional.of("a key file names each subject by a keyed hash, which needs a secret, and the"
                    + " policy's dates.measurement.offsetDays has none: give it a \"secret\" (or \"keyFileRaw\":"
                    + " true, and the key file holds the subject key itself)");
        }
        return Optional.empty();
    }

    /** @return where the key file is */
    public Path path() {
        return path;
    }

    /**
     * The rows of some results: one per result that moved its dates by a per-subject offset.
     *
     * @param policy  the policy that made them (its subject key names the tag whose new value is the pseudonym)
     * @param results results of {@link Anonymizer}
     * @return the rows, in order
     * @throws PolicyException when an input or output name, a value of a raw subject key ({@code keyFileRaw}) or a
     *                         pseudonym holds a line break (a key file is one row a line); the message names the
     *                         tag, never the value
     */
    public static List<Row> rows(Policy policy, List<AnonymizationResult> results) throws PolicyException {
        SubjectOffset offset = policy.dates().measurement() instanceof MeasurementDate.PerSubject p
                ? p.offset() : null;
        Integer pseudonymTag = offset != null ? offset.keyTags().get(0) : null;
        List<Row> rows = new ArrayList<>();
        for (AnonymizationResult r : results) {
            if (r.subjectShift().isEmpty() || r.output() == null) {
                continue;
            }
            SubjectOffset.Shift s = r.subjectShift().get();
            String pseudonym = "";
            if (pseudonymTag != null && pseudonymTag != FiffKind.SUBJ_BIRTH_DAY) {
                pseudonym = r.changes().stream().filter(c -> c.kind() == pseudonymTag && c.newValue() != null)
                        .map(TagChange::newValue).findFirst().orElse("");
            }
            String birthday = r.birthdayShift().map(b -> Integer.toString(b.days())).orElse("");
            for (String name : List.of(r.input(), r.output())) {
                if (lineBreak(name)) {
                    throw new PolicyException(name.replace("\n", "\\n").replace("\r", "\\r") + ": the name holds"
                            + " a line break, which a key file (one row a line) cannot hold; nothing written");
                }
            }
            if (offset != null && offset.keyFileRaw() && lineBreak(s.subject())) {
                List<String> values = SubjectOffset.rawKeyValues(s.subject());
                int i = 0;
                while (i < values.size() - 1 && !lineBreak(values.get(i))) {
                    i++;
                }
                throw new PolicyException(r.input() + ": the subject key's " + FiffKind.describe(offset.keyTags().get(i))
                        + " holds a line break, which the key file (one row a line) cannot hold with \"keyFileRaw\":"
                        + " true; nothing written. Correct the tag, or let the key file hold the keyed hash");
            }
            if (lineBreak(pseudonym)) {
                throw new PolicyException(r.input() + ": the new value of " + FiffKind.describe(pseudonymTag)
                        + " holds a line break, which the key file's pseudonym column (one row a line) cannot hold;"
                        + " nothing written");
            }
            rows.add(new Row(absolute(r.input()), absolute(r.output()), s.subject(), pseudonym, s.days(), birthday,
                    iso(r.measurementDate()), iso(r.newMeasurementDate())));
        }
        return rows;
    }

    private static boolean lineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /**
     * A local path made absolute, so that runs from other folders name one input alike; a URI ({@code hdfs://...},
     * {@code s3a:...}) as it is.
     */
    private static String absolute(String name) {
        if (name.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return name;
        }
        try {
            return Path.of(name).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return name;
        }
    }

    private static String iso(Optional<FiffTime> t) {
        return t.filter(x -> !x.isNone()).map(x -> x.toInstant().toString()).orElse("");
    }

    /**
     * Reads the rows of the key file.
     *
     * @return its rows; none when it does not exist
     * @throws IOException when it cannot be read or is not a key file (the message names the file and line)
     */
    public List<Row> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (CharacterCodingException e) {
            throw new KeyFileException(path + ": not a FiffKit key file (not UTF-8 text); give another key file, or"
                    + " move this file away");
        } catch (IOException e) {
            throw new KeyFileException(path + ": the key file cannot be read (" + reason(e) + ")", e);
        }
        List<Row> rows = new ArrayList<>();
        if (lines.isEmpty() || (lines.size() == 1 && lines.get(0).isEmpty())) {
            return rows;
        }
        if (!lines.get(0).equals(HEADER)) {
            throw new KeyFileException(path + ": line 1: not a FiffKit key file (the first line must be the header "
                    + HEADER + "); give another --key-file, or move this file away");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> f = Csv.fields(lines.get(i));
            Integer days = f == null || f.size() != 8 ? null : days(f.get(4));
            if (days != null && !f.get(5).isEmpty() && days(f.get(5)) == null) {
                days = null;
            }
            if (days == null) {
                throw new KeyFileException(path + ": line " + (i + 1) + ": not a row of a key file (8 fields, the fifth a"
                        + " number of days, the sixth one too or empty); correct or remove that line");
            }
            rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), days, f.get(5), f.get(6), f.get(7)));
        }
        return rows;
    }

    /**
     * Checks, before any recording is done, that the key file can be used: its folder exists and can be written,
     * and the file, when there, is a key file whose rows can be read. A run that would otherwise find this out at
     * its first recording stops before any work. A key file that others may read or write gets mode 0600 (on a
     * POSIX file system), also when the run adds nothing to it.
     *
     * @throws KeyFileException naming the key file and the problem
     */
    public void checkUsable() throws KeyFileException {
        Path target;
        try {
            target = target();
        } catch (IOException e) {
            throw new KeyFileException(path + ": the key file cannot be found (" + reason(e) + ")", e);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new KeyFileException(path + ": the key file's folder " + dir + " does not exist; create it, or"
                    + " give another key file");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new KeyFileException(path + ": not a file; give the key file's path");
        }
        if (!Files.isWritable(dir)) {
            throw new KeyFileException(path + ": the key file's folder " + dir + " cannot be written (a key file"
                    + " is written anew next to itself)");
        }
        try {
            read();
            if (othersMay(target)) {
                locked(target, () -> ownerOnly(target, read()));
            }
        } catch (KeyFileException e) {
            throw e;
        } catch (IOException e) {
            throw new KeyFileException(path + ": the key file cannot be read (" + reason(e) + ")", e);
        }
    }

    /**
     * Where the key file's bytes go: the path made absolute, through a symbolic link to its target (a link's
     * target, not the link, is written anew).
     */
    private Path target() throws IOException {
        Path abs = path.toAbsolutePath();
        if (Files.exists(abs)) {
            return abs.toRealPath();
        }
        if (Files.isSymbolicLink(abs)) {
            // a link to a file that is not there yet: the file is made where the link points
            Path to = abs.getParent().resolve(Files.readSymbolicLink(abs)).normalize();
            return to.getParent() != null && Files.isDirectory(to.getParent())
                    ? to.getParent().toRealPath().resolve(to.getFileName()) : to;
        }
        Path dir = abs.getParent();
        return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(abs.getFileName()) : abs;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Integer days(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Adds rows: waits for any other append to this key file (this process's or another's), checks the rows against
     * the rows there already and writes the whole file anew, atomically, mode 0600. A row that is there already is
     * not added again (a key file that others may read or write then still gets mode 0600); see {@link KeyFile} for
     * an output written again and for the lock file.
     *
     * @param rows the new rows
     * @throws PolicyException when a row gives a subject of another row another offset (the file is unchanged)
     * @throws IOException     when the key file cannot be read or written (it is then unchanged)
     */
    public void append(List<Row> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        Path target;
        try {
            target = target();
        } catch (IOException e) {
            throw new KeyFileException(path + ": the key file cannot be written (" + reason(e) + "); it is unchanged",
                    e);
        }
        locked(target, () -> {
            List<Row> before = read();
            List<Row> all = merged(before, rows, path);
            if (!all.equals(before)) {
                write(target, all);
            } else {
                ownerOnly(target, before);
            }
        });
    }

    /** Something done with the key file while this run holds it. */
    private interface Locked {
        void run() throws IOException;
    }

    /**
     * Does something while no other append to the same key file runs: in this process (any instance) and, through
     * the lock file beside it, in any other process.
     */
    private void locked(Path target, Locked action) throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(target, t -> new Object())) {
            Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
            FileChannel ch;
            try {
                ch = openLockFile(lockFile);
            } catch (IOException e) {
                throw new KeyFileException(path + ": the key file cannot be written (its lock file " + lockFile
                        + " cannot be opened: " + reason(e) + "); it is unchanged", e);
            }
            try (ch) {
                FileLock lock = lock(ch, lockFile);
                try {
                    action.run();
                } finally {
                    if (lock != null) {
                        lock.release();
                    }
                }
            }
        }
    }

    private static FileChannel openLockFile(Path lockFile) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
            return FileChannel.open(lockFile, options);
        }
    }

    /**
     * Waits for the lock file's lock. Another instance of this process that reached the same file by another path
     * (a bind mount, a case-insensitive name) holds it through another channel: wait for it to let go. A file system
     * without locks gives none (null): only this process's appends then take turns.
     */
    private FileLock lock(FileChannel ch, Path lockFile) throws IOException {
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException(path + ": interrupted while waiting for the key file");
                }
            } catch (FileLockInterruptionException | ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                LOG.warn("{}: the key file's lock file {} cannot be locked ({}); appends of other processes to this"
                        + " key file do not wait for this run", path, lockFile, reason(e));
                return null;
            }
        }
    }

    /** Whether the key file (when there, on a POSIX file system) has a permission for its group or others. */
    private static boolean othersMay(Path target) throws IOException {
        try {
            return Files.getPosixFilePermissions(target).stream()
                    .anyMatch(p -> !p.name().startsWith("OWNER_"));
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Gives an existing key file that others may read or write mode 0600; one this user cannot change the mode of
     * (another user's, in a folder this user may write) is written anew, as this user's, from its rows.
     */
    private void ownerOnly(Path target, List<Row> rows) throws IOException {
        if (!othersMay(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(target, OWNER_ONLY);
        } catch (IOException e) {
            write(target, rows);
        }
    }

    /**
     * Checks rows against the rows of a key file without writing anything, as {@link #append} does: for a worker
     * that has the rows read where the key file is (a Spark job's driver) and must refuse a recording before its
     * outputs are in place.
     *
     * @param known the key file's rows
     * @param rows  the new rows
     * @throws PolicyException when a row gives a subject or input of another row another offset
     */
    public static void check(List<Row> known, List<Row> rows) throws PolicyException {
        merged(known, rows, null);
    }

    /**
     * The rows of a key file with some added; a conflict is a {@link PolicyException}. Every new row is checked
     * against every row there already, before any of them is replaced: a row is what binds its subject and its input
     * to an offset, so an output written again by another input keeps the earlier input's row, with its output
     * emptied (that file no longer holds that recording).
     */
    private static List<Row> merged(List<Row> before, List<Row> rows, Path path) throws PolicyException {
        List<Row> all = new ArrayList<>(before);
        for (Row row : rows) {
            if (all.contains(row)) {
                continue;
            }
            for (Row other : all) {
                boolean sameSubject = !row.subjectKey().isEmpty() && other.subjectKey().equals(row.subjectKey());
                boolean sameInput = other.input().equals(row.input());
                if ((sameSubject || sameInput) && !sameOffsets(other, row)) {
                    int line = before.indexOf(other);
                    String where = line < 0 ? "another recording of this run"
                            : "line " + (line + 2) + " of the key file" + (path == null ? "" : " " + path);
                    throw new PolicyException(row.input() + ": " + (sameSubject ? "the subject of this recording"
                            : "this recording") + " has another date offset in " + where + " ("
                            + (sameSubject ? "the same subject key" : "the same input") + ", " + difference(other, row)
                            + "; nothing written. Use the study's secret, ranges and tables, or start a new key file");
                }
            }
            // the same input written again to the same output: its row is replaced (same subject and offsets)
            all.removeIf(r -> r.output().equals(row.output()) && r.input().equals(row.input())
                    && sameOffsets(r, row) && r.subjectKey().equals(row.subjectKey()));
            // another input's output written over: that input's row stays, without the output
            all.replaceAll(r -> r.output().equals(row.output()) && !r.input().equals(row.input())
                    ? new Row(r.input(), "", r.subjectKey(), r.pseudonym(), r.offsetDays(), r.birthdayOffsetDays(),
                            r.before(), r.after())
                    : r);
            all.add(row);
        }
        return new ArrayList<>(new LinkedHashSet<>(all));
    }

    /**
     * Which offset columns of two rows differ, and what may have changed: the measurement date's offset, the
     * birthday's own offset (or whether the birthday has one), or both. Never a value.
     */
    private static String difference(Row a, Row b) {
        boolean days = a.offsetDays() != b.offsetDays();
        boolean birthday = !a.birthdayOffsetDays().equals(b.birthdayOffsetDays());
        if (days && birthday) {
            return "a different offsetDays and birthdayOffsetDays): the secret, the ranges or the tables of offsets"
                    + " of the measurement date and the birthday changed since";
        }
        if (days) {
            return "a different offsetDays): the secret, the range or the table of offsets of the measurement date"
                    + " (dates.measurement.offsetDays) changed since";
        }
        return "a different birthdayOffsetDays): the birthday's own offset (dates.birthday.offsetDays: its secret,"
                + " range or table, or whether the birthday has an offset of its own) changed since";
    }

    /** Both offsets equal (a birthday offset absent from both, or the same). */
    private static boolean sameOffsets(Row a, Row b) {
        return a.offsetDays() == b.offsetDays() && a.birthdayOffsetDays().equals(b.birthdayOffsetDays());
    }

    private void write(Path target, List<Row> rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            text.append(r.line()).append('\n');
        }
        Path temp = null;
        try {
            temp = createTemporary(target.getParent(), target.getFileName().toString());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            OutputFiles.DEFAULT.commit(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new KeyFileException(path + ": the key file cannot be written (" + reason(e) + "); it is unchanged",
                    e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static Path createTemporary(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(dir, "." + name + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
            return Files.createTempFile(dir, "." + name + ".", ".tmp");
        }
    }

    @Override
    public String toString() {
        return "KeyFile[" + path + "]";
    }
}
