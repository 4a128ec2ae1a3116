package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.FiffType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The actions that replace a value by a stand-in that stays equal across files: a keyed hash, or a pseudonym
 * from a table. {@link Actions} is their public entry.
 */
final class HashActions {
    private HashActions() {
    }

    static TagAction hash(byte[] key, String secretRef, boolean normalise) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("secret", secretRef);
        if (normalise) {
            params.put("normalise", true);
        }
        return new NamedAction("hash", params) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                return hashed(ctx, key, normalise);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    /**
     * The keyed hash of a value; with {@code normalise} a text is hashed in the normal form of a subject key
     * ({@link SubjectOffset#normalise}), so that its spellings that a per-subject offset takes for one subject get
     * one hash.
     */
    static Outcome hashed(ActionContext ctx, byte[] key, boolean normalise) throws PolicyException {
        int type = ctx.tag().type();
        byte[] input = type == FiffType.STRING
                ? (normalise ? SubjectOffset.normalise(ctx.text()) : ctx.text()).getBytes(StandardCharsets.UTF_8)
                : ctx.data();
        byte[] mac = hmac(key, input);
        if (type == FiffType.STRING) {
            return Outcome.replaceText(HexFormat.of().formatHex(mac, 0, 8));
        }
        if (type == FiffType.INT || type == FiffType.UINT) {
            int v = ByteBuffer.wrap(mac).getInt() & 0x7FFFFFFF;
            return Outcome.replace(type, ValueActions.fill(ctx.data(), 4, b -> b.putInt(v)));
        }
        throw ctx.fail("a keyed hash does not fit type " + FiffType.describe(type));
    }

    static byte[] hmac(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    static TagAction pseudonym(Map<String, String> copy, Actions.Missing missing, byte[] key, String tableName,
            boolean normalise) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("table", tableName);
        params.put("missing", missing.name().toLowerCase(Locale.ROOT));
        if (normalise) {
            params.put("normalise", true);
        }
        Map<String, String> normal = normalise ? normalised(copy, tableName) : Map.of();
        return new NamedAction("pseudonym", params) {
            @Override
            public Outcome apply(ActionContext ctx) throws PolicyException {
                String text = ctx.tag().type() == FiffType.STRING ? ctx.text()
                        : String.valueOf(firstInt(ctx));
                String p = copy.get(text);
                if (p == null) {
                    p = copy.get(text.strip());
                }
                if (p == null && normalise) {
                    p = normal.get(SubjectOffset.normalise(text));
                }
                if (p != null) {
                    return ValueActions.replaceValue(ctx, p);
                }
                if (missing == Actions.Missing.HASH) {
                    return hashed(ctx, key, normalise);
                }
                throw ctx.fail("the value is missing from the pseudonym table " + tableName);
            }

            @Override
            public boolean reproducible() {
                return false;
            }
        };
    }

    /** The table by the normal form of its originals; no two originals may share one. */
    private static Map<String, String> normalised(Map<String, String> table, String tableName) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (out.putIfAbsent(SubjectOffset.normalise(e.getKey()), e.getValue()) != null) {
                throw new IllegalArgumentException("the pseudonym table " + tableName + " lists two spellings of one"
                        + " value (the same once trimmed and case-folded), each with its own pseudonym; with"
                        + " \"normalise\" they are one value: list it once");
            }
        }
        return Map.copyOf(out);
    }

    private static long firstInt(ActionContext ctx) throws PolicyException {
        byte[] d = ctx.data();
        if (d.length < 4) {
            throw ctx.fail("no value to look up");
        }
        return ByteBuffer.wrap(d).getInt(0);
    }
}
