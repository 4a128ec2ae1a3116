package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.Policy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads JSON policy files with the standard loader (the built-in presets and actions, secrets from the
 * environment and from files). For custom actions or another secret source, configure a {@link PolicyLoader}.
 *
 * <pre>{@code
 * Anonymizer a = Anonymizer.builder().policy(PolicyFiles.load(Path.of("lab-default.json"))).build();
 * }</pre>
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * @param file a JSON policy file ({@code "fiffPolicy": 1}); pseudonym tables are found relative to it
     * @return the policy it describes
     * @throws PolicyFileException listing every problem of the file, each with its line, column and field
     * @throws IOException         if the file or a file it names cannot be read
     */
    public static Policy load(Path file) throws IOException {
        return PolicyLoader.standard().load(file);
    }

    /**
     * @param reader the policy's JSON text
     * @param source the name used in problem reports (relative table paths resolve against the working folder)
     * @return the policy it describes
     * @throws PolicyFileException listing every problem
     * @throws IOException         if the text or a file it names cannot be read
     */
    public static Policy load(Reader reader, String source) throws IOException {
        return PolicyLoader.standard().load(reader, source);
    }
}
