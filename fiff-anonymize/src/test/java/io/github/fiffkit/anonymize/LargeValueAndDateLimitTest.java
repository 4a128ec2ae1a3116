package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policyfile.PolicyFiles;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffFormatException.Problem;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A huge tag that a rule reads is a format error, not an OutOfMemoryError; a date moved out of range is a policy error. */
class LargeValueAndDateLimitTest {
    private static final int CAP = 1024 * 1024;
    private static final int UNKNOWN_KIND = 31999;

    /** Keeps the measurement date, the IDs and the birthday: only the reported reference date moves. */
    private static final String KEEP_DATES = """
            {"fiffPolicy": 1, "extends": "mne-anonymize",
             "rules": [
              {"tag": "FIFF_MEAS_DATE", "action": "keep"},
              {"tag": "FIFF_FILE_ID", "action": "keep"},
              {"tag": "FIFF_BLOCK_ID", "action": "keep"},
              {"tag": "FIFF_PARENT_FILE_ID", "action": "keep"},
              {"tag": "FIFF_PARENT_BLOCK_ID", "action": "keep"},
              {"tag": "FIFF_REF_FILE_ID", "action": "keep"},
              {"tag": "FIFF_REF_BLOCK_ID", "action": "keep"},
              {"tag": "FIFF_SUBJ_BIRTH_DAY", "action": "keep"}
             ]}
            """;

    @TempDir
    Path dir;

    private static String big(int n) {
        char[] c = new char[n];
        Arrays.fill(c, 'A');
        return new String(c);
    }

    @Test
    void aHugeNameFailsWithTheRuleValueLimitAndWritesNothing() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_FIRST_NAME, FiffType.STRING, TagData.ofString(big(2 * CAP)));
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().maxRuleValueSize(CAP).build();
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> a.anonymize(in, out));
        assertEquals(Problem.LIMIT_EXCEEDED, e.problem());
        assertEquals(Integer.valueOf(FiffKind.SUBJ_FIRST_NAME), e.kind());
        assertTrue(e.getMessage().startsWith(in + ": offset " + e.offset() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("FIFF_SUBJ_FIRST_NAME"), e.getMessage());
        assertTrue(e.getMessage().contains("holds " + (2 * CAP) + " bytes; a rule must read it"), e.getMessage());
        assertTrue(e.getMessage().contains("the limit is " + CAP), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of("in.fif"), Folders.listing(dir), "no temporary file left");
    }

    @Test
    void aNameUnderTheLimitIsReplaced() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_FIRST_NAME, FiffType.STRING, TagData.ofString(big(CAP - 1)));
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().maxRuleValueSize(CAP).build().anonymize(in, out);
        assertEquals("mne_anonymize", TagData.string(Files2.first(Files2.read(out), FiffKind.SUBJ_FIRST_NAME).data()));
    }

    @Test
    void hugeTagsThatAreKeptOrRemovedAreNeverRead() throws IOException {
        byte[] blob = new byte[2 * CAP];
        Arrays.fill(blob, (byte) 7);
        Phi f = Phi.standard();
        f.tags.add(5, new Phi.T(UNKNOWN_KIND, FiffType.FLOAT, blob));
        f.tags.add(6, new Phi.T(UNKNOWN_KIND + 1, FiffType.FLOAT, blob));
        Path in = f.write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Policy p = Policy.builder("remove-one").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(UNKNOWN_KIND + 1), Actions.remove())).build();
        AnonymizationResult r = Anonymizer.builder().policy(p).maxRuleValueSize(CAP).build().anonymize(in, out);
        var tags = Files2.read(out);
        assertArrayEquals(blob, Files2.first(tags, UNKNOWN_KIND).data());
        assertTrue(Files2.all(tags, UNKNOWN_KIND + 1).isEmpty());
        assertTrue(r.changes().stream().anyMatch(c -> c.kind() == UNKNOWN_KIND + 1 && c.action().equals("remove")));
    }

    @Test
    void aKeptMeasurementDateMovedOutOfRangeIsAPolicyError() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Policy keep = PolicyFiles.load(new StringReader(KEEP_DATES), "keep-dates.json");
        Anonymizer a = Anonymizer.builder().policy(keep).measurementDateOffsetDays(-40000).build();
        PolicyException e = assertThrows(PolicyException.class, () -> a.anonymize(in, out));
        assertTrue(e.getMessage().contains("FIFF_MEAS_DATE"), e.getMessage());
        assertTrue(e.getMessage().contains("leaves the 32-bit range"), e.getMessage());
        assertTrue(e.getMessage().startsWith(in.toString()), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
