package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a policy into the one verify runs: a dry run of it must change nothing on a file it anonymized. Results
 * that cannot be reproduced from an output are accepted when well formed instead: date offsets (the times are not
 * moved again; machine ids must still be zero), keyed hashes (16 hexadecimal digits), pseudonyms (a value of the
 * table), custom actions that say they are not reproducible.
 */
public final class VerifyRules {
    /** Built-in actions that give the same result on their own output once offsets are left out. */
    private static final Set<String> REPRODUCIBLE_ON_OUTPUT = Set.of("measurementDate", "rewriteId",
            "anonymizedMeasurementDate", "birthday", "referenceFileName", "landOn");

    private VerifyRules() {
    }

    public static Policy policy(Policy p) {
        Dates d = p.dates();
        if (d.measurement() instanceof MeasurementDate.OffsetDays
                || d.measurement() instanceof MeasurementDate.PerSubject) {
            d = d.withMeasurement(MeasurementDate.keep());
        }
        if (d.birthday() instanceof BirthdayDate.OffsetDays || d.birthday() instanceof BirthdayDate.PerSubject) {
            d = d.withBirthday(BirthdayDate.keep());
        }
        return p.withDates(d);
    }

    public static List<Rule> rules(Policy p) {
        boolean yearOnly = p.dates().birthday() instanceof BirthdayDate.YearOnly;
        List<Rule> out = new ArrayList<>();
        for (Rule r : p.resolvedRules()) {
            out.add(new Rule(r.selector(), wrap(r.action(), yearOnly), r.origin()));
        }
        return out;
    }

    public static TagAction wrap(TagAction a, boolean yearOnlyBirthday) {
        if (a instanceof WellFormed w) {
            return checked(a, w::wellFormed);
        }
        if (a.name().equals("yearOnly") || (a.name().equals("birthday") && yearOnlyBirthday)) {
            // the year of a subject over 89 depends on the original measurement date, which an output no longer
            // holds: any 1 January is a year-only birthday
            return checked(a, VerifyRules::isFirstOfJanuary);
        }
        if (a.name().equals("hash")) {
            return checked(a, WellFormed::isHash);
        }
        if (a.reproducible() || REPRODUCIBLE_ON_OUTPUT.contains(a.name())) {
            return a;
        }
        // shiftDays, pseudonyms made in code, custom actions: their results cannot be recognized; accept them
        return checked(a, ctx -> true);
    }

    private static boolean isFirstOfJanuary(ActionContext ctx) {
        byte[] d = ctx.data();
        if (d.length < 4) {
            return false;
        }
        int jd = java.nio.ByteBuffer.wrap(d).getInt(0);
        try {
            java.time.LocalDate day = io.github.fiffkit.core.Julian.toLocalDate(jd);
            return day.getDayOfYear() == 1;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    private static TagAction checked(TagAction a, Predicate<ActionContext> wellFormed) {
        return new TagAction() {
            @Override
            public Outcome apply(ActionContext context) throws IOException {
                return wellFormed.test(context) ? Outcome.keep() : a.apply(context);
            }

            @Override
            public String name() {
                return a.name();
            }

            @Override
            public boolean readsData() {
                return a.readsData();
            }

            @Override
            public boolean reproducible() {
                return true;
            }

            @Override
            public Map<String, Object> parameters() {
                return a.parameters();
            }
        };
    }
}
