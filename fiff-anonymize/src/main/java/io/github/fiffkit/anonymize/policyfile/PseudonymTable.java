package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.internal.WellFormed;
import io.github.fiffkit.anonymize.output.Csv;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.Sha256;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pseudonym table read from a CSV file with the header {@code original,pseudonym}, and optionally more columns
 * for per-subject values (e.g. {@code original,pseudonym,offsetDays}): UTF-8, one subject a line, fields may be
 * quoted ({@code "a ""quoted"" value"}), blank lines are skipped.
 *
 * @param map       original value to pseudonym
 * @param sha256    SHA-256 of the file's bytes, so that the policy hash changes when the table does
 * @param columns   each further column by its header name: original value to the line's field (maybe empty)
 */
record PseudonymTable(Map<String, String> map, String sha256, Map<String, Map<String, String>> columns) {

    /**
     * Reads a table; problems are added to the list (in the table file, or at {@code at} when the file cannot be
     * read).
     *
     * @return the table, or {@code null} when it has problems
     */
    static PseudonymTable read(Path file, List<PolicyProblem> problems, PolicyProblem at) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new PolicyProblem(at.source(), at.line(), at.column(), at.field(), "the pseudonym table "
                    + file + " cannot be read (" + (e instanceof NoSuchFileException ? "it does not exist"
                    : e.getMessage()) + "); a table path is relative to the policy file's folder"));
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new PolicyProblem(file.toString(), 0, 0, at.field(), "the pseudonym table is not UTF-8"
                    + " text; save it as UTF-8 CSV"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String src = file.toString();
        int before = problems.size();
        String[] lines = text.split("\r?\n", -1);
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, Integer> pseudonymLine = new HashMap<>();
        List<String> names = List.of();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields == null) {
                problems.add(new PolicyProblem(src, lineNo, 0, at.field(), "a quote is not closed on this line"));
                continue;
            }
            if (!header) {
                header = true;
                if (fields.size() < 2 || !fields.get(0).strip().equalsIgnoreCase("original")
                        || !fields.get(1).strip().equalsIgnoreCase("pseudonym")) {
                    problems.add(new PolicyProblem(src, lineNo, 1, at.field(), "the first line of a pseudonym"
                            + " table must be the header original,pseudonym (more columns may follow)"));
                    return null;
                }
                names = fields.subList(2, fields.size()).stream().map(String::strip).toList();
                for (String n : names) {
                    if (n.isEmpty() || columns.put(n, new LinkedHashMap<>()) != null) {
                        problems.add(new PolicyProblem(src, lineNo, 1, at.field(), n.isEmpty()
                                ? "a column of the header has no name" : "the column " + n + " is named twice"));
                        return null;
                    }
                }
                continue;
            }
            if (fields.size() != names.size() + 2) {
                problems.add(new PolicyProblem(src, lineNo, 0, at.field(), names.isEmpty()
                        ? "a line of the table needs exactly two values, the original and its pseudonym; this one has "
                                + fields.size()
                        : "a line of the table needs " + (names.size() + 2) + " values, one per column of the header;"
                                + " this one has " + fields.size()));
                continue;
            }
            String original = fields.get(0);
            String pseudonym = fields.get(1);
            if (original.isEmpty() || pseudonym.isEmpty()) {
                problems.add(new PolicyProblem(src, lineNo, 0, at.field(), original.isEmpty()
                        ? "the original value is empty" : "the pseudonym is empty"));
                continue;
            }
            if (lineOf.containsKey(original)) {
                // the original is PHI: say where, not what
                problems.add(new PolicyProblem(src, lineNo, 0, at.field(), "this original value is already listed"
                        + " on line " + lineOf.get(original) + "; each original needs one pseudonym"));
                continue;
            }
            if (pseudonymLine.containsKey(pseudonym)) {
                problems.add(new PolicyProblem(src, lineNo, 0, at.field(), "the pseudonym \"" + pseudonym
                        + "\" is also given on line " + pseudonymLine.get(pseudonym)
                        + "; two subjects would share it"));
                continue;
            }
            lineOf.put(original, lineNo);
            pseudonymLine.put(pseudonym, lineNo);
            map.put(original, pseudonym);
            for (int c = 0; c < names.size(); c++) {
                columns.get(names.get(c)).put(original, fields.get(c + 2));
            }
        }
        if (!header) {
            problems.add(new PolicyProblem(src, 1, 1, at.field(), "the pseudonym table is empty; it needs the"
                    + " header original,pseudonym and one line per subject"));
            return null;
        }
        if (problems.size() != before) {
            return null;
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        columns.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return new PseudonymTable(Collections.unmodifiableMap(map), Sha256.hex(bytes),
                Collections.unmodifiableMap(frozen));
    }

    /** Splits a CSV line; {@code null} when a quote is left open. */
    static List<String> fields(String line) {
        return Csv.fields(line);
    }

    /** The pseudonym action of a policy file: it knows its table, for the policy hash and for verify. */
    static final class Action implements TagAction, WellFormed {
        private final TagAction delegate;
        private final Set<String> pseudonyms;
        private final boolean hashMissing;
        private final Map<String, Object> parameters;

        Action(TagAction delegate, PseudonymTable table, Actions.Missing missing, String secretRef) {
            this.delegate = delegate;
            this.pseudonyms = Set.copyOf(table.map().values());
            this.hashMissing = missing == Actions.Missing.HASH;
            Map<String, Object> p = new LinkedHashMap<>(delegate.parameters());
            p.put("tableSha256", table.sha256());
            if (secretRef != null) {
                p.put("secret", secretRef);
            }
            this.parameters = Collections.unmodifiableMap(p);
        }

        @Override
        public Outcome apply(ActionContext context) throws IOException {
            return delegate.apply(context);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean reproducible() {
            return false;
        }

        @Override
        public Map<String, Object> parameters() {
            return parameters;
        }

        @Override
        public boolean wellFormed(ActionContext ctx) {
            String v = ctx.tag().type() == io.github.fiffkit.core.FiffType.STRING ? ctx.text()
                    : ctx.data().length >= 4 ? Integer.toString(java.nio.ByteBuffer.wrap(ctx.data()).getInt(0)) : "";
            return pseudonyms.contains(v) || pseudonyms.contains(v.strip())
                    || (hashMissing && WellFormed.isHash(ctx));
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
