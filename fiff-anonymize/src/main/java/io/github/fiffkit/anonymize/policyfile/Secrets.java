package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the secrets of keyed hashes for one policy file. A policy never holds a secret, only where it is kept:
 * {@code "env:NAME"} (an environment variable) or {@code "file:PATH"} (a file, relative to the policy's folder, a
 * final line break dropped). A run-time secret, when given, serves every rule instead. Each secret is read once
 * per file; messages name where a secret should be, never the secret.
 */
final class Secrets {
    /** A secret and where it came from (the reference, never the secret, goes into messages and reports). */
    record Secret(byte[] bytes, String ref) {
    }

    private final Problems problems;
    private final Function<String, String> environment;
    private final String runTimeRef;
    private final Path dir;
    private final Map<String, byte[]> read = new HashMap<>();

    /**
     * @param environment the environment variables {@code env:} reads
     * @param runTimeRef  the secret given when running ({@code env:NAME} or {@code file:ABSOLUTE}), or null
     * @param dir         where relative {@code file:} paths start
     */
    Secrets(Problems problems, Function<String, String> environment, String runTimeRef, Path dir) {
        this.problems = problems;
        this.environment = environment;
        this.runTimeRef = runTimeRef;
        this.dir = dir;
    }

    /**
     * The secret of a rule: the run-time one, or the one its {@code "secret"} names.
     *
     * @param rule the rule's object
     * @param path the rule's field path
     * @param what what needs the secret, in messages ("a keyed hash")
     * @return the secret, or null after adding the problem
     */
    Secret of(Node rule, String path, String what) {
        Node v = rule.fields.get("secret");
        String field = path + ".secret";
        String ref;
        Node at = rule;
        boolean runTime = runTimeRef != null;
        if (runTime) {
            ref = runTimeRef;
        } else if (v == null) {
            problems.add(rule, field, what + " needs a secret: add \"secret\": \"env:NAME\" (an environment"
                    + " variable) or \"file:PATH\", or give one when running (--secret-env or --secret-file)");
            return null;
        } else {
            if (!problems.expect(v, Kind.TEXT, field, "the secret")) {
                return null;
            }
            ref = v.text();
            at = v;
            if (!ref.startsWith("env:") && !ref.startsWith("file:")) {
                problems.add(v, field, "a secret must never be written in the policy file; write where it is kept,"
                        + " \"env:NAME\" for an environment variable or \"file:PATH\" for a file");
                return null;
            }
        }
        if (read.containsKey(ref)) {
            return new Secret(read.get(ref), ref);
        }
        byte[] bytes = ref.startsWith("env:") ? fromEnvironment(ref.substring(4), at, field, runTime)
                : fromFile(ref.substring(5), at, field, runTime);
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0) {
            problems.add(at, field, where(runTime) + " (" + ref + ") is empty");
            return null;
        }
        read.put(ref, bytes);
        return new Secret(bytes, ref);
    }

    private byte[] fromEnvironment(String variable, Node at, String field, boolean runTime) {
        if (variable.isEmpty()) {
            problems.add(at, field, where(runTime) + " names no environment variable: write \"env:NAME\"");
            return null;
        }
        String value = environment.apply(variable);
        if (value == null) {
            problems.add(at, field, where(runTime) + " should be in the environment variable " + variable
                    + ", which is not set");
            return null;
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] fromFile(String name, Node at, String field, boolean runTime) {
        if (name.isEmpty()) {
            problems.add(at, field, where(runTime) + " names no file: write \"file:PATH\"");
            return null;
        }
        Path file = dir.resolve(name);
        try {
            return stripLineEnd(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(at, field, where(runTime) + " should be in the file " + file + ", which cannot be read ("
                    + (e instanceof NoSuchFileException ? "it does not exist" : e.getMessage()) + ")");
            return null;
        }
    }

    private static String where(boolean runTime) {
        return runTime ? "the secret given when running" : "the secret";
    }

    /** Drops one final line break ({@code \n} or {@code \r\n}), which editors add to a secret file. */
    private static byte[] stripLineEnd(byte[] b) {
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') {
            n--;
            if (n > 0 && b[n - 1] == '\r') {
                n--;
            }
        }
        return Arrays.copyOf(b, n);
    }
}
