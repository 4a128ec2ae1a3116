package io.github.fiffkit.anonymize;


import io.github.fiffkit.anonymize.internal.FileFacts;
import io.github.fiffkit.anonymize.internal.UnclosableChannel;
import io.github.fiffkit.anonymize.internal.VerifyRules;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.Policy;

import io.github.fiffkit.anonymize.internal.Engine;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.FiffTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link Policy} to FIFF files. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * Anonymizer anonymizer = Anonymizer.builder()
 *         .brute(true)
 *         .measurementDateOffsetDays(35)
 *         .hisId("S01")
 *         .build();
 * AnonymizationResult result = anonymizer.anonymize(Path.of("sub01_raw.fif"), Path.of("sub01_raw_anon.fif"));
 * result.changes().forEach(c -> System.out.println(c.kindName() + " " + c.action()));
 * }</pre>
 *
 * <p>A file goes through a pre-scan (tag headers and small PHI tags only) and one streaming pass that copies
 * every tag the policy keeps channel to channel, byte for byte, and writes the tags it changes. The output is
 * written to a temporary file next to the target, forced to disk and moved onto the target atomically; after
 * any failure nothing is left behind, and the input is never modified. Input and output may be the same file.
 *
 * <p>Failures: {@link io.github.fiffkit.core.FiffFormatException} when an input breaks the format,
 * {@link InputException} when it cannot be read, {@link PolicyException} when the policy cannot be applied to
 * it, and a plain {@link IOException} when the output cannot be written.
 */
public final class Anonymizer {
    /**
     * The default of {@link Builder#maxRuleValueSize(long)}: 16 MiB, far more than any name, ID, date or comment
     * a rule reads, and small enough that a hostile file cannot fill the memory with one tag.
     */
    public static final long DEFAULT_MAX_RULE_VALUE_SIZE = 16L * 1024 * 1024;

    private final Policy policy;
    private final Engine engine;
    private final Engine verifyEngine;
    private final boolean digests;
    private final Builder settings;

    private Anonymizer(Builder b) {
        this.settings = b.copy();
        this.policy = b.resolvePolicy();
        this.digests = b.digests;
        this.engine = new Engine(new Engine.Settings(policy, policy.resolvedRules(), b.recordOldValues, b.leakCheck,
                b.writeDirectory, b.limits, b.files, b.maxRuleValueSize));
        Policy checked = VerifyRules.policy(policy);
        this.verifyEngine = new Engine(new Engine.Settings(checked, VerifyRules.rules(checked),
                b.recordOldValues, false, false, b.limits, b.files, b.maxRuleValueSize));
    }

    /** @return a builder with the {@code mne-anonymize} preset and the seed's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder pre-filled with this anonymizer's settings */
    public Builder rebuild() {
        return settings.copy();
    }

    /** @return the resolved policy this anonymizer applies (options and dates included) */
    public Policy policy() {
        return policy;
    }

    /**
     * Anonymizes one file. The output is gzip-compressed when its name ends in {@code .gz}.
     *
     * @param input  the input (plain or gzip-compressed)
     * @param output the output; may be the input itself (it is replaced only once the output is complete)
     * @return what was done
     * @throws IOException see the class description
     */
    public AnonymizationResult anonymize(Path input, Path output) throws IOException {
        return anonymizeRecording(List.of(input), List.of(output)).get(0);
    }

    /**
     * Anonymizes the parts of one split recording together: they share the measurement date shift, their IDs
     * stay consistent, and the file names in their references are rewritten to the output names (base names
     * only). Either every output is written or none is: the parts are moved into place with
     * {@link OutputFiles#commitAll}, so a part that cannot be moved in undoes the ones before it, and outputs that
     * existed before are then as they were.
     *
     * @param inputs  the parts, in order
     * @param outputs their outputs, in the same order
     * @return one result per part
     * @throws IOException see the class description
     */
    public List<AnonymizationResult> anonymizeRecording(List<Path> inputs, List<Path> outputs) throws IOException {
        if (inputs.size() != outputs.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("one output per input is needed: " + inputs.size() + " inputs, "
                    + outputs.size() + " outputs");
        }
        return recording(inputs, inputs.stream().map(Path::toString).toList(), outputs, null);
    }

    /**
     * The pass over the parts of a recording.
     *
     * @param inputs      the parts
     * @param inputNames  their names for messages and results
     * @param outputs     their outputs
     * @param outputNames the outputs' names for results, or {@code null} for the outputs' paths
     */
    private List<AnonymizationResult> recording(List<Path> inputs, List<String> inputNames, List<Path> outputs,
            List<String> outputNames) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.put(inputs.get(i).getFileName().toString(), outputs.get(i).getFileName().toString());
        }
        List<FileFacts> facts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            facts.add(engine.scan(opener(inputs.get(i), inputNames.get(i)), inputNames.get(i)));
        }
        Optional<FiffTime> reference = facts.get(0).measurementDate();
        Engine.Recording rec = new Engine.Recording(reference, Engine.names(names));
        List<Engine.Pending> pending = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Path target = resolveTarget(outputs.get(i));
                pending.add(engine.run(opener(inputs.get(i), inputNames.get(i)), inputNames.get(i), target,
                        isGzipName(target), facts.get(i), rec));
            }
            List<AnonymizationResult> results = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                AnonymizationResult r = pending.get(i).result();
                String inSha = digests ? Sha256.hex(inputs.get(i)) : r.inputSha256();
                String outSha = digests ? Sha256.hex(pending.get(i).temp()) : r.outputSha256();
                results.add(copy(r, outputNames == null ? r.output() : outputNames.get(i), inSha, outSha));
            }
            commitAll(pending);
            return results;
        } finally {
            for (Engine.Pending p : pending) {
                p.discard();
            }
        }
    }

    /**
     * Commits the parts of a recording all or nothing: one part is one atomic move, several go through
     * {@link OutputFiles#commitAll}.
     */
    private void commitAll(List<Engine.Pending> pending) throws IOException {
        if (pending.size() == 1) {
            pending.get(0).commit();
            return;
        }
        OutputFiles.commitAll(settings.files, pending.stream().map(Engine.Pending::temp).toList(),
                pending.stream().map(Engine.Pending::target).toList());
        pending.forEach(Engine.Pending::committed);
    }

    /**
     * Anonymizes from a stream to a stream, for files that are not on the default file system (HDFS, object
     * stores, archives). The output is named after the input's base name (gzip-compressed when that name ends in
     * {@code .gz}). See {@link #anonymizeRecording(List, List, List, List)}, which this calls with one part, for
     * the local temporary files it uses and what the caller does with {@code output} after a failure.
     *
     * @param input     the input, plain or gzip-compressed, read to its end (not closed)
     * @param inputName its name (a path or URI), for messages and the result
     * @param output    receives the anonymized file once it is complete (not closed)
     * @return what was done
     * @throws IOException see the class description
     */
    public AnonymizationResult anonymize(InputStream input, String inputName, OutputStream output)
            throws IOException {
        return anonymize(input, inputName, output, SplitRecording.baseName(inputName));
    }

    /**
     * Anonymizes from a stream to a stream under a given output name.
     *
     * @param input      the input, plain or gzip-compressed, read to its end (not closed)
     * @param inputName  its name (a path or URI), for messages and the result
     * @param output     receives the anonymized file once it is complete (not closed)
     * @param outputName the output's name (a path or URI): gzip-compressed when it ends in {@code .gz}
     * @return what was done
     * @throws IOException see the class description
     */
    public AnonymizationResult anonymize(InputStream input, String inputName, OutputStream output,
            String outputName) throws IOException {
        return anonymizeRecording(List.of(input), List.of(inputName), List.of(output), List.of(outputName)).get(0);
    }

    /**
     * Anonymizes the parts of a split recording from streams to streams, exactly as
     * {@link #anonymizeRecording(List, List)} does for files of the same base names: the results are
     * byte for byte the same.
     *
     * <p>The engine reads each input twice (a pre-scan, then the pass), so this method first copies every input
     * stream to a temporary local file; it writes every output to a temporary local file too, and copies the
     * outputs to their streams only once all of them are complete. The temporary files live in a fresh folder
     * under {@code java.io.tmpdir} (disk space: the inputs plus the outputs), named by the base names of
     * {@code inputNames} and {@code outputNames}, and are deleted before this method returns, whatever happens.
     *
     * <p>All or nothing, as far as a stream allows: when anonymizing fails (a broken or unreadable input, a policy
     * that cannot be applied, a full local disk), nothing has been written to any output stream. When writing to
     * an output stream itself fails (a write or a flush), the outputs are copied in order, so the streams before
     * it hold their complete outputs, that stream part of its output, and the streams after it nothing: a caller that must never expose a partial output writes to a temporary name and renames the outputs only
     * after this method returns (for a Hadoop file system: create {@code .name.tmp}, then rename).
     *
     * @param inputs      the parts, in order, each read to its end (not closed)
     * @param inputNames  their names (paths or URIs; the base names must differ), for messages and the results
     * @param outputs     the outputs, in the same order (not closed)
     * @param outputNames their names (paths or URIs; the base names must differ): the base names are written into
     *                    the parts' references, and a name ending in {@code .gz} makes a gzip-compressed output
     * @return one result per part, naming {@code inputNames} and {@code outputNames}
     * @throws InputException when an input stream cannot be read
     * @throws IOException    see the class description
     */
    public List<AnonymizationResult> anonymizeRecording(List<InputStream> inputs, List<String> inputNames,
            List<OutputStream> outputs, List<String> outputNames) throws IOException {
        int n = inputs.size();
        if (n == 0 || inputNames.size() != n || outputs.size() != n || outputNames.size() != n) {
            throw new IllegalArgumentException("one input name, output and output name per input is needed: " + n
                    + " inputs, " + inputNames.size() + " input names, " + outputs.size() + " outputs, "
                    + outputNames.size() + " output names");
        }
        Path work = Files.createTempDirectory("fiffkit-stream-");
        try {
            Path inDir = Files.createDirectory(work.resolve("in"));
            Path outDir = Files.createDirectory(work.resolve("out"));
            List<Path> localIn = new ArrayList<>();
            List<Path> localOut = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                localIn.add(localFile(inDir, inputNames.get(i)));
                localOut.add(localFile(outDir, outputNames.get(i)));
            }
            for (int i = 0; i < n; i++) {
                spool(Objects.requireNonNull(inputs.get(i), "input"), inputNames.get(i), localIn.get(i));
            }
            List<AnonymizationResult> results = recording(localIn, inputNames, localOut, outputNames);
            for (int i = 0; i < n; i++) {
                Files.copy(localOut.get(i), outputs.get(i));
                outputs.get(i).flush();
            }
            return results;
        } finally {
            deleteTree(work);
        }
    }

    /** Opens a file for the engine; a name other than the path's own goes into messages (a spooled stream). */
    private static Engine.Opener opener(Path in, String name) {
        if (name.equals(in.toString())) {
            return limits -> FiffReader.open(in, limits);
        }
        return limits -> FiffReader.open(java.nio.channels.FileChannel.open(in, StandardOpenOption.READ), name,
                limits);
    }

    /** Copies an input stream to a local file: a read failure is the input's, a write failure the local disk's. */
    private static void spool(InputStream in, String name, Path local) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new InputException(name + ": cannot read: " + e.getMessage(), e);
                }
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static Path localFile(Path dir, String name) throws IOException {
        String base = SplitRecording.baseName(Objects.requireNonNull(name, "name"));
        Path p = base.isEmpty() || base.equals(".") || base.equals("..") ? null : dir.resolve(base);
        if (p == null || !p.getParent().equals(dir)) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
        if (Files.exists(p)) {
            throw new IllegalArgumentException("two parts have the same base name: " + name);
        }
        Files.createFile(p);
        return p;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: temporary files of a finished run
        }
    }

    /**
     * Anonymizes from a channel to a file, for inputs that are not files of the default file system.
     *
     * @param input     the input, plain or gzip-compressed, read from position 0 (closed when done)
     * @param inputName its name, for messages and reports
     * @param output    the output file
     * @return what was done
     * @throws IOException see the class description
     */
    public AnonymizationResult anonymize(SeekableByteChannel input, String inputName, Path output)
            throws IOException {
        Objects.requireNonNull(input, "input");
        try (input) {
            ChannelOnce once = new ChannelOnce(input, inputName);
            FileFacts facts = engine.scan(once::open, inputName);
            Path target = resolveTarget(output);
            Engine.Pending p = engine.run(once::open, inputName, target, isGzipName(target), facts,
                    Engine.Recording.SINGLE);
            try {
                AnonymizationResult r = p.result();
                if (digests) {
                    r = copy(r, r.output(), null, Sha256.hex(p.temp()));
                }
                p.commit();
                return r;
            } finally {
                p.discard();
            }
        }
    }

    /** Opens a caller's channel for the pre-scan and again for the pass, without closing it in between. */
    private static final class ChannelOnce {
        private final SeekableByteChannel channel;
        private final String name;

        ChannelOnce(SeekableByteChannel channel, String name) {
            this.channel = channel;
            this.name = name;
        }

        FiffReader open(FiffLimits limits) throws IOException {
            channel.position(0);
            return FiffReader.open(new UnclosableChannel(channel), name, limits);
        }
    }

    /**
     * Plans without writing (dry run): the same result as {@link #anonymize(Path, Path)}, no output.
     *
     * @param input the input
     * @return what would be done
     * @throws IOException see the class description
     */
    public AnonymizationResult plan(Path input) throws IOException {
        FileFacts facts = engine.scan(limits -> FiffReader.open(input, limits), input.toString());
        Engine.Pending p = engine.run(limits -> FiffReader.open(input, limits), input.toString(), null, false, facts,
                Engine.Recording.SINGLE);
        AnonymizationResult r = p.result();
        return digests ? copy(r, r.output(), Sha256.hex(input), null) : r;
    }

    /**
     * Verifies a file against this anonymizer's policy: a dry run that passes when the policy would change no
     * tag. Results the policy cannot reproduce from its own output pass when they are well formed: times moved by
     * an offset (machine ids must be zero), keyed hashes (16 hexadecimal digits or a non-negative number),
     * pseudonyms (a value of the table, or a hash when the table hashes missing values). Nothing is written.
     *
     * <pre>{@code
     * VerifyResult v = Anonymizer.builder().policy(PolicyFiles.load(policyFile)).build().verify(Path.of("out.fif"));
     * if (!v.passed()) {
     *     v.findings().forEach(f -> System.out.println(f.kindName() + " in " + f.blockPath()));
     * }
     * }</pre>
     *
     * @param input the file to check, usually an output of this anonymizer
     * @return the findings: every tag the policy would still change
     * @throws IOException as {@link #plan(Path)} does
     */
    public VerifyResult verify(Path input) throws IOException {
        FileFacts facts = verifyEngine.scan(limits -> FiffReader.open(input, limits), input.toString());
        Engine.Pending p = verifyEngine.run(limits -> FiffReader.open(input, limits), input.toString(), null, false,
                facts, Engine.Recording.SINGLE);
        AnonymizationResult r = p.result();
        List<TagChange> findings = new ArrayList<>();
        for (TagChange c : r.changes()) {
            if (!"structure".equals(c.origin())) {
                findings.add(c);
            }
        }
        return new VerifyResult(input.toString(), policy.name(), findings, r.warnings());
    }

    private static Path resolveTarget(Path output) throws IOException {
        Path abs = output.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            // write through the link: the file it names is replaced, the link stays
            return abs.toRealPath();
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(abs)) {
            throw new IOException(output + ": is a folder, not a file");
        }
        return abs;
    }

    static boolean isGzipName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static AnonymizationResult copy(AnonymizationResult r, String output, String in, String out) {
        return new AnonymizationResult(r.input(), output, r.policyName(), r.changes(), r.warnings(), r.leaks(),
                r.notChecked(), r.measurementDate(), r.newMeasurementDate(), r.tagsRead(), r.tagsWritten(),
                r.inputSize(), r.outputSize(), in, out, r.leakChecked());
    }


    /**
     * Configures an {@link Anonymizer}. Options set here override the policy's options and dates, as command-line
     * options override a policy file.
     */
    public static final class Builder {
        private Policy policy = Policy.of(Preset.MNE_ANONYMIZE);
        private Boolean brute;
        private Boolean mneEnvironment;
        private Boolean keepHis;
        private Boolean dropHeadShape;
        private String hisId;
        private MeasurementDate measurement;
        private BirthdayDate birthday;
        private boolean recordOldValues;
        private boolean leakCheck;
        private boolean writeDirectory;
        private boolean digests;
        private FiffLimits limits = FiffLimits.DEFAULT;
        private long maxRuleValueSize = DEFAULT_MAX_RULE_VALUE_SIZE;
        private OutputFiles files = OutputFiles.DEFAULT;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.policy = policy;
            b.brute = brute;
            b.mneEnvironment = mneEnvironment;
            b.keepHis = keepHis;
            b.dropHeadShape = dropHeadShape;
            b.hisId = hisId;
            b.measurement = measurement;
            b.birthday = birthday;
            b.recordOldValues = recordOldValues;
            b.leakCheck = leakCheck;
            b.writeDirectory = writeDirectory;
            b.digests = digests;
            b.limits = limits;
            b.maxRuleValueSize = maxRuleValueSize;
            b.files = files;
            return b;
        }

        private Policy resolvePolicy() {
            PolicyOptions o = policy.options();
            if (brute != null) {
                o = o.withBrute(brute);
            }
            if (mneEnvironment != null) {
                o = o.withMneEnvironment(mneEnvironment);
            }
            if (keepHis != null) {
                o = o.withKeepHis(keepHis);
            }
            if (dropHeadShape != null) {
                o = o.withDropHeadShape(dropHeadShape);
            }
            if (hisId != null) {
                o = o.withHisId(hisId);
            }
            Dates d = policy.dates();
            if (measurement != null) {
                d = d.withMeasurement(measurement);
            }
            if (birthday != null) {
                d = d.withBirthday(birthday);
            }
            return policy.withOptions(o).withDates(d);
        }

        /**
         * @param preset a preset, with its default options and dates (replaces any policy set before)
         * @return this builder
         */
        public Builder preset(Preset preset) {
            this.policy = Policy.of(preset);
            return this;
        }

        /**
         * @param p a policy (replaces any preset set before)
         * @return this builder
         */
        public Builder policy(Policy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * @param on also anonymize weight, height, sex, handedness and the project fields
         * @return this builder
         */
        public Builder brute(boolean on) {
            this.brute = on;
            return this;
        }

        /**
         * @param on also anonymize the MNE working directory and command line
         * @return this builder
         */
        public Builder mneEnvironment(boolean on) {
            this.mneEnvironment = on;
            return this;
        }

        /**
         * @param on keep the HIS id, sex and handedness
         * @return this builder
         */
        public Builder keepHis(boolean on) {
            this.keepHis = on;
            return this;
        }

        /**
         * @param on remove extra head-shape digitizer points
         * @return this builder
         */
        public Builder dropHeadShape(boolean on) {
            this.dropHeadShape = on;
            return this;
        }

        /**
         * @param text the HIS id to write
         * @return this builder
         */
        public Builder hisId(String text) {
            this.hisId = Objects.requireNonNull(text, "hisId");
            return this;
        }

        /**
         * @param date every measurement date and ID time becomes this day at 00:00:00 UTC
         * @return this builder
         */
        public Builder measurementDate(LocalDate date) {
            this.measurement = MeasurementDate.set(date);
            return this;
        }

        /**
         * @param days every measurement date and ID time moves this many days earlier (negative: later)
         * @return this builder
         */
        public Builder measurementDateOffsetDays(int days) {
            this.measurement = MeasurementDate.offsetDays(days);
            return this;
        }

        /**
         * @param instant every time moves so that the measurement date lands on this instant
         * @return this builder
         */
        public Builder measurementDateLandOn(Instant instant) {
            this.measurement = MeasurementDate.landOn(instant);
            return this;
        }

        /**
         * @param m the measurement date model
         * @return this builder
         */
        public Builder measurementDate(MeasurementDate m) {
            this.measurement = Objects.requireNonNull(m, "measurement");
            return this;
        }

        /**
         * @param date the birthday becomes this day
         * @return this builder
         */
        public Builder subjectBirthday(LocalDate date) {
            this.birthday = BirthdayDate.set(date);
            return this;
        }

        /**
         * @param days the birthday moves this many days earlier (negative: later)
         * @return this builder
         */
        public Builder subjectBirthdayOffsetDays(int days) {
            this.birthday = BirthdayDate.offsetDays(days);
            return this;
        }

        /**
         * @param b the birthday model
         * @return this builder
         */
        public Builder subjectBirthday(BirthdayDate b) {
            this.birthday = Objects.requireNonNull(b, "birthday");
            return this;
        }

        /**
         * @param on keep the old values (PHI) as text in the results, e.g. for a verbose listing
         * @return this builder
         */
        public Builder recordOldValues(boolean on) {
            this.recordOldValues = on;
            return this;
        }

        /**
         * @param on search each output for the original values the policy changed
         * @return this builder
         */
        public Builder leakCheck(boolean on) {
            this.leakCheck = on;
            return this;
        }

        /**
         * @param on give each output a fresh tag directory (when it has a directory pointer to point at it)
         * @return this builder
         */
        public Builder writeDirectory(boolean on) {
            this.writeDirectory = on;
            return this;
        }

        /**
         * @param on compute SHA-256 digests of inputs and outputs for the results (costs a read of each file)
         * @return this builder
         */
        public Builder digests(boolean on) {
            this.digests = on;
            return this;
        }

        /**
         * @param l limits against hostile inputs
         * @return this builder
         */
        public Builder limits(FiffLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Caps the tags a rule reads into memory (names, IDs, dates, comments: all small in real files). A larger
         * tag matched by a rule that reads its value fails the file with
         * {@link io.github.fiffkit.core.FiffFormatException.Problem#LIMIT_EXCEEDED}; tags that are kept or
         * removed are copied or skipped without being read, whatever their size. The reader's
         * {@link FiffLimits#maxValueSize()} still applies when it is smaller.
         *
         * @param bytes the largest value a rule may read; default {@link Anonymizer#DEFAULT_MAX_RULE_VALUE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative
         */
        public Builder maxRuleValueSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxRuleValueSize must not be negative: " + bytes);
            }
            this.maxRuleValueSize = bytes;
            return this;
        }

        /**
         * @param f the file layer used to write outputs (for tests that simulate failures)
         * @return this builder
         */
        public Builder outputFiles(OutputFiles f) {
            this.files = Objects.requireNonNull(f, "files");
            return this;
        }

        /** @return the anonymizer */
        public Anonymizer build() {
            return new Anonymizer(this);
        }
    }
}
