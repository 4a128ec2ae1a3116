package io.github.fiffkit.anonymize.policyfile;

import static io.github.fiffkit.anonymize.policyfile.Suggestions.quoteAll;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reading of one policy file's object: its version, name, preset, options, dates, rules and what happens to
 * unmatched tags. Problems are collected, not thrown; the policy it returns is only used when there are none.
 */
final class PolicyReading {
    private final Problems problems;
    private final OptionsAndDates sections;
    private final RuleReader rules;
    private final CoverageCheck coverage;

    /**
     * @param environment   the environment variables {@code env:} secrets are read from
     * @param runTimeSecret the secret given when running, or null
     * @param dir           where the policy's relative paths start
     */
    PolicyReading(Problems problems, Map<String, TagAction> customActions, Function<String, String> environment,
            String runTimeSecret, Path dir) {
        this.problems = problems;
        Values values = new Values(problems);
        Secrets secrets = new Secrets(problems, environment, runTimeSecret, dir);
        this.sections = new OptionsAndDates(problems, values,
                new SubjectOffsets(problems, values, secrets, dir, "dates.measurement.offsetDays"),
                new SubjectOffsets(problems, values, secrets, dir, "dates.birthday.offsetDays"));
        this.coverage = new CoverageCheck(problems, values);
        this.rules = new RuleReader(problems, values, secrets, customActions, dir);
    }

    /**
     * @param root        the file's JSON value
     * @param defaultName the policy's name when the file gives none
     * @return the policy, or null when the file is not an object
     */
    Policy policy(Node root, String defaultName) {
        if (root.kind != Kind.OBJECT) {
            problems.add(root, "", "a policy file must be a JSON object { ... }, not " + root.kind.words);
            return null;
        }
        problems.unknownKeys(root, "", Vocabulary.TOP_KEYS, "the policy");
        version(root);
        String name = name(root, defaultName);
        Node desc = root.fields.get("description");
        if (desc != null) {
            problems.expect(desc, Kind.TEXT, "description", "the description");
        }
        Node schema = root.fields.get("$schema");
        if (schema != null) {
            problems.expect(schema, Kind.TEXT, "$schema", "the schema reference");
        }
        Node ext = root.fields.get("extends");
        boolean none = ext != null && ext.kind == Kind.TEXT && Vocabulary.NONE.equals(ext.text());
        Preset preset = none ? null : preset(root, ext);
        PolicyOptions options = preset != null ? preset.defaultOptions() : PolicyOptions.NONE;
        Node opts = root.fields.get("options");
        if (opts != null && problems.expect(opts, Kind.OBJECT, "options", "the options")) {
            options = sections.options(opts, options);
        }
        Dates dates = preset != null ? preset.defaultDates() : new Dates(MeasurementDate.keep(), BirthdayDate.keep());
        Node datesNode = root.fields.get("dates");
        if (datesNode != null && problems.expect(datesNode, Kind.OBJECT, "dates", "the dates")) {
            dates = sections.dates(datesNode, dates);
        }
        Policy.Builder b = Policy.builder(name).extending(preset).options(options).dates(dates)
                .unmatched(unmatched(root));
        Node list = root.fields.get("rules");
        List<Node> ruleNodes = new ArrayList<>();
        boolean allRead = true;
        if (list != null && !problems.expect(list, Kind.ARRAY, "rules", "the rules")) {
            allRead = false;
        } else if (list != null) {
            for (int i = 0; i < list.items.size(); i++) {
                Rule rule = rules.rule(list.items.get(i), "rules[" + i + "]", i + 1);
                if (rule != null) {
                    b.rule(rule);
                    ruleNodes.add(list.items.get(i));
                } else {
                    allRead = false;
                }
            }
        }
        Policy policy = b.build();
        coverage.check(policy, root, ext, none, allRead ? ruleNodes : null);
        return policy;
    }

    private void version(Node root) {
        Node version = root.fields.get("fiffPolicy");
        if (version == null) {
            problems.add(root, "fiffPolicy", "this is not marked as a FiffKit policy file: add \"fiffPolicy\": 1");
        } else if (problems.expect(version, Kind.INTEGER, "fiffPolicy", "the format version")
                && !BigInteger.ONE.equals(version.value)) {
            problems.add(version, "fiffPolicy", "this FiffKit reads version 1 of the policy format, not version "
                    + version.value);
        }
    }

    private String name(Node root, String defaultName) {
        Node nameNode = root.fields.get("name");
        if (nameNode != null && problems.expect(nameNode, Kind.TEXT, "name", "the policy's name")) {
            if (nameNode.text().isBlank()) {
                problems.add(nameNode, "name", "the policy's name is empty; give it a name for the reports");
            } else {
                return nameNode.text();
            }
        }
        return defaultName;
    }

    /** The preset {@code "extends"} names, or null (after a problem, when it names none). */
    private Preset preset(Node root, Node ext) {
        List<String> ids = Arrays.stream(Preset.values()).map(Preset::id).toList();
        String choices = "a preset (" + quoteAll(ids) + ") or \"" + Vocabulary.NONE
                + "\" (only the policy's own rules)";
        if (ext == null) {
            problems.add(root, "extends", "the policy must say what it starts from: add \"extends\" with " + choices);
            return null;
        }
        if (!problems.expect(ext, Kind.TEXT, "extends", "the preset to extend")) {
            return null;
        }
        for (Preset p : Preset.values()) {
            if (p.id().equals(ext.text())) {
                return p;
            }
        }
        String hint = Preset.byId(ext.text()).map(Preset::id)
                .or(() -> Optional.of(Vocabulary.NONE).filter(n -> n.equalsIgnoreCase(ext.text().trim())))
                .map(id -> "; write \"" + id + "\"").orElse("; write " + choices);
        problems.add(ext, "extends", "there is no preset named " + ext.shown() + hint);
        return null;
    }

    private Unmatched unmatched(Node root) {
        Node un = root.fields.get("unmatched");
        if (un != null && problems.expect(un, Kind.TEXT, "unmatched", "what happens to unmatched tags")) {
            switch (un.text()) {
                case "keep" -> {
                    return Unmatched.KEEP;
                }
                case "remove" -> {
                    return Unmatched.REMOVE;
                }
                default -> problems.add(un, "unmatched", "\"unmatched\" is \"keep\" or \"remove\", not "
                        + un.shown());
            }
        }
        return Unmatched.KEEP;
    }
}
