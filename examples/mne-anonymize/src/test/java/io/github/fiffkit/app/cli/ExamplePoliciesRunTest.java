package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy in {@code examples/policies} through the command line on the bundled sample: it anonymizes, leaves
 * none of the sample's names, and its output passes {@code --verify} with the same policy.
 */
class ExamplePoliciesRunTest {
    private static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static List<Path> policies() throws IOException {
        try (Stream<Path> s = Files.list(POLICIES)) {
            List<Path> all = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            assertFalse(all.isEmpty(), "no policies in " + POLICIES);
            return all;
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void anExamplePolicyAnonymizesTheSampleAndItsOutputVerifies(Path policy) throws IOException {
        Path in = TestFiles.sample(dir.resolve("sample_raw.fif"));
        Path out = dir.resolve("out_raw.fif");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "an example secret\n");
        List<String> args = new ArrayList<>(List.of("--no-gui", "-i", in.toString(), "-o", out.toString(),
                "--policy", policy.toString()));
        if (Files.readString(policy).contains("\"secret\"")) {
            args.addAll(List.of("--secret-file", secret.toString()));
        }
        AppRun r = AppRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), policy.getFileName() + ": " + r);
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        for (String phi : new String[] {SampleFileWriter.LAST_NAME, SampleFileWriter.FIRST_NAME,
            SampleFileWriter.HIS_ID}) {
            assertFalse(bytes.contains(phi), policy.getFileName() + " leaves " + phi);
        }

        List<String> verify = new ArrayList<>(List.of("--no-gui", "--verify", out.toString(), "--policy",
                policy.toString()));
        if (args.contains("--secret-file")) {
            verify.addAll(List.of("--secret-file", secret.toString()));
        }
        AppRun v = AppRun.of(verify.toArray(String[]::new));
        assertEquals(0, v.status(), policy.getFileName() + ": " + v);
        assertEquals(out + ": passed", v.outLines().get(0), v.out());
        assertTrue(v.outLines().stream().skip(1).allMatch(l -> l.startsWith("not checked: ")), v.out());
    }
}
