package io.github.fiffkit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policyfile.PolicyFileException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Runs one unit on an executor: removes the temporary files an earlier, killed attempt left beside the unit's
 * files, skips the unit when a previous run finished it (with a key file, only when the key file holds its rows:
 * the driver appends them only after the stage, so a driver that stopped before lost them), else reads its parts
 * in place from their file system (seekable channels) through the {@link Anonymizer}, which writes each output
 * forward to a temporary name beside its target (a recording with a gzip-compressed part is spooled in Spark's
 * local folders first), checks that no input changed meanwhile, renames them, and records the unit's report rows.
 * Never throws for a file's problem: a failure becomes report rows.
 */
final class UnitWorker {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Status of a file that could not be anonymized for a reason other than its input, output or policy. */
    static final int INTERNAL_ERROR = 70;

    private UnitWorker() {
    }

    /**
     * What became of a unit.
     *
     * @param rows    one JSON report row per part
     * @param skipped true when a previous run had finished it and nothing was done (not when an earlier,
     *                killed attempt of this run did)
     * @param keyRows its key-file rows, when the job keeps a key file (the driver writes them)
     */
    record Outcome(List<String> rows, boolean skipped, List<KeyFile.Row> keyRows) implements Serializable {
        Outcome(List<String> rows, boolean skipped) {
            this(rows, skipped, List.of());
        }
    }

    /**
     * @param unit     the unit
     * @param settings the policy settings
     * @param fingerprint the settings' fingerprint, stored with the unit's rows
     * @param conf     the Hadoop configuration
     * @param stateDir the folder (URI) of the finished units' rows
     * @param known    the key file's rows when the job keeps one (a unit that would give a subject of one of them
     *                 another offset fails with status 7 before its outputs are in place; a finished unit whose
     *                 rows are not among them is done again), else null
     * @param runId    this job run's id, stored with the unit's rows
     * @return its report rows
     */
    static Outcome process(Unit unit, PolicySettings settings, String fingerprint, Configuration conf,
            String stateDir, List<KeyFile.Row> known, String runId) {
        long started = System.currentTimeMillis();
        Path state = stateFile(stateDir, unit);
        try {
            // the outputs' folders only: the state folder holds a file per unit, and the driver sweeps it once
            Temporaries.removeStale(unit.outputs().stream().map(Path::new).toList(), started, conf);
        } catch (IOException | RuntimeException e) {
            // the driver removes what is left once the tasks have ended
        }
        try {
            List<String> done = finished(unit, fingerprint, state, conf);
            String by = done == null ? null : JSON.readTree(done.get(0)).path("run").asText();
            // with a key file, a unit whose rows the key file lacks is done again (the same bytes, the same offsets)
            // so that its rows reach the driver: a killed attempt of this run returned none, and a run whose driver
            // stopped before appending them (an abort, a report it could not write) or a run without a key file
            // left its outputs and state file in place
            if (done != null && (known == null || inKeyFile(unit, known))) {
                return new Outcome(done, !runId.equals(by));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable state file: do the work again
        }
        if (unit.error() != null) {
            return new Outcome(failed(unit, fingerprint, runId, 2, unit.error()), false);
        }
        List<String> rows;
        List<KeyFile.Row> keyRows = new ArrayList<>();
        try {
            rows = run(unit, settings, fingerprint, runId, conf, known, keyRows);
        } catch (FiffFormatException | InputException e) {
            return new Outcome(failed(unit, fingerprint, runId, 2, e.getMessage()), false);
        } catch (PolicyFileException e) {
            return new Outcome(failed(unit, fingerprint, runId, 1, e.getMessage()), false);
        } catch (PolicyException e) {
            return new Outcome(failed(unit, fingerprint, runId, 7, e.getMessage()), false);
        } catch (IOException e) {
            return new Outcome(failed(unit, fingerprint, runId, 3, message(e)), false);
        } catch (RuntimeException e) {
            return new Outcome(failed(unit, fingerprint, runId, INTERNAL_ERROR, "internal error: " + e), false);
        }
        try {
            writeAtomically(state, String.join("\n", rows) + "\n", conf);
        } catch (IOException e) {
            // the outputs are complete; without the state file a re-run does this unit again
        }
        return new Outcome(rows, false, keyRows);
    }

    /** @return true when the key file's rows name every part of the unit (its input and output) */
    static boolean inKeyFile(Unit unit, List<KeyFile.Row> known) {
        for (int i = 0; i < unit.inputs().size(); i++) {
            String in = unit.inputs().get(i);
            String out = unit.outputs().get(i);
            if (known.stream().noneMatch(r -> r.input().equals(in) && r.output().equals(out))) {
                return false;
            }
        }
        return true;
    }

    /** The file that holds a finished unit's rows. */
    static Path stateFile(String stateDir, Unit unit) {
        return new Path(stateDir, unit.id() + ".jsonl");
    }

    private static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The file system of a URI; a local disk without Hadoop's checksum files beside each output. */
    static FileSystem fs(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /**
     * Creates a new output file: as {@link #create}, and on a local disk it is forced to disk when closed, as the
     * library forces its own outputs before moving them into place (the spool it was copied from is not forced).
     */
    static OutputStream createOutput(Path p, Configuration conf) throws IOException {
        FileSystem fs = fs(p, conf);
        if (fs instanceof RawLocalFileSystem local) {
            java.nio.file.Path file = local.pathToFile(p).toPath();
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(ch)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    try (ch) {
                        ch.force(true);
                    }
                }
            }, 1 << 16);
        }
        return fs.create(p, false);
    }

    /**
     * Creates a new file. On a local disk Java writes it: Hadoop's local file system, without its native library,
     * starts a {@code chmod} process for every file it creates, which costs more than anonymizing a small file.
     */
    static OutputStream create(Path p, Configuration conf) throws IOException {
        FileSystem fs = fs(p, conf);
        if (fs instanceof RawLocalFileSystem local) {
            java.nio.file.Path file = local.pathToFile(p).toPath();
            Files.createDirectories(file.getParent());
            return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16);
        }
        return fs.create(p, false);
    }

    private static List<String> run(Unit unit, PolicySettings settings, String fingerprint, String runId,
            Configuration conf, List<KeyFile.Row> known, List<KeyFile.Row> keyRows) throws IOException {
        int n = unit.inputs().size();
        List<SeekableByteChannel> ins = new ArrayList<>();
        List<OutputStream> outs = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try {
            List<FileStatus> before = new ArrayList<>();
            for (String uri : unit.inputs()) {
                Path p = new Path(uri);
                try {
                    FileSystem fs = fs(p, conf);
                    FileStatus st = fs.getFileStatus(p);
                    before.add(st);
                    ins.add(new HadoopChannel(fs.open(p), st.getLen()));
                } catch (IOException e) {
                    throw new InputException(uri + ": cannot open: " + message(e), e);
                }
            }
            for (String uri : unit.outputs()) {
                Path target = new Path(uri);
                Path temp = Temporaries.name(target);
                OutputStream out = createOutput(temp, conf);
                temps.add(temp);
                outs.add(out);
            }
            boolean compressed = false;
            for (int i = 0; i < n && !compressed; i++) {
                try {
                    compressed = LocalDirs.compressed(ins.get(i));
                } catch (IOException e) {
                    throw new InputException(unit.inputs().get(i) + ": cannot read: " + message(e), e);
                }
            }
            java.nio.file.Path spool = compressed ? LocalDirs.spool(unit.id()) : LocalDirs.parent(unit.id());
            List<AnonymizationResult> results;
            try {
                results = settings.anonymizer().anonymizeRecording(ins, unit.inputs(), outs, unit.outputs(), spool);
            } finally {
                if (compressed) {
                    LocalDirs.release(spool);
                }
            }
            for (OutputStream o : outs) {
                o.close();
            }
            if (known != null) {
                List<KeyFile.Row> mine = KeyFile.rows(settings.anonymizer().policy(), results);
                KeyFile.check(known, mine);
                keyRows.addAll(mine);
            }
            unchanged(unit, before, conf);
            List<Path> targets = unit.outputs().stream().map(Path::new).toList();
            Temporaries.moveIntoPlace(temps, targets, conf);
            temps.clear();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long bytes = fs(targets.get(i), conf).getFileStatus(targets.get(i)).getLen();
                rows.add(row(unit, i, fingerprint, runId, results.get(i), bytes));
            }
            return rows;
        } finally {
            for (SeekableByteChannel in : ins) {
                closeQuietly(in);
            }
            for (OutputStream o : outs) {
                closeQuietly(o);
            }
            for (Path t : temps) {
                try {
                    fs(t, conf).delete(t, false);
                } catch (IOException e) {
                    // already failing
                }
            }
        }
    }

    /**
     * Fails when an input's length or modification time differs from what it was before it was opened. The library
     * reads an input more than once (the leak check reads the kept ranges again, the forward writer copies them
     * from the input): a file rewritten in place between those reads could put bytes the check never saw in the
     * output. Called once the outputs are written and before they are moved into place.
     */
    static void unchanged(Unit unit, List<FileStatus> before, Configuration conf) throws IOException {
        for (int i = 0; i < before.size(); i++) {
            String uri = unit.inputs().get(i);
            Path p = new Path(uri);
            FileStatus now;
            try {
                now = fs(p, conf).getFileStatus(p);
            } catch (IOException e) {
                throw new InputException(uri + ": changed while it was read (" + message(e) + "); nothing written",
                        e);
            }
            FileStatus was = before.get(i);
            if (now.getLen() != was.getLen() || now.getModificationTime() != was.getModificationTime()) {
                throw new InputException(uri + ": changed while it was read (" + (now.getLen() != was.getLen()
                        ? "length " + was.getLen() + " then " + now.getLen() : "modification time") + "); nothing"
                        + " written", null);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to do
        }
    }

    /** Writes a small file under a temporary name and renames it into place. */
    static void writeAtomically(Path target, String text, Configuration conf) throws IOException {
        FileSystem fs = fs(target, conf);
        Path temp = Temporaries.name(target);
        try {
            try (OutputStream out = create(temp, conf)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temp, target)) {
                throw new IOException(target + ": cannot rename " + temp.getName() + " to it");
            }
        } finally {
            if (fs.exists(temp)) {
                fs.delete(temp, false);
            }
        }
    }

    /** The rows of a unit a previous run finished with the same settings and outputs still in place, or null. */
    private static List<String> finished(Unit unit, String fingerprint, Path state, Configuration conf)
            throws IOException {
        FileSystem fs = fs(state, conf);
        if (!fs.exists(state)) {
            return null;
        }
        String text;
        try (InputStream in = fs.open(state)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> rows = text.lines().filter(l -> !l.isBlank()).toList();
        if (rows.size() != unit.inputs().size()) {
            return null;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = JSON.readTree(rows.get(i));
            String status = row.path("status").asText();
            if (!unit.inputs().get(i).equals(row.path("input").asText())
                    || !unit.outputs().get(i).equals(row.path("output").asText())
                    || !fingerprint.equals(row.path("settings").asText())
                    || !(status.equals("ok") || status.equals("leaks"))) {
                return null;
            }
            Path out = new Path(unit.outputs().get(i));
            FileSystem ofs = fs(out, conf);
            if (!ofs.exists(out)) {
                return null;
            }
            FileStatus st = ofs.getFileStatus(out);
            if (st.getLen() != row.path("outputBytes").asLong(-1)) {
                return null;
            }
        }
        return rows;
    }

    private static ObjectNode base(Unit unit, int i, String fingerprint, String runId) {
        ObjectNode o = JSON.createObjectNode();
        o.put("input", unit.inputs().get(i));
        o.put("output", unit.outputs().get(i));
        o.put("recording", unit.inputs().get(0));
        o.put("part", i);
        o.put("parts", unit.inputs().size());
        o.put("settings", fingerprint);
        o.put("run", runId);
        return o;
    }

    private static String row(Unit unit, int i, String fingerprint, String runId, AnonymizationResult r,
            long bytes) {
        ObjectNode o = base(unit, i, fingerprint, runId);
        o.put("status", r.hasLeaks() ? "leaks" : "ok");
        o.put("exitStatus", r.hasLeaks() ? 4 : 0);
        o.put("policy", r.policyName());
        o.put("changes", r.changes().size());
        o.put("leaks", r.leaks().size());
        o.put("leakChecked", r.leakChecked());
        var warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        o.put("tagsRead", r.tagsRead());
        o.put("tagsWritten", r.tagsWritten());
        o.put("inputSize", r.inputSize());
        o.put("outputSize", r.outputSize());
        o.put("outputBytes", bytes);
        if (r.inputSha256() != null) {
            o.put("inputSha256", r.inputSha256());
        }
        if (r.outputSha256() != null) {
            o.put("outputSha256", r.outputSha256());
        }
        return o.toString();
    }

    private static List<String> failed(Unit unit, String fingerprint, String runId, int exitStatus,
            String error) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < unit.inputs().size(); i++) {
            ObjectNode o = base(unit, i, fingerprint, runId);
            o.put("status", "failed");
            o.put("exitStatus", exitStatus);
            o.put("error", error);
            rows.add(o.toString());
        }
        return rows;
    }
}
