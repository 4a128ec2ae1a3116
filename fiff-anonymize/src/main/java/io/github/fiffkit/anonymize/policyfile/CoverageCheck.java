package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PhiTag;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.core.FiffKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy that {@code "extends": "none"} has only its own rules, so they must cover every tag of the seed table
 * (the {@code mne-anonymize} preset's {@link Preset#phiTags()}), or the policy must name the tags it leaves
 * unchanged and say why:
 *
 * <pre>{@code
 * "uncovered": { "keep": ["FIFF_SUBJ_WEIGHT", "FIFF_SUBJ_HEIGHT"], "comment": "the study's measures" }
 * "uncovered": { "keep": "all", "comment": "phantom recordings: there is no subject" }
 * }</pre>
 *
 * <p>Each tag left uncovered is one problem, at the rule that keeps it or else at {@code "extends"}.
 */
final class CoverageCheck {
    /** The table a policy of its own must cover. */
    static final Preset SEED = Preset.MNE_ANONYMIZE;

    private final Problems problems;
    private final Values values;

    CoverageCheck(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    /**
     * @param policy    the policy read, or null when it could not be made
     * @param root      the policy's object
     * @param ext       the {@code "extends"} value
     * @param none      true when it is {@code "none"}
     * @param ruleNodes the policy's rules as written, one per rule of {@code policy}, or null when some rule
     *                  could not be read (coverage cannot then be judged)
     */
    void check(Policy policy, Node root, Node ext, boolean none, List<Node> ruleNodes) {
        Node uncovered = root.fields.get("uncovered");
        if (!none) {
            if (uncovered != null) {
                problems.addAtKey(root, "uncovered", "uncovered", "\"uncovered\" only goes with"
                        + " \"extends\": \"none\"; a policy that extends a preset has the preset's rules for these tags");
            }
            return;
        }
        Map<Integer, Node> listed = new LinkedHashMap<>();
        boolean all = false;
        if (uncovered != null) {
            Node keep = declaration(uncovered);
            if (keep == null) {
                return; // a broken declaration is reported; the tags it would name cannot be judged
            }
            all = keep.kind == Kind.TEXT;
            if (!all && !listed(keep, listed)) {
                return;
            }
        }
        if (policy == null || ruleNodes == null || all) {
            return;
        }
        List<PhiTag> left = policy.uncoveredPhiTags(SEED);
        for (PhiTag tag : left) {
            if (!listed.containsKey(tag.kind())) {
                uncoveredTag(tag, policy.rules(), ruleNodes, ext);
            }
        }
        for (Map.Entry<Integer, Node> e : listed.entrySet()) {
            if (left.stream().noneMatch(t -> t.kind() == e.getKey())) {
                problems.add(e.getValue(), "uncovered.keep", "the rules already change or remove "
                        + FiffKind.describe(e.getKey()) + "; take it off the list");
            }
        }
    }

    /** Checks {@code "uncovered"}'s keys and comment; returns its {@code "keep"}, or null when it is broken. */
    private Node declaration(Node uncovered) {
        if (!problems.expect(uncovered, Kind.OBJECT, "uncovered", "\"uncovered\"")) {
            return null;
        }
        problems.unknownKeys(uncovered, "uncovered", Vocabulary.UNCOVERED_KEYS, "\"uncovered\"");
        Node comment = uncovered.fields.get("comment");
        if (comment == null) {
            problems.add(uncovered, "uncovered.comment", "say why the policy leaves these tags unchanged:"
                    + " \"uncovered\" needs a \"comment\"");
        } else if (problems.expect(comment, Kind.TEXT, "uncovered.comment", "the comment")
                && comment.text().isBlank()) {
            problems.add(comment, "uncovered.comment", "the comment is empty; say why the policy leaves these tags"
                    + " unchanged");
        }
        Node keep = uncovered.fields.get("keep");
        if (keep == null) {
            problems.add(uncovered, "uncovered.keep", "\"uncovered\" needs \"keep\": the list of the tags the"
                    + " policy leaves unchanged, or \"all\"");
            return null;
        }
        boolean ok = keep.kind == Kind.TEXT ? Vocabulary.ALL.equals(keep.text()) : keep.kind == Kind.ARRAY;
        if (!ok) {
            problems.add(keep, "uncovered.keep", "\"keep\" is \"all\" or a list of tag names such as"
                    + " [\"FIFF_SUBJ_WEIGHT\"], not " + keep.shown());
            return null;
        }
        return keep;
    }

    /** Reads the tags of a {@code "keep"} list; false when it names something that is not a tag of the table. */
    private boolean listed(Node keep, Map<Integer, Node> listed) {
        if (keep.items.isEmpty()) {
            problems.add(keep, "uncovered.keep", "the list is empty; name the tags the policy leaves unchanged");
            return false;
        }
        int before = problems.count();
        for (int i = 0; i < keep.items.size(); i++) {
            Node item = keep.items.get(i);
            String field = "uncovered.keep[" + i + "]";
            Integer kind = values.code(item, field, "tag", FiffKind::number, FiffKind.all());
            if (kind == null) {
                continue;
            }
            if (SEED.phiTags().stream().noneMatch(t -> t.kind() == kind)) {
                problems.add(item, field, FiffKind.describe(kind) + " is not in the table of tags that usually hold"
                        + " personal data; the tags to name here are " + Suggestions.quoteAll(SEED.phiTags().stream()
                        .map(t -> FiffKind.describe(t.kind())).distinct().toList()));
                continue;
            }
            listed.putIfAbsent(kind, item);
        }
        return problems.count() == before;
    }

    /** Reports one uncovered tag at the first of the policy's rules that keeps it, or else at "extends". */
    private void uncoveredTag(PhiTag tag, List<Rule> rules, List<Node> ruleNodes, Node ext) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (tag.isPartlySelectedBy(r.selector()) && "keep".equals(r.action().name())) {
                problems.add(ruleNodes.get(i), "rules[" + i + "]", "this rule keeps " + tag + " (all or some of"
                        + " them), a tag that usually holds personal data, and the policy extends \"none\": change"
                        + " the rule, or name the tag in \"uncovered\" with a \"comment\" saying why");
                return;
            }
        }
        problems.add(ext, "extends", "\"none\" leaves " + tag + " unchanged, a tag that usually holds personal"
                + " data: add a rule that changes or removes it, or name it in \"uncovered\": {\"keep\": [...],"
                + " \"comment\": \"why\"}");
    }
}
