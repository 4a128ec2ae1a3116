package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.internal.RecordingRunner;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Streams through local files: the engine reads an input twice and seeks in its output, so the parts of a
 * recording given as streams are copied to a fresh temporary folder first, anonymized there under their own base
 * names, and copied to the output streams only once every part is complete. The folder is deleted whatever
 * happens. See {@link Anonymizer#anonymizeRecording(List, List, List, List)} for what a caller sees.
 */
final class StreamSpool {
    private StreamSpool() {
    }

    /**
     * @param runner      runs the local copies
     * @param inputs      the parts, each read to its end (not closed)
     * @param inputNames  their names
     * @param outputs     the output streams (not closed)
     * @param outputNames their names
     * @return one result per part, naming {@code inputNames} and {@code outputNames}
     * @throws IOException as the anonymizer documents
     */
    static List<AnonymizationResult> run(RecordingRunner runner, List<InputStream> inputs, List<String> inputNames,
            List<OutputStream> outputs, List<String> outputNames) throws IOException {
        int n = inputs.size();
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
            List<AnonymizationResult> results = runner.run(localIn, inputNames, localOut, outputNames);
            for (int i = 0; i < n; i++) {
                Files.copy(localOut.get(i), outputs.get(i));
                outputs.get(i).flush();
            }
            return results;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The inputs read in place from seekable channels (no local copy). Plain inputs' outputs are written forward
     * to their streams ({@link RecordingRunner#runForward}, no local file); when a part is gzip-compressed, the
     * outputs are written to local files, in a fresh folder under {@code parent}, and copied to their streams once
     * every part is complete.
     *
     * @param runner      runs the parts
     * @param inputs      the parts' channels (not closed)
     * @param inputNames  their names
     * @param outputs     the output streams (not closed)
     * @param outputNames their names
     * @param parent      the folder in which the outputs' folder is made
     * @return one result per part, naming {@code inputNames} and {@code outputNames}
     * @throws IOException as the anonymizer documents
     */
    static List<AnonymizationResult> runChannels(RecordingRunner runner, List<SeekableByteChannel> inputs,
            List<String> inputNames, List<OutputStream> outputs, List<String> outputNames, Path parent)
            throws IOException {
        int n = inputs.size();
        List<String> bases = new ArrayList<>();
        for (String name : inputNames) {
            String base = SplitRecording.baseName(Objects.requireNonNull(name, "name"));
            if (bases.contains(base)) {
                throw new IllegalArgumentException("two parts have the same base name: " + name);
            }
            bases.add(base);
        }
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            plain = !RecordingRunner.gzipped(Objects.requireNonNull(inputs.get(i), "input"), inputNames.get(i));
        }
        if (plain) {
            List<String> outBases = new ArrayList<>();
            for (String name : outputNames) {
                String base = SplitRecording.baseName(Objects.requireNonNull(name, "name"));
                if (base.isEmpty() || base.equals(".") || base.equals("..")) {
                    throw new IllegalArgumentException("not a file name: " + name);
                }
                if (outBases.contains(base)) {
                    throw new IllegalArgumentException("two parts have the same base name: " + name);
                }
                outBases.add(base);
            }
            return runner.runForward(inputs, inputNames, bases, outputs, outputNames, outBases);
        }
        Path work = Files.createTempDirectory(Objects.requireNonNull(parent, "parent"), "fiffkit-stream-");
        try {
            List<Path> localOut = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                localOut.add(localFile(work, outputNames.get(i)));
            }
            List<AnonymizationResult> results = runner.runChannels(inputs, inputNames, bases, localOut, outputNames);
            for (int i = 0; i < n; i++) {
                Files.copy(localOut.get(i), outputs.get(i));
                outputs.get(i).flush();
            }
            return results;
        } finally {
            deleteTree(work);
        }
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

    /** Creates the local file for a name: its base name in {@code dir}, which must be new there. */
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
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: temporary files of a finished run
        }
    }
}
