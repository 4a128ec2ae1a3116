package io.github.fiffkit.anonymize.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a resolved policy: keys sorted, no spaces, every rule (the policy's and its preset's, in
 * the order they are tried) with its selector as numbers and names, its action and parameters, the effective
 * options and dates. Its SHA-256 is the policy hash in reports. Secrets appear only as where they come from.
 */
final class PolicyJson {
    static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PolicyJson() {
    }

    static String canonical(Policy p) {
        Map<String, Object> root = new TreeMap<>();
        root.put("fiffPolicy", Policy.FORMAT_VERSION);
        root.put("name", p.name());
        if (p.preset() != null) {
            root.put("extends", p.preset().id());
        }
        PolicyOptions o = p.options();
        Map<String, Object> options = new TreeMap<>();
        options.put("brute", o.brute());
        options.put("mneEnvironment", o.mneEnvironment());
        options.put("keepHis", o.keepHis());
        options.put("dropHeadShape", o.dropHeadShape());
        if (o.hisId() != null) {
            options.put("hisId", o.hisId());
        }
        root.put("options", options);
        Map<String, Object> dates = new TreeMap<>();
        dates.put("measurement", measurement(p.dates().measurement()));
        dates.put("birthday", birthday(p.dates().birthday()));
        root.put("dates", dates);
        List<Object> rules = new ArrayList<>();
        for (Rule r : p.resolvedRules()) {
            rules.add(rule(r));
        }
        root.put("rules", rules);
        root.put("unmatched", p.unmatched().name().toLowerCase(java.util.Locale.ROOT));
        try {
            return CANONICAL.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy could not be written as JSON", e);
        }
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    private static Map<String, Object> measurement(MeasurementDate m) {
        Map<String, Object> out = new TreeMap<>();
        if (m instanceof MeasurementDate.SetTo s) {
            out.put("set", s.date().toString());
        } else if (m instanceof MeasurementDate.OffsetDays d) {
            out.put("offsetDays", d.days());
        } else if (m instanceof MeasurementDate.LandOn l) {
            out.put("landOn", l.instant().toString());
        } else if (m instanceof MeasurementDate.PerSubject p) {
            out.put("offsetDays", perSubject(p.offset()));
        } else {
            out.put("keep", true);
        }
        return out;
    }

    private static Map<String, Object> perSubject(SubjectOffset o) {
        Map<String, Object> out = new TreeMap<>();
        out.put("keyTags", o.keyTags().stream().map(k -> code(k, FiffKind.name(k).orElse(null))).toList());
        if (o.keyed() != null) {
            out.put("min", o.keyed().min());
            out.put("max", o.keyed().max());
        }
        if (o.secretRef() != null) {
            out.put("secret", o.secretRef());
        }
        if (o.table() != null) {
            out.put("table", o.table().name());
            if (o.table().sha256() != null) {
                out.put("tableSha256", o.table().sha256());
            }
        }
        if (o.fallbackDays() != null) {
            out.put("fallbackDays", o.fallbackDays());
        }
        out.put("keyFileRaw", o.keyFileRaw());
        return out;
    }

    private static Map<String, Object> birthday(BirthdayDate b) {
        Map<String, Object> out = new TreeMap<>();
        if (b instanceof BirthdayDate.SetTo s) {
            out.put("set", s.date().toString());
        } else if (b instanceof BirthdayDate.OffsetDays d) {
            out.put("offsetDays", d.days());
        } else if (b instanceof BirthdayDate.PerSubject p) {
            out.put("offsetDays", perSubject(p.offset()));
        } else if (b instanceof BirthdayDate.YearOnly) {
            out.put("yearOnly", true);
        } else if (b instanceof BirthdayDate.FollowMeasurement) {
            out.put("followMeasurement", true);
        } else {
            out.put("keep", true);
        }
        return out;
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> out = new TreeMap<>();
        Selector s = r.selector();
        if (s.kindOrNull() != null) {
            out.put("tag", code(s.kindOrNull(), FiffKind.name(s.kindOrNull()).orElse(null)));
        }
        if (s.inBlockOrNull() != null) {
            out.put("inBlock", code(s.inBlockOrNull(), FiffBlock.name(s.inBlockOrNull()).orElse(null)));
        }
        if (s.underBlockOrNull() != null) {
            out.put("underBlock", code(s.underBlockOrNull(), FiffBlock.name(s.underBlockOrNull()).orElse(null)));
        }
        if (s.typeOrNull() != null) {
            out.put("type", code(s.typeOrNull(), FiffType.name(s.typeOrNull()).orElse(null)));
        }
        if (s.hasPredicate()) {
            out.put("where", s.toString());
        }
        out.put("action", r.action().name());
        if (!r.action().parameters().isEmpty()) {
            out.put("parameters", new TreeMap<>(r.action().parameters()));
        }
        out.put("origin", r.origin());
        return out;
    }

    private static Map<String, Object> code(int number, String name) {
        Map<String, Object> out = new TreeMap<>();
        out.put("number", number);
        if (name != null) {
            out.put("name", name);
        }
        return out;
    }
}
