package io.github.fiffkit.anonymize.run;

import static io.github.fiffkit.anonymize.run.RunOption.DELETE_INPUTS;
import static io.github.fiffkit.anonymize.run.RunOption.DRY_RUN;
import static io.github.fiffkit.anonymize.run.RunOption.HIS_ID;
import static io.github.fiffkit.anonymize.run.RunOption.KEEP_HIS;
import static io.github.fiffkit.anonymize.run.RunOption.KEY_FILE;
import static io.github.fiffkit.anonymize.run.RunOption.MEASUREMENT_DATE;
import static io.github.fiffkit.anonymize.run.RunOption.MEASUREMENT_DATE_OFFSET;
import static io.github.fiffkit.anonymize.run.RunOption.POLICY;
import static io.github.fiffkit.anonymize.run.RunOption.PRESET;
import static io.github.fiffkit.anonymize.run.RunOption.SECRET_ENV;
import static io.github.fiffkit.anonymize.run.RunOption.SECRET_FILE;
import static io.github.fiffkit.anonymize.run.RunOption.SUBJECT_BIRTHDAY;
import static io.github.fiffkit.anonymize.run.RunOption.SUBJECT_BIRTHDAY_OFFSET;

import io.github.fiffkit.anonymize.policy.MeasurementDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one set of checks on {@link RunOptions}. Each message names its options through placeholders, so that
 * every front-end can show them in its own words; none holds a value read from a file.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    static List<OptionMessage> problems(RunOptions o) {
        List<OptionMessage> p = new ArrayList<>();
        if (o.policyFile() != null && o.preset() != null) {
            p.add(OptionMessage.of("{0} and {1} exclude each other (a policy file names its preset with"
                    + " \"extends\")", PRESET, POLICY));
        }
        if (o.secretEnv() != null && o.secretFile() != null) {
            p.add(OptionMessage.of("{0} and {1} exclude each other: give the secret one way", SECRET_ENV,
                    SECRET_FILE));
        }
        if ((o.secretEnv() != null || o.secretFile() != null) && o.policyFile() == null) {
            p.add(OptionMessage.of("{0} gives the secret of a policy file's keyed hashes: it needs {1}",
                    o.secretEnv() != null ? SECRET_ENV : SECRET_FILE, POLICY));
        }
        if (o.keyFile() != null && o.policyFile() == null) {
            p.add(OptionMessage.of("{0} records each subject's own date offset, which only a policy file gives: it"
                    + " needs {1}", KEY_FILE, POLICY));
        }
        if (o.keyFile() != null && o.dryRun()) {
            p.add(OptionMessage.of("{0} writes nothing, so {1} has nothing to record", DRY_RUN, KEY_FILE));
        }
        if (o.keyFile() != null && (o.measurementDate() != null || o.measurementDateOffset() != null)) {
            p.add(OptionMessage.of("{0} records each subject's own date offset, and {1} gives every recording the"
                    + " same: they exclude each other", KEY_FILE, o.measurementDate() != null ? MEASUREMENT_DATE
                    : MEASUREMENT_DATE_OFFSET));
        }
        if (o.dryRun() && o.deleteInputs()) {
            p.add(OptionMessage.of("{0} writes nothing, so {1} has nothing to wait for", DRY_RUN, DELETE_INPUTS));
        }
        if (o.keepHis() && o.hisId() != null) {
            p.add(OptionMessage.of("{0} keeps the original hospital id and {1} writes a new one: they exclude each"
                    + " other; give one of them", KEEP_HIS, HIS_ID));
        }
        if (o.measurementDate() != null && o.measurementDateOffset() != null) {
            p.add(OptionMessage.of("{0} (a measurement date) and {1} (a measurement date offset) exclude each other",
                    MEASUREMENT_DATE, MEASUREMENT_DATE_OFFSET));
        }
        if (o.subjectBirthday() != null && o.subjectBirthdayOffset() != null) {
            p.add(OptionMessage.of("{0} (a birthday) and {1} (a birthday offset) exclude each other",
                    SUBJECT_BIRTHDAY, SUBJECT_BIRTHDAY_OFFSET));
        }
        if (o.measurementDate() != null) {
            String why = DayMonthYear.measurementDateProblem(o.measurementDate());
            if (why != null) {
                p.add(OptionMessage.of("{0} " + DayMonthYear.quote(o.measurementDate()) + " " + why,
                        MEASUREMENT_DATE));
            }
        }
        if (o.subjectBirthday() != null) {
            String why = DayMonthYear.birthdayProblem(o.subjectBirthday());
            if (why != null) {
                p.add(OptionMessage.of("{0} " + DayMonthYear.quote(o.subjectBirthday()) + " " + why,
                        SUBJECT_BIRTHDAY));
            }
        }
        Integer sbo = o.subjectBirthdayOffset();
        if (sbo != null && Math.abs((long) sbo) > RunOptions.MAX_BIRTHDAY_OFFSET_DAYS) {
            String where = sbo > 0 ? "before year 1" : "after " + DayMonthYear.format(
                    DayMonthYear.LAST_MEASUREMENT_DAY) + ", the last measurement date a FIFF file can hold";
            p.add(OptionMessage.of("{0} " + sbo + " moves every birthday a FIFF file can hold " + where
                    + ": give at most " + RunOptions.MAX_BIRTHDAY_OFFSET_DAYS + " days either way",
                    SUBJECT_BIRTHDAY_OFFSET));
        }
        return List.copyOf(p);
    }

    static List<OptionMessage> warnings(RunOptions o) {
        List<OptionMessage> w = new ArrayList<>();
        if (o.measurementDate() == null && o.measurementDateOffset() != null && o.measurementDateOffset() == 0) {
            w.add(OptionMessage.of("{0} 0 keeps the original measurement dates", MEASUREMENT_DATE_OFFSET));
        }
        if (o.subjectBirthday() == null && o.subjectBirthdayOffset() != null && o.subjectBirthdayOffset() == 0) {
            w.add(OptionMessage.of("{0} 0 keeps the original birthday", SUBJECT_BIRTHDAY_OFFSET));
        }
        if (o.measurementDate() != null && o.subjectBirthday() != null
                && o.subjectBirthday().isAfter(o.measurementDate())) {
            w.add(OptionMessage.of("{0} " + DayMonthYear.quote(o.subjectBirthday()) + " is after {1} "
                    + DayMonthYear.quote(o.measurementDate()) + ": the subject would be born after the measurement",
                    SUBJECT_BIRTHDAY, MEASUREMENT_DATE));
        }
        if (o.subjectBirthday() != null && o.measurementDate() == null && o.measurementDateOffset() == null
                && o.policyFile() == null
                && o.presetOrDefault().defaultDates().measurement() instanceof MeasurementDate.SetTo set
                && o.subjectBirthday().isAfter(set.date())) {
            // the preset sets every measurement date to one day: the birthday is after it whatever the file holds
            w.add(OptionMessage.of("{0} " + DayMonthYear.quote(o.subjectBirthday()) + " is after the measurement date "
                    + DayMonthYear.quote(set.date()) + " that the preset " + o.presetOrDefault().id()
                    + " writes: the subject would be born after the measurement; give {1} too",
                    SUBJECT_BIRTHDAY, MEASUREMENT_DATE));
        }
        return List.copyOf(w);
    }

    static Optional<OptionMessage> recordings(RunOptions o, int recordings) {
        if (recordings <= 1) {
            return Optional.empty();
        }
        List<RunOption> given = new ArrayList<>();
        if (o.measurementDate() != null) {
            given.add(MEASUREMENT_DATE);
        }
        if (o.subjectBirthday() != null) {
            given.add(SUBJECT_BIRTHDAY);
        }
        if (o.hisId() != null) {
            given.add(HIS_ID);
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        List<String> places = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            places.add("{" + i + "}");
        }
        int n = given.size();
        List<RunOption> all = new ArrayList<>(given);
        all.add(MEASUREMENT_DATE_OFFSET);
        all.add(SUBJECT_BIRTHDAY_OFFSET);
        String template = String.join(", ", places) + (n == 1 ? " is" : " are") + " allowed for one recording only"
                + " (this run has " + recordings + "): every recording would get the same date or hospital id,"
                + " and the intervals between recordings would be lost; use {" + n + "} and {" + (n + 1) + "} to"
                + " move every date by the same number of days";
        return Optional.of(new OptionMessage(template, all));
    }
}
