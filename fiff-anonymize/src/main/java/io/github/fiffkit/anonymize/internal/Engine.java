package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file through a policy: the pre-scan ({@link FileFacts}), then one streaming pass ({@link TagPass}) from
 * the input chain to a temporary file next to the target, written back and forced to disk, leak-checked and packed
 * ({@link GzipPacker}) when asked; the caller then commits or discards the {@link PendingOutput}. Tags a rule
 * keeps are copied channel to channel without being read; only the tags an action changes are read into memory.
 *
 * <p>Logs, for an embedding application's logs and never with a value: each warning about an input and each leak
 * check hit at WARN, the tags a policy keeps that usually hold personal data at WARN (one line per file), and a
 * summary per file at DEBUG; {@link TagPass} logs each decision.
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
     * @param shift          the subject's date offsets, shared by every part (null: each part finds its own, or the
     *                       policy moves dates alike for every subject)
     */
    public record Recording(Optional<FiffTime> reference, UnaryOperator<String> referenceNames,
            SubjectShifts shift) {
        /** A lone file: its own measurement date, referenced names reduced to base names. */
        public static final Recording SINGLE = new Recording(Optional.empty(), UnaryOperator.identity());

        /**
         * Parts whose subject's offset each part finds for itself.
         *
         * @param reference      the recording's measurement date, when the caller knows it
         * @param referenceNames maps a referenced file's base name to the name to write
         */
        public Recording(Optional<FiffTime> reference, UnaryOperator<String> referenceNames) {
            this(reference, referenceNames, null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Settings settings;
    private final boolean warnKept;

    /**
     * An engine that anonymizes (or plans).
     *
     * @param settings the configuration
     */
    public Engine(Settings settings) {
        this(settings, true);
    }

    /**
     * @param settings the configuration
     * @param warnKept whether to log the tags the policy keeps that usually hold personal data (not when
     *                 verifying, where the policy is replayed on a file it already processed)
     */
    public Engine(Settings settings, boolean warnKept) {
        this.settings = settings;
        this.warnKept = warnKept;
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
            return FileFacts.scan(reader, settings.rules(), keyTags());
        } catch (FiffFormatException e) {
            throw e;
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The tags of the policy's subject keys, or none when it moves every subject's dates alike. */
    private List<Integer> keyTags() {
        return SubjectShifts.keyTags(settings.policy().dates());
    }

    /**
     * The subject's own date offsets for the parts of a recording.
     *
     * @param facts the parts' pre-scans, in order
     * @param name  the recording's name (its first part) for messages
     * @return the shifts, or {@code null} when the policy moves every subject's dates alike
     * @throws PolicyException when the subject has no offset and the policy names no fallback (never with a value)
     */
    public SubjectShifts subjectShift(List<FileFacts> facts, String name) throws PolicyException {
        return SubjectShifts.of(settings.policy().dates(), facts, name);
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
    public PendingOutput run(Opener opener, String name, Path target, boolean compress, FileFacts facts, Recording rec)
            throws IOException {
        Dates dates = dates(facts, rec, name);
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
            TagPass pass = new TagPass(settings, name, facts, dates.model(), dates.reference(), rec);
            for (Path p : stale) {
                pass.warnings.add("removed " + p.getFileName() + ", a temporary file left by an interrupted run");
            }
            // closed (its write-backs done, a failure thrown) before the force below; the uncompressed temporary
            // file of a compressed output is never forced, so it gets no write-back either
            try (Writeback writeback = channel == null || compress ? null
                    : new Writeback(channel, settings.files(), Writeback.STEP)) {
                pass.progress = writeback;
                runPass(pass, opener, name, channel);
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
                    GzipPacker.pack(settings.files(), temp, packed);
                    PendingOutput.discardQuietly(settings.files(), temp);
                    temp = packed;
                    packed = null;
                }
            }
            AnonymizationResult result = result(name, target == null ? null : target.toString(), pass, leaks, dates);
            log(name, pass, leaks);
            PendingOutput pending = new PendingOutput(settings.files(), temp, target, result);
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
                PendingOutput.discardQuietly(settings.files(), temp);
            }
            if (packed != null) {
                PendingOutput.discardQuietly(settings.files(), packed);
            }
        }
    }

    /** The dates of one file: the reference it moves by, the subject's offsets, the model and the moved date. */
    private record Dates(Optional<FiffTime> reference, SubjectShifts shift, DateModel model,
            Optional<FiffTime> moved) {
    }

    private Dates dates(FileFacts facts, Recording rec, String name) throws PolicyException {
        Optional<FiffTime> reference = rec.reference().isPresent() ? rec.reference() : facts.measurementDate();
        SubjectShifts shift = rec.shift() != null ? rec.shift() : subjectShift(List.of(facts), name);
        DateModel model = DateModel.resolve(settings.policy().dates(), reference,
                SubjectShifts.measurement(shift), SubjectShifts.birthday(shift));
        try {
            return new Dates(reference, shift, model, reference.map(model::moveTime));
        } catch (ArithmeticException e) {
            throw new PolicyException(e.getMessage(), name, -1, FiffKind.MEAS_DATE, null);
        }
    }

    private AnonymizationResult result(String name, String output, TagPass pass, List<LeakHit> leaks, Dates d) {
        return new AnonymizationResult(name, output, settings.policy().name(), pass.changes, pass.warnings, leaks,
                settings.leakCheck() ? pass.leaks.notChecked() : List.of(), d.reference(), d.moved(),
                pass.tagsRead, pass.tagsWritten, pass.inputSize, pass.outputSize, null, null,
                settings.leakCheck() && output != null, Optional.ofNullable(SubjectShifts.measurement(d.shift())),
                Optional.ofNullable(SubjectShifts.birthday(d.shift())));
    }

    /**
     * Lays a file's output out for a forward write (see {@link ForwardOutput}): the pass runs once without writing,
     * its actions' results kept in the layout; the leak check, when on, reads the laid-out output (the bytes the
     * write will give) before anything is written.
     *
     * @param opener the input, plain (not gzip-compressed)
     * @param input  the same input as a channel, from which the kept tags are copied
     * @param name   its name for messages and reports
     * @param output the output's name for the result
     * @param facts  the pre-scan's facts for this file
     * @param rec    what the recording's parts share
     * @return the output, not yet written
     * @throws IOException as for {@link #run}
     */
    public ForwardOutput layOut(Opener opener, java.nio.channels.SeekableByteChannel input, String name,
            String output, FileFacts facts, Recording rec) throws IOException {
        Dates dates = dates(facts, rec, name);
        TagPass pass = new TagPass(settings, name, facts, dates.model(), dates.reference(), rec);
        Layout layout = new Layout();
        pass.layout = layout;
        runPass(pass, opener, name, null);
        if (layout.directory()) {
            pass.tagsWritten++;
        }
        pass.outputSize = layout.size();
        List<LeakHit> leaks = List.of();
        if (settings.leakCheck()) {
            try (FiffReader r = FiffReader.open(layout.channel(input), name, settings.limits())) {
                leaks = pass.leaks.check(r);
            } catch (FiffFormatException | InputException e) {
                throw e;
            } catch (IOException e) {
                throw new InputException(name + ": cannot read: " + describe(e), e);
            }
        }
        AnonymizationResult result = result(name, output, pass, leaks, dates);
        log(name, pass, leaks);
        return new ForwardOutput(layout, input, name, result);
    }

    /** Runs a pass; a failure to read is the input's, a failure while writing the output's. */
    private void runPass(TagPass pass, Opener opener, String name, FileChannel channel) throws IOException {
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

    /**
     * What the leak check found in a file against its original.
     *
     * @param hits       the original values found, in the file's order
     * @param notChecked descriptions of original values too short to search
     * @param warnings   unusual things about the original
     * @param expectedMeasurementDate the measurement date the policy makes of the original's
     * @param perSubject whether that date moved by the subject's own offset
     * @param birthdayPerSubject whether the birthday moved by a subject's own offset (its own, or following the
     *                   measurement date's)
     * @param expectedDates what the policy makes of the original's measurement dates and birthdays, in file order:
     *                   every one the output holds, changed or not (an offset of 0 days leaves a date as it was),
     *                   the value in {@link TagChange#newValue()} ({@code null}: not known)
     */
    public record Comparison(List<LeakHit> hits, List<String> notChecked, List<String> warnings,
            Optional<FiffTime> expectedMeasurementDate, boolean perSubject, boolean birthdayPerSubject,
            List<TagChange> expectedDates) {
    }

    /**
     * The leak check of a file against its original: the policy runs on the original as a dry run, which tells
     * every value it changes and what it writes instead, and the file is searched for those values. Nothing is
     * written.
     *
     * @param original     the original
     * @param originalName its name for messages
     * @param facts        the original's pre-scan
     * @param rec          what the recording's parts share
     * @param file         the file to search, usually an output of this policy (plain or gzip-compressed)
     * @return the hits
     * @throws IOException when the original or the file cannot be read, or the policy cannot be applied
     */
    public Comparison compare(Opener original, String originalName, FileFacts facts, Recording rec, Path file)
            throws IOException {
        Optional<FiffTime> reference = rec.reference().isPresent() ? rec.reference() : facts.measurementDate();
        SubjectShifts shift = rec.shift() != null ? rec.shift() : subjectShift(List.of(facts), originalName);
        DateModel model = DateModel.resolve(settings.policy().dates(), reference,
                SubjectShifts.measurement(shift), SubjectShifts.birthday(shift));
        TagPass pass = new TagPass(settings, originalName, facts, model, reference, rec);
        pass.dates = new ArrayList<>();
        runPass(pass, original, originalName, null);
        Optional<FiffTime> expected;
        try {
            expected = reference.map(model::moveTime);
        } catch (ArithmeticException e) {
            throw new PolicyException(e.getMessage(), originalName, -1, FiffKind.MEAS_DATE, null);
        }
        List<LeakHit> hits;
        try {
            hits = pass.leaks.check(file, settings.limits());
        } catch (FiffFormatException | InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + describe(e), e);
        }
        for (LeakHit h : hits) {
            LOG.warn("{}: leak check against {}: {}", file, originalName, h);
        }
        boolean perSubject = SubjectShifts.measurement(shift) != null;
        boolean birthdayPerSubject = SubjectShifts.birthday(shift) != null || perSubject
                && settings.policy().dates().birthday() instanceof io.github.fiffkit.anonymize.policy.BirthdayDate
                        .FollowMeasurement;
        // every date the output holds, also one the policy left as it was (an offset of 0 days changes nothing,
        // and the output must then hold the original's value)
        return new Comparison(hits, pass.leaks.notChecked(), pass.warnings, expected, perSubject,
                birthdayPerSubject, List.copyOf(pass.dates));
    }

    private void log(String name, TagPass pass, List<LeakHit> leaks) {
        for (String w : pass.warnings) {
            LOG.warn("{}: {}", name, w);
        }
        if (warnKept && !pass.kept.isEmpty()) {
            LOG.warn("{}: the policy {} keeps tags that usually hold personal data: {}", name,
                    settings.policy().name(), pass.kept.describe());
        }
        for (LeakHit h : leaks) {
            LOG.warn("{}: leak check: {}", name, h);
        }
        LOG.debug("{}: {} tags read, {} written, {} changed, removed or not copied", name, pass.tagsRead,
                pass.tagsWritten, pass.changes.size());
    }

    /**
     * Locks a temporary file for as long as its channel is open, so that {@link OutputFiles#removeStale} of another
     * run leaves it alone; the operating system drops the lock when this process dies.
     */
    static void holdLock(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | RuntimeException e) {
            // a file system without locks: the temporary file is still written and committed as usual
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
