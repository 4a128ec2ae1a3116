package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launchers, {@code target/bin/fiff-dump} and {@code target/bin/mne_anonymize}, as separate
 * processes, the way a user does. Failsafe runs this after {@code package}, so the jar and the scripts exist.
 */
class LaunchersIT {
    private static final Path BIN = Path.of(System.getProperty("fiffkit.bin", "target/bin")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("fiffkit.jar", "target/mne-anonymize.jar"))
            .toAbsolutePath();
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Path SAMPLE = Path.of("sample", "sample_raw.fif").toAbsolutePath();

    @TempDir
    Path dir;

    /** What a process did. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private Map<String, String> env;

    @BeforeEach
    void cleanEnvironment() {
        // only java on the PATH; no JAVA_HOME and no JVM flags unless a test sets them
        env = new java.util.HashMap<>(System.getenv());
        env.remove("JAVA_HOME");
        env.remove("FIFFKIT_JAVA_OPTS");
        env.put("PATH", JAVA_BIN.toString());
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private static String expectedVersion() {
        String v = System.getProperty("fiffkit.expectedVersion");
        assertTrue(v != null && !v.isBlank(), "the build passes the project version");
        return v;
    }

    @Test
    void theLaunchersAreExecutableShellScripts() throws IOException {
        for (String name : new String[] {"fiff-dump", "mne_anonymize"}) {
            Path launcher = BIN.resolve(name);
            assertTrue(Files.isRegularFile(launcher) && Files.isExecutable(launcher), launcher + " is executable");
            String text = Files.readString(launcher);
            assertTrue(text.startsWith("#!/bin/sh\n"), name);
            assertFalse(text.contains("@TOOL@") || text.contains("@MAIN_CLASS@"), "every placeholder is filled");
        }
    }

    @Test
    void fiffDumpPrintsTheTreeOfTheBundledSample() throws Exception {
        Result r = run(BIN.resolve("fiff-dump"), SAMPLE.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("# " + SAMPLE + ": " + Files.size(SAMPLE) + " bytes"), r.out());
        assertTrue(r.out().contains("FIFF_SUBJ_HIS_ID (410) FIFFT_STRING 16  \"" + SampleFileWriter.HIS_ID + "\""),
                r.out());
    }

    @Test
    void fiffDumpPrintsJsonLinesOfTheBundledSample() throws Exception {
        Result r = run(BIN.resolve("fiff-dump"), "--json", SAMPLE.toString());
        assertEquals(0, r.status(), r.toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> tags = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            tags.add(json.readTree(line));
        }
        assertEquals(0, tags.get(0).get("pos").asInt());
        assertEquals("FIFF_FILE_ID", tags.get(0).get("kindName").asText());
        assertTrue(r.out().chars().allMatch(c -> c < 0x80), "JSON output is ASCII whatever the locale");
        assertTrue(tags.stream().anyMatch(t -> SampleFileWriter.LAST_NAME.equals(t.path("value").asText())),
                "non-ASCII names survive the trip through the launcher");
    }

    @Test
    void fiffDumpExitsWithTwoAndNamesTheFileWhenItCannotReadIt() throws Exception {
        Path missing = dir.resolve("missing_raw.fif");
        Result r = run(BIN.resolve("fiff-dump"), missing.toString());
        assertEquals(2, r.status(), r.toString());
        assertEquals("fiff-dump: " + missing + ": no such file\n", r.err());

        Path text = Files.writeString(dir.resolve("readme.fif"), "plain text, not FIFF\n");
        r = run(BIN.resolve("fiff-dump"), text.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().startsWith("fiff-dump: " + text + ": offset 0: not a FIFF file"), r.err());

        r = run(BIN.resolve("fiff-dump"), "--bogus");
        assertEquals(1, r.status(), r.toString());
    }

    @Test
    void theVersionComesFromTheBuild() throws Exception {
        Result r = run(BIN.resolve("fiff-dump"), "--version");
        assertEquals(0, r.status(), r.toString());
        assertEquals("fiff-dump (FiffKit) " + expectedVersion() + "\n", r.out());
    }

    @Test
    void theLauncherFindsTheJarWhenCalledThroughSymbolicLinks() throws Exception {
        Path direct = Files.createSymbolicLink(dir.resolve("fd"), BIN.resolve("fiff-dump"));
        Files.createDirectories(dir.resolve("tools"));
        Path chained = Files.createSymbolicLink(dir.resolve("tools/dump-fiff"), Path.of("../fd")); // relative
        env.put("PATH", JAVA_BIN + ":/usr/bin:/bin"); // resolving links may use readlink
        for (Path link : new Path[] {direct, chained}) {
            Result r = run(link, "--version");
            assertEquals(0, r.status(), link + ": " + r);
            assertEquals("fiff-dump (FiffKit) " + expectedVersion() + "\n", r.out());
        }
        Result r = run(List.of("./tools/dump-fiff", SAMPLE.toString())); // a relative call, from dir
        assertEquals(0, r.status(), r.toString());
        // remove the links here: JUnit warns about links to outside its folder when it cleans up
        Files.delete(chained);
        Files.delete(direct);
    }

    @Test
    void theLauncherRunsTheJavaOfJavaHome() throws Exception {
        env.put("PATH", "/nonexistent"); // so that only JAVA_HOME can supply java
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Result r = run(BIN.resolve("fiff-dump"), "--version");
        assertEquals(0, r.status(), r.toString());

        env.put("JAVA_HOME", dir.resolve("no-java-here").toString());
        r = run(BIN.resolve("fiff-dump"), "--version");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("JAVA_HOME"), r.err());
    }

    @Test
    void theLauncherSaysSoWhenThereIsNoJava() throws Exception {
        env.put("PATH", "/nonexistent");
        Result r = run(BIN.resolve("fiff-dump"), "--version");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("no java on the PATH"), r.err());
    }

    @Test
    void theLauncherPassesFiffkitJavaOptsToTheJvm() throws Exception {
        env.put("FIFFKIT_JAVA_OPTS", "-showversion  -Dfiffkit.unused=1 -Xmx64m");
        Result r = run(BIN.resolve("fiff-dump"), "--version");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains(" version \""), "-showversion made the JVM print its version: " + r.err());
        assertEquals("fiff-dump (FiffKit) " + expectedVersion() + "\n", r.out());

        env.put("FIFFKIT_JAVA_OPTS", "-XX:+NoSuchFiffKitFlag");
        r = run(BIN.resolve("fiff-dump"), "--version");
        assertTrue(r.status() != 0 && r.err().contains("NoSuchFiffKitFlag"), r.toString());
    }

    @Test
    void fiffDumpIntoHeadStopsQuietlyWithStatusZero() throws Exception {
        // enough tags that the tree is megabytes long: head leaves long before fiff-dump is done
        Path big = dir.resolve("many_tags.fif");
        try (FiffWriter w = FiffWriter.create(big)) {
            w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(1_600_000_000, 0)));
            for (int i = 0; i < 40_000; i++) {
                w.writeString(FiffKind.COMMENT, "comment number " + i);
            }
            w.endFile();
        }
        Path status = dir.resolve("status.txt");
        Path dumpErr = dir.resolve("dump-err.txt");
        env.put("PATH", JAVA_BIN + ":/usr/bin:/bin"); // sh and head
        for (String mode : new String[] {"--max-value=256", "--json"}) {
            // POSIX sh has no pipefail: the left side writes its own status to a file
            Result r = run(List.of("/bin/sh", "-c", "{ \"$0\" \"$1\" \"$2\" 2>\"$3\"; echo $? >\"$4\"; } | head -n 1",
                    BIN.resolve("fiff-dump").toString(), mode, big.toString(), dumpErr.toString(), status.toString()));
            assertEquals(0, r.status(), r.toString());
            assertEquals(1, r.out().lines().count(), r.out());
            assertEquals("0", Files.readString(status).strip(), mode + ": fiff-dump's own status");
            assertEquals("", Files.readString(dumpErr), mode + ": nothing on standard error");
        }
    }

    @Test
    void argumentsReachTheProgramUnchanged() throws Exception {
        Path odd = Files.copy(SAMPLE, dir.resolve("with space * and 'quote'.fif"));
        Result r = run(BIN.resolve("fiff-dump"), odd.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("# " + odd + ":"), r.out());
    }

    @Test
    void mneAnonymizeAnonymizesTheBundledSampleVerbosely() throws Exception {
        Path in = Files.copy(SAMPLE, dir.resolve("sample_raw.fif"));
        Path out = dir.resolve("target/sample_anonymized_raw.fif");
        Files.createDirectories(out.getParent());
        Result r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-v", "-i", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("mne_anonymize (FiffKit) " + expectedVersion() + "\n"), r.out());
        assertTrue(r.out().contains(SampleFileWriter.LAST_NAME + " -> mne_anonymize"),
                "non-ASCII old values survive the trip through the launcher: " + r.out());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void theLibrarysLogIsOffByDefaultAndShowsDecisionsWithoutValuesWhenAsked() throws Exception {
        Path in = Files.copy(SAMPLE, dir.resolve("sample_raw.fif"));
        Result quiet = run(BIN.resolve("mne_anonymize"), "--no-gui", "-i", in.toString(), "-o",
                dir.resolve("a.fif").toString());
        assertEquals(0, quiet.status(), quiet.toString());
        assertEquals("", quiet.err(), "nothing but the program's own messages by default");

        env.put("FIFFKIT_JAVA_OPTS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        Result r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-i", in.toString(), "-o",
                dir.resolve("b.fif").toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("DEBUG io.github.fiffkit.anonymize.internal.TagPass")
                && r.err().contains("FIFF_SUBJ_LAST_NAME"), r.err());
        assertFalse(r.err().contains(SampleFileWriter.LAST_NAME), "no original value in the log: " + r.err());
    }

    @Test
    void mneAnonymizeWithoutADisplayRunsOnTheCommandLineAndTheJarRunsIt() throws Exception {
        Path in = Files.copy(SAMPLE, dir.resolve("sample_raw.fif"));
        Result r = run(BIN.resolve("mne_anonymize"), "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("no display"), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("sample_raw_anonymized.fif")));

        Result jar = run(List.of(JAVA_BIN.resolve("java").toString(), "-jar", JAR.toString(), "--version"));
        assertEquals(0, jar.status(), "the jar's Main-Class is MneAnonymize: " + jar);
        assertEquals("mne_anonymize (FiffKit) " + expectedVersion() + "\n", jar.out());
    }

    @Test
    void mneAnonymizeExitStatusesReachTheShell() throws Exception {
        Result r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-i", dir.resolve("missing.fif").toString());
        assertEquals(2, r.status(), r.toString());
        r = run(BIN.resolve("mne_anonymize"), "--no-gui", "--bogus");
        assertEquals(1, r.status(), r.toString());
        Path in = Files.copy(SAMPLE, dir.resolve("sample_raw.fif"));
        // standard input is /dev/null: the question about deleting gets no answer, the input stays
        r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-d", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(in));
        assertTrue(r.err().startsWith("Delete " + in + "? [y/N] "), r.err());
    }

    @Test
    void mneAnonymizeReadsTheKeyedHashSecretFromTheEnvironment() throws Exception {
        Path in = Files.copy(SAMPLE, dir.resolve("sample_raw.fif"));
        Path policy = Files.writeString(dir.resolve("p.json"),
                "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                + " \"rules\": [{\"tag\": \"FIFF_SUBJ_HIS_ID\", \"action\": \"hash\"}]}");
        env.put("FIFFKIT_IT_SECRET", "an environment secret");
        Result r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-i", in.toString(), "-o",
                dir.resolve("a.fif").toString(), "--policy", policy.toString(), "--secret-env", "FIFFKIT_IT_SECRET");
        assertEquals(0, r.status(), r.toString());
        env.put("FIFFKIT_IT_SECRET", "another one");
        r = run(BIN.resolve("mne_anonymize"), "--no-gui", "-i", in.toString(), "-o", dir.resolve("b.fif").toString(),
                "--policy", policy.toString(), "--secret-env", "FIFFKIT_IT_SECRET");
        assertEquals(0, r.status(), r.toString());
        String a = TestFiles.string(dir.resolve("a.fif"), io.github.fiffkit.core.FiffKind.SUBJ_HIS_ID);
        String b = TestFiles.string(dir.resolve("b.fif"), io.github.fiffkit.core.FiffKind.SUBJ_HIS_ID);
        assertTrue(a.matches("[0-9a-f]{16}") && b.matches("[0-9a-f]{16}"), a + " " + b);
        assertFalse(a.equals(b), "the secret comes from the variable");
    }
}
