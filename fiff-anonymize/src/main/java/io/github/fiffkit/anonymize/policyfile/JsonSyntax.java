package io.github.fiffkit.anonymize.policyfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.SyntaxError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with broken JSON in the words of a person who edits a policy file by hand ("a comma must be
 * followed by another member"), instead of the parser's ("Unexpected character ('}' (code 125))..."). Jackson's
 * messages are only read here, to tell the kinds of mistake apart; none of their text reaches the user, and an
 * unknown kind still gets a plain message at its place.
 */
final class JsonSyntax {
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('.*?' \\(code (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '([^']*)'");

    private JsonSyntax() {
    }

    /**
     * @param e         what the parser reported
     * @param innermost the innermost object or list still open where it stopped, or null
     * @param where     where the parser stopped, for errors that carry no place of their own
     * @return the mistake, in our words, at its place
     */
    static SyntaxError explain(JsonProcessingException e, Node innermost, JsonLocation where) {
        JsonLocation l = e.getLocation() != null ? e.getLocation() : where;
        int line = l == null ? 0 : l.getLineNr();
        int column = l == null ? 0 : l.getColumnNr();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return new SyntaxError(limit(m), line, column);
        }
        String found = found(m);
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("closing quote") || m.contains("in field name")) {
                return new SyntaxError("the file ends inside a text: its closing double quote \" is missing", line,
                        column);
            }
            if (innermost != null) {
                return unclosed(innermost);
            }
            return new SyntaxError("the file ends where a value should follow", line, column);
        }
        if (m.contains("start field name")) {
            String message = "}".equals(found)
                    ? "a comma must be followed by another member; remove the comma before this }"
                    : ",".equals(found) ? "a comma must follow a member \"key\": value, not stand alone"
                    : "a key must be written in double quotes, e.g. \"name\"" + (found == null ? ""
                    : ", not start with " + shown(found));
            return new SyntaxError(message, line, column);
        }
        if (m.contains("comma to separate Object")) {
            return new SyntaxError("a comma is missing between two members of an object (before this one)", line,
                    column);
        }
        if (m.contains("comma to separate Array")) {
            return new SyntaxError("a comma is missing between two values of a list (before this one)", line, column);
        }
        if (m.contains("colon to separate")) {
            return new SyntaxError("a key must be followed by a colon and its value, as in \"key\": value", line,
                    column);
        }
        if (m.contains("expected a valid value") || m.contains("expected a value")) {
            String message = "]".equals(found)
                    ? "a comma in a list must be followed by another value; remove the comma before this ]"
                    : "}".equals(found) ? "a key must be followed by its value after the colon"
                    : ",".equals(found) ? "a comma must follow a value, not stand alone"
                    : "a value must be text in double quotes, a number, true, false, null, an object { ... } or"
                    + " a list [ ... ]" + (found == null ? "" : ", not start with " + shown(found));
            return new SyntaxError(message, line, column);
        }
        if (m.startsWith("Unexpected close marker")) {
            if (innermost == null) {
                return new SyntaxError("there is more text after the end of the policy's object", line, column);
            }
            return new SyntaxError("this closes " + (innermost.kind == Kind.OBJECT ? "the object" : "the list")
                    + " opened at line " + innermost.line + ", column " + innermost.column + " with the wrong"
                    + " bracket: " + (innermost.kind == Kind.OBJECT ? "an object ends with }" : "a list ends with ]"),
                    line, column);
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            return new SyntaxError("unknown word " + shown(token.group(1)) + ": a value is text in double quotes,"
                    + " a number, true, false, null, an object { ... } or a list [ ... ] (all in lower case)", line,
                    column);
        }
        if (m.contains("comment")) {
            return new SyntaxError("JSON has no comments; write a note in a \"comment\" key of a rule or in the"
                    + " policy's \"description\"", line, column);
        }
        if (m.contains("CTRL-CHAR")) {
            return new SyntaxError(m.contains("string value")
                    ? "a line break or another control character inside a text must be written with a backslash,"
                    + " e.g. \\n" : "a control character stands between values; only spaces, tabs and line"
                    + " breaks may", line, column);
        }
        if (m.contains("character escape")) {
            return new SyntaxError("a backslash inside a text starts an escape JSON does not know; write \\\\ for a"
                    + " backslash itself", line, column);
        }
        if (m.contains("numeric value") || m.contains("Leading zeroes")) {
            return new SyntaxError("this is not a number as JSON writes them, e.g. 35, -7 or 61.5", line, column);
        }
        return new SyntaxError("this is not valid JSON" + (found == null ? "" : ": " + shown(found)
                + " is not expected here"), line, column);
    }

    /** The mistake of a file that ends inside an object or list: said at the place that opened it. */
    static SyntaxError unclosed(Node open) {
        return open.kind == Kind.OBJECT
                ? new SyntaxError("this object is never closed: a } is missing", open.line, open.column)
                : new SyntaxError("this list is never closed: a ] is missing", open.line, open.column);
    }

    private static String limit(String m) {
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting")) {
            return "objects and lists are nested more than 64 deep here; a policy file needs far fewer";
        }
        if (lower.contains("number")) {
            return "this number has more than 100 digits";
        }
        if (lower.contains("string") || lower.contains("name")) {
            return "this text is longer than a policy file needs (more than 1 MiB)";
        }
        return "this value is beyond the limits of a policy file";
    }

    /** The character the parser did not expect, or null when its message names none. */
    private static String found(String m) {
        Matcher u = UNEXPECTED.matcher(m);
        if (!u.find()) {
            return null;
        }
        return new String(Character.toChars(Integer.parseInt(u.group(1))));
    }

    private static String shown(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "..." : s;
        return "'" + cut + "'";
    }
}
