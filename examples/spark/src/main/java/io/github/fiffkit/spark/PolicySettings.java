package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.actions.Preset;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * The policy options of a job, as the application takes them, in a form that travels to the executors. Each
 * executor builds its {@link Anonymizer} from them once ({@link #anonymizer()}). No secret travels: a policy
 * file, the secret file and pseudonym tables are read where the anonymizer is built, from the same path or from
 * the files {@code spark-submit --files} ships to the executors; a secret from the environment is read from the
 * executor's environment.
 *
 * @param preset          {@code --preset}: the preset's id, when no policy file is given
 * @param policyFile      {@code --policy}: a JSON policy file (a path, or the name of a file shipped with
 *                        {@code --files}), or null
 * @param secretEnv       {@code --secret-env}: the environment variable holding the keyed-hash secret, or null
 * @param secretFile      {@code --secret-file}: the file holding the keyed-hash secret, or null
 * @param brute           {@code -b}: also weight, height, sex, handedness and the project (null: the policy's)
 * @param mneEnvironment  {@code --mne_environment} (null: the policy's)
 * @param hisId           {@code --his}: the HIS id to write (null: the policy's)
 * @param measurementDate {@code --md}: every measurement date becomes this day (null: not set)
 * @param measurementOffsetDays {@code --mdo}: dates move this many days earlier (null: not set)
 * @param birthday        {@code --sb}: the birthday becomes this day (null: not set)
 * @param birthdayOffsetDays {@code --sbo}: the birthday moves this many days earlier (null: not set)
 * @param leakCheck       search each output for the original values (on by default, as in the application)
 * @param digests         SHA-256 of every input and output in the report
 */
public record PolicySettings(String preset, String policyFile, String secretEnv, String secretFile, Boolean brute,
        Boolean mneEnvironment, String hisId, LocalDate measurementDate, Integer measurementOffsetDays,
        LocalDate birthday, Integer birthdayOffsetDays, boolean leakCheck, boolean digests) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<PolicySettings, Anonymizer> BUILT = new ConcurrentHashMap<>();

    /** Checks the options that exclude each other, with the application's words. */
    public PolicySettings {
        if (policyFile != null && preset != null) {
            throw new IllegalArgumentException("--preset and --policy exclude each other (a policy names its preset"
                    + " with \"extends\")");
        }
        if (policyFile == null && preset == null) {
            preset = Preset.MNE_ANONYMIZE.id();
        }
        if (preset != null && Preset.byId(preset).isEmpty()) {
            throw new IllegalArgumentException("unknown preset: " + preset + " (mne-anonymize, mne-python or strict)");
        }
        if (secretEnv != null && secretFile != null) {
            throw new IllegalArgumentException("--secret-env and --secret-file exclude each other");
        }
        if (measurementDate != null && measurementOffsetDays != null) {
            throw new IllegalArgumentException("--md (a measurement date) and --mdo (a measurement date offset)"
                    + " exclude each other");
        }
        if (birthday != null && birthdayOffsetDays != null) {
            throw new IllegalArgumentException("--sb (a birthday) and --sbo (a birthday offset) exclude each other");
        }
    }

    /**
     * @param preset the preset
     * @return the preset's defaults, leak check and digests on
     */
    public static PolicySettings of(Preset preset) {
        return new PolicySettings(preset.id(), null, null, null, null, null, null, null, null, null, null, true,
                true);
    }

    /**
     * @return an anonymizer builder with these settings, as the application configures its own
     * @throws IOException when the policy file cannot be read or is not valid (a {@code PolicyFileException})
     */
    public AnonymizerBuilder builder() throws IOException {
        AnonymizerBuilder b = Anonymizer.builder();
        if (policyFile != null) {
            PolicyLoader loader = PolicyLoader.standard();
            if (secretEnv != null) {
                loader = loader.withSecretFromEnvironment(secretEnv);
            }
            if (secretFile != null) {
                loader = loader.withSecretFromFile(local(secretFile));
            }
            b.policy(loader.load(local(policyFile)));
        } else {
            b.preset(Preset.byId(preset).orElseThrow());
        }
        if (brute != null) {
            b.brute(brute);
        }
        if (mneEnvironment != null) {
            b.mneEnvironment(mneEnvironment);
        }
        if (hisId != null) {
            b.hisId(hisId);
        }
        if (measurementDate != null) {
            b.measurementDate(measurementDate);
        }
        if (measurementOffsetDays != null) {
            b.measurementDateOffsetDays(measurementOffsetDays);
        }
        if (birthday != null) {
            b.subjectBirthday(birthday);
        }
        if (birthdayOffsetDays != null) {
            b.subjectBirthdayOffsetDays(birthdayOffsetDays);
        }
        return b.leakCheck(leakCheck).digests(digests);
    }

    /**
     * @return the anonymizer for these settings, built once per JVM
     * @throws IOException as {@link #builder()}
     */
    public Anonymizer anonymizer() throws IOException {
        try {
            return BUILT.computeIfAbsent(this, s -> {
                try {
                    return s.builder().build();
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
                + ", hisId=" + hisId + ", measurementDate=" + measurementDate + ", measurementOffsetDays="
                + measurementOffsetDays + ", birthday=" + birthday + ", birthdayOffsetDays=" + birthdayOffsetDays
                + ", leakCheck=" + leakCheck + ", digests=" + digests + "]";
    }
}
