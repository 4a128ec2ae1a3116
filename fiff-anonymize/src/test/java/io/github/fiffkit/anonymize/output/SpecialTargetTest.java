package io.github.fiffkit.anonymize.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Phi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output's place that holds a pipe (or a device, or a socket) is never replaced, by either output layer. */
class SpecialTargetTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        return p;
    }

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFifoIsNotReplacedByTheDefaultOrTheBatchLayer() throws Exception {
        Path in = Phi.standard().write(dir.resolve("in_raw.fif"));
        Path pipe = fifo("pipe.fif");
        IOException e = assertThrows(IOException.class, () -> Anonymizer.builder().build().anonymize(in, pipe));
        assertTrue(e.getMessage().contains("is never replaced"), e.getMessage());
        assertTrue(isOther(pipe));
        try (BatchOutputFiles files = new BatchOutputFiles(folder -> { })) {
            Anonymizer batch = Anonymizer.builder().outputFiles(files).build();
            assertThrows(IOException.class, () -> batch.anonymize(in, pipe));
        }
        assertTrue(isOther(pipe));
        assertEquals(List.of("in_raw.fif", "pipe.fif"), listing(), "no temporary file left");
    }

    @Test
    void aRegularFileIsReplacedAsBefore() throws IOException {
        Path in = Phi.standard().write(dir.resolve("in_raw.fif"));
        Path out = Files.writeString(dir.resolve("out_raw.fif"), "old");
        Anonymizer.builder().build().anonymize(in, out);
        assertTrue(Files.size(out) > 3);
    }
}
