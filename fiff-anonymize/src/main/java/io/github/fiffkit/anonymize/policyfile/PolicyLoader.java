package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads JSON policy files ({@code "fiffPolicy": 1}) into {@link Policy} objects. Every problem of a file is
 * reported at once, each with its line, column and field, in a {@link PolicyFileException}. Immutable; each
 * {@code with...} method returns a changed copy.
 *
 * <pre>{@code
 * Policy p = PolicyLoader.standard()
 *         .withSecretFromEnvironment("FIFF_SECRET")   // the run-time secret for keyed hashes
 *         .withCustomAction("upper", myAction)
 *         .load(Path.of("lab-default.json"));
 * }</pre>
 *
 * <p>Secrets for keyed hashes never sit in the policy: a rule names where to find one ({@code "env:NAME"} or
 * {@code "file:PATH"}), or the program supplies one at run time, which then serves every rule (the command line
 * overrides the policy). Pseudonym tables and secret files are found relative to the policy file.
 */
public final class PolicyLoader {
    /** The only version of the format this loader reads. */
    public static final int FORMAT_VERSION = Policy.FORMAT_VERSION;

    /** Where the JSON Schema of the format sits, as a class-path resource of this module. */
    public static final String SCHEMA_RESOURCE = "/io/github/fiffkit/anonymize/policyfile/fiff-policy-1.schema.json";

    /** The largest policy file read, in bytes: anything bigger is not a policy written by hand. */
    public static final long MAX_FILE_SIZE = 16L << 20;

    /**
     * The JSON Schema (draft 2020-12) of the format, for editors and validators. It is also in the jar as
     * {@value #SCHEMA_RESOURCE}.
     *
     * @return the schema's text
     */
    public static String schema() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the policy schema is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the policy schema cannot be read", e);
        }
    }

    private final Map<String, TagAction> customActions;
    private final Function<String, String> environment;
    private final String runTimeSecretRef;
    private final Path baseDirectory;

    private PolicyLoader(Map<String, TagAction> customActions, Function<String, String> environment,
            String runTimeSecretRef, Path baseDirectory) {
        this.customActions = Map.copyOf(customActions);
        this.environment = environment;
        this.runTimeSecretRef = runTimeSecretRef;
        this.baseDirectory = baseDirectory;
    }

    /** @return a loader with no custom actions, the process environment and no run-time secret */
    public static PolicyLoader standard() {
        return new PolicyLoader(Map.of(), System::getenv, null, null);
    }

    /**
     * @param name   the name rules use with {@code "action": "custom", "name": ...}
     * @param action the action
     * @return a copy that knows this custom action
     */
    public PolicyLoader withCustomAction(String name, TagAction action) {
        Map<String, TagAction> m = new HashMap<>(customActions);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(action, "action"));
        return new PolicyLoader(m, environment, runTimeSecretRef, baseDirectory);
    }

    /**
     * @param variables the environment variables {@code env:NAME} secrets are read from (default: the process's)
     * @return a copy that reads them there
     */
    public PolicyLoader withEnvironment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new PolicyLoader(customActions, copy::get, runTimeSecretRef, baseDirectory);
    }

    /**
     * The run-time secret for every keyed hash of the policy (and pseudonym tables that hash missing values),
     * in place of the secrets the rules name, as {@code --secret-env} does.
     *
     * @param variable an environment variable holding the secret
     * @return a copy with that secret
     */
    public PolicyLoader withSecretFromEnvironment(String variable) {
        return new PolicyLoader(customActions, environment, "env:" + Objects.requireNonNull(variable, "variable"),
                baseDirectory);
    }

    /**
     * The run-time secret, read from a file (a final line break is not part of it), as {@code --secret-file}
     * does; see {@link #withSecretFromEnvironment(String)}.
     *
     * @param file the file holding the secret
     * @return a copy with that secret
     */
    public PolicyLoader withSecretFromFile(Path file) {
        return new PolicyLoader(customActions, environment,
                "file:" + Objects.requireNonNull(file, "file").toAbsolutePath(), baseDirectory);
    }

    /**
     * @param directory where relative table and secret paths start for policies read from a {@link Reader} or a
     *                  string (default: the working directory); a policy file uses its own folder
     * @return a copy with that base
     */
    public PolicyLoader withBaseDirectory(Path directory) {
        return new PolicyLoader(customActions, environment, runTimeSecretRef,
                Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Reads a policy file; its pseudonym tables and secret files are found relative to its folder.
     *
     * @param file the policy file
     * @return the policy
     * @throws PolicyFileException listing every problem of the file
     * @throws IOException         when the file cannot be read
     */
    public Policy load(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new IOException(file + ": " + Files.size(file) + " bytes is too large to be a policy file"
                        + " (at most " + MAX_FILE_SIZE + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": the policy file does not exist", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String fileName = file.getFileName().toString();
        String defaultName = fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
        return read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), file.toString(), dir, defaultName);
    }

    /**
     * Reads a policy from text.
     *
     * @param reader the JSON text
     * @param source the name to use in messages, e.g. the file name
     * @return the policy
     * @throws PolicyFileException listing every problem
     * @throws IOException         when reading fails
     */
    public Policy load(Reader reader, String source) throws IOException {
        Path dir = baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath();
        return read(reader, source, dir, source);
    }

    /**
     * @param json   the JSON text
     * @param source the name to use in messages
     * @return the policy
     * @throws PolicyFileException listing every problem
     */
    public Policy parse(String json, String source) throws PolicyFileException {
        try {
            return load(new StringReader(json), source);
        } catch (PolicyFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private Policy read(Reader reader, String source, Path dir, String defaultName) throws IOException {
        LocatedJson json = new LocatedJson();
        Node root;
        try {
            root = json.read(reader);
        } catch (LocatedJson.SyntaxError e) {
            throw new PolicyFileException(source, List.of(new PolicyProblem(source, e.line, e.column, "",
                    e.getMessage())));
        }
        Problems problems = new Problems(source);
        for (LocatedJson.Duplicate d : json.duplicates) {
            problems.list().add(new PolicyProblem(source, d.line(), d.column(), Problems.join(d.path(), d.key()),
                    "\"" + d.key() + "\" is given twice; keep only one"));
        }
        Policy policy = new PolicyReading(problems, customActions, environment, runTimeSecretRef, dir)
                .policy(root, defaultName);
        problems.throwIfAny();
        return policy;
    }
}
