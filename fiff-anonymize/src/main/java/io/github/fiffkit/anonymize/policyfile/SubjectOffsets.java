package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.core.FiffKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a per-subject {@code "dates.measurement.offsetDays"} object: a keyed offset
 * ({@code {"keyed": [tags], "min": 365, "max": 3650, "secret": "env:NAME"}}) or offsets from a table
 * ({@code {"table": "subjects.csv", "column": "offsetDays", "subject": "FIFF_SUBJ_HIS_ID"}}), each with an optional
 * {@code "missing"} (what a subject without an offset gets) and {@code "keyFileRaw"}. Messages about the table name
 * its lines by pseudonym, never by original value.
 */
final class SubjectOffsets {
    private final Problems problems;
    private final Values values;
    private final Secrets secrets;
    private final Path dir;
    /** Where the object is, for messages: {@code dates.measurement.offsetDays} or {@code dates.birthday.offsetDays}. */
    private final String field;

    SubjectOffsets(Problems problems, Values values, Secrets secrets, Path dir, String field) {
        this.problems = problems;
        this.values = values;
        this.secrets = secrets;
        this.dir = dir;
        this.field = field;
    }

    /**
     * @param n the object
     * @return the offset, or null after adding the problems
     */
    SubjectOffset read(Node n) {
        problems.unknownKeys(n, field, Vocabulary.SUBJECT_OFFSET_KEYS, field);
        boolean keyed = n.fields.containsKey("keyed");
        boolean table = n.fields.containsKey("table");
        if (keyed == table) {
            problems.add(n, field, "a per-subject offset needs either \"keyed\" (a list of tags: an offset from a"
                    + " secret) or \"table\" (a CSV file with a column of offsets), " + (keyed ? "not both" : "and has"
                    + " neither"));
            return null;
        }
        SubjectOffset offset = keyed ? keyed(n) : table(n);
        if (offset == null) {
            return null;
        }
        offset = missing(n, offset, table);
        Node raw = n.fields.get("keyFileRaw");
        if (offset != null && raw != null) {
            offset = offset.withKeyFileRaw(values.flag(raw, field + ".keyFileRaw"));
        }
        return offset;
    }

    private SubjectOffset keyed(Node n) {
        for (String k : List.of("table", "column", "subject")) {
            if (n.fields.containsKey(k)) {
                problems.addAtKey(n, k, field + "." + k, "\"" + k + "\" goes with \"table\", not with \"keyed\"");
            }
        }
        Node list = n.fields.get("keyed");
        List<Integer> tags = new ArrayList<>();
        if (problems.expect(list, Kind.ARRAY, field + ".keyed", "\"keyed\"")) {
            if (list.items.isEmpty()) {
                problems.add(list, field + ".keyed", "\"keyed\" needs at least one tag, e.g. [\"FIFF_SUBJ_HIS_ID\"]");
            }
            for (int i = 0; i < list.items.size(); i++) {
                Integer t = keyTag(list.items.get(i), field + ".keyed[" + i + "]");
                if (t != null && tags.contains(t)) {
                    problems.add(list.items.get(i), field + ".keyed[" + i + "]", "the tag is listed twice");
                } else if (t != null) {
                    tags.add(t);
                }
            }
        }
        int[] range = range(n, true);
        Secrets.Secret s = secrets.of(n, field, "a keyed per-subject offset");
        if (range == null || s == null || tags.isEmpty() || tags.size() != list.items.size()) {
            return null;
        }
        return SubjectOffset.keyed(tags, range[0], range[1], s.bytes(), s.ref());
    }

    /** {@code "min"} and {@code "max"}, both required when {@code needed}; null when absent or wrong. */
    private int[] range(Node n, boolean needed) {
        Node min = n.fields.get("min");
        Node max = n.fields.get("max");
        if (min == null || max == null) {
            if (needed) {
                problems.add(n, field, "a keyed per-subject offset needs \"min\" and \"max\", the range of offsets in"
                        + " days, e.g. \"min\": 365, \"max\": 3650");
            }
            return null;
        }
        Integer lo = values.days(min, field + ".min");
        Integer hi = values.days(max, field + ".max");
        if (lo == null || hi == null) {
            return null;
        }
        if (lo > hi) {
            problems.add(max, field + ".max", "\"max\" (" + hi + ") is smaller than \"min\" (" + lo + ")");
            return null;
        }
        return new int[] {lo, hi};
    }

    private Integer keyTag(Node v, String at) {
        Integer t = values.code(v, at, "tag", FiffKind::number, FiffKind.all());
        if (t != null && !SubjectOffset.KEY_KINDS.contains(t)) {
            problems.add(v, at, "a subject key is made of the subject's tags: " + String.join(", ",
                    SubjectOffset.KEY_KINDS.stream().map(k -> FiffKind.name(k).orElse("" + k)).toList()));
            return null;
        }
        return t;
    }

    private SubjectOffset table(Node n) {
        Node t = n.fields.get("table");
        Node subject = n.fields.get("subject");
        if (subject == null) {
            problems.add(n, field, "a table of offsets needs \"subject\": the tag whose value the table's original"
                    + " column holds, e.g. \"FIFF_SUBJ_HIS_ID\"");
        }
        Integer tag = subject == null ? null : keyTag(subject, field + ".subject");
        Node col = n.fields.get("column");
        String column = "offsetDays";
        if (col != null && problems.expect(col, Kind.TEXT, field + ".column", "the column")) {
            column = col.text();
        }
        if (!problems.expect(t, Kind.TEXT, field + ".table", "the table")) {
            return null;
        }
        PseudonymTable table = PseudonymTable.read(dir.resolve(t.text()), problems.list(),
                new PolicyProblem(problems.source(), t.line, t.column, field + ".table", ""));
        if (table == null) {
            return null;
        }
        Map<String, String> cells = table.columns().get(column);
        if (cells == null) {
            problems.add(col != null ? col : t, field + ".column", "the table " + t.text() + " has no column "
                    + column + (table.columns().isEmpty() ? "; add it to the header: original,pseudonym," + column
                    : "; its columns after original,pseudonym: " + String.join(", ", table.columns().keySet())));
            return null;
        }
        Map<String, Integer> offsets = offsets(table, cells, column, t);
        if (offsets == null || tag == null) {
            return null;
        }
        SubjectOffset o = SubjectOffset.fromTable(tag, new SubjectOffset.Table(t.text(), table.sha256(), offsets));
        Node secret = n.fields.get("secret");
        Node missing = n.fields.get("missing");
        boolean keyedMissing = missing != null && missing.kind == Kind.TEXT && missing.text().equals("keyed");
        if (secret != null && !keyedMissing) {
            Secrets.Secret s = secrets.of(n, field, "the subject's keyed hash in a key file");
            return s == null ? null : o.withSecret(s.bytes(), s.ref());
        }
        return o;
    }

    /** The column's offsets by normalised original; an empty cell gives the subject no offset. */
    private Map<String, Integer> offsets(PseudonymTable table, Map<String, String> cells, String column, Node at) {
        Map<String, Integer> out = new HashMap<>();
        Map<String, String> pseudonymOf = new HashMap<>();
        boolean ok = true;
        for (Map.Entry<String, String> e : cells.entrySet()) {
            String pseudonym = table.map().get(e.getKey());
            if (e.getValue().isBlank()) {
                continue;
            }
            Integer days;
            try {
                days = Integer.valueOf(e.getValue().strip());
            } catch (NumberFormatException x) {
                days = null;
            }
            String key = SubjectOffset.normalise(e.getKey());
            if (days == null) {
                problems.add(at, field + ".table", "the " + column + " of the subject with pseudonym " + pseudonym
                        + " is not a whole number of days");
                ok = false;
            } else if (out.containsKey(key) && !out.get(key).equals(days)) {
                problems.add(at, field + ".table", "the subjects with pseudonyms " + pseudonymOf.get(key) + " and "
                        + pseudonym + " are one subject once trimmed and case-folded, with different " + column);
                ok = false;
            } else {
                out.put(key, days);
                pseudonymOf.put(key, pseudonym);
            }
        }
        return ok ? out : null;
    }

    /** {@code "missing"}: "error" (the default), "keyed" (a table's fallback), or {"offsetDays": N}. */
    private SubjectOffset missing(Node n, SubjectOffset o, boolean table) {
        Node m = n.fields.get("missing");
        String missingField = field + ".missing";
        boolean keyedFallback = m != null && m.kind == Kind.TEXT && m.text().equals("keyed");
        if (table && !keyedFallback && (n.fields.containsKey("min") || n.fields.containsKey("max"))) {
            problems.addAtKey(n, n.fields.containsKey("min") ? "min" : "max", field, "\"min\" and \"max\" go with"
                    + " \"keyed\", or with a table's \"missing\": \"keyed\"");
            return null;
        }
        if (m == null || (m.kind == Kind.TEXT && m.text().equals("error"))) {
            return o;
        }
        if (keyedFallback && table) {
            int[] range = range(n, true);
            Secrets.Secret s = secrets.of(n, field, "a keyed offset for subjects missing from the table");
            return range == null || s == null ? null : o.withKeyedFallback(range[0], range[1], s.bytes(), s.ref());
        }
        if (m.kind == Kind.OBJECT && m.fields.size() == 1 && m.fields.containsKey("offsetDays")) {
            Integer days = values.days(m.fields.get("offsetDays"), missingField + ".offsetDays");
            return days == null ? null : o.withFallbackDays(days);
        }
        problems.add(m, missingField, "\"missing\" is \"error\" (a recording without the subject's offset is refused), "
                + (table ? "\"keyed\" (an offset from the secret, in [min, max]), " : "")
                + "or {\"offsetDays\": N} (one offset for every such subject), not " + m.shown());
        return null;
    }
}
