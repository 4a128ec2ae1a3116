package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.Unmatched;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTest {
    @TempDir
    Path dir;

    private Path phi() throws IOException {
        return Phi.standard().write(dir.resolve("in.fif"));
    }

    /** Anonymizes the PHI file, then verifies input and output with the same anonymizer. */
    private void passesOnOutputFailsOnInput(Anonymizer a) throws IOException {
        Path in = phi();
        Path out = dir.resolve("out.fif");
        a.anonymize(in, out);
        VerifyResult ok = a.verify(out);
        assertTrue(ok.passed(), () -> "findings on the output: " + ok.findings());
        VerifyResult bad = a.verify(in);
        assertFalse(bad.passed());
        assertTrue(bad.findings().stream().anyMatch(f -> f.kind() == FiffKind.SUBJ_LAST_NAME
                || f.kind() == FiffKind.SUBJ_HIS_ID), () -> "findings: " + bad.findings());
    }

    @Test
    void verifyPassesOnTheOutputOfEachPresetAndFailsOnItsInput() throws IOException {
        for (Preset p : Preset.values()) {
            passesOnOutputFailsOnInput(Anonymizer.builder().preset(p).build());
            passesOnOutputFailsOnInput(Anonymizer.builder().preset(p).brute(true).build());
        }
    }

    @Test
    void dateOffsetsPassWhenMachineIdsAreZero() throws IOException {
        passesOnOutputFailsOnInput(Anonymizer.builder().measurementDateOffsetDays(35).subjectBirthdayOffsetDays(35)
                .build());
    }

    @Test
    void anOffsetDoesNotExcuseANonZeroMachineId() throws IOException {
        Anonymizer a = Anonymizer.builder().measurementDateOffsetDays(35).build();
        Path in = phi();
        List<TagChange> f = a.verify(in).findings();
        assertTrue(f.stream().anyMatch(c -> c.kind() == FiffKind.FILE_ID && c.action().equals("rewriteId")),
                () -> "findings: " + f);
        assertFalse(f.stream().anyMatch(c -> c.kind() == FiffKind.MEAS_DATE), "a moved date cannot be re-checked");
    }

    @Test
    void keyedHashesAndPseudonymsPassWhenWellFormed() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\n" + Phi.HIS + ",SUBJ-001\n");
        Policy p = PolicyLoader.standard().withEnvironment(Map.of("K", "key")).withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize", "rules": [
                  {"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "t.csv"},
                  {"tag": "FIFF_SUBJ_LAST_NAME", "action": "hash", "secret": "env:K"},
                  {"tag": "FIFF_SUBJ_ID", "action": "hash", "secret": "env:K"}
                ]}""", "p.json");
        passesOnOutputFailsOnInput(Anonymizer.builder().policy(p).build());
    }

    @Test
    void aValueThatIsNotAPseudonymFailsVerify() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "original,pseudonym\nmne_anonymize,SUBJ-001\n");
        Policy p = PolicyLoader.standard().withBaseDirectory(dir).parse("""
                {"fiffPolicy": 1, "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "t.csv"}],
                 "extends": "none", "uncovered": {"keep": "all", "comment": "only the HIS rule is verified"}}""",
                "p.json");
        // an mne-anonymize output holds "mne_anonymize" as its HIS id: an original of the table, not a pseudonym
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().build().anonymize(phi(), out);
        VerifyResult v = Anonymizer.builder().policy(p).build().verify(out);
        assertEquals(1, v.findings().size(), () -> "findings: " + v.findings());
        assertEquals(FiffKind.SUBJ_HIS_ID, v.findings().get(0).kind());
        assertEquals("policy rule 1", v.findings().get(0).origin());
    }

    @Test
    void aTagTheDirectoryOrFreeListDoesNotFailVerify() throws IOException {
        Anonymizer a = Anonymizer.builder().writeDirectory(true).build();
        Path out = dir.resolve("out.fif");
        a.anonymize(phi(), out);
        VerifyResult v = a.verify(out);
        assertTrue(v.passed(), () -> "findings: " + v.findings());
    }

    @Test
    void unmatchedRemoveFindsTheTagsItWouldRemove() throws IOException {
        Policy p = Policy.builder("only").unmatched(Unmatched.REMOVE)
                .rule(Rule.of(Selector.any(), Actions.keep())).build();
        assertTrue(Anonymizer.builder().policy(p).build().verify(phi()).passed(), "keep everything: nothing to do");
        Policy removeNop = Policy.builder("nop").unmatched(Unmatched.REMOVE).build();
        VerifyResult v = Anonymizer.builder().policy(removeNop).build().verify(phi());
        assertTrue(v.findings().stream().anyMatch(c -> c.kind() == FiffKind.NOP), () -> "findings: " + v.findings());
        Supplier<String> why = () -> "structural tags are never findings: " + v.findings();
        assertFalse(v.findings().stream().anyMatch(c -> Policy.STRUCTURAL_KINDS.contains(c.kind())), why);
    }

    @Test
    void verifyWritesNothing() throws IOException {
        Path in = phi();
        byte[] before = Files.readAllBytes(in);
        Anonymizer.builder().preset(Preset.STRICT).build().verify(in);
        assertEquals(List.of(in.getFileName().toString()), Folders.listing(dir));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));
    }

    @Test
    void aYearOnlyBirthdayOfASubjectOver89PassesWithTheOutputsMeasurementDate() throws IOException {
        // measured in 1999 at 99: the output is dated 2000-01-01, so strict writes 1910, 90 years before it
        int meas1999 = (int) java.time.Instant.parse("1999-06-01T10:00:00Z").getEpochSecond();
        Phi f = Phi.standard().set(io.github.fiffkit.core.FiffKind.MEAS_DATE, io.github.fiffkit.core.FiffType.INT,
                io.github.fiffkit.core.TagData.ofInts(meas1999, 0));
        f.set(FiffKind.SUBJ_BIRTH_DAY, io.github.fiffkit.core.FiffType.JULIAN, io.github.fiffkit.core.TagData.ofInts(
                io.github.fiffkit.core.Julian.of(java.time.LocalDate.of(1900, 3, 3))));
        Path in = f.write(dir.resolve("old.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().preset(Preset.STRICT).build();
        a.anonymize(in, out);
        int written = java.nio.ByteBuffer.wrap(Files2.first(Files2.read(out), FiffKind.SUBJ_BIRTH_DAY).data()).getInt();
        assertEquals(java.time.LocalDate.of(1910, 1, 1), io.github.fiffkit.core.Julian.toLocalDate(written));
        VerifyResult v = a.verify(out);
        assertTrue(v.passed(), () -> "findings: " + v.findings());
        assertTrue(a.verify(in).findings().stream().anyMatch(c -> c.kind() == FiffKind.SUBJ_BIRTH_DAY),
                "a real birthday is still found");
    }
}
