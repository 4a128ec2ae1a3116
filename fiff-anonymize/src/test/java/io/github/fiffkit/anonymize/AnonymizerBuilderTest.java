package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymizerBuilderTest {
    @TempDir
    Path dir;

    @Test
    void optionsSetBeforeAPresetStayInForce() {
        Policy p = Anonymizer.builder().keepHis(true).hisId("S01").preset(Preset.MNE_PYTHON).build().policy();
        assertTrue(p.options().keepHis());
        assertEquals("S01", p.options().hisId());
        assertEquals("mne-python", p.name());
    }

    @Test
    void theLastDateSettingWins() {
        Policy p = Anonymizer.builder().measurementDate(LocalDate.of(2001, 2, 3)).measurementDateOffsetDays(7)
                .build().policy();
        assertEquals(new MeasurementDate.OffsetDays(7), p.dates().measurement());
        Policy q = Anonymizer.builder().brute(true).brute(false).build().policy();
        assertFalse(q.options().brute());
    }

    @Test
    void rebuildCarriesEverySettingAndLeavesTheOriginalAlone() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Anonymizer a = Anonymizer.builder().preset(Preset.STRICT).hisId("S01").measurementDateOffsetDays(35)
                .recordOldValues(true).leakCheck(true).digests(true).writeDirectory(true).build();
        Anonymizer b = a.rebuild().build();
        assertEquals(a.policy().canonicalJson(), b.policy().canonicalJson());
        AnonymizationResult ra = a.anonymize(in, dir.resolve("a.fif"));
        AnonymizationResult rb = b.anonymize(in, dir.resolve("b.fif"));
        for (AnonymizationResult r : new AnonymizationResult[] {ra, rb}) {
            assertTrue(r.leakChecked(), "leak check carried over");
            assertNotNull(r.outputSha256(), "digests carried over");
            assertTrue(r.changes().stream().anyMatch(c -> c.kind() == FiffKind.SUBJ_LAST_NAME
                    && Phi.LAST.equals(c.oldValue())), "old values carried over");
        }
        assertEquals(ra.tagsWritten(), rb.tagsWritten(), "a fresh directory in both");
        assertEquals(ra.outputSha256(), rb.outputSha256());

        Anonymizer c = a.rebuild().keepHis(true).maxRuleValueSize(8).build();
        assertTrue(c.policy().options().keepHis());
        assertFalse(a.policy().options().keepHis(), "the original anonymizer is unchanged");
        assertThrows(io.github.fiffkit.core.FiffFormatException.class, () -> c.plan(in),
                "the new rule value limit applies to the rebuilt anonymizer");
        a.plan(in);
    }
}
