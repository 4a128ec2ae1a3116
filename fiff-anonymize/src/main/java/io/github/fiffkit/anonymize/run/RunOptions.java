package io.github.fiffkit.anonymize.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.PhiTag;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user chose for one run, whichever front-end they chose it in: the rules (a preset or a policy file and
 * its secret), the options that override them (brute, MNE environment, HIS, dates, head shape), the leak check and
 * whether inputs are deleted. Immutable; made by {@link #builder()} ({@link RunOptionsBuilder}). One set of checks ({@link #problems()},
 * {@link #warnings()}, {@link #recordingsProblem(int)}) and one way to the {@link Anonymizer}
 * ({@link #toAnonymizer()}), so the command line, the desktop window and the Spark job cannot drift apart.
 *
 * <pre>{@code
 * RunOptions o = RunOptions.builder().preset(Preset.MNE_PYTHON).measurementDateOffset(35).build();
 * if (!o.problems().isEmpty()) { ... show them, stop ... }
 * Anonymizer a = o.toAnonymizer();
 * }</pre>
 */
public final class RunOptions {
    /**
     * The largest {@code --sbo} that some file can still take: the days from year 1 to the last measurement date
     * FIFF can hold. Any larger offset moves every birthday a file can sensibly hold before year 1 (or, negative,
     * after that last measurement date), whatever the file.
     */
    public static final int MAX_BIRTHDAY_OFFSET_DAYS = (int) ChronoUnit.DAYS.between(DayMonthYear.FIRST_BIRTHDAY,
            DayMonthYear.LAST_MEASUREMENT_DAY);

    private final Preset preset;
    private final Path policyFile;
    private final String secretEnv;
    private final Path secretFile;
    private final Path keyFile;
    private final boolean brute;
    private final boolean mneEnvironment;
    private final boolean keepHis;
    private final boolean dropHeadShape;
    private final String hisId;
    private final LocalDate measurementDate;
    private final Integer measurementDateOffset;
    private final LocalDate subjectBirthday;
    private final Integer subjectBirthdayOffset;
    private final boolean leakCheck;
    private final boolean deleteInputs;
    private final boolean dryRun;
    private final boolean recordOldValues;
    private final boolean digests;

    RunOptions(RunOptionsBuilder b) {
        preset = b.preset;
        policyFile = b.policyFile;
        secretEnv = b.secretEnv;
        secretFile = b.secretFile;
        keyFile = b.keyFile;
        brute = b.brute;
        mneEnvironment = b.mneEnvironment;
        keepHis = b.keepHis;
        dropHeadShape = b.dropHeadShape;
        hisId = b.hisId;
        measurementDate = b.measurementDate;
        measurementDateOffset = b.measurementDateOffset;
        subjectBirthday = b.subjectBirthday;
        subjectBirthdayOffset = b.subjectBirthdayOffset;
        leakCheck = b.leakCheck;
        deleteInputs = b.deleteInputs;
        dryRun = b.dryRun;
        recordOldValues = b.recordOldValues;
        digests = b.digests;
    }

    /** @return a builder with nothing chosen: the default preset, leak check on, nothing deleted */
    public static RunOptionsBuilder builder() {
        return new RunOptionsBuilder();
    }

    /** @return a builder holding these options, to change some of them */
    public RunOptionsBuilder rebuild() {
        return new RunOptionsBuilder(this);
    }

    /** @return the options of a run where nothing was chosen (the {@code mne-anonymize} preset, leak check on) */
    public static RunOptions defaults() {
        return builder().build();
    }

    /** @return {@code --preset} as chosen, or {@code null} when none was (the default, or a policy file, applies) */
    public Preset preset() {
        return preset;
    }

    /** @return the preset the run applies when no policy file is given: the chosen one or the default */
    public Preset presetOrDefault() {
        return preset != null ? preset : Preset.MNE_ANONYMIZE;
    }

    /** @return {@code --policy}, or {@code null} */
    public Path policyFile() {
        return policyFile;
    }

    /** @return {@code --secret-env}, or {@code null} */
    public String secretEnv() {
        return secretEnv;
    }

    /** @return {@code --secret-file}, or {@code null} */
    public Path secretFile() {
        return secretFile;
    }

    /** @return {@code --key-file}, or {@code null} */
    public Path keyFile() {
        return keyFile;
    }

    /** @return {@code -b} */
    public boolean brute() {
        return brute;
    }

    /** @return {@code --mne_environment} */
    public boolean mneEnvironment() {
        return mneEnvironment;
    }

    /** @return {@code --keep-his} */
    public boolean keepHis() {
        return keepHis;
    }

    /** @return {@code --drop-head-shape} */
    public boolean dropHeadShape() {
        return dropHeadShape;
    }

    /** @return {@code --his}, or {@code null} for the rules' own */
    public String hisId() {
        return hisId;
    }

    /** @return {@code --md}, or {@code null} */
    public LocalDate measurementDate() {
        return measurementDate;
    }

    /** @return {@code --mdo} in days, or {@code null} */
    public Integer measurementDateOffset() {
        return measurementDateOffset;
    }

    /** @return {@code --sb}, or {@code null} */
    public LocalDate subjectBirthday() {
        return subjectBirthday;
    }

    /** @return {@code --sbo} in days, or {@code null} */
    public Integer subjectBirthdayOffset() {
        return subjectBirthdayOffset;
    }

    /** @return whether each output is searched for the original values (off with {@code --no-leak-check}) */
    public boolean leakCheck() {
        return leakCheck;
    }

    /** @return {@code -d}: delete each input once its output is written, checked and read back */
    public boolean deleteInputs() {
        return deleteInputs;
    }

    /** @return {@code --dry-run}: say what would change, write nothing */
    public boolean dryRun() {
        return dryRun;
    }

    /** @return whether results keep the old values (PHI) as text, for a verbose listing */
    public boolean recordOldValues() {
        return recordOldValues;
    }

    /** @return whether results carry SHA-256 digests of inputs and outputs (for reports) */
    public boolean digests() {
        return digests;
    }

    /**
     * Options that cannot go together or values that no file can take, whatever the files: every one of them,
     * not only the first. A front-end refuses to run while there is one (the command line with status 1).
     *
     * @return the problems, empty when none
     */
    public List<OptionMessage> problems() {
        return OptionChecks.problems(this);
    }

    /**
     * Choices that are allowed but probably not meant: {@code --mdo 0}, {@code --sbo 0}, a fixed birthday after
     * the fixed measurement date, and a policy file that (with the options given here) leaves tags of the
     * {@code mne-anonymize} preset's personal-data table unchanged, or a {@code hash} or {@code pseudonym} rule of a
     * per-subject offset's key tag without {@code "normalise"}. For these the policy file is read (with
     * its secret); a policy file that cannot be read or is not valid gives no warning here, it fails when the
     * anonymizer is built.
     *
     * @return the warnings, empty when none
     */
    public List<OptionMessage> warnings() {
        if (policyFile == null || !problems().isEmpty()) {
            return OptionChecks.warnings(this);
        }
        Anonymizer built;
        try {
            built = toAnonymizer();
        } catch (IOException | RuntimeException e) {
            return OptionChecks.warnings(this); // reported where the anonymizer is built
        }
        return warnings(built);
    }

    /**
     * The same warnings as {@link #warnings()}, for a front-end that has already built the anonymizer of these
     * options: the policy file is not read again.
     *
     * @param built the anonymizer made from these options ({@link #toAnonymizer()})
     * @return the warnings, empty when none
     */
    public List<OptionMessage> warnings(Anonymizer built) {
        List<OptionMessage> w = new ArrayList<>(OptionChecks.warnings(this));
        if (built.policy().dates().measurement() instanceof MeasurementDate.PerSubject p) {
            // a hash or pseudonym of a key tag that does not normalise as the offset's key does splits a subject
            for (io.github.fiffkit.anonymize.policy.Rule r : built.policy().rules()) {
                Integer kind = r.selector().kindOrNull();
                String action = r.action().name();
                if (kind != null && p.offset().keyTags().contains(kind)
                        && (action.equals("hash") || action.equals("pseudonym"))
                        && !Boolean.TRUE.equals(r.action().parameters().get("normalise"))) {
                    w.add(OptionMessage.of("the " + action + " rule of " + io.github.fiffkit.core.FiffKind.describe(
                            kind) + " (" + r.origin() + ") takes the value as written, while the per-subject date"
                            + " offset takes it trimmed and case-folded: two spellings of one subject get one offset"
                            + " but two " + (action.equals("hash") ? "hashes" : "pseudonyms") + "; add \"normalise\":"
                            + " true to the rule"));
                }
            }
        }
        if (policyFile != null) {
            List<PhiTag> left = built.policy().uncoveredPhiTags(Preset.MNE_ANONYMIZE);
            if (!left.isEmpty()) {
                boolean one = left.size() == 1;
                w.add(OptionMessage.of("the policy " + policyFile + " leaves " + left.size()
                        + (one ? " tag that usually holds" : " tags that usually hold") + " personal data unchanged: "
                        + String.join(", ", left.stream().map(PhiTag::toString).toList())));
            }
        }
        return List.copyOf(w);
    }

    /**
     * The "several recordings" rule: {@code --md}, {@code --sb} and {@code --his} give every recording the same
     * date or id, so they are refused for a run of more than one recording (a split recording counts once).
     *
     * @param recordings how many recordings the run has
     * @return the problem, or empty when there is none
     */
    public Optional<OptionMessage> recordingsProblem(int recordings) {
        return OptionChecks.recordings(this, recordings);
    }

    /**
     * An anonymizer builder with these options: the preset or the policy file (read now, with its secret),
     * overridden by every option given. Front-ends that add their own output layer continue from here.
     *
     * @return the builder
     * @throws IllegalStateException when {@link #problems()} is not empty
     * @throws io.github.fiffkit.anonymize.policyfile.PolicyFileException listing every problem of the policy file
     * @throws IOException when the policy file, its tables or its secret cannot be read
     */
    public AnonymizerBuilder toAnonymizerBuilder() throws IOException {
        List<OptionMessage> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException(String.join("; ", p.stream().map(OptionMessage::text).toList()));
        }
        AnonymizerBuilder b = Anonymizer.builder();
        if (policyFile != null) {
            PolicyLoader loader = PolicyLoader.standard();
            if (secretEnv != null) {
                loader = loader.withSecretFromEnvironment(secretEnv);
            }
            if (secretFile != null) {
                loader = loader.withSecretFromFile(secretFile);
            }
            b.policy(loader.load(policyFile));
        } else {
            b.preset(presetOrDefault());
        }
        if (brute) {
            b.brute(true);
        }
        if (mneEnvironment) {
            b.mneEnvironment(true);
        }
        if (keepHis) {
            b.keepHis(true);
        }
        if (dropHeadShape) {
            b.dropHeadShape(true);
        }
        if (hisId != null) {
            b.hisId(hisId);
        }
        if (measurementDate != null) {
            b.measurementDate(measurementDate);
        } else if (measurementDateOffset != null) {
            b.measurementDateOffsetDays(measurementDateOffset);
        }
        if (subjectBirthday != null) {
            b.subjectBirthday(subjectBirthday);
        } else if (subjectBirthdayOffset != null) {
            b.subjectBirthdayOffsetDays(subjectBirthdayOffset);
        }
        if (keyFile != null) {
            Optional<String> unusable = KeyFile.unusableWith(b.build().policy());
            if (unusable.isPresent()) {
                throw new IOException(policyFile + ": " + unusable.get() + " (--key-file " + keyFile + ")");
            }
            // a key file that cannot be used stops the run before any recording is done
            new KeyFile(keyFile).checkUsable();
            b.keyFile(keyFile);
        }
        // a dry run anonymizes into a temporary copy, which the leak check searches like an output
        return b.leakCheck(leakCheck).recordOldValues(recordOldValues).digests(digests);
    }

    /**
     * @return the anonymizer these options describe, shared by every file of the run
     * @throws IllegalStateException when {@link #problems()} is not empty
     * @throws IOException as {@link #toAnonymizerBuilder()}
     */
    public Anonymizer toAnonymizer() throws IOException {
        return toAnonymizerBuilder().build();
    }

    /**
     * The options as a verbose header shows them. No value comes from a file: the dates and the id are the ones
     * the user gave.
     *
     * @return the options, comma-separated
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(policyFile != null ? "policy " + policyFile : "preset " + presetOrDefault().id());
        parts.add("brute " + (brute ? "on" : "off"));
        parts.add("mne_environment " + (mneEnvironment ? "on" : "off"));
        if (keepHis) {
            parts.add("keep his");
        }
        if (dropHeadShape) {
            parts.add("drop head shape");
        }
        if (measurementDate != null) {
            parts.add("measurement date " + measurementDate);
        } else if (measurementDateOffset != null) {
            parts.add("measurement date offset " + measurementDateOffset + " days");
        } else {
            parts.add("measurement date: the preset's");
        }
        if (subjectBirthday != null) {
            parts.add("birthday " + subjectBirthday);
        } else if (subjectBirthdayOffset != null) {
            parts.add("birthday offset " + subjectBirthdayOffset + " days");
        } else {
            parts.add("birthday: the preset's");
        }
        parts.add("his " + (hisId != null ? "'" + hisId + "'" : "the preset's"));
        parts.add("leak check " + (leakCheck ? "on" : "off"));
        if (keyFile != null) {
            parts.add("key file " + keyFile);
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunOptions r && Objects.equals(preset, r.preset) && Objects.equals(policyFile,
                r.policyFile) && Objects.equals(secretEnv, r.secretEnv) && Objects.equals(secretFile, r.secretFile)
                && Objects.equals(keyFile, r.keyFile)
                && brute == r.brute && mneEnvironment == r.mneEnvironment && keepHis == r.keepHis
                && dropHeadShape == r.dropHeadShape && Objects.equals(hisId, r.hisId)
                && Objects.equals(measurementDate, r.measurementDate)
                && Objects.equals(measurementDateOffset, r.measurementDateOffset)
                && Objects.equals(subjectBirthday, r.subjectBirthday)
                && Objects.equals(subjectBirthdayOffset, r.subjectBirthdayOffset) && leakCheck == r.leakCheck
                && deleteInputs == r.deleteInputs && dryRun == r.dryRun && recordOldValues == r.recordOldValues
                && digests == r.digests;
    }

    @Override
    public int hashCode() {
        return Objects.hash(preset, policyFile, secretEnv, secretFile, keyFile, brute, mneEnvironment, keepHis, dropHeadShape,
                hisId, measurementDate, measurementDateOffset, subjectBirthday, subjectBirthdayOffset, leakCheck,
                deleteInputs, dryRun, recordOldValues, digests);
    }

    /** @return the options, for logs: the secret's source is named, never read */
    @Override
    public String toString() {
        return "RunOptions[" + describe() + (secretEnv != null ? ", secret from $" + secretEnv : "")
                + (secretFile != null ? ", secret from " + secretFile : "") + (deleteInputs ? ", delete inputs" : "")
                + (dryRun ? ", dry run" : "") + "]";
    }
}
