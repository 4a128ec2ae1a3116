package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyBase;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The named policies FiffKit ships. Each gives its rules for a set of options, its default options and its
 * default dates; a {@link Policy} combines them with the user's own rules.
 */
public enum Preset implements PolicyBase {
    /**
     * Exactly the table of MNE-CPP's {@code mne_anonymize} documentation: IDs (machine id zeroed, time set to
     * 2000-01-01), measurement dates, the measurement-info comment, experimenter, subject names, id, birthday,
     * comment and HIS id, project persons; with {@code brute} also sex, handedness, weight, height and the
     * project's id, name, aim and comment; with {@code brute} or {@code mneEnvironment} the MNE working
     * directory and command line. Never removes or creates a tag. Also rewrites the file names of split-file
     * references, so readers follow the anonymized parts.
     */
    MNE_ANONYMIZE("mne-anonymize"),
    /**
     * What MNE-Python 1.3's {@code anonymize_info} changes: the measurement date lands on 2000-01-01T00:00:00Z
     * (or moves by whole days) and every date and the birthday move with it; helium GUID, device serial and
     * site, experimenter, description, project id and name, subject fields; handedness and the UTC offset are
     * removed; {@code keepHis} keeps HIS id, sex and handedness. A recording without a measurement date gets
     * MNE's "no date" marker in its IDs and loses its birthday.
     */
    MNE_PYTHON("mne-python"),
    /**
     * The {@code mne-anonymize} table with {@code brute} and {@code mneEnvironment}, plus: UTC offset removed;
     * device serial and site and helium GUID replaced; file paths reduced to placeholders; the birthday keeps
     * its year only; and every other text tag scrubbed of known PHI values. Channel names and structs are
     * never scrubbed.
     */
    STRICT("strict");

    /** The text the presets write into anonymized text fields. */
    public static final String DEFAULT_TEXT = "mne_anonymize";
    /** The description MNE-Python writes into the measurement info. */
    public static final String MNE_PYTHON_DESCRIPTION = "Anonymized using a time shift to preserve age at acquisition";
    /** The day the {@code mne-anonymize} and {@code strict} presets give dates by default. */
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2000, 1, 1);

    /** Tag kinds holding channel names (never scrubbed). */
    static final Set<Integer> CHANNEL_NAME_KINDS = Set.of(FiffKind.BAD_CHS, FiffKind.HPI_BAD_CHS,
            FiffKind.CH_DACQ_NAME, FiffKind.PROJ_ITEM_CH_NAME_LIST, FiffKind.MNE_ROW_NAMES, FiffKind.MNE_COL_NAMES,
            FiffKind.MNE_CH_NAME_LIST, FiffKind.MNE_ICA_CHANNEL_NAMES, FiffKind.MNE_ICA_BADS,
            FiffKind.MNE_EPOCHS_DROP_LOG);

    /** Kinds of the ID tags. */
    static final int[] ID_KINDS = {FiffKind.FILE_ID, FiffKind.BLOCK_ID, FiffKind.PARENT_FILE_ID,
        FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID};

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** @return the preset's name, e.g. {@code mne-anonymize} */
    public String id() {
        return id;
    }

    /**
     * @param name a preset name such as {@code strict} (case-insensitive)
     * @return the preset, or empty
     */
    public static Optional<Preset> byId(String name) {
        for (Preset p : values()) {
            if (p.id.equalsIgnoreCase(name.trim()) || p.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return the options this preset uses unless told otherwise */
    public PolicyOptions defaultOptions() {
        return this == STRICT ? PolicyOptions.NONE.withBrute(true).withMneEnvironment(true) : PolicyOptions.NONE;
    }

    /** @return the dates this preset uses unless told otherwise */
    public Dates defaultDates() {
        return switch (this) {
            case MNE_ANONYMIZE -> new Dates(MeasurementDate.set(DEFAULT_DATE), BirthdayDate.set(DEFAULT_DATE));
            case MNE_PYTHON -> new Dates(MeasurementDate.landOn(Instant.parse("2000-01-01T00:00:00Z")),
                    BirthdayDate.followMeasurement());
            case STRICT -> new Dates(MeasurementDate.set(DEFAULT_DATE), BirthdayDate.yearOnly());
        };
    }

    /**
     * The preset's rules for some options, in the order they are tried.
     *
     * @param o the options
     * @return the rules
     */
    public List<Rule> rules(PolicyOptions o) {
        RuleList r = new RuleList("preset " + id);
        switch (this) {
            case MNE_ANONYMIZE -> mneAnonymize(r, o, false);
            case MNE_PYTHON -> mnePython(r, o);
            case STRICT -> strict(r, o);
        }
        return r.rules;
    }

    private static final class RuleList {
        final List<Rule> rules = new ArrayList<>();
        final String origin;

        RuleList(String origin) {
            this.origin = origin;
        }

        void add(Selector s, TagAction a) {
            rules.add(new Rule(s, a, origin));
        }

        void add(int kind, TagAction a) {
            add(Selector.kind(kind), a);
        }

        void text(int kind, String value) {
            add(kind, Actions.replace(value));
        }
    }

    private static String hisId(PolicyOptions o, String fallback) {
        return o.hisId() != null ? o.hisId() : fallback;
    }

    private static void ids(RuleList r) {
        for (int kind : ID_KINDS) {
            r.add(kind, Actions.rewriteId());
        }
    }

    private static void mneAnonymize(RuleList r, PolicyOptions o, boolean strict) {
        boolean brute = o.brute() || strict;
        ids(r);
        r.add(FiffKind.MEAS_DATE, Actions.measurementDate());
        r.add(Selector.kind(FiffKind.COMMENT).inBlock(FiffBlock.MEAS_INFO), Actions.replace(DEFAULT_TEXT));
        r.text(FiffKind.EXPERIMENTER, DEFAULT_TEXT);
        r.text(FiffKind.SUBJ_ID, "0");
        r.text(FiffKind.SUBJ_FIRST_NAME, DEFAULT_TEXT);
        r.text(FiffKind.SUBJ_MIDDLE_NAME, "mne");
        r.text(FiffKind.SUBJ_LAST_NAME, DEFAULT_TEXT);
        r.add(FiffKind.SUBJ_BIRTH_DAY, Actions.birthday());
        if (brute && !o.keepHis()) {
            r.text(FiffKind.SUBJ_SEX, "0");
            r.text(FiffKind.SUBJ_HAND, "0");
        }
        if (brute) {
            r.text(FiffKind.SUBJ_WEIGHT, "0");
            r.text(FiffKind.SUBJ_HEIGHT, "0");
        }
        r.text(FiffKind.SUBJ_COMMENT, DEFAULT_TEXT);
        if (!o.keepHis()) {
            r.text(FiffKind.SUBJ_HIS_ID, hisId(o, DEFAULT_TEXT));
        }
        if (brute) {
            r.text(FiffKind.PROJ_ID, "0");
            r.text(FiffKind.PROJ_NAME, DEFAULT_TEXT);
            r.text(FiffKind.PROJ_AIM, DEFAULT_TEXT);
        }
        r.text(FiffKind.PROJ_PERSONS, DEFAULT_TEXT);
        if (brute) {
            r.text(FiffKind.PROJ_COMMENT, DEFAULT_TEXT);
        }
        if (brute || o.mneEnvironment()) {
            r.text(FiffKind.MNE_ENV_WORKING_DIR, DEFAULT_TEXT);
            r.text(FiffKind.MNE_ENV_COMMAND_LINE, DEFAULT_TEXT);
        }
        r.add(FiffKind.REF_FILE_NAME, Actions.referenceFileName());
        if (o.dropHeadShape()) {
            r.add(FiffKind.DIG_POINT, Actions.dropHeadShape());
        }
    }

    private static void mnePython(RuleList r, PolicyOptions o) {
        r.add(Selector.kind(FiffKind.MEAS_DATE).inBlock(FiffBlock.MNE_ANNOTATIONS),
                Actions.anonymizedMeasurementDate());
        ids(r);
        r.add(FiffKind.MEAS_DATE, Actions.measurementDate());
        r.text(FiffKind.EXPERIMENTER, DEFAULT_TEXT);
        r.add(Selector.kind(FiffKind.COMMENT).inBlock(FiffBlock.MEAS_INFO), Actions.replace(MNE_PYTHON_DESCRIPTION));
        r.text(FiffKind.PROJ_ID, "0");
        r.text(FiffKind.PROJ_NAME, DEFAULT_TEXT);
        r.add(FiffKind.UTC_OFFSET, Actions.remove());
        r.text(FiffKind.SUBJ_ID, "0");
        if (!o.keepHis()) {
            r.text(FiffKind.SUBJ_HIS_ID, hisId(o, "0"));
            r.text(FiffKind.SUBJ_SEX, "0");
            r.add(FiffKind.SUBJ_HAND, Actions.remove());
        }
        r.text(FiffKind.SUBJ_FIRST_NAME, DEFAULT_TEXT);
        r.text(FiffKind.SUBJ_MIDDLE_NAME, DEFAULT_TEXT);
        r.text(FiffKind.SUBJ_LAST_NAME, DEFAULT_TEXT);
        r.add(FiffKind.SUBJ_BIRTH_DAY, Actions.birthday());
        r.text(FiffKind.SUBJ_WEIGHT, "0");
        r.text(FiffKind.SUBJ_HEIGHT, "0");
        r.text(FiffKind.ORIG_FILE_GUID, DEFAULT_TEXT);
        r.text(FiffKind.DEVICE_SERIAL, DEFAULT_TEXT);
        r.text(FiffKind.DEVICE_SITE, DEFAULT_TEXT);
        if (o.brute()) {
            r.text(FiffKind.SUBJ_COMMENT, DEFAULT_TEXT);
            r.text(FiffKind.PROJ_AIM, DEFAULT_TEXT);
            r.text(FiffKind.PROJ_PERSONS, DEFAULT_TEXT);
            r.text(FiffKind.PROJ_COMMENT, DEFAULT_TEXT);
        }
        if (o.brute() || o.mneEnvironment()) {
            r.text(FiffKind.MNE_ENV_WORKING_DIR, DEFAULT_TEXT);
            r.text(FiffKind.MNE_ENV_COMMAND_LINE, DEFAULT_TEXT);
        }
        r.add(FiffKind.REF_FILE_NAME, Actions.referenceFileName());
        if (o.dropHeadShape()) {
            r.add(FiffKind.DIG_POINT, Actions.dropHeadShape());
        }
    }

    private static void strict(RuleList r, PolicyOptions o) {
        mneAnonymize(r, o.withBrute(true).withMneEnvironment(true), true);
        r.add(FiffKind.UTC_OFFSET, Actions.remove());
        r.text(FiffKind.DEVICE_SERIAL, DEFAULT_TEXT);
        r.text(FiffKind.DEVICE_SITE, DEFAULT_TEXT);
        r.text(FiffKind.ORIG_FILE_GUID, DEFAULT_TEXT);
        for (int kind : new int[] {FiffKind.MRI_SOURCE_PATH, FiffKind.MRI_ORIG_SOURCE_PATH, FiffKind.MNE_FILE_NAME,
            FiffKind.MNE_SOURCE_SPACE_MRI_FILE}) {
            r.add(Selector.kind(kind).type(FiffType.STRING), Actions.replace(DEFAULT_TEXT));
        }
        r.add(Selector.any().type(FiffType.STRING)
                .where(t -> !CHANNEL_NAME_KINDS.contains(t.kind()), "the tag holds no channel names"),
                Actions.scrub());
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
