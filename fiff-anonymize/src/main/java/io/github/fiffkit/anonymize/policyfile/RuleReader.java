package io.github.fiffkit.anonymize.policyfile;

import static io.github.fiffkit.anonymize.policyfile.Suggestions.quoteAll;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the rules of a policy file: the selector keys, the action and the parameters that action takes, into a
 * {@link Rule} made of the built-in {@link Actions} (or a custom action the program registered).
 */
final class RuleReader {
    private final Problems problems;
    private final Values values;
    private final Secrets secrets;
    private final Map<String, TagAction> customActions;
    private final Path dir;

    /**
     * @param customActions the actions the program registered, by name
     * @param dir           where relative pseudonym-table paths start
     */
    RuleReader(Problems problems, Values values, Secrets secrets, Map<String, TagAction> customActions, Path dir) {
        this.problems = problems;
        this.values = values;
        this.secrets = secrets;
        this.customActions = customActions;
        this.dir = dir;
    }

    /**
     * @param n      the rule's object
     * @param path   its field path, e.g. {@code rules[2]}
     * @param number its number in the policy, from 1, for reports
     * @return the rule, or null when it has problems (they are added)
     */
    Rule rule(Node n, String path, int number) {
        if (!problems.expect(n, Kind.OBJECT, path, "a rule")) {
            return null;
        }
        int before = problems.count();
        problems.unknownKeys(n, path, Vocabulary.RULE_KEYS, "a rule");
        Selector selector = Selector.any();
        Integer kind = selectorCode(n, path, "tag", "tag", FiffKind::number, FiffKind.all());
        if (kind != null) {
            selector = selector.andKind(kind);
        }
        Integer in = selectorCode(n, path, "inBlock", "block", FiffBlock::number, FiffBlock.all());
        if (in != null) {
            selector = selector.inBlock(in);
        }
        Integer under = selectorCode(n, path, "underBlock", "block", FiffBlock::number, FiffBlock.all());
        if (under != null) {
            selector = selector.underBlock(under);
        }
        Integer type = selectorCode(n, path, "type", "data type", FiffType::number, FiffType.all());
        if (type != null) {
            selector = selector.type(type);
        }
        Node a = n.fields.get("action");
        Node comment = n.fields.get("comment");
        if (comment != null) {
            problems.expect(comment, Kind.TEXT, path + ".comment", "a comment");
        }
        if (a == null) {
            problems.add(n, path + ".action", "the rule has no \"action\"; the actions are "
                    + quoteAll(Vocabulary.ACTIONS.keySet()));
            return null;
        }
        if (!problems.expect(a, Kind.TEXT, path + ".action", "the action")) {
            return null;
        }
        String action = a.text();
        List<String> params = Vocabulary.ACTIONS.get(action);
        if (params == null) {
            String hint = Suggestions.closest(action, Vocabulary.ACTIONS.keySet())
                    .map(s -> "did you mean \"" + s + "\"? ").orElse("");
            problems.add(a, path + ".action", "unknown action " + a.shown() + "; " + hint + "the actions are "
                    + quoteAll(Vocabulary.ACTIONS.keySet()));
            return null;
        }
        for (String key : n.fields.keySet()) {
            if (Vocabulary.isParameter(key) && !params.contains(key)) {
                problems.addAtKey(n, key, path + "." + key, "the action \"" + action + "\" does not take \"" + key
                        + "\"" + (params.isEmpty() ? "" : "; it takes " + quoteAll(params)));
            }
        }
        for (String req : Vocabulary.REQUIRED.get(action)) {
            if (!n.fields.containsKey(req)) {
                problems.add(n, path + "." + req, "the action \"" + action + "\" needs \"" + req + "\"");
            }
        }
        Integer selected = selector.kindOrNull();
        if (action.equals("remove") && selected != null && Policy.STRUCTURAL_KINDS.contains(selected)) {
            problems.add(a, path + ".action", "a rule may not remove " + FiffKind.describe(selected)
                    + ": the file cannot be read without it");
        }
        TagAction made = action(action, n, path);
        if (made == null || problems.count() != before) {
            return null;
        }
        return new Rule(selector, made, "policy rule " + number);
    }

    private Integer selectorCode(Node rule, String path, String key, String what,
            Function<String, OptionalInt> lookup, Map<String, Integer> all) {
        Node v = rule.fields.get(key);
        return v == null ? null : values.code(v, path + "." + key, what, lookup, all);
    }

    private TagAction action(String action, Node n, String path) {
        switch (action) {
            case "keep": return Actions.keep();
            case "remove": return Actions.remove();
            case "measurementDate": return Actions.measurementDate();
            case "rewriteId": return Actions.rewriteId();
            case "anonymizedMeasurementDate": return Actions.anonymizedMeasurementDate();
            case "birthday": return Actions.birthday();
            case "yearOnly": return Actions.yearOnly();
            case "scrub": return Actions.scrub();
            case "referenceFileName": return Actions.referenceFileName();
            case "dropHeadShape": return Actions.dropHeadShape();
            case "replace": return replace(n, path);
            case "setDate": {
                Node v = n.fields.get("date");
                LocalDate d = v == null ? null : values.date(v, path + ".date");
                return d == null ? null : Actions.setDate(d);
            }
            case "shiftDays": {
                Node v = n.fields.get("days");
                Integer d = v == null ? null : values.days(v, path + ".days");
                return d == null ? null : Actions.shiftDays(d);
            }
            case "landOn": {
                Node v = n.fields.get("instant");
                Instant i = v == null ? null : values.instant(v, path + ".instant");
                return i == null ? null : Actions.landOn(i);
            }
            case "hash": {
                Secrets.Secret s = secrets.of(n, path, "a keyed hash");
                boolean normalise = normalise(n, path);
                return s == null ? null : Actions.hash(s.bytes(), s.ref(), normalise);
            }
            case "pseudonym":
                return pseudonym(n, path);
            case "custom":
                return custom(n, path);
            default:
                throw new IllegalStateException(action);
        }
    }

    private TagAction replace(Node n, String path) {
        Node v = n.fields.get("value");
        if (v == null) {
            return null;
        }
        if (v.kind == Kind.TEXT) {
            return Actions.replace(v.text());
        }
        if (v.kind == Kind.INTEGER || v.kind == Kind.DECIMAL) {
            return Actions.replace(v.value instanceof BigDecimal d ? d.toPlainString() : v.value.toString());
        }
        problems.add(v, path + ".value", "the value must be text or a number, not " + v.kind.words);
        return null;
    }

    private TagAction custom(Node n, String path) {
        Node v = n.fields.get("name");
        if (v == null || !problems.expect(v, Kind.TEXT, path + ".name", "the custom action's name")) {
            return null;
        }
        TagAction c = customActions.get(v.text());
        if (c == null) {
            problems.add(v, path + ".name", "no custom action named " + v.shown() + " is known to this program"
                    + (customActions.isEmpty() ? " (it knows none)"
                    : "; it knows " + quoteAll(new TreeMap<>(customActions).keySet())));
        }
        return c;
    }

    private TagAction pseudonym(Node n, String path) {
        Node missingNode = n.fields.get("missing");
        Actions.Missing missing = Actions.Missing.ERROR;
        if (missingNode != null && problems.expect(missingNode, Kind.TEXT, path + ".missing", "\"missing\"")) {
            switch (missingNode.text()) {
                case "error" -> missing = Actions.Missing.ERROR;
                case "hash" -> missing = Actions.Missing.HASH;
                default -> problems.add(missingNode, path + ".missing", "\"missing\" is \"error\" (a value missing"
                        + " from the table stops the file) or \"hash\" (it gets a keyed hash), not "
                        + missingNode.shown());
            }
        }
        byte[] secret = null;
        String secretRef = null;
        if (missing == Actions.Missing.HASH) {
            Secrets.Secret s = secrets.of(n, path, "a pseudonym table that hashes missing values");
            if (s == null) {
                return null;
            }
            secret = s.bytes();
            secretRef = s.ref();
        } else if (n.fields.containsKey("secret")) {
            problems.addAtKey(n, "secret", path + ".secret", "a secret is only used with \"missing\": \"hash\"");
        }
        Node t = n.fields.get("table");
        if (t == null || !problems.expect(t, Kind.TEXT, path + ".table", "the table")) {
            return null;
        }
        PseudonymTable table = PseudonymTable.read(dir.resolve(t.text()), problems.list(),
                new PolicyProblem(problems.source(), t.line, t.column, path + ".table", ""));
        if (table == null) {
            return null;
        }
        boolean normalise = normalise(n, path);
        try {
            return new PseudonymTable.Action(Actions.pseudonym(table.map(), missing, secret, t.text(), normalise),
                    table, missing, secretRef);
        } catch (IllegalArgumentException e) {
            problems.add(t, path + ".table", e.getMessage());
            return null;
        }
    }

    /** {@code "normalise": true}: values hashed (and looked up) in the normal form of a subject key. */
    private boolean normalise(Node n, String path) {
        Node v = n.fields.get("normalise");
        return v != null && values.flag(v, path + ".normalise");
    }
}
