package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.TagInfo;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;

import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWarning;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * One file through a policy: the pre-scan, then one streaming pass from the input chain to a temporary file
 * next to the target, then (on {@link Pending#commit()}) the atomic move. Tags a rule keeps are copied channel
 * to channel without being read; only the tags an action changes are read into memory.
 */
public final class Engine {
    /** Opens the input, once for the pre-scan and once for the pass. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param limits reader limits
         * @return a reader before the first tag
         * @throws IOException when the input cannot be opened
         */
        FiffReader open(FiffLimits limits) throws IOException;
    }

    /**
     * How a run is configured.
     *
     * @param policy          the policy
     * @param rules           its resolved rules
     * @param recordOldValues whether changes keep the old values as text
     * @param leakCheck       whether the output is searched for original values
     * @param writeDirectory  whether the output gets a fresh tag directory
     * @param limits          reader limits
     * @param files           the file layer
     * @param ruleValueLimit  the largest tag, in bytes, that a rule may read (PHI tags are small; a larger one
     *                        fails with {@link FiffFormatException.Problem#LIMIT_EXCEEDED} instead of filling
     *                        the memory)
     */
    public record Settings(Policy policy, List<Rule> rules, boolean recordOldValues, boolean leakCheck,
            boolean writeDirectory, FiffLimits limits, OutputFiles files, long ruleValueLimit) {
    }

    /**
     * What the parts of one recording share.
     *
     * @param reference      the recording's measurement date, when the caller knows it (empty: the file's own)
     * @param referenceNames maps a referenced file's base name to the name to write
     */
    public record Recording(Optional<FiffTime> reference, UnaryOperator<String> referenceNames) {
        /** A lone file: its own measurement date, referenced names reduced to base names. */
        public static final Recording SINGLE = new Recording(Optional.empty(), UnaryOperator.identity());
    }

    private static final int DISPLAY_LIMIT = 4096;

    private final Settings settings;

    /**
     * @param settings the configuration
     */
    public Engine(Settings settings) {
        this.settings = settings;
    }

    /**
     * Reads only what the pre-scan needs.
     *
     * @param opener the input
     * @param name   its name for messages
     * @return the facts
     * @throws IOException when the input cannot be read or is not FIFF
     */
    public FileFacts scan(Opener opener, String name) throws IOException {
        try (FiffReader reader = open(opener, name)) {
            return FileFacts.scan(reader, settings.rules());
        } catch (FiffFormatException e) {
            throw e;
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private FiffReader open(Opener opener, String name) throws IOException {
        try {
            return opener.open(settings.limits());
        } catch (FiffFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(name + ": cannot open: " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** An output written to a temporary file, waiting to be committed or discarded. */
    public final class Pending {
        private final Path temp;
        private final Path target;
        private final AnonymizationResult result;
        private boolean done;

        Pending(Path temp, Path target, AnonymizationResult result) {
            this.temp = temp;
            this.target = target;
            this.result = result;
        }

        /** @return what the run did */
        public AnonymizationResult result() {
            return result;
        }

        /** @return the file the output is committed to, or {@code null} for a dry run */
        public Path target() {
            return target;
        }

        /** @return the temporary file holding the output, or {@code null} for a dry run */
        public Path temp() {
            return temp;
        }

        /**
         * Moves the output onto its target.
         *
         * @throws IOException when the move fails (the temporary file is then deleted)
         */
        public void commit() throws IOException {
            if (done || temp == null) {
                return;
            }
            done = true;
            try {
                settings.files().commit(temp, target);
            } catch (IOException | RuntimeException e) {
                quietDiscard(temp);
                throw e;
            }
        }

        /** Records that the output was moved onto its target by other means ({@link OutputFiles#commitAll}). */
        public void committed() {
            done = true;
        }

        /** Deletes the temporary file. */
        public void discard() {
            if (!done && temp != null) {
                done = true;
                quietDiscard(temp);
            }
        }
    }

    private void quietDiscard(Path temp) {
        try {
            settings.files().discard(temp);
        } catch (IOException | RuntimeException e) {
            // nothing more can be done; the name marks it as ours for the next run's clean-up
        }
    }

    /**
     * Runs a file through the policy.
     *
     * @param opener   the input
     * @param name     its name for messages and reports
     * @param target   the output file, or {@code null} for a dry run
     * @param compress whether the output is gzip-compressed
     * @param facts    the pre-scan's facts for this file
     * @param rec      what the recording's parts share
     * @return the written (not yet committed) output
     * @throws IOException as documented by the anonymizer
     */
    public Pending run(Opener opener, String name, Path target, boolean compress, FileFacts facts, Recording rec)
            throws IOException {
        Optional<FiffTime> reference = rec.reference().isPresent() ? rec.reference() : facts.measurementDate();
        DateModel model = DateModel.resolve(settings.policy().dates(), reference);
        Optional<FiffTime> movedReference;
        try {
            movedReference = reference.map(model::moveTime);
        } catch (ArithmeticException e) {
            throw new PolicyException("moving the measurement date " + reference.orElseThrow()
                    + " leaves the 32-bit range of FIFF time", name, -1, FiffKind.MEAS_DATE, null);
        }
        Path temp = null;
        FileChannel channel = null;
        Path packed = null;
        try {
            List<Path> stale = List.of();
            if (target != null) {
                stale = settings.files().removeStale(target);
                temp = settings.files().createTemporary(target);
                channel = settings.files().open(temp);
                holdLock(channel);
            }
            Pass pass = new Pass(name, facts, model, reference, rec);
            for (Path p : stale) {
                pass.warnings.add("removed " + p.getFileName() + ", a temporary file left by an interrupted run");
            }
            // closed (its write-backs done, a failure thrown) before the force below; the uncompressed temporary
            // file of a compressed output is never forced, so it gets no write-back either
            try (Writeback writeback = channel == null || compress ? null
                    : new Writeback(channel, settings.files(), Writeback.STEP)) {
                pass.progress = writeback;
                try (FiffReader reader = open(opener, name)) {
                    pass.run(reader, channel);
                } catch (FiffFormatException | PolicyException | InputException e) {
                    throw e;
                } catch (IOException e) {
                    if (pass.writing) {
                        throw e;
                    }
                    throw new InputException(name + ": cannot read: " + describe(e), e);
                }
            }
            List<LeakHit> leaks = List.of();
            if (channel != null) {
                if (!compress) {
                    // the one force before the move; a compressed output forces its packed copy instead
                    settings.files().force(channel);
                }
                channel.close();
                channel = null;
                if (settings.leakCheck()) {
                    leaks = pass.leaks.check(temp, settings.limits());
                }
                if (compress) {
                    packed = settings.files().createTemporary(target);
                    gzip(temp, packed);
                    quietDiscard(temp);
                    temp = packed;
                    packed = null;
                }
            }
            AnonymizationResult result = new AnonymizationResult(name, target == null ? null : target.toString(),
                    settings.policy().name(), pass.changes, pass.warnings, leaks,
                    settings.leakCheck() ? pass.leaks.notChecked() : List.of(), reference,
                    movedReference, pass.tagsRead, pass.tagsWritten, pass.inputSize,
                    pass.outputSize, null, null, settings.leakCheck() && target != null);
            Pending pending = new Pending(temp, target, result);
            temp = null;
            return pending;
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // already failing
                }
            }
            if (temp != null) {
                quietDiscard(temp);
            }
            if (packed != null) {
                quietDiscard(packed);
            }
        }
    }

    /**
     * Locks a temporary file for as long as its channel is open, so that {@link OutputFiles#removeStale} of another
     * run leaves it alone; the operating system drops the lock when this process dies.
     */
    private static void holdLock(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | RuntimeException e) {
            // a file system without locks: the temporary file is still written and committed as usual
        }
    }

    /**
     * The deflate level of compressed outputs: 2, the level MNE-Python writes {@code .fif.gz} with. On recorded
     * data zlib's default (6) took five times as long for a file 8% smaller.
     */
    static final int GZIP_LEVEL = 2;

    private void gzip(Path from, Path to) throws IOException {
        try (FileChannel out = settings.files().open(to)) {
            holdLock(out);
            // the write-back closes (its failure thrown) after the stream has written the trailer, before the force
            try (Writeback writeback = new Writeback(out, settings.files(), Writeback.STEP);
                    InputStream in = java.nio.file.Files.newInputStream(from);
                    OutputStream z = new GZIPOutputStream(counted(Channels.newOutputStream(out), writeback),
                            64 * 1024) {
                        {
                            def.setLevel(GZIP_LEVEL);
                        }

                        @Override
                        public void close() throws IOException {
                            finish();
                            flush();
                        }
                    }) {
                in.transferTo(z);
            }
            settings.files().force(out);
        }
    }

    /** A stream that tells {@code progress} how many bytes went through it so far. */
    private static OutputStream counted(OutputStream out, LongConsumer progress) {
        return new java.io.FilterOutputStream(out) {
            private long count;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress.accept(++count);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                count += len;
                progress.accept(count);
            }
        };
    }

    /** The streaming pass over one file. */
    private final class Pass implements ActionContext {
        private final String name;
        private final FileFacts facts;
        private final DateModel model;
        private final Optional<FiffTime> reference;
        private final Recording rec;
        private final PolicyOptions options = settings.policy().options();
        final List<TagChange> changes = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final LeakChecker leaks = new LeakChecker();
        /** Told how far the output has got, or {@code null}. */
        LongConsumer progress;
        long tagsRead;
        long tagsWritten;
        long inputSize;
        long outputSize;
        boolean writing;

        private TagHeader tag;
        private BlockPath path;
        private byte[] data;

        Pass(String name, FileFacts facts, DateModel model, Optional<FiffTime> reference, Recording rec) {
            this.name = name;
            this.facts = facts;
            this.model = model;
            this.reference = reference;
            this.rec = rec;
        }

        void run(FiffReader reader, FileChannel out) throws IOException {
            inputSize = reader.size();
            FiffWriter writer = out == null ? null : new FiffWriter(out, false).progress(progress);
            long lastHeader = -1;
            boolean mriWarned = false;
            for (tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
                tagsRead++;
                path = reader.blockPath();
                data = null;
                int kind = tag.kind();
                if (kind == FiffKind.MRI_PIXEL_DATA && !mriWarned) {
                    mriWarned = true;
                    warn("the file contains MRI pixel data: a face can be reconstructed from it, and FiffKit cannot"
                            + " anonymize MRI data");
                }
                byte[] newData;
                int newType = tag.type();
                String action;
                String origin;
                if (tagsRead == 2 && kind == FiffKind.DIR_POINTER) {
                    newData = TagData.ofInts(-1);
                    action = "notCopied";
                    origin = "structure";
                    if (tag.size() == 0) {
                        warn("FIFF_DIR_POINTER has no data; it is written as -1");
                    }
                    byte[] old = tag.size() >= 4 && tag.size() <= 64 ? reader.readData() : null;
                    if (old == null || !Arrays.equals(old, newData)) {
                        record(action, origin, old, newType, newData, false);
                    }
                    lastHeader = write(writer, kind, FiffType.INT, newData);
                    newType = FiffType.INT;
                    continue;
                }
                if (kind == FiffKind.DIR || (kind == FiffKind.FREE_LIST && path.isRoot())) {
                    record("notCopied", "structure", null, newType, null, false);
                    continue;
                }
                Rule rule = match(new TagInfo(tag, path));
                if (rule == null || !rule.action().readsData()) {
                    boolean remove = rule == null ? settings.policy().unmatched() == Unmatched.REMOVE
                            : rule.action().name().equals("remove");
                    if (remove && !Policy.STRUCTURAL_KINDS.contains(kind)) {
                        if (rule != null && tag.size() <= readLimit()) {
                            data = reader.readData();
                        }
                        record("remove", rule == null ? "unmatched: remove" : rule.origin(), data, newType, null,
                                data != null);
                        continue;
                    }
                    if (writer != null) {
                        lastHeader = writer.position();
                        writing = true;
                        writer.copyTag(reader, TagHeader.NEXT_SEQUENTIAL);
                        writing = false;
                    }
                    tagsWritten++;
                    continue;
                }
                if (tag.size() > readLimit()) {
                    throw new FiffFormatException(FiffFormatException.Problem.LIMIT_EXCEEDED, "tag "
                            + FiffKind.describe(kind) + " at offset " + tag.position() + " holds " + tag.size()
                            + " bytes; a rule must read it (" + rule.action().name() + ") and the limit is "
                            + readLimit() + " bytes", name, tag.position(), kind, path);
                }
                data = reader.readData();
                Outcome outcome = rule.action().apply(this);
                if (outcome instanceof Outcome.Remove) {
                    if (Policy.STRUCTURAL_KINDS.contains(kind)) {
                        throw fail("the action " + rule.action().name() + " may not remove a structural tag");
                    }
                    record(rule.action().name(), rule.origin(), data, newType, null, true);
                    continue;
                }
                newData = data;
                if (outcome instanceof Outcome.Replace rep) {
                    newType = rep.type();
                    newData = rep.data();
                }
                if (newType != tag.type() || !Arrays.equals(newData, data)) {
                    record(rule.action().name(), rule.origin(), data, newType, newData, true);
                }
                lastHeader = write(writer, kind, newType, newData);
            }
            for (FiffWarning w : reader.warnings()) {
                warnings.add(w.toString());
            }
            if (writer != null) {
                writing = true;
                if (settings.writeDirectory() && tagsWrittenIncludesPointer) {
                    writer.endFileWithDirectory();
                    tagsWritten++;
                } else {
                    writer.flush();
                    if (reader.isTerminated() && lastHeader >= 0) {
                        out.write(ByteBuffer.wrap(TagData.ofInts(TagHeader.NEXT_NONE)), lastHeader + 12);
                    }
                }
                writer.flush();
                outputSize = writer.position();
                writing = false;
            }
        }

        private boolean tagsWrittenIncludesPointer;

        private long write(FiffWriter writer, int kind, int type, byte[] bytes) throws IOException {
            tagsWritten++;
            if (kind == FiffKind.DIR_POINTER) {
                tagsWrittenIncludesPointer = true;
            }
            if (writer == null) {
                return -1;
            }
            long at = writer.position();
            writing = true;
            writer.writeTag(kind, type, bytes, TagHeader.NEXT_SEQUENTIAL);
            writing = false;
            return at;
        }

        private Rule match(TagInfo info) {
            for (Rule r : settings.rules()) {
                if (r.selector().matches(info)) {
                    return r;
                }
            }
            return null;
        }

        private void record(String action, String origin, byte[] old, int newType, byte[] newData, boolean leak) {
            String oldText = settings.recordOldValues() && old != null ? display(tag.type(), old) : null;
            String newText = newData == null ? null : display(newType, newData);
            changes.add(new TagChange(tag.position(), tag.kind(), path, action, origin, oldText, newText));
            if (leak && old != null) {
                leaks.changed(tag.kind(), tag.type(), old, newType, newData);
            }
        }

        private String display(int type, byte[] bytes) {
            if (type == FiffType.STRING) {
                String s = TagData.string(bytes);
                return s.length() > DISPLAY_LIMIT ? s.substring(0, DISPLAY_LIMIT) + "..." : s;
            }
            return TagData.describe(tag.kind(), type, bytes, DISPLAY_LIMIT);
        }

        // ---- ActionContext ----

        @Override
        public TagHeader tag() {
            return tag;
        }

        @Override
        public BlockPath blockPath() {
            return path;
        }

        @Override
        public String source() {
            return name;
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public String text() {
            return TagData.string(data);
        }

        @Override
        public PolicyOptions options() {
            return options;
        }

        @Override
        public Optional<FiffTime> measurementDate() {
            return reference;
        }

        @Override
        public FiffTime moveTime(FiffTime original) throws PolicyException {
            try {
                return model.moveTime(original);
            } catch (ArithmeticException e) {
                throw fail("moving the time " + original + " leaves the 32-bit range of FIFF time");
            }
        }

        @Override
        public OptionalInt moveBirthday(int julianDay) throws PolicyException {
            try {
                return model.moveBirthday(julianDay);
            } catch (ArithmeticException e) {
                throw fail("moving the birthday (Julian day " + julianDay + ") leaves the range of dates");
            }
        }

        @Override
        public Set<String> knownPhi() {
            return facts.phi();
        }

        @Override
        public String referenceName(String referencedName) {
            String base = referencedName;
            int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
            if (slash >= 0) {
                base = base.substring(slash + 1);
            }
            String mapped = rec.referenceNames().apply(base);
            return mapped == null ? base : mapped;
        }

        @Override
        public void warn(String message) {
            String w = tag == null ? message
                    : FiffKind.describe(tag.kind()) + " at offset " + tag.position() + ": " + message;
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        }

        private long readLimit() {
            return Math.min(settings.limits().maxValueSize(), settings.ruleValueLimit());
        }

        @Override
        public PolicyException fail(String detail) {
            return new PolicyException(detail, name, tag == null ? -1 : tag.position(),
                    tag == null ? null : tag.kind(), path);
        }
    }

    /**
     * Resolves whether a map holds a referenced name.
     *
     * @param names base names of the inputs to the names of their outputs
     * @return a function for {@link Recording}
     */
    public static UnaryOperator<String> names(Map<String, String> names) {
        return base -> names.getOrDefault(base, base);
    }
}
