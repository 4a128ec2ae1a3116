package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers use the class-data sharing archive that the build leaves beside the jar, and start as usual, without
 * a word about it, when the archive is missing, stale or broken.
 */
class LauncherCdsIT {
    private static final Path BIN = Path.of(System.getProperty("fiffkit.bin", "target/bin")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("fiffkit.jar", "target/mne-anonymize.jar"))
            .toAbsolutePath();
    private static final Path ARCHIVE = JAR.resolveSibling("mne-anonymize.jsa");
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Path SAMPLE = Path.of("sample", "sample_raw.fif").toAbsolutePath();

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void cleanEnvironment() {
        env.putAll(System.getenv());
        env.remove("JAVA_HOME");
        env.remove("FIFFKIT_JAVA_OPTS");
        env.remove("FIFFKIT_CDS");
        env.put("PATH", JAVA_BIN.toString());
    }

    private Result run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Anonymizes the sample with class loading logged; returns the log. */
    private String anonymizeLoggingClasses(Path launcher, String name) throws Exception {
        Path log = dir.resolve(name + "-classes.txt");
        env.put("FIFFKIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result r = run(launcher, "--no-gui", "--silent", "-i", SAMPLE.toString(), "-o",
                dir.resolve(name + "_raw.fif").toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.err());
        assertTrue(Files.size(dir.resolve(name + "_raw.fif")) > 0);
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Whether our classes came from an archive: only ours can hold them (the JDK's own holds JDK classes only). */
    private static boolean fromArchive(String classLog) {
        return classLog.lines().anyMatch(l -> (l.contains("io.github.fiffkit.anonymize.") || l.contains("picocli."))
                && l.contains("source: shared objects file"));
    }

    @Test
    void theBuildLeavesAnArchiveThatTheLauncherUses() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "the build made " + ARCHIVE);
        String with = anonymizeLoggingClasses(BIN.resolve("mne_anonymize"), "with");
        assertTrue(fromArchive(with), "the anonymizer's classes come from the archive");
        assertTrue(with.lines().anyMatch(l -> l.contains("picocli.CommandLine ")
                && l.contains("source: shared objects file")), "picocli's (Java 5) classes too: a static archive");
        env.put("FIFFKIT_CDS", "off");
        assertFalse(fromArchive(anonymizeLoggingClasses(BIN.resolve("mne_anonymize"), "without")));
    }

    @Test
    void aStaleBrokenOrEmptyArchiveIsIgnoredSilently() throws Exception {
        // a copied installation: the archive names the build's jar path, so it is stale here
        Path home = Files.createDirectories(dir.resolve("home"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path launcher = Files.copy(BIN.resolve("mne_anonymize"), bin.resolve("mne_anonymize"));
        Files.copy(JAR, home.resolve("mne-anonymize.jar"));
        Path archive = home.resolve("mne-anonymize.jsa");
        Files.copy(ARCHIVE, archive, StandardCopyOption.REPLACE_EXISTING);
        archive.toFile().setWritable(true);
        List<byte[]> contents = List.of(Files.readAllBytes(archive), "not an archive".getBytes(), new byte[0]);
        for (byte[] content : contents) {
            Files.write(archive, content);
            Result r = run(launcher, "--version");
            assertEquals(0, r.status(), r.toString());
            assertTrue(r.out().startsWith("mne_anonymize (FiffKit) "), r.out());
            assertEquals("", r.err(), "nothing said about an archive of " + content.length + " bytes");
            env.remove("FIFFKIT_JAVA_OPTS");
            assertFalse(fromArchive(anonymizeLoggingClasses(launcher, "stale" + content.length)));
        }
    }
}
