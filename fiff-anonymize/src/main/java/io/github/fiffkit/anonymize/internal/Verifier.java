package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;

import io.github.fiffkit.core.FiffReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a file against a policy: a dry run of the policy as {@link VerifyRules} turns it, which passes when
 * it would change no tag. Nothing is written. Immutable and thread-safe.
 */
public final class Verifier {
    private final Policy policy;
    private final Engine replay;

    /**
     * @param policy   the policy as the anonymizer applies it
     * @param settings the anonymizer's engine settings; the policy, rules, leak check and directory are replaced
     */
    public Verifier(Policy policy, Engine.Settings settings) {
        this.policy = policy;
        Policy checked = VerifyRules.policy(policy);
        this.replay = new Engine(new Engine.Settings(checked, VerifyRules.rules(checked), settings.recordOldValues(),
                false, false, settings.limits(), settings.files(), settings.ruleValueLimit()), false);
    }

    /**
     * @param input the file to check
     * @return every tag the policy would still change
     * @throws IOException as a dry run does
     */
    public VerifyResult replay(Path input) throws IOException {
        Engine.Opener opener = limits -> FiffReader.open(input, limits);
        FileFacts facts = replay.scan(opener, input.toString());
        PendingOutput p = replay.run(opener, input.toString(), null, false, facts, Engine.Recording.SINGLE);
        AnonymizationResult r = p.result();
        List<TagChange> findings = new ArrayList<>();
        for (TagChange c : r.changes()) {
            if (!"structure".equals(c.origin())) {
                findings.add(c);
            }
        }
        return new VerifyResult(input.toString(), policy.name(), findings, r.warnings());
    }
}
