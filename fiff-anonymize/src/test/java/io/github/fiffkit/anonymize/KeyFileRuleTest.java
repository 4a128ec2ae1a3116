package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import io.github.fiffkit.core.FiffKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule of when a run can keep a key file ({@link KeyFile#unusableWith}), as the builder applies it; the run
 * model and the Spark job put their option's name in front of the same sentence (their own tests).
 */
class KeyFileRuleTest {
    private static final Path KEY = Path.of("study-key.csv");
    private static final byte[] SECRET = "a study secret".getBytes(StandardCharsets.UTF_8);

    private static SubjectOffset.Table table() {
        return new SubjectOffset.Table("subjects.csv", "0".repeat(64), Map.of("his-a100", 400));
    }

    @Test
    void aPolicyWhoseDatesDoNotMovePerSubjectCannotKeepOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Anonymizer.builder().preset(Preset.MNE_ANONYMIZE).keyFile(KEY).build());
        assertTrue(e.getMessage().startsWith("the policy's dates do not move per subject"), e.getMessage());
    }

    @Test
    void aTableOffsetWithoutASecretCannotNameItsSubjectsByAKeyedHash() {
        AnonymizerBuilder b = Anonymizer.builder().preset(Preset.MNE_ANONYMIZE).measurementDate(
                MeasurementDate.perSubject(SubjectOffset.fromTable(FiffKind.SUBJ_HIS_ID, table()))).keyFile(KEY);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("needs a secret") && e.getMessage().contains("keyFileRaw"),
                e.getMessage());
    }

    @Test
    void aTableOffsetWithASecretOrRawKeysAndAKeyedOffsetCanKeepOne() {
        SubjectOffset fromTable = SubjectOffset.fromTable(FiffKind.SUBJ_HIS_ID, table());
        for (SubjectOffset offset : List.of(fromTable.withSecret(SECRET, "test"), fromTable.withKeyFileRaw(true),
                SubjectOffset.keyed(List.of(FiffKind.SUBJ_HIS_ID), 365, 3650, SECRET, "test"))) {
            assertTrue(KeyFile.unusableWith(Anonymizer.builder().preset(Preset.MNE_ANONYMIZE)
                    .measurementDate(MeasurementDate.perSubject(offset)).build().policy()).isEmpty());
            assertDoesNotThrow(() -> Anonymizer.builder().preset(Preset.MNE_ANONYMIZE)
                    .measurementDate(MeasurementDate.perSubject(offset)).keyFile(KEY).build());
        }
    }
}
