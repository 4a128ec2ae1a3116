package io.github.fiffkit.anonymize.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a policy extends: a named set of rules that follow the policy's own, with the options and dates the
 * policy starts from. The built-in presets ({@code io.github.fiffkit.anonymize.actions.Preset}) are the
 * implementations; a policy without a base has only its own rules.
 */
public interface PolicyBase {
    /**
     * @return the name policy files use in {@code "extends"}, e.g. {@code "mne-anonymize"}
     */
    String id();

    /**
     * @return the options a policy extending this base starts from
     */
    PolicyOptions defaultOptions();

    /**
     * @return the date model a policy extending this base starts from
     */
    Dates defaultDates();

    /**
     * @param options the options in force (they switch rules on and off and fill in values)
     * @return the rules, tried after the extending policy's own, first match wins
     */
    List<Rule> rules(PolicyOptions options);

    /**
     * The tags this base treats as personal data: every tag that one of its rules, for its default options,
     * changes or removes, where the rule names the tag's kind (and perhaps its innermost block) and nothing that
     * would leave some occurrences out. The {@code mne-anonymize} preset's are the seed table that
     * {@link Policy#uncoveredPhiTags(PolicyBase)} checks policies against.
     *
     * @return the tags, in the order of the rules, each once
     */
    default List<PhiTag> phiTags() {
        List<PhiTag> tags = new ArrayList<>();
        for (Rule r : rules(defaultOptions())) {
            Selector s = r.selector();
            if (s.kindOrNull() == null || s.underBlockOrNull() != null || s.typeOrNull() != null
                    || s.hasPredicate() || Policy.KEEP.equals(r.action().name())) {
                continue;
            }
            PhiTag tag = new PhiTag(s.kindOrNull(), s.inBlockOrNull());
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
