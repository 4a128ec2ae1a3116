package io.github.fiffkit.examples;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policyfile.PolicyFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Anonymizes a file with the rules of a JSON policy file, written once by a data steward and shared by every
 * program that applies it (this module's {@code policy/lab-default.json} is one). Each change is printed with
 * the rule that decided it, so that the result can be audited against the file. A policy file with mistakes is
 * refused with every problem listed, each with its line and column.
 *
 * <pre>java io.github.fiffkit.examples.AnonymizeWithPolicyFile lab-default.json sub01_raw.fif sub01_raw_anon.fif</pre>
 */
public final class AnonymizeWithPolicyFile {
    private AnonymizeWithPolicyFile() {
    }

    /**
     * @param args the policy file, the input file and the output file
     * @throws IOException when the policy file is not valid, the input is not valid FIFF or the output cannot be
     *                     written
     */
    public static void main(String[] args) throws IOException {
        Policy policy = PolicyFiles.load(Path.of(args[0]));
        Anonymizer anonymizer = Anonymizer.builder()
                .policy(policy)
                .leakCheck(true)
                .build();
        AnonymizationResult result = anonymizer.anonymize(Path.of(args[1]), Path.of(args[2]));

        System.out.println("policy " + policy.name() + " (sha256 " + policy.sha256().substring(0, 12) + ")");
        for (TagChange change : result.changes()) {
            System.out.println(change.kindName() + ": " + change.action() + " (" + change.origin() + ")");
        }
        System.out.println(result.hasLeaks() ? "LEAKS: " + result.leaks() : "leak check: no original value left");
    }
}
