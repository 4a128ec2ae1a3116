package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The problems found while reading one policy file, each at its place. Reading goes on after a problem, so that
 * a data steward sees every mistake of a file at once; {@link #throwIfAny()} ends the reading.
 */
final class Problems {
    private final String source;
    private final List<PolicyProblem> list = new ArrayList<>();

    /** @param source the policy file, as the caller named it */
    Problems(String source) {
        this.source = source;
    }

    /** @return the policy file's name in messages */
    String source() {
        return source;
    }

    /** @return the problems so far, to which pseudonym tables add their own (in their own files) */
    List<PolicyProblem> list() {
        return list;
    }

    /** @return how many problems were found so far, to tell whether a part added any */
    int count() {
        return list.size();
    }

    /** A problem at a value (or, with no value, without a place). */
    void add(Node at, String field, String message) {
        list.add(new PolicyProblem(source, at == null ? 0 : at.line, at == null ? 0 : at.column, field, message));
    }

    /** A problem at a key of an object, rather than at its value. */
    void addAtKey(Node object, String key, String field, String message) {
        int[] place = object.keyPlaces.get(key);
        list.add(new PolicyProblem(source, place == null ? object.line : place[0],
                place == null ? object.column : place[1], field, message));
    }

    /**
     * Checks the kind of a value (a whole number is a number with a fraction, too).
     *
     * @return true when it is of that kind; otherwise the problem is added
     */
    boolean expect(Node n, Kind kind, String field, String what) {
        if (n.kind == kind || (kind == Kind.DECIMAL && n.kind == Kind.INTEGER)) {
            return true;
        }
        add(n, field, what + " must be " + kind.words + ", not " + n.kind.words + " (" + n.shown() + ")");
        return false;
    }

    /** Adds a problem for each key of the object that is not allowed there, with a suggestion where one fits. */
    void unknownKeys(Node object, String path, Set<String> allowed, String where) {
        for (String key : object.fields.keySet()) {
            if (!allowed.contains(key)) {
                String hint = Suggestions.closest(key, allowed).map(s -> "; did you mean \"" + s + "\"?")
                        .orElse("; the keys allowed here are " + Suggestions.quoteAll(allowed));
                addAtKey(object, key, join(path, key), "unknown key \"" + key + "\" in " + where + hint);
            }
        }
    }

    /**
     * @throws PolicyFileException with every problem, the policy file's own first in the order of the file, then
     *                             those of the files it names
     */
    void throwIfAny() throws PolicyFileException {
        if (list.isEmpty()) {
            return;
        }
        List<PolicyProblem> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> a.source().equals(b.source())
                ? a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column())
                : a.source().equals(source) ? -1 : b.source().equals(source) ? 1 : 0);
        throw new PolicyFileException(source, sorted);
    }

    /** @return the field path of a key inside the object at {@code path}, e.g. {@code options.brute} */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** @return the last key of a field path: {@code yearOnly} of {@code dates.birthday.yearOnly} */
    static String last(String field) {
        int i = field.lastIndexOf('.');
        return i < 0 ? field : field.substring(i + 1);
    }
}
