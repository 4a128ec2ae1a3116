package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagInfo;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWarning;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming pass over one file: reads the input's chain tag by tag, lets the first matching rule decide each
 * tag, copies the tags it keeps channel to channel without reading them, writes the tags an action changes, and
 * records every change, warning and original value for the leak check. It is the {@link ActionContext} the
 * actions see while it stands on a tag. One instance per file and run; not thread-safe.
 *
 * <p>Logs each decision at DEBUG (tag kind, block path, offset, action, the rule that decided), and the tags no
 * rule matched that are copied unchanged at TRACE; never a value. The tags it keeps whose kind usually holds
 * personal data are collected in {@link #kept}.
 */
final class TagPass implements ActionContext {
    /** Old and new values longer than this are cut in the results. */
    private static final int DISPLAY_LIMIT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(TagPass.class);

    private final Engine.Settings settings;
    private final String name;
    private final FileFacts facts;
    private final DateModel model;
    private final Optional<FiffTime> reference;
    private final Engine.Recording rec;
    private final PolicyOptions options;
    final List<TagChange> changes = new ArrayList<>();
    /**
     * When not {@code null} (a dry run that a verification against the original makes), receives every measurement
     * date and birthday the output holds, in file order, with the value it holds whether or not the policy changed
     * it ({@code null} for one too large to read); the tags the policy removes are not there.
     */
    List<TagChange> dates;
    final List<String> warnings = new ArrayList<>();
    final LeakChecker leaks = new LeakChecker();
    /** The tags copied unchanged whose kind usually holds personal data. */
    final KeptPhi kept = new KeptPhi();
    private final boolean debug = LOG.isDebugEnabled();
    private final boolean trace = LOG.isTraceEnabled();
    /** The origin of a decision no rule made, as results name it. */
    private final String unmatchedOrigin;
    /** Told how far the output has got, or {@code null}. */
    LongConsumer progress;
    /** Told every tag of the output, for a forward write after a dry pass, or {@code null}. */
    Layout layout;
    long tagsRead;
    long tagsWritten;
    long inputSize;
    long outputSize;
    /** True while the output is being written: a failure then is the output's, not the input's. */
    boolean writing;
    /** Whether the output has a directory pointer, which a fresh directory needs. */
    private boolean tagsWrittenIncludesPointer;

    private TagHeader tag;
    private BlockPath path;
    private byte[] data;

    TagPass(Engine.Settings settings, String name, FileFacts facts, DateModel model, Optional<FiffTime> reference,
            Engine.Recording rec) {
        this.settings = settings;
        this.name = name;
        this.facts = facts;
        this.model = model;
        this.reference = reference;
        this.rec = rec;
        this.options = settings.policy().options();
        this.unmatchedOrigin = "unmatched: " + settings.policy().unmatched().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Runs the pass.
     *
     * @param reader the input, before its first tag
     * @param out    the temporary output, or {@code null} for a dry run
     * @throws IOException when reading or writing fails, the input breaks the format or an action fails
     */
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
                } else {
                    decided(action, origin, "unchanged");
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
                String keptBy = rule == null ? unmatchedOrigin : rule.origin();
                kept.kept(kind, path, keptBy);
                if (dates != null && isDate(kind)) {
                    // copied unchanged: the output holds the original's value
                    byte[] value = writer == null && tag.size() <= readLimit() ? reader.readData() : null;
                    expectDate(rule == null ? "copied" : rule.action().name(), keptBy, tag.type(), value);
                }
                if (rule != null) {
                    decided(rule.action().name(), keptBy, "copied");
                } else if (trace) {
                    LOG.trace("{}: {} in {} at offset {}: copied ({})", name, FiffKind.describe(kind), path,
                            tag.position(), keptBy);
                }
                if (layout != null) {
                    layout.copy(tag);
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
            } else {
                decided(rule.action().name(), rule.origin(), "unchanged");
            }
            if (dates != null && isDate(kind)) {
                expectDate(rule.action().name(), rule.origin(), newType, newData);
            }
            lastHeader = write(writer, kind, newType, newData);
        }
        for (FiffWarning w : reader.warnings()) {
            warnings.add(w.toString());
        }
        if (layout != null) {
            layout.end(settings.writeDirectory() && tagsWrittenIncludesPointer, reader.isTerminated());
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


    private long write(FiffWriter writer, int kind, int type, byte[] bytes) throws IOException {
        tagsWritten++;
        if (kind == FiffKind.DIR_POINTER) {
            tagsWrittenIncludesPointer = true;
        }
        if (layout != null) {
            layout.tag(kind, type, bytes);
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
        decided(action, origin, newData == null ? "removed" : "changed");
        if (leak && old != null) {
            leaks.changed(tag.kind(), tag.type(), old, newType, newData);
        }
    }

    private static boolean isDate(int kind) {
        return kind == FiffKind.MEAS_DATE || kind == FiffKind.SUBJ_BIRTH_DAY;
    }

    /** Adds the current tag to {@link #dates} with the value the output holds (or {@code null}: not known). */
    private void expectDate(String action, String origin, int type, byte[] value) {
        dates.add(new TagChange(tag.position(), tag.kind(), path, action, origin, null,
                value == null ? null : display(type, value)));
    }

    /** Logs a decision about the current tag: where it is and which rule did what, never its value. */
    private void decided(String action, String origin, String effect) {
        if (debug) {
            LOG.debug("{}: {} in {} at offset {}: {} by {} ({})", name, FiffKind.describe(tag.kind()), path,
                    tag.position(), action, origin, effect);
        }
    }

    private String display(int type, byte[] bytes) {
        return display(tag.kind(), type, bytes);
    }

    /** A value as changes show it (the verifier compares an output's dates with a dry run's in this form). */
    static String display(int kind, int type, byte[] bytes) {
        if (type == FiffType.STRING) {
            String s = TagData.string(bytes);
            return s.length() > DISPLAY_LIMIT ? s.substring(0, DISPLAY_LIMIT) + "..." : s;
        }
        return TagData.describe(kind, type, bytes, DISPLAY_LIMIT);
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
            throw fail(e.getMessage());
        }
    }

    @Override
    public OptionalInt moveBirthday(int julianDay) throws PolicyException {
        try {
            return model.moveBirthday(julianDay);
        } catch (ArithmeticException e) {
            throw fail(e.getMessage());
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
