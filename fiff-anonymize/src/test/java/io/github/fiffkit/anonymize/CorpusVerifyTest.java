package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policyfile.ExamplePoliciesTest;
import io.github.fiffkit.anonymize.report.Report;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus file through every preset and every sample policy: verify passes on each output, verify against
 * the original finds exactly the hits of the run's own leak check, and a report of each run is valid JSON naming
 * the policy's hash. Runs with {@code -Pcorpus -Dfiff.corpus=<absolute dir>}.
 */
@Tag("corpus")
class CorpusVerifyTest {
    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> verifyPassesOnEveryOutput() throws IOException {
        List<Anonymizer> anonymizers = new ArrayList<>();
        for (Preset p : Preset.values()) {
            anonymizers.add(Anonymizer.builder().preset(p).leakCheck(true).build());
        }
        for (Path sample : ExamplePoliciesTest.samples()) {
            anonymizers.add(Anonymizer.builder().policy(ExamplePoliciesTest.LOADER.load(sample)).leakCheck(true)
                    .build());
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Path file : CorpusAnonymizeTest.corpus()) {
            for (Anonymizer a : anonymizers) {
                int n = i++;
                tests.add(DynamicTest.dynamicTest(a.policy().name() + " " + file.getFileName(),
                        () -> check(file, a, n)));
            }
        }
        return tests.stream();
    }

    private static void check(Path file, Anonymizer a, int n) throws IOException {
        Path out = work.resolve(n + "-" + file.getFileName().toString().replace(".gz", ""));
        AnonymizationResult r;
        try {
            r = a.anonymize(file, out);
        } catch (PolicyException e) {
            return; // refusals are pinned down by CorpusAnonymizeTest
        }
        VerifyResult v = a.verify(out);
        assertTrue(v.passed(), () -> "verify findings on the output: " + v.findings());
        VerifyResult full = a.verify(out, file);
        assertEquals(r.leaks(), full.leaks(), "verify against the original finds what the run's leak check found");
        assertEquals(List.of(), full.findings());
        String json = Report.of(a.policy()).toJson(r);
        assertTrue(json.contains("\"sha256\":\"" + a.policy().sha256() + "\""), json);
        Files.delete(out);
    }
}
