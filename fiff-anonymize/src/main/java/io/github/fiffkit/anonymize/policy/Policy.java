package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.FiffKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of rules, what happens to tags no rule matches, options and a date model, optionally
 * extending a {@link PolicyBase} (a preset) whose rules are tried after the policy's own. Immutable.
 *
 * <pre>{@code
 * Policy lab = Policy.builder("lab-default")
 *         .extending(Preset.MNE_ANONYMIZE)
 *         .options(PolicyOptions.NONE.withBrute(true))
 *         .dates(new Dates(MeasurementDate.offsetDays(35), BirthdayDate.offsetDays(35)))
 *         .rule(Rule.of(Selector.kind(FiffKind.DACQ_PARS), Actions.scrub()))
 *         .build();
 * }</pre>
 *
 * <p>The same policy as a JSON policy file, read with {@code io.github.fiffkit.anonymize.policyfile.PolicyLoader}:
 *
 * <pre>{@code
 * {
 *   "fiffPolicy": 1,
 *   "name": "lab-default",
 *   "extends": "mne-anonymize",
 *   "options": { "brute": true },
 *   "dates": { "measurement": { "offsetDays": 35 }, "birthday": { "offsetDays": 35 } },
 *   "rules": [ { "tag": "FIFF_DACQ_PARS", "action": "scrub" } ]
 * }
 * }</pre>
 */
public final class Policy {
    /** The version of the JSON policy-file format ({@code "fiffPolicy"}) this library reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /** Tags no rule may remove: the file ID, the directory pointer, block starts and ends, bulk data. */
    public static final Set<Integer> STRUCTURAL_KINDS = Set.of(FiffKind.FILE_ID, FiffKind.DIR_POINTER,
            FiffKind.BLOCK_START, FiffKind.BLOCK_END, FiffKind.DATA_BUFFER, FiffKind.DATA_SKIP, FiffKind.EPOCH,
            FiffKind.DATA_SKIP_SAMP);

    /** The name of the action that copies a tag unchanged: a rule with it covers no personal data. */
    static final String KEEP = "keep";

    private final String name;
    private final PolicyBase preset;
    private final List<Rule> rules;
    private final Unmatched unmatched;
    private final PolicyOptions options;
    private final Dates dates;

    private Policy(String name, PolicyBase preset, List<Rule> rules, Unmatched unmatched, PolicyOptions options,
            Dates dates) {
        this.name = Objects.requireNonNull(name, "name");
        this.preset = preset;
        this.rules = List.copyOf(rules);
        this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
        this.options = Objects.requireNonNull(options, "options");
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /**
     * @param preset a preset
     * @return the preset as a policy, with its default options and dates
     */
    public static Policy of(PolicyBase preset) {
        return new Policy(preset.id(), preset, List.of(), Unmatched.KEEP, preset.defaultOptions(),
                preset.defaultDates());
    }

    /**
     * @param name the policy's name, for reports
     * @return a builder of a policy that extends no preset, keeps unmatched tags, and keeps dates
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The canonical JSON of this policy as it is applied: sorted keys, no spaces; every rule in the order it is
     * tried (the preset's included), the effective options and dates. Secrets appear only as where they come from.
     *
     * @return the canonical JSON
     */
    public String canonicalJson() {
        return PolicyJson.canonical(this);
    }

    /** @return the SHA-256 of {@link #canonicalJson()} in hexadecimal: the policy hash of reports */
    public String sha256() {
        return PolicyJson.sha256(canonicalJson());
    }

    /** @return the policy's name */
    public String name() {
        return name;
    }

    /** @return the preset this policy extends, or {@code null} */
    public PolicyBase preset() {
        return preset;
    }

    /** @return the policy's own rules, tried before the preset's */
    public List<Rule> rules() {
        return rules;
    }

    /** @return what happens to tags no rule matches */
    public Unmatched unmatched() {
        return unmatched;
    }

    /** @return the options */
    public PolicyOptions options() {
        return options;
    }

    /** @return the date model */
    public Dates dates() {
        return dates;
    }

    /** @return the policy's rules followed by its preset's rules for its options */
    public List<Rule> resolvedRules() {
        List<Rule> all = new ArrayList<>(rules);
        if (preset != null) {
            all.addAll(preset.rules(options));
        }
        return List.copyOf(all);
    }

    /**
     * The tags of a table of personal data that this policy leaves unchanged, in the table's order. A tag is
     * covered when the first rule (of the policy's own, then its preset's) that may match it changes or removes
     * it and matches every occurrence of it; a rule that {@code keep}s some of its occurrences leaves it
     * uncovered; a tag no rule matches is covered only when unmatched tags are removed. The seed table is the
     * {@code mne-anonymize} preset's:
     *
     * <pre>{@code
     * List<PhiTag> left = policy.uncoveredPhiTags(Preset.MNE_ANONYMIZE);
     * if (!left.isEmpty()) {
     *     log.warn("the policy leaves {} unchanged", left);
     * }
     * }</pre>
     *
     * @param table the base whose {@link PolicyBase#phiTags()} are the tags to cover
     * @return the tags this policy leaves unchanged (empty when it covers them all)
     */
    public List<PhiTag> uncoveredPhiTags(PolicyBase table) {
        List<Rule> all = resolvedRules();
        return table.phiTags().stream().filter(tag -> !covers(all, tag)).toList();
    }

    private boolean covers(List<Rule> all, PhiTag tag) {
        for (Rule r : all) {
            if (!tag.isPartlySelectedBy(r.selector())) {
                continue;
            }
            if (KEEP.equals(r.action().name())) {
                return false;
            }
            if (tag.isWhollySelectedBy(r.selector())) {
                return true;
            }
            // this rule changes some occurrences; the others go on to the next rules
        }
        return unmatched == Unmatched.REMOVE && !STRUCTURAL_KINDS.contains(tag.kind());
    }

    /**
     * @param newOptions the options
     * @return a copy with those options
     */
    public Policy withOptions(PolicyOptions newOptions) {
        return new Policy(name, preset, rules, unmatched, newOptions, dates);
    }

    /**
     * @param newDates the date model
     * @return a copy with it
     */
    public Policy withDates(Dates newDates) {
        return new Policy(name, preset, rules, unmatched, options, newDates);
    }

    /** @return a builder pre-filled with this policy */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.preset = preset;
        b.rules.addAll(rules);
        b.unmatched = unmatched;
        b.options = options;
        b.dates = dates;
        return b;
    }

    @Override
    public String toString() {
        return "Policy[" + name + (preset != null ? " extends " + preset.id() : "") + ", " + rules.size()
                + " rules, unmatched " + unmatched + ", " + options + ", " + dates + "]";
    }

    /** Builds a {@link Policy}. */
    public static final class Builder {
        private String name;
        private PolicyBase preset;
        private final List<Rule> rules = new ArrayList<>();
        private Unmatched unmatched = Unmatched.KEEP;
        private PolicyOptions options;
        private Dates dates;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param newName the policy's name
         * @return this builder
         */
        public Builder name(String newName) {
            this.name = Objects.requireNonNull(newName, "name");
            return this;
        }

        /**
         * Extends a preset: its rules follow the policy's own; its options and dates are the defaults.
         *
         * @param base the preset, or {@code null} for none
         * @return this builder
         */
        public Builder extending(PolicyBase base) {
            this.preset = base;
            return this;
        }

        /**
         * @param rule a rule, tried after the rules added before it
         * @return this builder
         * @throws IllegalArgumentException when the rule would remove a structural tag
         */
        public Builder rule(Rule rule) {
            Integer kind = rule.selector().kindOrNull();
            if ("remove".equals(rule.action().name()) && kind != null && STRUCTURAL_KINDS.contains(kind)) {
                throw new IllegalArgumentException("a rule may not remove the structural tag "
                        + FiffKind.describe(kind));
            }
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param what what happens to tags no rule matches
         * @return this builder
         */
        public Builder unmatched(Unmatched what) {
            this.unmatched = Objects.requireNonNull(what, "unmatched");
            return this;
        }

        /**
         * @param newOptions the options (default: the preset's, or none)
         * @return this builder
         */
        public Builder options(PolicyOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        /**
         * @param newDates the date model (default: the preset's, or keep)
         * @return this builder
         */
        public Builder dates(Dates newDates) {
            this.dates = Objects.requireNonNull(newDates, "dates");
            return this;
        }

        /** @return the policy */
        public Policy build() {
            PolicyOptions o = options != null ? options : preset != null ? preset.defaultOptions() : PolicyOptions.NONE;
            Dates d = dates != null ? dates : preset != null ? preset.defaultDates()
                    : new Dates(MeasurementDate.keep(), BirthdayDate.keep());
            return new Policy(name, preset, rules, unmatched, o, d);
        }
    }
}
