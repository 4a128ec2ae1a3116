package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel entry point reads its inputs in place and gives the file path's bytes and results; its only local
 * files are the outputs' spool of a recording with a gzip-compressed part, under the folder the caller names, and it
 * leaves nothing there (plain inputs: {@link ForwardOutputTest}).
 */
class ChannelAnonymizeTest {
    @TempDir
    Path dir;

    private static Anonymizer anonymizer() {
        return Anonymizer.builder().preset(Preset.STRICT).brute(true).measurementDateOffsetDays(35)
                .subjectBirthdayOffsetDays(35).leakCheck(true).digests(true).build();
    }

    private static List<SeekableByteChannel> open(List<Path> files) throws IOException {
        List<SeekableByteChannel> chs = new ArrayList<>();
        for (Path p : files) {
            chs.add(FileChannel.open(p, StandardOpenOption.READ));
        }
        return chs;
    }

    @Test
    void aSplitRecordingFromChannelsEqualsTheFilesAndLeavesNoSpool() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        Path outDir = Files.createDirectory(dir.resolve("out"));
        List<Path> outs = parts.stream().map(p -> outDir.resolve(p.getFileName())).toList();
        List<AnonymizationResult> byPath = anonymizer().anonymizeRecording(parts, outs);

        Path spool = Files.createDirectory(dir.resolve("spool"));
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            streams.add(new ByteArrayOutputStream());
        }
        List<String> names = parts.stream().map(p -> "hdfs://nn/meg/" + p.getFileName()).toList();
        List<SeekableByteChannel> chs = open(parts);
        List<AnonymizationResult> results = anonymizer().anonymizeRecording(chs, names, List.copyOf(streams), names,
                spool);
        for (int i = 0; i < parts.size(); i++) {
            assertArrayEquals(Files.readAllBytes(outs.get(i)), streams.get(i).toByteArray(), "part " + i);
            assertEquals(names.get(i), results.get(i).input());
            assertEquals(byPath.get(i).inputSha256(), results.get(i).inputSha256());
            assertEquals(byPath.get(i).outputSha256(), results.get(i).outputSha256());
            assertEquals(byPath.get(i).changes(), results.get(i).changes());
            assertTrue(chs.get(i).isOpen(), "the caller closes its channels");
            chs.get(i).close();
        }
        try (var left = Files.list(spool)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aGzipInputAndOutputEqualTheFilePath() throws IOException {
        Path plain = Phi.standard().write(dir.resolve("a.fif"));
        Path gz = dir.resolve("a.fif.gz");
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, z);
        }
        Path expected = dir.resolve("expected.fif.gz");
        anonymizer().anonymize(gz, expected);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path spool = Files.createDirectory(dir.resolve("spool"));
        try (SeekableByteChannel ch = FileChannel.open(gz, StandardOpenOption.READ)) {
            anonymizer().anonymizeRecording(List.of(ch), List.of("a.fif.gz"), List.of(out),
                    List.of("expected.fif.gz"), spool);
        }
        assertArrayEquals(Files.readAllBytes(expected), out.toByteArray());
    }

    @Test
    void aBrokenPartWritesNothingAndLeavesNoSpool() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        Path last = parts.get(parts.size() - 1);
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length - 30));
        Path spool = Files.createDirectory(dir.resolve("spool"));
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            streams.add(new ByteArrayOutputStream());
        }
        List<String> names = parts.stream().map(p -> p.getFileName().toString()).toList();
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> anonymizer().anonymizeRecording(
                open(parts), names, List.copyOf(streams), names, spool));
        assertTrue(e.getMessage().contains(last.getFileName().toString()), e.getMessage());
        for (ByteArrayOutputStream s : streams) {
            assertEquals(0, s.size());
        }
        try (var left = Files.list(spool)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void twoPartsWithTheSameBaseNameAreRefused() throws IOException {
        Path a = Phi.standard().write(dir.resolve("x.fif"));
        List<OutputStream> outs = List.of(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> anonymizer().anonymizeRecording(open(List.of(a, a)),
                List.of("a/x.fif", "b/x.fif"), outs, List.of("x.fif", "y.fif"), dir));
    }
}
