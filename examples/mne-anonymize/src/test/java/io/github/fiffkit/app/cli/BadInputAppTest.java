package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.SampleFileWriter;
import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Corruption.Expect;
import io.github.fiffkit.testkit.Corruption;
import io.github.fiffkit.testkit.Corruptions;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix through the application, with {@code -d -f} (delete the input without asking): a damaged
 * file gives status 2, an error on stderr naming the file and the offset, no output, and the input is neither
 * changed nor deleted; a tolerated file (cut at a tag boundary, blocks left open) is anonymized with a warning
 * and never deleted. The test kit's {@link Corruptions} supply the files.
 */
class BadInputAppTest {
    private static final Pattern CUT = Pattern.compile("cut-[a-z]+-(\\d+)");

    @TempDir
    Path dir;

    /** Every corruption, but only every tenth of the cuts (the library test runs them all). */
    static Stream<Corruption> corruptions() {
        return Corruptions.of(Corruptions.baseFile(3)).stream().filter(c -> {
            Matcher m = CUT.matcher(c.name());
            return !m.matches() || Integer.parseInt(m.group(1)) % 10 == 3;
        });
    }

    static String sha256(Path file) throws IOException {
        return Sha256.hex(file);
    }

    private static void assertValid(Path out) throws IOException {
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                r.readData();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void theApplicationRejectsOrToleratesEachCorruptionAndNeverDeletesAFailedInput(Corruption c) throws IOException {
        Path in = c.write(dir.resolve("bad_raw.fif"));
        String before = sha256(in);
        Path out = dir.resolve("bad_raw_anonymized.fif");
        boolean mayDelete = c.expect() != Expect.FORMAT_ERROR && c.expect() != Expect.WARNING;
        AppRun r = mayDelete ? AppRun.of("--no-gui", "-i", in.toString())
                : AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        switch (c.expect()) {
            case FORMAT_ERROR -> {
                assertEquals(2, r.status(), r.toString());
                String prefix = "mne_anonymize: " + in + ": offset " + (c.offset() >= 0 ? c.offset() + ":" : "");
                assertTrue(r.err().startsWith(prefix), prefix + "\n" + r);
                assertTrue(r.err().contains("not deleting " + in), r.toString());
                assertEquals(List.of("bad_raw.fif"), Folders.listing(dir), "no output, no temporary file");
            }
            case WARNING -> {
                assertTrue(Set.of(4, 8).contains(r.status()), "kept against -d: " + r);
                assertTrue(r.err().contains("warning: " + in), r.toString());
                assertTrue(r.err().contains("not deleting " + in), r.toString());
                assertValid(out);
                assertEquals(List.of("bad_raw.fif", "bad_raw_anonymized.fif"), Folders.listing(dir));
            }
            default -> {
                assertTrue(Set.of(0, 2, 4, 7).contains(r.status()), r.toString());
                if (r.status() == 2 || r.status() == 7) {
                    assertTrue(r.err().startsWith("mne_anonymize: " + in + ": "), r.toString());
                    assertEquals(List.of("bad_raw.fif"), Folders.listing(dir));
                } else {
                    assertValid(out);
                }
            }
        }
        assertEquals(before, sha256(in), "the input is unchanged");
    }

    /** A small measurement file with the given oddities. */
    private Path odd(String name, int version, byte[] dirPointer, byte[] blockId, boolean commentOutside)
            throws IOException {
        Path file = dir.resolve(name);
        FiffId id = new FiffId(version, 0x123456, 0x789A, new FiffTime(1552555613, 5));
        try (FiffWriter w = FiffWriter.create(file)) {
            w.writeTag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(id));
            w.writeTag(FiffKind.DIR_POINTER, FiffType.INT, dirPointer);
            if (commentOutside) {
                w.writeString(FiffKind.COMMENT, "outside any block");
            }
            w.startBlock(FiffBlock.MEAS);
            w.writeTag(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, blockId);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeTime(FiffKind.MEAS_DATE, id.time());
            w.startBlock(FiffBlock.SUBJECT);
            w.writeString(FiffKind.SUBJ_LAST_NAME, "Mortensen");
            w.endBlock(FiffBlock.SUBJECT);
            w.endBlock(FiffBlock.MEAS_INFO);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
        return file;
    }

    private static final byte[] DIR_NONE = TagData.ofInts(-1);
    private static final byte[] GOOD_ID = TagData.ofId(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(1552555613,
            5)));

    @org.junit.jupiter.api.Test
    void oddButReadableFilesAreAnonymizedWithAWarningAndNeverDeleted() throws IOException {
        List<Path> inputs = List.of(
                odd("id12_raw.fif", FiffId.VERSION_1_4, DIR_NONE, new byte[12], false),
                odd("nodir_raw.fif", FiffId.VERSION_1_4, new byte[0], GOOD_ID, false),
                odd("v21_raw.fif", (2 << 16) | 1, DIR_NONE, GOOD_ID, false));
        List<String> warnings = List.of("20-byte ID", "FIFF_DIR_POINTER has no data", "2.1");
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            String before = sha256(in);
            AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
            assertTrue(Set.of(4, 8).contains(r.status()), "kept against -d: " + r);
            assertTrue(r.err().contains(warnings.get(i)), r.toString());
            assertTrue(r.err().contains("not deleting " + in), r.toString());
            assertEquals(before, sha256(in));
            Path out = dir.resolve(in.getFileName().toString().replace(".fif", "_anonymized.fif"));
            assertValid(out);
            assertEquals("mne_anonymize", TagData.string(TestFiles.values(out, FiffKind.SUBJ_LAST_NAME).get(0)));
        }
    }

    @org.junit.jupiter.api.Test
    void aCommentOutsideAnyBlockIsKept() throws IOException {
        Path in = odd("c_raw.fif", FiffId.VERSION_1_4, DIR_NONE, GOOD_ID, true);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertTrue(Set.of(0, 4).contains(r.status()), r.toString());
        assertEquals("outside any block", TagData.string(TestFiles.values(dir.resolve("c_raw_anonymized.fif"),
                FiffKind.COMMENT).get(0)));
    }

    @org.junit.jupiter.api.Test
    void anIdOfTwelveBytesWithADateOffsetIsStatusSevenAndNothingIsWrittenOrDeleted() throws IOException {
        Path in = odd("id12_raw.fif", FiffId.VERSION_1_4, DIR_NONE, new byte[12], false);
        String before = sha256(in);
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "--mdo", "35", "-d", "-f");
        assertEquals(7, r.status(), r.toString());
        assertTrue(r.err().startsWith("mne_anonymize: " + in + ": offset "), r.toString());
        assertEquals(List.of("id12_raw.fif"), Folders.listing(dir));
        assertEquals(before, sha256(in));
    }
}
