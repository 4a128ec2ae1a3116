package io.github.fiffkit.anonymize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the project's checker {@code src/test/python/mne_interop.py} with the interpreter that has MNE-Python
 * (Debian's python3-mne: {@code /usr/bin/python3}, or {@code -Dfiff.python=...}).
 */
public final class MnePython {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path SCRIPT = Path.of("src/test/python/mne_interop.py").toAbsolutePath();

    private MnePython() {
    }

    public static String python() {
        return System.getProperty("fiff.python", "/usr/bin/python3");
    }

    /**
     * Skips when MNE-Python is not installed, except under the interop profile ({@code fiff.interop.required}),
     * where a missing MNE-Python fails the tests: CI must not pass with the interoperability suite skipped.
     */
    public static void assumeAvailable() throws IOException, InterruptedException {
        boolean required = Boolean.getBoolean("fiff.interop.required");
        String missing = null;
        if (!Files.isExecutable(Path.of(python()))) {
            missing = python() + " is missing";
        } else {
            Result r = run(List.of("-c", "import mne"), null);
            if (r.exit != 0) {
                missing = "MNE-Python is not importable by " + python() + ": " + r.stderr;
            }
        }
        if (missing != null && required) {
            throw new AssertionError(missing + " (the interop profile needs it: apt-get install python3-mne)");
        }
        Assumptions.assumeTrue(missing == null, missing);
    }

    public record Result(int exit, String stdout, String stderr) {
    }

    public static Result run(List<String> args, Path workDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Path err = Files.createTempFile("mne-interop", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs the checker's {@code batch} command on jobs; returns one verdict per job, by job id. */
    public static JsonNode batch(List<?> jobs, Path dir) throws IOException, InterruptedException {
        Path in = dir.resolve("jobs.json");
        Path out = dir.resolve("verdicts.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(in.toFile(), jobs);
        Result r = run(List.of(SCRIPT.toString(), "batch", in.toString(), out.toString()), null);
        if (r.exit != 0) {
            throw new IOException("checker failed (exit " + r.exit + "): " + r.stderr + r.stdout);
        }
        return JSON.readTree(out.toFile());
    }

    /** Runs a checker command that prints one JSON document. */
    public static JsonNode json(List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        all.add(SCRIPT.toString());
        all.addAll(args);
        Result r = run(all, null);
        if (r.exit != 0) {
            throw new IOException("checker failed (exit " + r.exit + "): " + r.stderr + r.stdout);
        }
        return JSON.readTree(r.stdout);
    }
}
