package io.github.fiffkit.anonymize.policyfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the policy-file format: the keys allowed at each level, the actions and the parameters each one
 * takes. The loader checks files against these sets and the schema test checks the shipped JSON Schema against
 * them, so a new key is added here first.
 */
final class Vocabulary {
    /** The keys of the policy object. */
    static final Set<String> TOP_KEYS = keys("$schema", "fiffPolicy", "name", "description", "extends", "options",
            "dates", "rules", "unmatched", "uncovered");
    /** What {@code "extends"} says when the policy starts from nothing: only its own rules apply. */
    static final String NONE = "none";
    /** The keys of {@code "uncovered"}, both required. */
    static final Set<String> UNCOVERED_KEYS = keys("keep", "comment");
    /** What {@code "uncovered.keep"} says to leave every tag of the seed table that the rules do not cover. */
    static final String ALL = "all";
    /** The keys of {@code "options"}. */
    static final Set<String> OPTION_KEYS = keys("brute", "mneEnvironment", "keepHis", "dropHeadShape", "hisId");
    /** The keys of {@code "dates"}. */
    static final Set<String> DATES_KEYS = keys("measurement", "birthday");
    /** The choices of {@code "dates.measurement"}, exactly one of which is given. */
    static final Set<String> MEASUREMENT_KEYS = keys("set", "offsetDays", "landOn", "keep");
    /** The keys of a per-subject {@code "dates.measurement.offsetDays"} object. */
    static final Set<String> SUBJECT_OFFSET_KEYS = keys("keyed", "min", "max", "secret", "table", "column", "subject",
            "missing", "keyFileRaw");
    /** The choices of {@code "dates.birthday"}, exactly one of which is given. */
    static final Set<String> BIRTHDAY_KEYS = keys("set", "offsetDays", "yearOnly", "followMeasurement", "keep");
    /** The keys of a rule that choose tags. */
    static final Set<String> SELECTOR_KEYS = keys("tag", "inBlock", "underBlock", "type");
    /** Each action with the parameters it takes, in the order of the format's documentation. */
    static final Map<String, List<String>> ACTIONS;
    /** Each action with the parameters it cannot do without. */
    static final Map<String, List<String>> REQUIRED;
    /** Every key a rule may have: selectors, {@code action}, {@code comment} and every action's parameters. */
    static final Set<String> RULE_KEYS;

    static {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        Map<String, List<String>> required = new HashMap<>();
        // a parameter marked with "!" is required
        action(actions, required, "keep");
        action(actions, required, "remove");
        action(actions, required, "replace", "value!");
        action(actions, required, "setDate", "date!");
        action(actions, required, "shiftDays", "days!");
        action(actions, required, "landOn", "instant!");
        action(actions, required, "measurementDate");
        action(actions, required, "rewriteId");
        action(actions, required, "anonymizedMeasurementDate");
        action(actions, required, "birthday");
        action(actions, required, "yearOnly");
        action(actions, required, "scrub");
        action(actions, required, "referenceFileName");
        action(actions, required, "dropHeadShape");
        action(actions, required, "hash", "secret", "normalise");
        action(actions, required, "pseudonym", "table!", "missing", "secret", "normalise");
        action(actions, required, "custom", "name!");
        ACTIONS = Collections.unmodifiableMap(actions);
        REQUIRED = Collections.unmodifiableMap(required);
        Set<String> ruleKeys = new LinkedHashSet<>(SELECTOR_KEYS);
        ruleKeys.add("action");
        ruleKeys.add("comment");
        for (List<String> params : actions.values()) {
            ruleKeys.addAll(params);
        }
        RULE_KEYS = Collections.unmodifiableSet(ruleKeys);
    }

    private Vocabulary() {
    }

    /** @return true when a rule key is one of the parameters of some action (not a selector, action or comment) */
    static boolean isParameter(String ruleKey) {
        return RULE_KEYS.contains(ruleKey) && !SELECTOR_KEYS.contains(ruleKey) && !ruleKey.equals("action")
                && !ruleKey.equals("comment");
    }

    private static Set<String> keys(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    private static void action(Map<String, List<String>> actions, Map<String, List<String>> required, String name,
            String... params) {
        List<String> all = new ArrayList<>();
        List<String> needed = new ArrayList<>();
        for (String p : params) {
            String bare = p.endsWith("!") ? p.substring(0, p.length() - 1) : p;
            all.add(bare);
            if (p.endsWith("!")) {
                needed.add(bare);
            }
        }
        actions.put(name, List.copyOf(all));
        required.put(name, List.copyOf(needed));
    }
}
