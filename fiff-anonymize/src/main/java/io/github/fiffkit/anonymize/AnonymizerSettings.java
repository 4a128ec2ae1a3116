package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.internal.Engine;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.core.FiffLimits;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything an {@link AnonymizerBuilder} has been told, as one immutable value: the builder holds one and replaces
 * it on each call, an {@link Anonymizer} keeps the one it was built from, and {@link Anonymizer#rebuild()} hands it
 * to a new builder. Each {@code with} method names every component, so a new setting that one of them forgets does
 * not compile (the builder's old {@code copy()} listed its fields by hand, and nothing checked it).
 *
 * @param policy           the preset or policy the options apply to
 * @param overrides        the builder's options and dates, applied to {@code policy} in the order they were set
 * @param recordOldValues  whether results keep old values (PHI) as text
 * @param leakCheck        whether each output is searched for the original values
 * @param writeDirectory   whether each output gets a fresh tag directory
 * @param digests          whether results carry SHA-256 digests
 * @param limits           reader limits
 * @param maxRuleValueSize the largest tag a rule may read
 * @param files            the file layer outputs are written through
 * @param keyFile          the key file each recording's row goes to, or {@code null} for none
 */
record AnonymizerSettings(Policy policy, UnaryOperator<Policy> overrides, boolean recordOldValues,
        boolean leakCheck, boolean writeDirectory, boolean digests, FiffLimits limits, long maxRuleValueSize,
        OutputFiles files, Path keyFile) {

    /** The {@code mne-anonymize} preset with its own options and dates, and the seed's defaults for the rest. */
    static final AnonymizerSettings DEFAULT = new AnonymizerSettings(Policy.of(Preset.MNE_ANONYMIZE),
            UnaryOperator.identity(), false, false, false, false, FiffLimits.DEFAULT,
            Anonymizer.DEFAULT_MAX_RULE_VALUE_SIZE, OutputFiles.DEFAULT, null);

    AnonymizerSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(files, "files");
    }

    /** @return the policy with the builder's options and dates applied */
    Policy resolvedPolicy() {
        return overrides.apply(policy);
    }

    /** @return how the engine runs this anonymizer's policy */
    Engine.Settings engineSettings() {
        Policy p = resolvedPolicy();
        return new Engine.Settings(p, p.resolvedRules(), recordOldValues, leakCheck, writeDirectory, limits, files,
                maxRuleValueSize);
    }

    AnonymizerSettings withPolicy(Policy p) {
        return new AnonymizerSettings(p, overrides, recordOldValues, leakCheck, writeDirectory, digests, limits,
                maxRuleValueSize, files, keyFile);
    }

    /** @return these settings with one more override, applied after the ones before it */
    AnonymizerSettings withOverride(UnaryOperator<Policy> next) {
        UnaryOperator<Policy> before = overrides;
        return new AnonymizerSettings(policy, p -> next.apply(before.apply(p)), recordOldValues, leakCheck,
                writeDirectory, digests, limits, maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withRecordOldValues(boolean on) {
        return new AnonymizerSettings(policy, overrides, on, leakCheck, writeDirectory, digests, limits,
                maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withLeakCheck(boolean on) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, on, writeDirectory, digests, limits,
                maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withWriteDirectory(boolean on) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, on, digests, limits,
                maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withDigests(boolean on) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, writeDirectory, on, limits,
                maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withLimits(FiffLimits l) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, writeDirectory, digests, l,
                maxRuleValueSize, files, keyFile);
    }

    AnonymizerSettings withMaxRuleValueSize(long bytes) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, writeDirectory, digests, limits,
                bytes, files, keyFile);
    }

    AnonymizerSettings withKeyFile(Path k) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, writeDirectory, digests, limits,
                maxRuleValueSize, files, k);
    }

    AnonymizerSettings withFiles(OutputFiles f) {
        return new AnonymizerSettings(policy, overrides, recordOldValues, leakCheck, writeDirectory, digests, limits,
                maxRuleValueSize, f, keyFile);
    }
}
