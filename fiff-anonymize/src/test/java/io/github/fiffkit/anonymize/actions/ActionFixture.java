package io.github.fiffkit.anonymize.actions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Applies one action to one text value outside any file, for loader tests. */
public final class ActionFixture {
    private ActionFixture() {
    }

    /** @return the text the action writes, or the old text when it keeps the tag */
    public static String applyToText(TagAction action, int kind, String text) throws IOException {
        byte[] data = TagData.ofString(text);
        TagHeader header = new TagHeader(0, kind, FiffType.STRING, data.length, 0);
        // a tag outside any block of a file without dates, PHI or references: dates and names pass unchanged
        ActionContext ctx = mock(ActionContext.class);
        when(ctx.tag()).thenReturn(header);
        when(ctx.blockPath()).thenReturn(BlockPath.ROOT);
        when(ctx.source()).thenReturn("fixture");
        when(ctx.data()).thenReturn(data);
        when(ctx.text()).thenReturn(text);
        when(ctx.options()).thenReturn(PolicyOptions.NONE);
        when(ctx.measurementDate()).thenReturn(Optional.empty());
        when(ctx.moveTime(any())).thenAnswer(call -> call.getArgument(0));
        when(ctx.moveBirthday(anyInt())).thenAnswer(call -> OptionalInt.of(call.getArgument(0)));
        when(ctx.knownPhi()).thenReturn(Set.of());
        when(ctx.referenceName(any())).thenAnswer(call -> call.getArgument(0));
        when(ctx.fail(any())).thenAnswer(call -> new PolicyException(call.getArgument(0)));
        Outcome o = action.apply(ctx);
        if (o instanceof Outcome.Replace r) {
            return TagData.string(r.data());
        }
        return o instanceof Outcome.Remove ? null : text;
    }

    /** @return the first 16 hexadecimal digits of HMAC-SHA-256(key, text), as the keyed hash writes them */
    public static String hmacHex(String key, String text) {
        byte[] mac = HashActions.hmac(key.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 8);
    }
}
