package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagInfo;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hint at the end of a run: tags that often hold names or paths (acquisition parameters, comments outside
 * the measurement info, the MNE environment) which the policy keeps although a file holds text in them. Only
 * their names are ever shown, never their values.
 */
public final class KeptTagsHint {
    /** A kept tag that often holds names or paths, as the hint names it. */
    public enum Kept {
        /** FIFF_DACQ_PARS: the acquisition software's parameters, free text. */
        DACQ_PARS("FIFF_DACQ_PARS", false),
        /** FIFF_DACQ_STIM: the stimulus settings, free text. */
        DACQ_STIM("FIFF_DACQ_STIM", false),
        /** FIFF_COMMENT in any block but the measurement info (annotations, events, projectors, evoked). */
        COMMENT("FIFF_COMMENT (outside the measurement info)", false),
        /** FIFF_MNE_ENV_WORKING_DIR: the folder MNE ran in. */
        MNE_ENV_WORKING_DIR("FIFF_MNE_ENV_WORKING_DIR", true),
        /** FIFF_MNE_ENV_COMMAND_LINE: the command line that wrote the file. */
        MNE_ENV_COMMAND_LINE("FIFF_MNE_ENV_COMMAND_LINE", true);

        private final String label;
        private final boolean environment;

        Kept(String label, boolean environment) {
            this.label = label;
            this.environment = environment;
        }
    }

    /** Text larger than this is not read to see whether it is empty: it is not. */
    private static final int READ_LIMIT = 64 * 1024;

    private KeptTagsHint() {
    }

    /**
     * Reads one file's headers and finds the tags of interest that hold text and that the policy keeps.
     *
     * @param file   the input
     * @param policy the policy the run applies
     * @return what the policy keeps there, empty when nothing
     * @throws IOException when the file cannot be read (the run has said so already)
     */
    public static Set<Kept> scan(Path file, Policy policy) throws IOException {
        List<Rule> rules = policy.resolvedRules();
        Set<Kept> found = new TreeSet<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                Kept k = candidate(t.kind(), r.blockPath().innermost());
                if (k == null || found.contains(k) || t.type() != FiffType.STRING || t.size() <= 0) {
                    continue;
                }
                if (t.size() <= READ_LIMIT && TagData.string(r.readData()).isBlank()) {
                    continue;
                }
                if (keeps(rules, policy, new TagInfo(t, r.blockPath()))) {
                    found.add(k);
                }
            }
        }
        return found;
    }

    private static Kept candidate(int kind, int innermost) {
        return switch (kind) {
            case FiffKind.DACQ_PARS -> Kept.DACQ_PARS;
            case FiffKind.DACQ_STIM -> Kept.DACQ_STIM;
            case FiffKind.COMMENT -> innermost == FiffBlock.MEAS_INFO ? null : Kept.COMMENT;
            case FiffKind.MNE_ENV_WORKING_DIR -> Kept.MNE_ENV_WORKING_DIR;
            case FiffKind.MNE_ENV_COMMAND_LINE -> Kept.MNE_ENV_COMMAND_LINE;
            default -> null;
        };
    }

    /** The first rule that matches decides; no rule means the policy's unmatched choice. */
    private static boolean keeps(List<Rule> rules, Policy policy, TagInfo tag) {
        for (Rule rule : rules) {
            if (rule.selector().matches(tag)) {
                return "keep".equals(rule.action().name());
            }
        }
        return policy.unmatched() == Unmatched.KEEP;
    }

    /**
     * The one hint line for what a run kept.
     *
     * @param kept       the union over the run's files
     * @param policyFile whether the run used a policy file (the text tags then need a rule there)
     * @return the line, or {@code null} when nothing is worth a hint
     */
    public static String line(Collection<Kept> kept, boolean policyFile) {
        List<String> text = new ArrayList<>();
        List<String> env = new ArrayList<>();
        for (Kept k : new TreeSet<>(kept)) {
            (k.environment ? env : text).add(k.label);
        }
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add("kept " + String.join(", ", text) + ": " + (policyFile
                    ? "a \"scrub\" rule in the policy file (or \"extends\": \"strict\") scrubs them"
                    : "--preset strict scrubs them"));
        }
        if (!env.isEmpty()) {
            parts.add("kept " + String.join(", ", env) + ": --mne_environment replaces them");
        }
        return parts.isEmpty() ? null : "hint: " + String.join("; ", parts);
    }
}
