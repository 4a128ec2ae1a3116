package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.internal.Scrubber;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The actions on free text: scrubbing known PHI out of it, and the file names of split-file references.
 * {@link Actions} is their public entry.
 */
final class TextActions {
    private TextActions() {
    }

    static final TagAction SCRUB = new NamedAction("scrub", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) {
            if (ctx.tag().type() != FiffType.STRING) {
                return Outcome.keep();
            }
            byte[] data = ctx.data();
            String text = TagData.string(data);
            String scrubbed = Scrubber.scrub(text, ctx.knownPhi());
            if (scrubbed.equals(text)) {
                return Outcome.keep();
            }
            boolean latin1 = new String(data, StandardCharsets.ISO_8859_1).equals(text);
            return Outcome.replace(FiffType.STRING, scrubbed.getBytes(latin1 ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8));
        }
    };

    static final TagAction REF_NAME = new NamedAction("referenceFileName", Map.of()) {
        @Override
        public Outcome apply(ActionContext ctx) throws PolicyException {
            if (ctx.tag().type() != FiffType.STRING) {
                throw ctx.fail("a file name of type " + FiffType.describe(ctx.tag().type()));
            }
            return Outcome.replaceText(ctx.referenceName(ctx.text()));
        }

        @Override
        public boolean reproducible() {
            return false;
        }
    };
}
