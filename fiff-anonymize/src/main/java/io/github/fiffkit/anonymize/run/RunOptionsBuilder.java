package io.github.fiffkit.anonymize.run;

import io.github.fiffkit.anonymize.actions.Preset;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Builds {@link RunOptions}. Nothing is checked here: {@link RunOptions#problems()} lists every mistake at once, so
 * a form can show them all.
 */
public final class RunOptionsBuilder {
    // package-private: RunOptions copies them
    Preset preset;
    Path policyFile;
    String secretEnv;
    Path secretFile;
    Path keyFile;
    boolean brute;
    boolean mneEnvironment;
    boolean keepHis;
    boolean dropHeadShape;
    String hisId;
    LocalDate measurementDate;
    Integer measurementDateOffset;
    LocalDate subjectBirthday;
    Integer subjectBirthdayOffset;
    boolean leakCheck = true;
    boolean deleteInputs;
    boolean dryRun;
    boolean recordOldValues;
    boolean digests;

    RunOptionsBuilder() {
    }

    RunOptionsBuilder(RunOptions o) {
        preset = o.preset();
        policyFile = o.policyFile();
        secretEnv = o.secretEnv();
        secretFile = o.secretFile();
        keyFile = o.keyFile();
        brute = o.brute();
        mneEnvironment = o.mneEnvironment();
        keepHis = o.keepHis();
        dropHeadShape = o.dropHeadShape();
        hisId = o.hisId();
        measurementDate = o.measurementDate();
        measurementDateOffset = o.measurementDateOffset();
        subjectBirthday = o.subjectBirthday();
        subjectBirthdayOffset = o.subjectBirthdayOffset();
        leakCheck = o.leakCheck();
        deleteInputs = o.deleteInputs();
        dryRun = o.dryRun();
        recordOldValues = o.recordOldValues();
        digests = o.digests();
    }

    /**
     * @param p {@code --preset}, or {@code null} for none chosen
     * @return this builder
     */
    public RunOptionsBuilder preset(Preset p) {
        preset = p;
        return this;
    }

    /**
     * @param file {@code --policy}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder policyFile(Path file) {
        policyFile = file;
        return this;
    }

    /**
     * @param variable {@code --secret-env}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder secretEnv(String variable) {
        secretEnv = variable;
        return this;
    }

    /**
     * @param file {@code --secret-file}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder secretFile(Path file) {
        secretFile = file;
        return this;
    }

    /**
     * @param file {@code --key-file}: the study's key file (re-identifies; for the data owner), or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder keyFile(Path file) {
        keyFile = file;
        return this;
    }

    /**
     * @param on {@code -b}
     * @return this builder
     */
    public RunOptionsBuilder brute(boolean on) {
        brute = on;
        return this;
    }

    /**
     * @param on {@code --mne_environment}
     * @return this builder
     */
    public RunOptionsBuilder mneEnvironment(boolean on) {
        mneEnvironment = on;
        return this;
    }

    /**
     * @param on {@code --keep-his}
     * @return this builder
     */
    public RunOptionsBuilder keepHis(boolean on) {
        keepHis = on;
        return this;
    }

    /**
     * @param on {@code --drop-head-shape}
     * @return this builder
     */
    public RunOptionsBuilder dropHeadShape(boolean on) {
        dropHeadShape = on;
        return this;
    }

    /**
     * @param text {@code --his}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder hisId(String text) {
        hisId = text;
        return this;
    }

    /**
     * @param day {@code --md}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder measurementDate(LocalDate day) {
        measurementDate = day;
        return this;
    }

    /**
     * @param days {@code --mdo}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder measurementDateOffset(Integer days) {
        measurementDateOffset = days;
        return this;
    }

    /**
     * @param day {@code --sb}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder subjectBirthday(LocalDate day) {
        subjectBirthday = day;
        return this;
    }

    /**
     * @param days {@code --sbo}, or {@code null}
     * @return this builder
     */
    public RunOptionsBuilder subjectBirthdayOffset(Integer days) {
        subjectBirthdayOffset = days;
        return this;
    }

    /**
     * @param on search each output for the original values (default on)
     * @return this builder
     */
    public RunOptionsBuilder leakCheck(boolean on) {
        leakCheck = on;
        return this;
    }

    /**
     * @param on {@code -d}
     * @return this builder
     */
    public RunOptionsBuilder deleteInputs(boolean on) {
        deleteInputs = on;
        return this;
    }

    /**
     * @param on {@code --dry-run}
     * @return this builder
     */
    public RunOptionsBuilder dryRun(boolean on) {
        dryRun = on;
        return this;
    }

    /**
     * @param on keep old values (PHI) as text in the results, for a verbose listing or a preview table
     * @return this builder
     */
    public RunOptionsBuilder recordOldValues(boolean on) {
        recordOldValues = on;
        return this;
    }

    /**
     * @param on SHA-256 digests of inputs and outputs in the results
     * @return this builder
     */
    public RunOptionsBuilder digests(boolean on) {
        digests = on;
        return this;
    }

    /** @return the options; see {@link RunOptions#problems()} for what may be wrong with them */
    public RunOptions build() {
        return new RunOptions(this);
    }
}
