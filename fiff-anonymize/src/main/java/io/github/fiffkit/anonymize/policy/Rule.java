package io.github.fiffkit.anonymize.policy;

import java.util.Objects;

/**
 * A selector and an action: the first rule of a policy whose selector matches a tag decides its fate.
 *
 * @param selector which tags
 * @param action   what to do with them
 * @param origin   where the rule comes from, for reports (e.g. {@code preset mne-anonymize} or
 *                 {@code policy rule 3})
 */
public record Rule(Selector selector, TagAction action, String origin) {
    /**
     * Checks the parts.
     *
     * @param selector which tags
     * @param action what to do with them
     * @param origin where the rule comes from, for reports (e.g. {@code preset mne-anonymize} or {@code policy rule 3})
     * @throws NullPointerException when a part is missing
     */
    public Rule {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * @param selector which tags
     * @param action   what to do
     * @return a rule whose origin is "code"
     */
    public static Rule of(Selector selector, TagAction action) {
        return new Rule(selector, action, "code");
    }

    @Override
    public String toString() {
        return selector + " -> " + action.name() + " (" + origin + ")";
    }
}
