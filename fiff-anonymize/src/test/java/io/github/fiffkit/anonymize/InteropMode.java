package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.actions.Preset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anonymizations checked by MNE-Python, each with what its preset promises for every PHI field MNE-Python
 * reports (the {@code expect} document of {@code mne_interop.py}).
 */
public enum InteropMode {
    /** {@code mne-anonymize} with its defaults. */
    MNE_ANONYMIZE(Anonymizer.builder()),
    /**
     * {@code mne-anonymize} with {@code brute} and {@code mneEnvironment}; outputs get a fresh tag directory, which
     * MNE-Python trusts completely when it reads.
     */
    MNE_ANONYMIZE_BRUTE_ENV(Anonymizer.builder().brute(true).mneEnvironment(true).writeDirectory(true)),
    /** {@code mne-python}. */
    MNE_PYTHON(Anonymizer.builder().preset(Preset.MNE_PYTHON)),
    /** {@code mne-python} with MNE-Python's {@code daysback=35000} (what BIDS conversions use). */
    MNE_PYTHON_DAYSBACK(Anonymizer.builder().preset(Preset.MNE_PYTHON).measurementDateOffsetDays(
            InteropMode.DAYSBACK)),
    /** {@code strict}. */
    STRICT(Anonymizer.builder().preset(Preset.STRICT));

    public static final String TEXT = Preset.DEFAULT_TEXT;
    public static final int DAYSBACK = 35000;

    public final Anonymizer anonymizer;

    InteropMode(AnonymizerBuilder b) {
        this.anonymizer = b.recordOldValues(false).build();
    }

    private static Map<String, Object> op(String op, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> replace(Object value) {
        return op("replace", "value", value);
    }

    private static Map<String, Object> same() {
        return op("same");
    }

    private static Map<String, Object> absent() {
        return op("absent");
    }

    /** @return the expectation document for the checker */
    public Map<String, Object> expectation() {
        boolean brute = this == MNE_ANONYMIZE_BRUTE_ENV || this == STRICT;
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, Object> f = new LinkedHashMap<>();
        if (isMnePython()) {
            e.put("meas_date", this == MNE_PYTHON ? Map.of("mode", "landOn", "stamp", List.of(946684800, 0))
                    : Map.of("mode", "offsetDays", "days", DAYSBACK));
            f.put("experimenter", replace(TEXT));
            f.put("description", replace(Preset.MNE_PYTHON_DESCRIPTION));
            f.put("proj_id", replace(0));
            f.put("proj_name", replace(TEXT));
            f.put("utc_offset", absent());
            f.put("subject_info.id", replace(0));
            f.put("subject_info.his_id", replace("0"));
            f.put("subject_info.sex", replace(0));
            f.put("subject_info.hand", absent());
            f.put("subject_info.first_name", replace(TEXT));
            f.put("subject_info.middle_name", replace(TEXT));
            f.put("subject_info.last_name", replace(TEXT));
            f.put("subject_info.birthday", op("birthday", "mode", "followMeasurement"));
            f.put("subject_info.weight", replace(0));
            f.put("subject_info.height", replace(0));
            f.put("helium_info.orig_file_guid", replace(TEXT));
            f.put("device_info.serial", replace(TEXT));
            f.put("device_info.site", replace(TEXT));
            f.put("proc_history.experimenter", replace(TEXT));
            f.put("src.subject_his_id", replace("0"));
            f.put("src.mri_file", same());
            f.put("src.mri_volume_name", same());
            f.put("env.working_dir", same());
            f.put("env.command_line", same());
            e.put("texts", "same");
            e.put("mne_refusal", true);
        } else {
            e.put("meas_date", Map.of("mode", "set", "date", "2000-01-01"));
            f.put("experimenter", replace(TEXT));
            f.put("description", replace(TEXT));
            f.put("proj_id", brute ? replace(0) : same());
            f.put("proj_name", brute ? replace(TEXT) : same());
            f.put("utc_offset", this == STRICT ? absent() : same());
            f.put("subject_info.id", replace(0));
            f.put("subject_info.his_id", replace(TEXT));
            f.put("subject_info.sex", brute ? replace(0) : same());
            f.put("subject_info.hand", brute ? replace(0) : same());
            f.put("subject_info.first_name", replace(TEXT));
            f.put("subject_info.middle_name", replace("mne"));
            f.put("subject_info.last_name", replace(TEXT));
            f.put("subject_info.birthday", this == STRICT ? op("birthday", "mode", "yearOnly")
                    : op("birthday", "mode", "set", "date", "2000-01-01"));
            f.put("subject_info.weight", brute ? replace(0) : same());
            f.put("subject_info.height", brute ? replace(0) : same());
            f.put("helium_info.orig_file_guid", this == STRICT ? replace(TEXT) : same());
            f.put("device_info.serial", this == STRICT ? replace(TEXT) : same());
            f.put("device_info.site", this == STRICT ? replace(TEXT) : same());
            f.put("proc_history.experimenter", replace(TEXT));
            f.put("src.subject_his_id", replace(TEXT));
            f.put("src.mri_file", this == STRICT ? replace(TEXT) : same());
            f.put("src.mri_volume_name", this == STRICT ? replace(TEXT) : same());
            f.put("env.working_dir", brute ? replace(TEXT) : same());
            f.put("env.command_line", brute ? replace(TEXT) : same());
            e.put("texts", this == STRICT ? "scrubbed" : "same");
            if (this == STRICT) {
                e.put("leaks", "none");
            }
        }
        e.put("fields", f);
        return e;
    }

    public boolean isMnePython() {
        return this == MNE_PYTHON || this == MNE_PYTHON_DAYSBACK;
    }

    @Override
    public String toString() {
        return switch (this) {
            case MNE_ANONYMIZE -> "mne-anonymize";
            case MNE_ANONYMIZE_BRUTE_ENV -> "mne-anonymize --brute --mne_environment, with a tag directory";
            case MNE_PYTHON -> "mne-python";
            case MNE_PYTHON_DAYSBACK -> "mne-python daysback=" + DAYSBACK;
            case STRICT -> "strict";
        };
    }
}
