package io.github.fiffkit.app.dump;

/**
 * The few pieces of JSON text that fiff-dump writes by hand (RFC 8259). Output is pure ASCII: every character
 * outside printable ASCII is written as a {@code \}{@code uXXXX} escape, so the result reads the same in any
 * terminal encoding.
 */
final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * Appends a JSON string.
     *
     * @param sb   the destination
     * @param text the text (a {@code null} is written as {@code null})
     * @return {@code sb}
     */
    static StringBuilder string(StringBuilder sb, String text) {
        if (text == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        // surrogate pairs come out as two escapes, which JSON allows
                        sb.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /**
     * Appends a double. JSON has no NaN or infinities: those become the strings {@code "NaN"},
     * {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @param sb    the destination
     * @param value the number
     * @return {@code sb}
     */
    static StringBuilder number(StringBuilder sb, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return string(sb, Double.toString(value));
        }
        return sb.append(value);
    }

    /**
     * Appends a float in its shortest decimal form (not widened to double, which would print {@code 0.1f} as
     * {@code 0.10000000149011612}).
     *
     * @param sb    the destination
     * @param value the number
     * @return {@code sb}
     */
    static StringBuilder number(StringBuilder sb, float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return string(sb, Float.toString(value));
        }
        return sb.append(value);
    }

    /** Writes the members of one JSON object, adding the commas. */
    static final class ObjectWriter {
        private final StringBuilder sb;
        private boolean first = true;

        ObjectWriter(StringBuilder sb) {
            this.sb = sb;
            sb.append('{');
        }

        /**
         * Starts a member; the caller appends its value to the returned builder.
         *
         * @param name the member name
         * @return the builder to append the value to
         */
        StringBuilder key(String name) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            return string(sb, name).append(':');
        }

        ObjectWriter put(String name, long value) {
            key(name).append(value);
            return this;
        }

        ObjectWriter put(String name, String value) {
            string(key(name), value);
            return this;
        }

        void end() {
            sb.append('}');
        }
    }
}
