package io.github.fiffkit.anonymize.policy;

/**
 * The switches of a policy, as {@code mne_anonymize} and MNE-Python name them.
 *
 * @param brute          also anonymize the subject's weight, height, sex and handedness and the project's ID,
 *                       name, aim and comment (and the MNE environment)
 * @param mneEnvironment also anonymize the MNE working directory and command line
 * @param keepHis        keep the HIS id, sex and handedness (MNE-Python's {@code keep_his})
 * @param dropHeadShape  remove the extra head-shape digitizer points (cardinal, HPI and EEG points stay)
 * @param hisId          the text that replaces {@code FIFF_SUBJ_HIS_ID}, or {@code null} for the preset's value
 */
public record PolicyOptions(boolean brute, boolean mneEnvironment, boolean keepHis, boolean dropHeadShape,
        String hisId) {
    /** Everything off, no HIS id. */
    public static final PolicyOptions NONE = new PolicyOptions(false, false, false, false, null);

    /**
     * @param on the new value
     * @return a copy with brute set
     */
    public PolicyOptions withBrute(boolean on) {
        return new PolicyOptions(on, mneEnvironment, keepHis, dropHeadShape, hisId);
    }

    /**
     * @param on the new value
     * @return a copy with mneEnvironment set
     */
    public PolicyOptions withMneEnvironment(boolean on) {
        return new PolicyOptions(brute, on, keepHis, dropHeadShape, hisId);
    }

    /**
     * @param on the new value
     * @return a copy with keepHis set
     */
    public PolicyOptions withKeepHis(boolean on) {
        return new PolicyOptions(brute, mneEnvironment, on, dropHeadShape, hisId);
    }

    /**
     * @param on the new value
     * @return a copy with dropHeadShape set
     */
    public PolicyOptions withDropHeadShape(boolean on) {
        return new PolicyOptions(brute, mneEnvironment, keepHis, on, hisId);
    }

    /**
     * @param text the new HIS id, or {@code null}
     * @return a copy with that HIS id
     */
    public PolicyOptions withHisId(String text) {
        return new PolicyOptions(brute, mneEnvironment, keepHis, dropHeadShape, text);
    }
}
