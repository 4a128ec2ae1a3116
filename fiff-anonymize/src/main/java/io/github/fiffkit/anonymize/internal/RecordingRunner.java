package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Sha256;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the parts of a recording (or one file) through an {@link Engine} and puts the outputs in place: every part
 * is pre-scanned first (the first part's measurement date is the recording's), then each is written to its
 * temporary file, and only when all are written are they committed, all or nothing. Adds the SHA-256 digests to
 * the results when asked. Immutable and thread-safe, as the engine is.
 */
public final class RecordingRunner {
    /**
     * Sees a recording's results once its outputs are complete, before they are put in place; for outputs written
     * forward to streams ({@link #runForward}), once every part is laid out, before the first byte is written.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        /**
         * @param results the recording's results, one per part, under the output names the results of the run
         *                carry (written forward: without the outputs' digests, which the write computes)
         * @throws IOException to stop the recording: nothing is put in place, nothing written to a stream
         */
        void accept(List<AnonymizationResult> results) throws IOException;
    }

    private final Engine engine;
    private final OutputFiles files;
    private final boolean digests;
    private final BeforeCommit beforeCommit;

    /**
     * @param engine  the engine that anonymizes
     * @param files   the file layer that commits several parts together
     * @param digests whether results carry the SHA-256 of their input and output
     */
    public RecordingRunner(Engine engine, OutputFiles files, boolean digests) {
        this(engine, files, digests, results -> { });
    }

    /**
     * @param engine       the engine that anonymizes
     * @param files        the file layer that commits several parts together
     * @param digests      whether results carry the SHA-256 of their input and output
     * @param beforeCommit called with each recording's results before its outputs are put in place (a key file)
     */
    public RecordingRunner(Engine engine, OutputFiles files, boolean digests, BeforeCommit beforeCommit) {
        this.engine = engine;
        this.files = files;
        this.digests = digests;
        this.beforeCommit = beforeCommit;
    }

    /**
     * Anonymizes the parts of one recording.
     *
     * @param inputs      the parts, in order
     * @param inputNames  their names for messages and results (a spooled stream's own name, not its local file's)
     * @param outputs     their outputs, in the same order
     * @param outputNames the outputs' names for the results, or {@code null} for the outputs' paths
     * @return one result per part
     * @throws IOException as the anonymizer documents
     */
    public List<AnonymizationResult> run(List<Path> inputs, List<String> inputNames, List<Path> outputs,
            List<String> outputNames) throws IOException {
        List<Engine.Opener> openers = new ArrayList<>();
        List<Digest> inputDigests = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            openers.add(opener(inputs.get(i), inputNames.get(i)));
            Path in = inputs.get(i);
            inputDigests.add(() -> Sha256.hex(in));
        }
        List<String> baseNames = inputs.stream().map(p -> p.getFileName().toString()).toList();
        return run(openers, baseNames, inputDigests, inputNames, outputs, outputNames);
    }

    /**
     * Anonymizes the parts of one recording read in place from a caller's seekable channels (a Hadoop file
     * system's stream, for one), with no local copy of the inputs: each channel is read from position 0 for the
     * pre-scan, again for the pass, and once more for its digest when digests are asked. The channels are not
     * closed.
     *
     * @param inputs      the parts, in order
     * @param inputNames  their names (paths or URIs) for messages and results
     * @param baseNames   the inputs' file names, which other parts' references name
     * @param outputs     their outputs (local files), in the same order
     * @param outputNames the outputs' names for the results, or {@code null} for the outputs' paths
     * @return one result per part
     * @throws IOException as the anonymizer documents
     */
    public List<AnonymizationResult> runChannels(List<SeekableByteChannel> inputs, List<String> inputNames,
            List<String> baseNames, List<Path> outputs, List<String> outputNames) throws IOException {
        List<Engine.Opener> openers = new ArrayList<>();
        List<Digest> inputDigests = new ArrayList<>();
        channelInputs(inputs, inputNames, openers, inputDigests);
        return run(openers, baseNames, inputDigests, inputNames, outputs, outputNames);
    }

    private static void channelInputs(List<SeekableByteChannel> inputs, List<String> inputNames,
            List<Engine.Opener> openers, List<Digest> inputDigests) {
        for (int i = 0; i < inputs.size(); i++) {
            SeekableByteChannel ch = Objects.requireNonNull(inputs.get(i), "input");
            String name = inputNames.get(i);
            openers.add(limits -> {
                ch.position(0);
                return FiffReader.open(new UnclosableChannel(ch), name, limits);
            });
            inputDigests.add(() -> {
                ch.position(0);
                try {
                    return Sha256.hex(Channels.newInputStream(new UnclosableChannel(ch)));
                } catch (IOException e) {
                    throw new InputException(name + ": cannot read: " + e.getMessage(), e);
                }
            });
        }
    }

    /**
     * Anonymizes the parts of one recording from plain (not gzip-compressed) seekable channels to streams, each
     * output written forward once ({@link ForwardOutput}), with no local file: every part is pre-scanned, laid out
     * and leak-checked, and the results handed to the {@link BeforeCommit} hook, before the first byte goes to any
     * stream, so that a broken part, a policy that cannot be applied, a failing leak check or a hook that refuses
     * the recording (a key file's conflicting row) writes nothing. The bytes and results are those of
     * {@link #runChannels}. Reading an input again while writing can still fail after the first outputs were
     * written (and after the hook accepted the results): the caller writes to temporary names.
     *
     * @param inputs      the parts, in order (not closed)
     * @param inputNames  their names (paths or URIs) for messages and results
     * @param baseNames   the inputs' file names, which other parts' references name
     * @param outputs     the output streams, in the same order (flushed, not closed)
     * @param outputNames the outputs' names for the results
     * @param outBases    the outputs' file names, which references get; one ending in {@code .gz} is compressed
     * @return one result per part
     * @throws IOException as the anonymizer documents
     */
    public List<AnonymizationResult> runForward(List<SeekableByteChannel> inputs, List<String> inputNames,
            List<String> baseNames, List<java.io.OutputStream> outputs, List<String> outputNames,
            List<String> outBases) throws IOException {
        List<Engine.Opener> openers = new ArrayList<>();
        List<Digest> inputDigests = new ArrayList<>();
        channelInputs(inputs, inputNames, openers, inputDigests);
        List<FileFacts> facts = new ArrayList<>();
        Engine.Recording rec = recording(openers, baseNames, inputNames, outBases, facts);
        List<ForwardOutput> laidOut = new ArrayList<>();
        for (int i = 0; i < openers.size(); i++) {
            laidOut.add(engine.layOut(openers.get(i), inputs.get(i), inputNames.get(i), outputNames.get(i),
                    facts.get(i), rec));
        }
        // every result is known once the parts are laid out: the hook (a key file that refuses a conflicting
        // recording) sees them before the first byte goes to any stream; only the outputs' digests come later
        List<AnonymizationResult> planned = new ArrayList<>();
        for (int i = 0; i < laidOut.size(); i++) {
            String inSha = digests ? inputDigests.get(i).hex() : null;
            planned.add(withNames(laidOut.get(i).result(), outputNames.get(i), inSha, null));
        }
        beforeCommit.accept(planned);
        List<AnonymizationResult> results = new ArrayList<>();
        for (int i = 0; i < laidOut.size(); i++) {
            String outSha = laidOut.get(i).write(outputs.get(i),
                    outBases.get(i).toLowerCase(Locale.ROOT).endsWith(".gz"), digests);
            AnonymizationResult r = planned.get(i);
            results.add(outSha == null ? r : withNames(r, r.output(), r.inputSha256(), outSha));
        }
        return results;
    }

    /**
     * Pre-scans every part (into {@code facts}) and returns what the parts share: the first part's measurement
     * date, the output names that references get, the subject's offsets.
     */
    private Engine.Recording recording(List<Engine.Opener> openers, List<String> inputBaseNames,
            List<String> inputNames, List<String> outputBaseNames, List<FileFacts> facts) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < openers.size(); i++) {
            names.put(inputBaseNames.get(i), outputBaseNames.get(i));
        }
        for (int i = 0; i < openers.size(); i++) {
            facts.add(engine.scan(openers.get(i), inputNames.get(i)));
        }
        Optional<FiffTime> reference = facts.get(0).measurementDate();
        return new Engine.Recording(reference, Engine.names(names), engine.subjectShift(facts, inputNames.get(0)));
    }

    /**
     * Whether a channel holds gzip-compressed data (its first two bytes), which {@link #runForward} cannot copy
     * ranges from.
     *
     * @param ch   the channel; read from position 0
     * @param name its name for messages
     * @return true when compressed
     * @throws InputException when it cannot be read
     */
    public static boolean gzipped(SeekableByteChannel ch, String name) throws IOException {
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(2);
        try {
            ch.position(0);
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // until two bytes or the end
            }
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + Engine.describe(e), e);
        }
        return head.position() == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b;
    }

    /** Computes an input's SHA-256. */
    @FunctionalInterface
    private interface Digest {
        String hex() throws IOException;
    }

    private List<AnonymizationResult> run(List<Engine.Opener> openers, List<String> inputBaseNames,
            List<Digest> inputDigests, List<String> inputNames, List<Path> outputs, List<String> outputNames)
            throws IOException {
        List<FileFacts> facts = new ArrayList<>();
        Engine.Recording rec = recording(openers, inputBaseNames, inputNames,
                outputs.stream().map(p -> p.getFileName().toString()).toList(), facts);
        List<PendingOutput> pending = new ArrayList<>();
        try {
            for (int i = 0; i < openers.size(); i++) {
                Path target = resolveTarget(outputs.get(i));
                pending.add(engine.run(openers.get(i), inputNames.get(i), target,
                        isGzipName(target), facts.get(i), rec));
            }
            List<AnonymizationResult> results = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                AnonymizationResult r = pending.get(i).result();
                String inSha = digests ? inputDigests.get(i).hex() : r.inputSha256();
                String outSha = digests ? Sha256.hex(pending.get(i).temp()) : r.outputSha256();
                results.add(withNames(r, outputNames == null ? r.output() : outputNames.get(i), inSha, outSha));
            }
            beforeCommit.accept(results);
            commitAll(pending);
            return results;
        } finally {
            for (PendingOutput p : pending) {
                p.discard();
            }
        }
    }

    /**
     * Commits the parts of a recording all or nothing: one part is one atomic move, several go through
     * {@link OutputFiles#commitAll}.
     */
    private void commitAll(List<PendingOutput> pending) throws IOException {
        if (pending.size() == 1) {
            pending.get(0).commit();
            return;
        }
        OutputFiles.commitAll(files, pending.stream().map(PendingOutput::temp).toList(),
                pending.stream().map(PendingOutput::target).toList());
        pending.forEach(PendingOutput::committed);
    }

    /**
     * Anonymizes a caller's channel into a file. The channel is read twice (pre-scan and pass) and closed when
     * done.
     *
     * @param input     the input, read from position 0
     * @param inputName its name for messages and the result
     * @param output    the output file
     * @return what was done
     * @throws IOException as the anonymizer documents
     */
    public AnonymizationResult run(SeekableByteChannel input, String inputName, Path output) throws IOException {
        Objects.requireNonNull(input, "input");
        try (input) {
            Engine.Opener once = limits -> {
                input.position(0);
                return FiffReader.open(new UnclosableChannel(input), inputName, limits);
            };
            FileFacts facts = engine.scan(once, inputName);
            Path target = resolveTarget(output);
            PendingOutput p = engine.run(once, inputName, target, isGzipName(target), facts, Engine.Recording.SINGLE);
            try {
                AnonymizationResult r = p.result();
                if (digests) {
                    r = withNames(r, r.output(), null, Sha256.hex(p.temp()));
                }
                beforeCommit.accept(List.of(r));
                p.commit();
                return r;
            } finally {
                p.discard();
            }
        }
    }

    /**
     * A dry run: the result of anonymizing a file, with nothing written.
     *
     * @param input the input
     * @return what would be done
     * @throws IOException as the anonymizer documents
     */
    public AnonymizationResult plan(Path input) throws IOException {
        Engine.Opener opener = limits -> FiffReader.open(input, limits);
        FileFacts facts = engine.scan(opener, input.toString());
        PendingOutput p = engine.run(opener, input.toString(), null, false, facts, Engine.Recording.SINGLE);
        AnonymizationResult r = p.result();
        return digests ? withNames(r, r.output(), Sha256.hex(input), null) : r;
    }

    /** Opens a file for the engine; a name other than the path's own goes into messages (a spooled stream). */
    private static Engine.Opener opener(Path in, String name) {
        if (name.equals(in.toString())) {
            return limits -> FiffReader.open(in, limits);
        }
        return limits -> FiffReader.open(FileChannel.open(in, StandardOpenOption.READ), name, limits);
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

    private static boolean isGzipName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** A result under another output name and with digests. */
    private static AnonymizationResult withNames(AnonymizationResult r, String output, String in, String out) {
        return new AnonymizationResult(r.input(), output, r.policyName(), r.changes(), r.warnings(), r.leaks(),
                r.notChecked(), r.measurementDate(), r.newMeasurementDate(), r.tagsRead(), r.tagsWritten(),
                r.inputSize(), r.outputSize(), in, out, r.leakChecked(), r.subjectShift(),
                r.birthdayShift());
    }
}
