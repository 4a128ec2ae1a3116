package io.github.fiffkit.examples;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policyfile.PolicyFiles;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks files against a policy before they are shared: a file passes when the policy would change none of its
 * tags any more. Nothing is written. Values that the policy cannot reproduce from its own output (dates moved by
 * an offset, keyed hashes, pseudonyms) pass when they are well formed.
 *
 * <pre>java io.github.fiffkit.examples.VerifyAnonymized lab-default.json shared/*.fif</pre>
 */
public final class VerifyAnonymized {
    private VerifyAnonymized() {
    }

    /**
     * Prints {@code PASS file} or {@code FAIL file} for each file, and under a failing file every tag the policy
     * would still change.
     *
     * @param args the policy file, then the files to check
     * @throws IOException when the policy file is not valid or a file is not valid FIFF
     */
    public static void main(String[] args) throws IOException {
        Anonymizer anonymizer = Anonymizer.builder().policy(PolicyFiles.load(Path.of(args[0]))).build();
        for (int i = 1; i < args.length; i++) {
            VerifyResult result = anonymizer.verify(Path.of(args[i]));
            System.out.println((result.passed() ? "PASS " : "FAIL ") + Path.of(args[i]).getFileName());
            for (TagChange finding : result.findings()) {
                System.out.println("  " + finding.kindName() + " in " + finding.blockPath() + " at offset "
                        + finding.position() + ": " + finding.action() + " (" + finding.origin() + ")");
            }
        }
    }
}
