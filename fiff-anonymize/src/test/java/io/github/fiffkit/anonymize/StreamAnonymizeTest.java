package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BrokenInputStream;
import org.apache.commons.io.output.BrokenOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream-to-stream entry points give the same bytes as the file entry points, or nothing. */
class StreamAnonymizeTest {
    @TempDir
    Path dir;

    private static Anonymizer anonymizer() {
        return Anonymizer.builder().preset(Preset.STRICT).brute(true).measurementDateOffsetDays(35)
                .subjectBirthdayOffsetDays(35).leakCheck(true).digests(true).build();
    }

    @Test
    void aStreamGivesTheSameBytesAsAFile() throws IOException {
        Path in = Phi.standard().write(dir.resolve("sub01_raw.fif"));
        Path expected = dir.resolve("expected").resolve("sub01_raw.fif");
        Files.createDirectory(expected.getParent());
        AnonymizationResult byPath = anonymizer().anonymize(in, expected);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnonymizationResult byStream;
        try (InputStream s = Files.newInputStream(in)) {
            byStream = anonymizer().anonymize(s, "hdfs://nn/archive/sub01_raw.fif", out);
        }
        assertArrayEquals(Files.readAllBytes(expected), out.toByteArray());
        assertEquals("hdfs://nn/archive/sub01_raw.fif", byStream.input());
        assertEquals("sub01_raw.fif", byStream.output());
        assertEquals(byPath.changes(), byStream.changes());
        assertEquals(byPath.outputSha256(), byStream.outputSha256());
        assertEquals(byPath.inputSha256(), byStream.inputSha256());
        assertEquals(Sha256.hex(in), byStream.inputSha256());
        assertTrue(byStream.leakChecked());
        assertFalse(byStream.hasLeaks());
    }

    @Test
    void anOutputNameEndingInGzGivesAGzipOutput() throws IOException {
        Path in = Phi.standard().write(dir.resolve("a.fif"));
        Path plain = dir.resolve("plain.fif");
        anonymizer().anonymize(in, plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream s = Files.newInputStream(in)) {
            anonymizer().anonymize(s, "a.fif", out, "s3a://bucket/out/a.fif.gz");
        }
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertArrayEquals(Files.readAllBytes(plain), z.readAllBytes());
        }
    }

    @Test
    void aBrokenInputWritesNothingAndNamesTheInput() throws IOException {
        byte[] bytes = Files.readAllBytes(Phi.standard().write(dir.resolve("b.fif")));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FiffFormatException e = assertThrows(FiffFormatException.class,
                () -> anonymizer().anonymize(new ByteArrayInputStream(cut), "hdfs://nn/x/b.fif", out));
        assertTrue(e.getMessage().contains("hdfs://nn/x/b.fif"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void anUnreadableInputIsAnInputErrorAndWritesNothing() throws IOException {
        byte[] bytes = Files.readAllBytes(Phi.standard().write(dir.resolve("c.fif")));
        // half of the file, then the connection breaks
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, bytes.length / 2),
                new BrokenInputStream(() -> new IOException("connection reset")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputException e = assertThrows(InputException.class,
                () -> anonymizer().anonymize(failing, "s3a://bucket/c.fif", out));
        assertTrue(e.getMessage().contains("s3a://bucket/c.fif"), e.getMessage());
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void aFailingOutputStreamIsAnOutputError() throws IOException {
        Path in = Phi.standard().write(dir.resolve("d.fif"));
        OutputStream full = new BrokenOutputStream(method -> new IOException("quota exceeded"));
        try (InputStream s = Files.newInputStream(in)) {
            IOException e = assertThrows(IOException.class, () -> anonymizer().anonymize(s, "d.fif", full));
            assertFalse(e instanceof InputException, e.toString());
            assertTrue(e.getMessage().contains("quota exceeded"), e.getMessage());
        }
    }

    @Test
    void aSplitRecordingFromStreamsEqualsTheFiles() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = parts.stream().map(p -> outDir.resolve(p.getFileName())).toList();
        anonymizer().anonymizeRecording(parts, outs);

        List<InputStream> ins = new ArrayList<>();
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (Path p : parts) {
            ins.add(new ByteArrayInputStream(Files.readAllBytes(p)));
            streams.add(new ByteArrayOutputStream());
        }
        List<String> names = parts.stream().map(p -> "hdfs://nn/meg/" + p.getFileName()).toList();
        List<AnonymizationResult> results = anonymizer().anonymizeRecording(ins, names,
                List.copyOf(streams), names);
        for (int i = 0; i < parts.size(); i++) {
            assertArrayEquals(Files.readAllBytes(outs.get(i)), streams.get(i).toByteArray(), "part " + i);
            assertEquals(names.get(i), results.get(i).input());
            assertEquals(names.get(i), results.get(i).output());
        }
    }

    @Test
    void whenOnePartIsBrokenNoStreamGetsAnything() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        List<InputStream> ins = new ArrayList<>();
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            byte[] b = Files.readAllBytes(parts.get(i));
            ins.add(new ByteArrayInputStream(i == 2 ? Arrays.copyOf(b, b.length - 30) : b));
            streams.add(new ByteArrayOutputStream());
        }
        List<String> names = parts.stream().map(p -> p.getFileName().toString()).toList();
        assertThrows(FiffFormatException.class,
                () -> anonymizer().anonymizeRecording(ins, names, List.copyOf(streams), names));
        for (ByteArrayOutputStream s : streams) {
            assertEquals(0, s.size());
        }
    }

    @Test
    void twoPartsWithTheSameBaseNameAreRefused() {
        List<InputStream> ins = List.of(new ByteArrayInputStream(new byte[0]), new ByteArrayInputStream(new byte[0]));
        List<OutputStream> outs = List.of(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> anonymizer().anonymizeRecording(ins,
                List.of("a/x.fif", "b/x.fif"), outs, List.of("x.fif", "y.fif")));
    }
}
