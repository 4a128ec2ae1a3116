package io.github.fiffkit.anonymize.policyfile;

import java.util.Objects;

/**
 * One mistake in a JSON policy file (or in a pseudonym table or secret it names), with its place.
 *
 * @param source  the file, as the caller named it
 * @param line    the line (from 1), or 0 when the problem has no place in the file
 * @param column  the column (from 1), or 0
 * @param field   where in the policy, e.g. {@code rules[2].days}, or {@code ""} for the whole file
 * @param message what is wrong and how to fix it, in plain words
 */
public record PolicyProblem(String source, int line, int column, String field, String message) {
    /**
     * Checks that every part is there.
     *
     * @param source the file, as the caller named it
     * @param line the line (from 1), or 0 when the problem has no place in the file
     * @param column the column (from 1), or 0
     * @param field where in the policy, e.g. {@code rules[2].days}, or {@code ""} for the whole file
     * @param message what is wrong and how to fix it, in plain words
     * @throws NullPointerException when a part is missing
     */
    public PolicyProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code source:line:column: field: message}, leaving out the parts that are not known */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
