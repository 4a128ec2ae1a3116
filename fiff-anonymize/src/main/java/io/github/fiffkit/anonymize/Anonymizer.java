package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.internal.Engine;
import io.github.fiffkit.anonymize.internal.RecordingRunner;
import io.github.fiffkit.anonymize.internal.Verifier;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;

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
     * The default of {@link AnonymizerBuilder#maxRuleValueSize(long)}: 16 MiB, far more than any name, ID, date or
     * comment a rule reads, and small enough that a hostile file cannot fill the memory with one tag.
     */
    public static final long DEFAULT_MAX_RULE_VALUE_SIZE = 16L * 1024 * 1024;

    private final AnonymizerSettings settings;
    private final Policy policy;
    private final RecordingRunner runner;
    private final Verifier verifier;

    Anonymizer(AnonymizerSettings settings) {
        this.settings = settings;
        Engine.Settings engine = settings.engineSettings();
        this.policy = engine.policy();
        KeyFile keys = settings.keyFile() == null ? null : new KeyFile(settings.keyFile());
        this.runner = new RecordingRunner(new Engine(engine), settings.files(), settings.digests(),
                keys == null ? results -> { } : results -> keys.append(KeyFile.rows(policy, results)));
        this.verifier = new Verifier(policy, engine);
    }

    /** @return a builder with the {@code mne-anonymize} preset and the seed's defaults */
    public static AnonymizerBuilder builder() {
        return new AnonymizerBuilder(AnonymizerSettings.DEFAULT);
    }

    /** @return a builder pre-filled with this anonymizer's settings */
    public AnonymizerBuilder rebuild() {
        return new AnonymizerBuilder(settings);
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
        return runner.run(inputs, inputs.stream().map(Path::toString).toList(), outputs, null);
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
     * it hold their complete outputs, that stream part of its output, and the streams after it nothing: a caller
     * that must never expose a partial output writes to a temporary name and renames the outputs only
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
        return StreamSpool.run(runner, inputs, inputNames, outputs, outputNames);
    }

    /**
     * Anonymizes the parts of a split recording from seekable channels to streams, with the results and bytes of
     * {@link #anonymizeRecording(List, List, List, List)}, but without local copies: each channel (a Hadoop file
     * system's input stream, for one) is read in place, from position 0, for the pre-scan, the pass, the output and
     * the input's digest. When every part is plain (not gzip-compressed), each output is written forward, once, to
     * its stream: every part is pre-scanned and run through the policy without writing (the actions' results are
     * kept), which gives every tag's offset in the output and so the tag directory's; the leak check reads those
     * bytes; only then are the outputs written, in order, the kept tags copied from the channels. A broken part, a
     * policy that cannot be applied, a failed leak check or a recording the key file refuses (a subject or input of
     * an earlier row given another offset, {@link AnonymizerBuilder#keyFile}) writes nothing; the key file gets the
     * recording's rows before the first byte is written. An input that cannot be read again while its output is
     * written leaves the outputs before it complete and its own partial (write to temporary names).
     * When a part is gzip-compressed (its ranges cannot be copied without decompressing it again), the outputs are
     * written to temporary local files in a fresh folder made under {@code spoolFolder} (a folder that its owner
     * cleans, such as a cluster executor's local folder) and copied to the streams only once all of them are
     * complete; that folder is deleted before this method returns, whatever happens. Failures are then as for the
     * stream method.
     * <p>
     * The channels' content must not change during the call: a plain part is read again when its output is
     * written, after the leak check, and bytes that changed in between would be written unchecked. A channel has no
     * length or modification time this method could compare, so the caller, who sees the file's metadata, compares
     * them before it opens the channels and after the call, and discards the outputs when they differ (the Spark
     * example does, with the Hadoop file status).
     *
     * @param inputs      the parts, in order (not closed; their content unchanged until this method returns)
     * @param inputNames  their names (paths or URIs; the base names must differ), for messages and the results
     * @param outputs     the outputs, in the same order (not closed)
     * @param outputNames their names (paths or URIs; the base names must differ), as for the stream method
     * @param spoolFolder an existing folder for the outputs' temporary local files (used only when a part is
     *                    gzip-compressed)
     * @return one result per part, naming {@code inputNames} and {@code outputNames}
     * @throws InputException when an input cannot be read
     * @throws IOException    see the class description
     */
    public List<AnonymizationResult> anonymizeRecording(List<SeekableByteChannel> inputs, List<String> inputNames,
            List<OutputStream> outputs, List<String> outputNames, Path spoolFolder) throws IOException {
        int n = inputs.size();
        if (n == 0 || inputNames.size() != n || outputs.size() != n || outputNames.size() != n) {
            throw new IllegalArgumentException("one input name, output and output name per input is needed: " + n
                    + " inputs, " + inputNames.size() + " input names, " + outputs.size() + " outputs, "
                    + outputNames.size() + " output names");
        }
        return StreamSpool.runChannels(runner, inputs, inputNames, outputs, outputNames, spoolFolder);
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
        return runner.run(input, inputName, output);
    }

    /**
     * Plans without writing (dry run): the same result as {@link #anonymize(Path, Path)}, no output.
     *
     * @param input the input
     * @return what would be done
     * @throws IOException see the class description
     */
    public AnonymizationResult plan(Path input) throws IOException {
        return runner.plan(input);
    }

    /**
     * Verifies a file against this anonymizer's policy alone: a dry run that passes when the policy would change no
     * tag. Results the policy cannot reproduce from its own output pass when they are well formed: times moved by
     * an offset (machine ids must be zero), keyed hashes (16 hexadecimal digits or a non-negative number),
     * pseudonyms (a value of the table, or a hash when the table hashes missing values). Nothing is written.
     *
     * <p>This is a policy check, not a search for personal data: a tag the policy keeps passes whatever it holds,
     * so a name in free text that the policy keeps (an annotation description, a comment outside the measurement
     * info, the acquisition parameters) is not seen. The result says so in {@link VerifyResult#limits()}; verify
     * against the original ({@link #verify(Path, Path)}) to search for it.
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
        return verifier.replay(input);
    }

    /**
     * Verifies an output against its original: the check of {@link #verify(Path)}, and the leak check. The policy
     * runs on the original as a dry run, which tells every value it changes (names, IDs, HIS id, experimenter,
     * comments, device and file IDs, file paths, dates, the birthday), and each of them is searched in every text,
     * ID, date and birthday tag of the output. Each hit names the tag, where it is, which original value it holds
     * (never the value) and the rule that would remove it. Nothing is written.
     *
     * <pre>{@code
     * VerifyResult v = anonymizer.verify(Path.of("sub01_raw_anon.fif"), Path.of("sub01_raw.fif"));
     * v.leaks().forEach(hit -> System.out.println(hit));   // FIFF_COMMENT in /FIFFB_MEAS/... still holds ...
     * }</pre>
     *
     * @param output   the file to check, usually an output of this anonymizer
     * @param original the file it was made from
     * @return the findings and the leak check's hits
     * @throws InputException when the output or the original cannot be read
     * @throws IOException    as {@link #plan(Path)} does, for either file
     */
    public VerifyResult verify(Path output, Path original) throws IOException {
        return verifier.againstOriginals(List.of(output), List.of(original)).get(0);
    }

    /**
     * Verifies the outputs of a split recording against their originals, paired in order, as
     * {@link #verify(Path, Path)} does for one file. The originals are read as one recording, as
     * {@link #anonymizeRecording(List, List)} reads them (the first part's measurement date, the references' file
     * names mapped to the outputs').
     *
     * @param outputs   the outputs, in order
     * @param originals their originals, in the same order
     * @return one result per pair
     * @throws IllegalArgumentException when the lists are empty or of different lengths
     * @throws IOException              as {@link #verify(Path, Path)} does
     */
    public List<VerifyResult> verifyRecording(List<Path> outputs, List<Path> originals) throws IOException {
        if (outputs.size() != originals.size() || outputs.isEmpty()) {
            throw new IllegalArgumentException("one original per output is needed: " + outputs.size()
                    + " outputs, " + originals.size() + " originals");
        }
        return verifier.againstOriginals(outputs, originals);
    }
}
