package io.github.fiffkit.anonymize.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV dialect of FiffKit's tables (pseudonym tables, key files): comma-separated, a field may be quoted
 * ({@code "a ""quoted"" value"}), spaces around an unquoted field are dropped. Lines only: a quoted field never
 * spans lines.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Splits a line into its fields.
     *
     * @param line one line, without its line break
     * @return the fields, or {@code null} when a quote is left open
     */
    public static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().strip());
                cur.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().strip());
        return out;
    }

    /**
     * Writes a field so that {@link #fields} reads it back: quoted when it holds a comma, a quote, or spaces at
     * either end.
     *
     * @param value the value
     * @return the field
     * @throws IllegalArgumentException when the value holds a line break, which a line cannot carry
     */
    public static String quote(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a CSV field cannot hold a line break");
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.equals(value.strip())) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
