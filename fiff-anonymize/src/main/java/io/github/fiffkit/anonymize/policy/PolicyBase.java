package io.github.fiffkit.anonymize.policy;

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
}
