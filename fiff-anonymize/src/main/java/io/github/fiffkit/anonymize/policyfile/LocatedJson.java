package io.github.fiffkit.anonymize.policyfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree that remembers where each value and each key sits in the text, so that the policy loader can
 * name the line and column of every problem. Jackson types stay inside this class.
 */
final class LocatedJson {
    /** The kinds of JSON value, in words a data steward reads in a message. */
    enum Kind {
        OBJECT("an object { ... }"), ARRAY("a list [ ... ]"), TEXT("text"), INTEGER("a whole number"),
        DECIMAL("a number with a fraction"), BOOLEAN("true or false"), NULL("null");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** A value and its place. For objects: fields in file order with the place of each key. */
    static final class Node {
        final Kind kind;
        final Object value;
        final int line;
        final int column;
        final Map<String, Node> fields;
        final Map<String, int[]> keyPlaces;
        final List<Node> items;

        Node(Kind kind, Object value, int line, int column) {
            this.kind = kind;
            this.value = value;
            this.line = line;
            this.column = column;
            this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : Map.of();
            this.keyPlaces = kind == Kind.OBJECT ? new LinkedHashMap<>() : Map.of();
            this.items = kind == Kind.ARRAY ? new ArrayList<>() : List.of();
        }

        String text() {
            return (String) value;
        }

        /** @return the value as JSON-like text for messages (text quoted, objects and lists summarized) */
        String shown() {
            return switch (kind) {
                case TEXT -> "\"" + value + "\"";
                case OBJECT -> "{ ... }";
                case ARRAY -> "[ ... ]";
                default -> String.valueOf(value);
            };
        }
    }

    /** A duplicate key found while reading. */
    record Duplicate(String path, String key, int line, int column) {
    }

    /** Broken JSON: where and what. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1 << 20).maxNumberLength(100).build())
            .build();

    final List<Duplicate> duplicates = new ArrayList<>();
    /** The objects and lists open where the parser is, innermost first: where a missing bracket was opened. */
    private final Deque<Node> open = new ArrayDeque<>();

    /**
     * Reads one JSON value, which must be the whole text. A byte order mark before it is skipped, as editors on
     * some systems write one.
     *
     * @throws SyntaxError when the text is not JSON, said in the words of {@link JsonSyntax}
     * @throws IOException when reading fails
     */
    Node read(Reader reader) throws SyntaxError, IOException {
        PushbackReader in = new PushbackReader(reader);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new SyntaxError("the file is empty; a policy file is a JSON object { ... }", 1, 1);
                }
                Node root = value(p, t, "");
                JsonToken after = p.nextToken();
                if (after != null) {
                    JsonLocation l = p.currentTokenLocation();
                    throw new SyntaxError("there is more text after the end of the policy's object", l.getLineNr(),
                            l.getColumnNr());
                }
                return root;
            } catch (JsonProcessingException e) {
                throw JsonSyntax.explain(e, open.peek(), p.currentLocation());
            }
        }
    }

    private Node value(JsonParser p, JsonToken t, String path) throws IOException, SyntaxError {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Node n = new Node(Kind.OBJECT, null, line, col);
                open.push(n);
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    Node child = value(p, p.nextToken(), path.isEmpty() ? key : path + "." + key);
                    if (n.fields.containsKey(key)) {
                        duplicates.add(new Duplicate(path, key, kl.getLineNr(), kl.getColumnNr()));
                        continue;
                    }
                    n.fields.put(key, child);
                    n.keyPlaces.put(key, new int[] {kl.getLineNr(), kl.getColumnNr()});
                }
                open.pop();
                return n;
            }
            case START_ARRAY: {
                Node n = new Node(Kind.ARRAY, null, line, col);
                open.push(n);
                int i = 0;
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    n.items.add(value(p, k, path + "[" + (i++) + "]"));
                }
                open.pop();
                return n;
            }
            case VALUE_STRING:
                try {
                    return new Node(Kind.TEXT, p.getText(), line, col);
                } catch (JsonEOFException e) {
                    throw new SyntaxError("this text is never closed: its closing double quote \" is missing", line,
                            col);
                }
            case VALUE_NUMBER_INT:
                return new Node(Kind.INTEGER, p.getBigIntegerValue(), line, col);
            case VALUE_NUMBER_FLOAT: {
                BigDecimal d = p.getDecimalValue();
                BigInteger whole = null;
                try {
                    whole = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    // a real fraction
                }
                return whole != null ? new Node(Kind.INTEGER, whole, line, col) : new Node(Kind.DECIMAL, d, line, col);
            }
            case VALUE_TRUE:
                return new Node(Kind.BOOLEAN, Boolean.TRUE, line, col);
            case VALUE_FALSE:
                return new Node(Kind.BOOLEAN, Boolean.FALSE, line, col);
            case VALUE_NULL:
                return new Node(Kind.NULL, null, line, col);
            default:
                throw new JsonProcessingException("unexpected " + t, l) {
                    private static final long serialVersionUID = 1L;
                };
        }
    }
}
