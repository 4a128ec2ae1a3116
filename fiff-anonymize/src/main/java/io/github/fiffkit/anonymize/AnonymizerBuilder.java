package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.core.FiffLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Configures an {@link Anonymizer}; made by {@link Anonymizer#builder()} or {@link Anonymizer#rebuild()}. Options
 * and dates set here override the policy's, as command-line options override a policy file, and they stay in
 * force when the preset or policy is changed afterwards. Not thread-safe; the anonymizer it builds is.
 *
 * <pre>{@code
 * Anonymizer anonymizer = Anonymizer.builder()
 *         .preset(Preset.STRICT)
 *         .measurementDateOffsetDays(35)
 *         .leakCheck(true)
 *         .build();
 * }</pre>
 */
public final class AnonymizerBuilder {
    private AnonymizerSettings settings;

    AnonymizerBuilder(AnonymizerSettings settings) {
        this.settings = settings;
    }

    /**
     * @param preset a preset, with its default options and dates (replaces any policy set before)
     * @return this builder
     */
    public AnonymizerBuilder preset(Preset preset) {
        settings = settings.withPolicy(Policy.of(Objects.requireNonNull(preset, "preset")));
        return this;
    }

    /**
     * @param p a policy (replaces any preset set before)
     * @return this builder
     */
    public AnonymizerBuilder policy(Policy p) {
        settings = settings.withPolicy(Objects.requireNonNull(p, "policy"));
        return this;
    }

    /**
     * @param on also anonymize weight, height, sex, handedness and the project fields
     * @return this builder
     */
    public AnonymizerBuilder brute(boolean on) {
        return option(o -> o.withBrute(on));
    }

    /**
     * @param on also anonymize the MNE working directory and command line
     * @return this builder
     */
    public AnonymizerBuilder mneEnvironment(boolean on) {
        return option(o -> o.withMneEnvironment(on));
    }

    /**
     * @param on keep the HIS id, sex and handedness
     * @return this builder
     */
    public AnonymizerBuilder keepHis(boolean on) {
        return option(o -> o.withKeepHis(on));
    }

    /**
     * @param on remove extra head-shape digitizer points
     * @return this builder
     */
    public AnonymizerBuilder dropHeadShape(boolean on) {
        return option(o -> o.withDropHeadShape(on));
    }

    /**
     * @param text the HIS id to write
     * @return this builder
     */
    public AnonymizerBuilder hisId(String text) {
        Objects.requireNonNull(text, "hisId");
        return option(o -> o.withHisId(text));
    }

    /**
     * @param date every measurement date and ID time becomes this day at 00:00:00 UTC
     * @return this builder
     */
    public AnonymizerBuilder measurementDate(LocalDate date) {
        return measurementDate(MeasurementDate.set(date));
    }

    /**
     * @param days every measurement date and ID time moves this many days earlier (negative: later)
     * @return this builder
     */
    public AnonymizerBuilder measurementDateOffsetDays(int days) {
        return measurementDate(MeasurementDate.offsetDays(days));
    }

    /**
     * @param instant every time moves so that the measurement date lands on this instant
     * @return this builder
     */
    public AnonymizerBuilder measurementDateLandOn(Instant instant) {
        return measurementDate(MeasurementDate.landOn(instant));
    }

    /**
     * @param m the measurement date model
     * @return this builder
     */
    public AnonymizerBuilder measurementDate(MeasurementDate m) {
        Objects.requireNonNull(m, "measurement");
        return dates(d -> d.withMeasurement(m));
    }

    /**
     * Moves every measurement date and ID time by an offset of the subject's own, derived from the subject key (the
     * values of {@code keyTags}, e.g. the HIS id) and a secret: the same subject gets the same offset in every file,
     * run and machine, two subjects almost never the same. Combine with
     * {@code subjectBirthday(BirthdayDate.followMeasurement())} so that ages in days survive (in whole years an age
     * may differ by one when the shift crosses a 29 February).
     *
     * <pre>{@code
     * Anonymizer a = Anonymizer.builder()
     *         .measurementDateOffsetPerSubject(List.of(FiffKind.SUBJ_HIS_ID), 365, 3650, secret, "env:STUDY_SECRET")
     *         .subjectBirthday(BirthdayDate.followMeasurement())
     *         .keyFile(Path.of("/secure/study-key.csv"))
     *         .build();
     * }</pre>
     *
     * @param keyTags   the tags of the subject key ({@link SubjectOffset#KEY_KINDS})
     * @param minDays   the smallest offset in days (positive = earlier)
     * @param maxDays   the largest offset in days
     * @param secret    the study's secret (never written anywhere)
     * @param secretRef where the secret came from, for reports; not the secret
     * @return this builder
     * @throws IllegalArgumentException as {@link SubjectOffset} does
     */
    public AnonymizerBuilder measurementDateOffsetPerSubject(List<Integer> keyTags, int minDays, int maxDays,
            byte[] secret, String secretRef) {
        return measurementDate(MeasurementDate.perSubject(SubjectOffset.keyed(keyTags, minDays, maxDays, secret,
                secretRef)));
    }

    /**
     * Writes a key file: one row per recording with the subject's keyed hash, the date offset and the measurement
     * date before and after. It re-identifies the recordings: keep it with the data owner. Rows are added to an
     * existing key file; a row that gives a subject another offset than the file does stops the recording
     * ({@link io.github.fiffkit.anonymize.policy.PolicyException}) before its outputs are put in place. See
     * {@link KeyFile}. Only for policies whose dates move per subject.
     *
     * @param path the key file, or {@code null} for none (the default)
     * @return this builder
     */
    public AnonymizerBuilder keyFile(Path path) {
        settings = settings.withKeyFile(path);
        return this;
    }

    /**
     * @param date the birthday becomes this day
     * @return this builder
     */
    public AnonymizerBuilder subjectBirthday(LocalDate date) {
        return subjectBirthday(BirthdayDate.set(date));
    }

    /**
     * @param days the birthday moves this many days earlier (negative: later)
     * @return this builder
     */
    public AnonymizerBuilder subjectBirthdayOffsetDays(int days) {
        return subjectBirthday(BirthdayDate.offsetDays(days));
    }

    /**
     * @param b the birthday model
     * @return this builder
     */
    public AnonymizerBuilder subjectBirthday(BirthdayDate b) {
        Objects.requireNonNull(b, "birthday");
        return dates(d -> d.withBirthday(b));
    }

    /**
     * @param on keep the old values (PHI) as text in the results, e.g. for a verbose listing
     * @return this builder
     */
    public AnonymizerBuilder recordOldValues(boolean on) {
        settings = settings.withRecordOldValues(on);
        return this;
    }

    /**
     * @param on search each output for the original values the policy changed
     * @return this builder
     */
    public AnonymizerBuilder leakCheck(boolean on) {
        settings = settings.withLeakCheck(on);
        return this;
    }

    /**
     * @param on give each output a fresh tag directory (when it has a directory pointer to point at it)
     * @return this builder
     */
    public AnonymizerBuilder writeDirectory(boolean on) {
        settings = settings.withWriteDirectory(on);
        return this;
    }

    /**
     * @param on compute SHA-256 digests of inputs and outputs for the results (costs a read of each file)
     * @return this builder
     */
    public AnonymizerBuilder digests(boolean on) {
        settings = settings.withDigests(on);
        return this;
    }

    /**
     * @param l limits against hostile inputs
     * @return this builder
     */
    public AnonymizerBuilder limits(FiffLimits l) {
        settings = settings.withLimits(Objects.requireNonNull(l, "limits"));
        return this;
    }

    /**
     * Caps the tags a rule reads into memory (names, IDs, dates, comments: all small in real files). A larger
     * tag matched by a rule that reads its value fails the file with
     * {@link io.github.fiffkit.core.FiffFormatException.Problem#LIMIT_EXCEEDED}; tags that are kept or
     * removed are copied or skipped without being read, whatever their size. The reader's
     * {@link FiffLimits#maxValueSize()} still applies when it is smaller.
     *
     * @param bytes the largest value a rule may read; default {@link Anonymizer#DEFAULT_MAX_RULE_VALUE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public AnonymizerBuilder maxRuleValueSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxRuleValueSize must not be negative: " + bytes);
        }
        settings = settings.withMaxRuleValueSize(bytes);
        return this;
    }

    /**
     * @param f the file layer used to write outputs (for tests that simulate failures)
     * @return this builder
     */
    public AnonymizerBuilder outputFiles(OutputFiles f) {
        settings = settings.withFiles(Objects.requireNonNull(f, "files"));
        return this;
    }

    /**
     * @return the anonymizer
     * @throws IllegalStateException when a key file is asked for and the policy's dates do not move per subject, or
     *                               the subject's keyed hash has no secret
     */
    public Anonymizer build() {
        if (settings.keyFile() != null) {
            KeyFile.unusableWith(settings.resolvedPolicy()).ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
        }
        return new Anonymizer(settings);
    }

    private AnonymizerBuilder option(UnaryOperator<PolicyOptions> change) {
        settings = settings.withOverride(p -> p.withOptions(change.apply(p.options())));
        return this;
    }

    private AnonymizerBuilder dates(UnaryOperator<Dates> change) {
        settings = settings.withOverride(p -> p.withDates(change.apply(p.dates())));
        return this;
    }
}
