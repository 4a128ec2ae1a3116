package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Preset;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy options of a job, as the application takes them, in a form that travels to the executors. Each
 * executor builds its {@link Anonymizer} from them once ({@link #anonymizer()}).
 *
 * @param preset          the preset's id ({@code mne-anonymize}, {@code mne-python}, {@code strict})
 * @param brute           {@code -b}: also weight, height, sex, handedness and the project (null: the preset's)
 * @param mneEnvironment  {@code --mne_environment} (null: the preset's)
 * @param keepHis         {@code --keep-his} (null: the preset's)
 * @param dropHeadShape   {@code --drop-head-shape} (null: the preset's)
 * @param hisId           {@code --his}: the HIS id to write (null: the preset's)
 * @param measurementDate {@code --md}: every measurement date becomes this day (null: not set)
 * @param measurementOffsetDays {@code --mdo}: dates move this many days earlier (null: not set)
 * @param birthday        {@code --sb}: the birthday becomes this day (null: not set)
 * @param birthdayOffsetDays {@code --sbo}: the birthday moves this many days earlier (null: not set)
 * @param leakCheck       search each output for the original values (on by default, as in the application)
 * @param digests         SHA-256 of every input and output in the report
 */
public record PolicySettings(String preset, Boolean brute, Boolean mneEnvironment, Boolean keepHis,
        Boolean dropHeadShape, String hisId, LocalDate measurementDate, Integer measurementOffsetDays,
        LocalDate birthday, Integer birthdayOffsetDays, boolean leakCheck, boolean digests) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<PolicySettings, Anonymizer> BUILT = new ConcurrentHashMap<>();

    /** Checks the preset name and that each date is given one way only. */
    public PolicySettings {
        if (Preset.byId(preset).isEmpty()) {
            throw new IllegalArgumentException("unknown preset: " + preset);
        }
        if (measurementDate != null && measurementOffsetDays != null) {
            throw new IllegalArgumentException("--md and --mdo exclude each other");
        }
        if (birthday != null && birthdayOffsetDays != null) {
            throw new IllegalArgumentException("--sb and --sbo exclude each other");
        }
    }

    /** @return the preset's defaults, leak check and digests on */
    public static PolicySettings of(Preset preset) {
        return new PolicySettings(preset.id(), null, null, null, null, null, null, null, null, null, true, true);
    }

    /** @return an anonymizer builder with these settings, as the application configures its own */
    public Anonymizer.Builder builder() {
        Anonymizer.Builder b = Anonymizer.builder().preset(Preset.byId(preset).orElseThrow());
        if (brute != null) {
            b.brute(brute);
        }
        if (mneEnvironment != null) {
            b.mneEnvironment(mneEnvironment);
        }
        if (keepHis != null) {
            b.keepHis(keepHis);
        }
        if (dropHeadShape != null) {
            b.dropHeadShape(dropHeadShape);
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

    /** @return the anonymizer for these settings, built once per JVM */
    public Anonymizer anonymizer() {
        return BUILT.computeIfAbsent(this, s -> s.builder().build());
    }

    /**
     * A fingerprint of the settings, stored with each finished unit: a re-run with other settings does the
     * work again instead of keeping outputs made under the old ones.
     *
     * @return hex SHA-256 of the settings
     */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
