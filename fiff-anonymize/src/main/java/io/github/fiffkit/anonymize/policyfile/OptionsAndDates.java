package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code "options"} and {@code "dates"} sections of a policy file. Each key given overrides the value
 * the policy starts from (its preset's), one key at a time.
 */
final class OptionsAndDates {
    private final Problems problems;
    private final Values values;
    private final SubjectOffsets measurementOffsets;
    private final SubjectOffsets birthdayOffsets;

    OptionsAndDates(Problems problems, Values values, SubjectOffsets measurementOffsets,
            SubjectOffsets birthdayOffsets) {
        this.problems = problems;
        this.values = values;
        this.measurementOffsets = measurementOffsets;
        this.birthdayOffsets = birthdayOffsets;
    }

    /**
     * @param opts the {@code "options"} object
     * @param o    the options the policy starts from
     * @return them with the keys given
     */
    PolicyOptions options(Node opts, PolicyOptions o) {
        problems.unknownKeys(opts, "options", Vocabulary.OPTION_KEYS, "the options");
        for (Map.Entry<String, Node> e : opts.fields.entrySet()) {
            String field = "options." + e.getKey();
            Node v = e.getValue();
            if (e.getKey().equals("hisId")) {
                if (problems.expect(v, Kind.TEXT, field, "\"hisId\"")) {
                    o = o.withHisId(v.text());
                }
                continue;
            }
            if (!Vocabulary.OPTION_KEYS.contains(e.getKey())
                    || !problems.expect(v, Kind.BOOLEAN, field, "\"" + e.getKey() + "\"")) {
                continue;
            }
            boolean on = (Boolean) v.value;
            o = switch (e.getKey()) {
                case "brute" -> o.withBrute(on);
                case "mneEnvironment" -> o.withMneEnvironment(on);
                case "keepHis" -> o.withKeepHis(on);
                default -> o.withDropHeadShape(on);
            };
        }
        return o;
    }

    /**
     * @param node the {@code "dates"} object
     * @param d    the dates the policy starts from
     * @return them with the choices given
     */
    Dates dates(Node node, Dates d) {
        problems.unknownKeys(node, "dates", Vocabulary.DATES_KEYS, "the dates");
        Node m = node.fields.get("measurement");
        if (m != null) {
            MeasurementDate md = measurement(m);
            if (md != null) {
                d = d.withMeasurement(md);
            }
        }
        Node bd = node.fields.get("birthday");
        if (bd != null) {
            BirthdayDate b = birthday(bd);
            if (b != null) {
                d = d.withBirthday(b);
            }
        }
        return d;
    }

    private MeasurementDate measurement(Node m) {
        Map.Entry<String, Node> choice = oneChoice(m, "dates.measurement", Vocabulary.MEASUREMENT_KEYS,
                "the measurement date");
        if (choice == null) {
            return null;
        }
        String f = "dates.measurement." + choice.getKey();
        Node v = choice.getValue();
        return switch (choice.getKey()) {
            case "set" -> Optional.ofNullable(values.date(v, f)).map(MeasurementDate::set).orElse(null);
            case "offsetDays" -> {
                if (v.kind == Kind.OBJECT) {
                    yield Optional.ofNullable(measurementOffsets.read(v)).map(MeasurementDate::perSubject).orElse(null);
                }
                Integer n = values.days(v, f);
                yield n == null ? null : MeasurementDate.offsetDays(n);
            }
            case "landOn" -> Optional.ofNullable(values.instant(v, f)).map(MeasurementDate::landOn).orElse(null);
            default -> values.flag(v, f) ? MeasurementDate.keep() : null;
        };
    }

    private BirthdayDate birthday(Node bd) {
        Map.Entry<String, Node> choice = oneChoice(bd, "dates.birthday", Vocabulary.BIRTHDAY_KEYS, "the birthday");
        if (choice == null) {
            return null;
        }
        String f = "dates.birthday." + choice.getKey();
        Node v = choice.getValue();
        return switch (choice.getKey()) {
            case "set" -> Optional.ofNullable(values.julianDate(v, f)).map(BirthdayDate::set).orElse(null);
            case "offsetDays" -> {
                if (v.kind == Kind.OBJECT) {
                    yield Optional.ofNullable(birthdayOffsets.read(v)).map(BirthdayDate::perSubject).orElse(null);
                }
                Integer n = values.days(v, f);
                yield n == null ? null : BirthdayDate.offsetDays(n);
            }
            case "yearOnly" -> values.flag(v, f) ? BirthdayDate.yearOnly() : null;
            case "followMeasurement" -> values.flag(v, f) ? BirthdayDate.followMeasurement() : null;
            default -> values.flag(v, f) ? BirthdayDate.keep() : null;
        };
    }

    /** An object with exactly one of some keys; returns it, or null after reporting. */
    private Map.Entry<String, Node> oneChoice(Node n, String field, Set<String> keys, String what) {
        if (!problems.expect(n, Kind.OBJECT, field, what)) {
            return null;
        }
        problems.unknownKeys(n, field, keys, field);
        List<Map.Entry<String, Node>> known = n.fields.entrySet().stream().filter(e -> keys.contains(e.getKey()))
                .toList();
        if (known.isEmpty() && !n.fields.isEmpty()) {
            return null; // the unknown keys are reported already
        }
        if (known.size() != 1) {
            problems.add(n, field, what + " needs exactly one of " + Suggestions.quoteAll(keys)
                    + (known.isEmpty() ? "" : ", not " + known.size() + " ("
                    + Suggestions.quoteAll(known.stream().map(Map.Entry::getKey).toList()) + ")"));
            return null;
        }
        return known.get(0);
    }
}
