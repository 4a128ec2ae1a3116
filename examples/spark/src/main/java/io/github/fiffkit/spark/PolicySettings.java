package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.run.OptionMessage;
import io.github.fiffkit.anonymize.run.RunOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.SparkFiles;

/**
 * The policy options of a job, as the application takes them, in a form that travels to the executors. They are
 * the library's run model ({@link RunOptions}) in serializable form: the same checks
 * ({@link RunOptions#problems()}, the several-recordings rule) and the same anonymizer
 * ({@link RunOptions#toAnonymizerBuilder()}), built once per executor ({@link #anonymizer()}). No secret travels: a
 * policy file, the secret file and pseudonym tables are read where the anonymizer is built, from the same path or
 * from the files {@code spark-submit --files} ships to the executors; a secret from the environment is read from
 * the executor's environment.
 *
 * @param preset          {@code --preset}: the preset's id, when no policy file is given
 * @param policyFile      {@code --policy}: a JSON policy file (a path, or the name of a file shipped with
 *                        {@code --files}), or null
 * @param secretEnv       {@code --secret-env}: the environment variable holding the keyed-hash secret, or null
 * @param secretFile      {@code --secret-file}: the file holding the keyed-hash secret, or null
 * @param brute           {@code -b}: also weight, height, sex, handedness and the project (off: the policy's)
 * @param mneEnvironment  {@code --mne_environment} (off: the policy's)
 * @param keepHis         {@code --keep-his}: keep the HIS id, sex and handedness (off: the policy's)
 * @param dropHeadShape   {@code --drop-head-shape}: remove the extra head-shape points (off: the policy's)
 * @param hisId           {@code --his}: the HIS id to write (null: the policy's)
 * @param measurementDate {@code --md}: every measurement date becomes this day (null: not set)
 * @param measurementOffsetDays {@code --mdo}: dates move this many days earlier (null: not set)
 * @param birthday        {@code --sb}: the birthday becomes this day (null: not set)
 * @param birthdayOffsetDays {@code --sbo}: the birthday moves this many days earlier (null: not set)
 * @param leakCheck       search each output for the original values (on by default, as in the application)
 * @param digests         SHA-256 of every input and output in the report
 */
public record PolicySettings(String preset, String policyFile, String secretEnv, String secretFile, boolean brute,
        boolean mneEnvironment, boolean keepHis, boolean dropHeadShape, String hisId, LocalDate measurementDate,
        Integer measurementOffsetDays, LocalDate birthday, Integer birthdayOffsetDays, boolean leakCheck,
        boolean digests) implements Serializable {
    private static final long serialVersionUID = 2L;

    private static final Map<PolicySettings, Anonymizer> BUILT = new ConcurrentHashMap<>();

    /**
     * Checks the options with the run model's checks, the application's words.
     *
     * @throws IllegalArgumentException listing every problem, or naming an unknown preset
     */
    public PolicySettings {
        if (policyFile == null && preset == null) {
            preset = Preset.MNE_ANONYMIZE.id();
        }
        if (preset != null && Preset.byId(preset).isEmpty()) {
            throw new IllegalArgumentException("unknown preset: " + preset + " (mne-anonymize, mne-python or strict)");
        }
        List<OptionMessage> problems = runOptions(preset, policyFile, secretEnv, secretFile, brute, mneEnvironment,
                keepHis, dropHeadShape, hisId, measurementDate, measurementOffsetDays, birthday, birthdayOffsetDays,
                leakCheck, digests, Path::of).problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.stream().map(OptionMessage::text)
                    .toList()));
        }
    }

    /**
     * @param preset the preset
     * @return the preset's defaults, leak check and digests on
     */
    public static PolicySettings of(Preset preset) {
        return new PolicySettings(preset.id(), null, null, null, false, false, false, false, null, null, null, null,
                null, true, true);
    }

    private static RunOptions runOptions(String preset, String policyFile, String secretEnv, String secretFile,
            boolean brute, boolean mneEnvironment, boolean keepHis, boolean dropHeadShape, String hisId,
            LocalDate measurementDate, Integer measurementOffsetDays, LocalDate birthday, Integer birthdayOffsetDays,
            boolean leakCheck, boolean digests, Function<String, Path> files) {
        return RunOptions.builder()
                .preset(preset == null ? null : Preset.byId(preset).orElseThrow())
                .policyFile(policyFile == null ? null : files.apply(policyFile)).secretEnv(secretEnv)
                .secretFile(secretFile == null ? null : files.apply(secretFile)).brute(brute)
                .mneEnvironment(mneEnvironment).keepHis(keepHis).dropHeadShape(dropHeadShape).hisId(hisId)
                .measurementDate(measurementDate).measurementDateOffset(measurementOffsetDays)
                .subjectBirthday(birthday).subjectBirthdayOffset(birthdayOffsetDays).leakCheck(leakCheck)
                .digests(digests).build();
    }

    /**
     * @return these settings as the library's run model, with files found where this JVM sees them
     */
    public RunOptions runOptions() {
        return runOptions(preset, policyFile, secretEnv, secretFile, brute, mneEnvironment, keepHis, dropHeadShape,
                hisId, measurementDate, measurementOffsetDays, birthday, birthdayOffsetDays, leakCheck, digests,
                PolicySettings::local);
    }

    /**
     * The several-recordings rule of the run model: {@code --md}, {@code --sb} and {@code --his} are refused for a
     * job of more than one recording.
     *
     * @param recordings how many recordings the job has
     * @return the problem, or empty
     */
    public Optional<String> recordingsProblem(int recordings) {
        return runOptions().recordingsProblem(recordings).map(OptionMessage::text);
    }

    /**
     * The run model's warnings ({@link RunOptions#warnings()}): choices that are allowed but probably not meant,
     * and what a policy file leaves of the personal data that the {@code mne-anonymize} preset covers.
     *
     * @return the warnings, named with command-line options; empty when none
     */
    public List<String> warnings() {
        return runOptions().warnings().stream().map(OptionMessage::text).toList();
    }

    /**
     * The same warnings as {@link #warnings()}, for a driver that has already built the anonymizer of these
     * settings: the policy file is not read again.
     *
     * @param built the anonymizer made from these settings ({@link #builder()})
     * @return the warnings, named with command-line options; empty when none
     */
    public List<String> warnings(Anonymizer built) {
        return runOptions().warnings(built).stream().map(OptionMessage::text).toList();
    }

    /**
     * @return an anonymizer builder with these settings, as the application configures its own
     * @throws IOException when the policy file cannot be read or is not valid (a {@code PolicyFileException})
     */
    public AnonymizerBuilder builder() throws IOException {
        return runOptions().toAnonymizerBuilder();
    }

    /**
     * @return the anonymizer for these settings, built once per JVM, whose outputs are the executor's spool files
     *         (never forced to disk: {@link LocalDirs#SPOOL_FILES})
     * @throws IOException as {@link #builder()}
     */
    public Anonymizer anonymizer() throws IOException {
        try {
            return BUILT.computeIfAbsent(this, s -> {
                try {
                    return s.builder().outputFiles(LocalDirs.SPOOL_FILES).build();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file as given, or, when it is not there, the copy {@code spark-submit --files} shipped to this JVM. */
    static Path local(String file) {
        Path p = Path.of(file);
        if (Files.exists(p)) {
            return p;
        }
        try {
            Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
            if (Files.exists(shipped)) {
                return shipped;
            }
        } catch (RuntimeException e) {
            // no Spark here, or no file shipped: the loader reports the missing file
        }
        return p;
    }

    /** @return a description without any secret: the secret's source is named, never read */
    @Override
    public String toString() {
        return "PolicySettings[preset=" + preset + ", policyFile=" + policyFile + ", secretEnv=" + secretEnv
                + ", secretFile=" + secretFile + ", brute=" + brute + ", mneEnvironment=" + mneEnvironment
                + ", keepHis=" + keepHis + ", dropHeadShape=" + dropHeadShape + ", hisId=" + hisId
                + ", measurementDate=" + measurementDate + ", measurementOffsetDays=" + measurementOffsetDays
                + ", birthday=" + birthday + ", birthdayOffsetDays=" + birthdayOffsetDays + ", leakCheck="
                + leakCheck + ", digests=" + digests + "]";
    }
}
