package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.TagAction;

import io.github.fiffkit.anonymize.policy.Outcome;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffTime;
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
        ActionContext ctx = new ActionContext() {
            @Override
            public TagHeader tag() {
                return header;
            }

            @Override
            public BlockPath blockPath() {
                return BlockPath.ROOT;
            }

            @Override
            public String source() {
                return "fixture";
            }

            @Override
            public byte[] data() {
                return data;
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public PolicyOptions options() {
                return PolicyOptions.NONE;
            }

            @Override
            public Optional<FiffTime> measurementDate() {
                return Optional.empty();
            }

            @Override
            public FiffTime moveTime(FiffTime original) {
                return original;
            }

            @Override
            public OptionalInt moveBirthday(int julianDay) {
                return OptionalInt.of(julianDay);
            }

            @Override
            public Set<String> knownPhi() {
                return Set.of();
            }

            @Override
            public String referenceName(String referencedName) {
                return referencedName;
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public PolicyException fail(String detail) {
                return new PolicyException(detail);
            }
        };
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
