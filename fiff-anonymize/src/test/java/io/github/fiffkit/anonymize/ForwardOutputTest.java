package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.ActionContext;
import io.github.fiffkit.anonymize.policy.Outcome;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.TagAction;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The channel entry point writes plain inputs' outputs forward, straight to the caller's streams: the bytes and
 * results are the file path's (with and without a tag directory, terminated or not, split, compressed), no local
 * file is made (the spool folder given does not even exist), and the actions run once per tag. (A broken part
 * writes nothing to any stream: {@link ChannelAnonymizeTest}.)
 */
class ForwardOutputTest {
    @TempDir
    Path dir;

    /** A spool folder that does not exist: the forward path must never need it. */
    private Path noSpool() {
        return dir.resolve("no-such-spool");
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static List<SeekableByteChannel> open(List<Path> files) throws IOException {
        List<SeekableByteChannel> chs = new ArrayList<>();
        for (Path p : files) {
            chs.add(FileChannel.open(p, StandardOpenOption.READ));
        }
        return chs;
    }

    /** Anonymizes files by path and from channels, and checks bytes and results agree; returns the streams. */
    private List<byte[]> sameAsFiles(Anonymizer a, List<Path> parts, List<String> outNames) throws IOException {
        return sameAsFiles(a, parts, outNames, "by-path", noSpool());
    }

    /** As above, the outputs by path in {@code folder}; {@code spool} must not exist, or be left empty. */
    private List<byte[]> sameAsFiles(Anonymizer a, List<Path> parts, List<String> outNames, String folder,
            Path spool) throws IOException {
        Path outDir = Files.createDirectories(dir.resolve(folder));
        List<Path> outs = outNames.stream().map(outDir::resolve).toList();
        for (Path o : outs) {
            Files.deleteIfExists(o);
        }
        List<AnonymizationResult> byPath = a.anonymizeRecording(parts, outs);
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            streams.add(new ByteArrayOutputStream());
        }
        List<String> inNames = parts.stream().map(p -> "hdfs://nn/in/" + p.getFileName()).toList();
        List<String> names = outNames.stream().map(n -> "hdfs://nn/out/" + n).toList();
        List<SeekableByteChannel> chs = open(parts);
        List<AnonymizationResult> results;
        try {
            results = a.anonymizeRecording(chs, inNames, List.copyOf(streams), names, spool);
        } finally {
            for (SeekableByteChannel c : chs) {
                c.close();
            }
        }
        if (Files.exists(spool)) {
            try (var left = Files.list(spool)) {
                assertEquals(List.of(), left.toList());
            }
        }
        assertFalse(Files.exists(noSpool()));
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            AnonymizationResult p = byPath.get(i);
            AnonymizationResult r = results.get(i);
            assertArrayEquals(Files.readAllBytes(outs.get(i)), streams.get(i).toByteArray(), "part " + i);
            assertEquals(inNames.get(i), r.input());
            assertEquals(names.get(i), r.output());
            assertEquals(p.changes(), r.changes());
            assertEquals(p.warnings(), r.warnings());
            assertEquals(p.leaks(), r.leaks());
            assertEquals(p.notChecked(), r.notChecked());
            assertEquals(p.leakChecked(), r.leakChecked());
            assertEquals(p.tagsRead(), r.tagsRead());
            assertEquals(p.tagsWritten(), r.tagsWritten());
            assertEquals(p.inputSize(), r.inputSize());
            assertEquals(p.outputSize(), r.outputSize());
            assertEquals(p.inputSha256(), r.inputSha256());
            assertEquals(p.outputSha256(), r.outputSha256());
            assertEquals(p.newMeasurementDate(), r.newMeasurementDate());
            bytes.add(streams.get(i).toByteArray());
        }
        return bytes;
    }

    private static Anonymizer strict(boolean directory) {
        return Anonymizer.builder().preset(Preset.STRICT).brute(true).measurementDateOffsetDays(35)
                .subjectBirthdayOffsetDays(35).leakCheck(true).digests(true).writeDirectory(directory).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedFilesGiveTheFilePathsBytes(long seed) throws IOException {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().canaries(true).generate();
        Path in = g.write(dir.resolve("in_raw.fif"));
        Preset preset = Preset.values()[(int) (seed % Preset.values().length)];
        Anonymizer a = Anonymizer.builder().preset(preset).leakCheck(true).digests(seed % 2 == 0)
                .writeDirectory(seed % 3 != 0).build();
        sameAsFiles(a, List.of(in), List.of(seed % 5 == 0 ? "out_raw.fif.gz" : "out_raw.fif"));
    }

    /**
     * Every corpus file, strict with leak check: the file path's bytes (a compressed one through the spool, which
     * it leaves empty; a plain one without the spool folder, which does not exist).
     */
    @Tag("corpus")
    @TestFactory
    Stream<DynamicTest> everyCorpusFileGivesTheFilePathsBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Path file : CorpusAnonymizeTest.corpus()) {
            String folder = "corpus-" + i++;
            String name = file.getFileName().toString();
            boolean gz = name.endsWith(".gz");
            tests.add(DynamicTest.dynamicTest(name, () -> sameAsFiles(strict(true), List.of(file), List.of(name),
                    folder, gz ? Files.createDirectories(dir.resolve(folder + "-spool")) : noSpool())));
        }
        return tests.stream();
    }

    @Test
    void aSplitRecordingWithAndWithoutDirectories() throws IOException {
        List<Path> parts = SplitRecordingTest.writeSplit(dir, "run_raw.fif");
        List<String> outs = List.of("sub01_raw.fif", "sub01_raw-1.fif", "sub01_raw-2.fif");
        for (boolean directory : new boolean[] {true, false}) {
            List<byte[]> bytes = sameAsFiles(strict(directory), parts, outs);
            try (FiffReader r = FiffReader.open(write(bytes.get(0)), FiffLimits.DEFAULT)) {
                boolean pointsAtDirectory = false;
                for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                    if (t.kind() == FiffKind.DIR_POINTER) {
                        int at = ByteBuffer.wrap(r.readData()).getInt();
                        pointsAtDirectory = at > 0 && r.headerAt(at).kind() == FiffKind.DIR;
                    }
                }
                assertEquals(directory, pointsAtDirectory, "directory " + directory);
            }
        }
    }

    @Test
    void generatedSplitRecordingsCompressedAndNot() throws IOException {
        for (long seed = 3; seed < 6; seed++) {
            Path sub = Files.createDirectories(dir.resolve("s" + seed));
            List<Path> parts = SyntheticFiff.builder(seed).randomFlavour().writeRecording(sub, 3, "rec_raw.fif");
            List<String> outs = seed == 4 ? List.of("x_raw.fif.gz", "x_raw-1.fif.gz", "x_raw-2.fif.gz")
                    : List.of("x_raw.fif", "x_raw-1.fif", "x_raw-2.fif");
            sameAsFiles(strict(seed != 5), parts, outs);
        }
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "check", ".fif"), bytes);
    }

    @Test
    void anActionRunsOnceAndItsValueIsTheOneWritten() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        TagAction draw = new TagAction() {
            @Override
            public Outcome apply(ActionContext ctx) {
                // a value of another length each time: drawn twice, the sizes and directory would not match
                int n = calls.incrementAndGet();
                return Outcome.replaceText("drawn" + "x".repeat(n * 7));
            }

            @Override
            public String name() {
                return "draw";
            }
        };
        Policy policy = Policy.builder("draw").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.EXPERIMENTER), draw)).build();
        Anonymizer a = Anonymizer.builder().policy(policy).leakCheck(true).build();
        Path in = Phi.standard().write(dir.resolve("a_raw.fif"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnonymizationResult r;
        try (SeekableByteChannel ch = FileChannel.open(in, StandardOpenOption.READ)) {
            r = a.anonymizeRecording(List.of(ch), List.of("a_raw.fif"), List.of((OutputStream) out),
                    List.of("b_raw.fif"), noSpool()).get(0);
        }
        List<String> drawn = new ArrayList<>();
        try (FiffReader rd = FiffReader.open(in, FiffLimits.DEFAULT)) {
            for (TagHeader t = rd.nextTag(); t != null; t = rd.nextTag()) {
                if (t.kind() == FiffKind.EXPERIMENTER) {
                    drawn.add("drawn" + "x".repeat((drawn.size() + 1) * 7));
                }
            }
        }
        assertFalse(drawn.isEmpty());
        assertEquals(drawn.size(), calls.get(), "one call per tag");
        List<String> written = new ArrayList<>();
        int dirAt = -1;
        try (FiffReader rd = FiffReader.open(write(out.toByteArray()), FiffLimits.DEFAULT)) {
            for (TagHeader t = rd.nextTag(); t != null; t = rd.nextTag()) {
                if (t.kind() == FiffKind.EXPERIMENTER) {
                    written.add(TagData.string(rd.readData()));
                } else if (t.kind() == FiffKind.DIR_POINTER) {
                    dirAt = ByteBuffer.wrap(rd.readData()).getInt();
                } else if (t.kind() == FiffKind.DIR) {
                    assertEquals(t.position(), dirAt, "the pointer names the directory");
                }
            }
        }
        assertEquals(drawn, written);
        assertEquals(out.size(), r.outputSize());
        assertEquals(drawn, r.changes().stream().filter(c -> c.kind() == FiffKind.EXPERIMENTER)
                .map(c -> c.newValue()).toList());
    }

    @Test
    void anInputThatFailsDuringTheWriteFailsAsTheInputs() throws IOException {
        // raw data buffers of 24 channels x 256 samples: runs of kept tags far larger than any tag the pre-scan
        // and the pass read (headers and small values); only the write reads such a run, and then fails
        Path in = dir.resolve("a_raw.fif");
        SyntheticFiff.builder(7).channels(24).buffers(10, 256).write(in);
        FileChannel file = FileChannel.open(in, StandardOpenOption.READ);
        AtomicInteger large = new AtomicInteger();
        SeekableByteChannel ch = new SeekableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (dst.remaining() > 32 * 1024) {
                    large.incrementAndGet();
                    throw new IOException("connection reset");
                }
                return file.read(dst);
            }

            @Override
            public SeekableByteChannel position(long p) throws IOException {
                file.position(p);
                return this;
            }

            @Override
            public long position() throws IOException {
                return file.position();
            }

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public int write(ByteBuffer src) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SeekableByteChannel truncate(long s) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isOpen() {
                return file.isOpen();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
        try (ch) {
            InputException e = assertThrows(InputException.class, () -> Anonymizer.builder().preset(Preset.STRICT)
                    .leakCheck(false).build().anonymizeRecording(List.of(ch), List.of("hdfs://nn/a_raw.fif"),
                            List.of(new ByteArrayOutputStream()), List.of("b_raw.fif"), noSpool()));
            assertTrue(e.getMessage().startsWith("hdfs://nn/a_raw.fif: cannot read: connection reset"),
                    e.getMessage());
            assertEquals(1, large.get());
        }
    }
}
