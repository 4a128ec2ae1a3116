package io.github.fiffkit.anonymize.policy;




import java.io.IOException;

/**
 * What a rule does to the tags its selector matches. The built-in actions are made by {@code io.github.fiffkit.anonymize.actions.Actions}; a
 * custom action implements this interface:
 *
 * <pre>{@code
 * TagAction upper = new TagAction() {
 *     public Outcome apply(ActionContext ctx) {
 *         return Outcome.replaceText(ctx.text().toUpperCase(Locale.ROOT));
 *     }
 *     public String name() {
 *         return "upper";
 *     }
 * };
 * }</pre>
 *
 * <p>Actions are called from several threads at once when the anonymizer is shared: keep them stateless.
 */
public interface TagAction {
    /**
     * Decides the fate of one tag.
     *
     * @param context the tag, its data and what is known of the file
     * @return keep, remove or replace
     * @throws PolicyException when the tag cannot be handled (for example a date that would leave 32 bits)
     * @throws IOException     when reading the tag data fails
     */
    Outcome apply(ActionContext context) throws IOException;

    /** @return a short name for reports, e.g. {@code replace} or {@code rewriteId} */
    String name();

    /**
     * @return false when the action never needs the tag data (only {@code keep}): such tags are copied channel
     *         to channel without being read
     */
    default boolean readsData() {
        return true;
    }

    /**
     * @return false when running the action again on its own output gives a different result (date offsets,
     *         keyed hashes, pseudonyms, rewritten file names); verify then only checks that such values are well
     *         formed
     */
    default boolean reproducible() {
        return true;
    }

    /**
     * @return the action's parameters for reports and the policy hash, as JSON-friendly values (strings,
     *         numbers, booleans); never a secret itself
     */
    default java.util.Map<String, Object> parameters() {
        return java.util.Map.of();
    }
}
