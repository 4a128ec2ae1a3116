package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verify against the original (issue 18): the policy replay cannot see a name in free text that the policy keeps;
 * the leak check against the original finds it, names the rule that would remove it, and never holds the value.
 */
class VerifyAgainstOriginalTest {
    @TempDir
    Path dir;

    /** The PHI file with the subject's first name in the MNE annotation descriptions, as the issue found it. */
    private Path firstNameInAnnotations(String name) throws IOException {
        Phi f = Phi.standard();
        setAnnotationDescription(f, "BAD_blink:" + Phi.FIRST + " moved");
        return f.write(dir.resolve(name));
    }

    private static void setAnnotationDescription(Phi f, String text) {
        boolean inAnnotations = false;
        for (int i = 0; i < f.tags.size(); i++) {
            Phi.T t = f.tags.get(i);
            if (t.kind() == FiffKind.BLOCK_START && TagData.ints(t.data())[0] == FiffBlock.MNE_ANNOTATIONS) {
                inAnnotations = true;
            } else if (inAnnotations && t.kind() == FiffKind.COMMENT) {
                f.tags.set(i, new Phi.T(FiffKind.COMMENT, t.type(), TagData.ofString(text)));
                return;
            }
        }
        throw new IllegalStateException("no annotation description");
    }

    @Test
    void aFirstNameKeptInAnAnnotationPassesTheReplayButNotTheCheckAgainstTheOriginal() throws IOException {
        Path in = firstNameInAnnotations("in.fif");
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().build();
        a.anonymize(in, out);

        VerifyResult replay = a.verify(out);
        assertTrue(replay.passed(), () -> "the policy keeps annotations: " + replay.findings());
        assertEquals(List.of(VerifyResult.Check.POLICY_REPLAY), replay.checks());
        assertTrue(replay.limits().stream().anyMatch(l -> l.contains("free text")), () -> "" + replay.limits());
        assertEquals(null, replay.original());

        VerifyResult full = a.verify(out, in);
        assertFalse(full.passed());
        assertEquals(List.of(), full.findings(), "the replay alone still finds nothing");
        assertEquals(List.of(VerifyResult.Check.POLICY_REPLAY, VerifyResult.Check.LEAK_CHECK), full.checks());
        assertEquals(in.toString(), full.original());
        LeakHit hit = full.leaks().stream().filter(h -> h.kind() == FiffKind.COMMENT
                && h.blockPath().innermost() == FiffBlock.MNE_ANNOTATIONS
                && h.what().contains("FIFF_SUBJ_FIRST_NAME")).findFirst()
                .orElseThrow(() -> new AssertionError("no hit for the first name: " + full.leaks()));
        assertTrue(hit.suggestion().contains("\"FIFF_COMMENT\"") && hit.suggestion().contains("scrub"),
                hit.suggestion());

        String report = Report.of(a.policy()).toJson(full);
        assertFalse(report.contains(Phi.FIRST), report);
        assertFalse(full.toString().contains(Phi.FIRST), "the result never holds the value");
        JsonNode json = new ObjectMapper().readTree(report);
        assertEquals("verify", json.get("mode").asText());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(in.toString(), json.get("original").get("name").asText());
        assertTrue(json.get("leakCheck").get("ran").asBoolean());
        assertTrue(json.get("checks").toString().contains("leakCheck"), json.toString());
        JsonNode hits = json.get("leakCheck").get("hits");
        assertEquals(full.leaks().size(), hits.size());
        assertTrue(hits.toString().contains("FIFFB_MNE_ANNOTATIONS"), hits.toString());

        JsonNode replayJson = new ObjectMapper().readTree(Report.of(a.policy()).toJson(replay));
        assertFalse(replayJson.get("leakCheck").get("ran").asBoolean());
        assertTrue(replayJson.get("limits").size() > 0);
    }

    @Test
    void aCleanOutputPassesAgainstItsOriginal() throws IOException {
        Path in = firstNameInAnnotations("in.fif");
        Path out = dir.resolve("out.fif.gz");
        Anonymizer a = Anonymizer.builder().preset(Preset.STRICT).measurementDateOffsetDays(35).build();
        a.anonymize(in, out);
        VerifyResult v = a.verify(out, in);
        assertTrue(v.passed(), () -> "findings " + v.findings() + ", leaks " + v.leaks());
        assertEquals(List.of(), v.leaks());
        assertTrue(v.checks().contains(VerifyResult.Check.LEAK_CHECK));
    }

    static Stream<Arguments> anonymizers() {
        List<Arguments> args = new ArrayList<>();
        for (Preset p : Preset.values()) {
            args.add(Arguments.of(p + " out.fif", Anonymizer.builder().preset(p), "out.fif"));
            args.add(Arguments.of(p + " brute, 35 days earlier, out.fif.gz", Anonymizer.builder().preset(p)
                    .brute(true).measurementDateOffsetDays(35).subjectBirthdayOffsetDays(35), "out.fif.gz"));
            args.add(Arguments.of(p + " keepHis, out.fif", Anonymizer.builder().preset(p).keepHis(true), "out.fif"));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anonymizers")
    void verifyAgainstTheOriginalFindsWhatTheRunsLeakCheckFound(String name, AnonymizerBuilder b, String output)
            throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve(output);
        Anonymizer a = b.leakCheck(true).build();
        AnonymizationResult r = a.anonymize(in, out);
        VerifyResult v = a.verify(out, in);
        assertEquals(r.leaks(), v.leaks());
        assertEquals(r.notChecked(), v.notChecked());
        assertEquals(List.of(), v.findings());
        assertEquals(r.leaks().isEmpty(), v.passed());
        if (a.policy().name().equals("mne-anonymize")) {
            assertFalse(v.leaks().isEmpty(), "the kept acquisition parameters name the subject");
        }
    }

    @Test
    void theOriginalItselfFailsAgainstItself() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        VerifyResult v = Anonymizer.builder().build().verify(in, in);
        assertFalse(v.passed());
        assertTrue(v.leaks().stream().anyMatch(h -> h.kind() == FiffKind.SUBJ_LAST_NAME), () -> "" + v.leaks());
        assertTrue(v.leaks().stream().anyMatch(h -> h.kind() == FiffKind.FILE_ID), "machine id and time");
        assertTrue(v.leaks().stream().anyMatch(h -> h.kind() == FiffKind.SUBJ_BIRTH_DAY), "the birthday");
    }

    @Test
    void theOutputsOfASplitRecordingArePairedWithTheirOriginalsPartByPart() throws Exception {
        Path inDir = Files.createDirectories(dir.resolve("in"));
        List<Path> originals = SplitRecordingTest.writeSplit(inDir, "run_raw.fif");
        // the middle part's annotation names nobody; the others name the subject ("BAD_mortensen_moved")
        Policy fix = Policy.builder("fix").rule(Rule.of(Selector.kind(FiffKind.COMMENT)
                .inBlock(FiffBlock.MNE_ANNOTATIONS), Actions.replace("BAD_blink"))).build();
        Anonymizer.builder().policy(fix).build().anonymize(originals.get(1), originals.get(1));

        Policy p = PolicyLoader.standard().parse("""
                {"fiffPolicy": 1, "extends": "mne-anonymize", "options": {"brute": true},
                 "rules": [{"tag": "FIFF_DACQ_PARS", "action": "scrub"}]}""", "p.json");
        Anonymizer a = Anonymizer.builder().policy(p).build();
        Path outDir = Files.createDirectories(dir.resolve("out"));
        List<Path> outputs = SplitRecording.outputNames(outDir.resolve("run_anon.fif"), 3);
        a.anonymizeRecording(originals, outputs);

        List<VerifyResult> results = a.verifyRecording(outputs, originals);
        assertEquals(3, results.size());
        for (int i = 0; i < 3; i++) {
            VerifyResult r = results.get(i);
            assertEquals(outputs.get(i).toString(), r.input());
            assertEquals(originals.get(i).toString(), r.original());
            assertEquals(List.of(), r.findings(), "the replay passes every part");
            boolean annotated = r.leaks().stream().anyMatch(h -> h.blockPath().innermost()
                    == FiffBlock.MNE_ANNOTATIONS && h.what().contains("FIFF_SUBJ_LAST_NAME"));
            assertEquals(i != 1, annotated, () -> "part " + r.input() + ": " + r.leaks());
        }
        assertFalse(results.get(0).passed());
        assertTrue(results.get(1).passed(), () -> "" + results.get(1).leaks());

        assertThrows(IllegalArgumentException.class, () -> a.verifyRecording(outputs, originals.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> a.verifyRecording(List.of(), List.of()));
    }

    @Test
    void anUnreadableOriginalIsAnInputOrFormatError() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().build();
        a.anonymize(in, out);
        InputException missing = assertThrows(InputException.class, () -> a.verify(out,
                dir.resolve("missing.fif")));
        assertTrue(missing.getMessage().contains("missing.fif"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("notes.fif"), "not a FIFF file at all, just some words");
        assertThrows(FiffFormatException.class, () -> a.verify(out, text));
        assertThrows(InputException.class, () -> a.verify(dir.resolve("gone.fif"), in), "a missing output");
    }
}
