package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.SyntheticFiff.RawFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BigFileTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = RawFormat.class, names = {"INT16", "FLOAT32"})
    void writesAReadableRawRecordingJustBelowTheRequestedSize(RawFormat format) throws IOException {
        long max = 5L * 1024 * 1024 + 12345;
        Path file = tmp.resolve("big_raw.fif");
        long written = BigFile.write(file, max, format);
        assertEquals(written, Files.size(file));
        int row = BigFile.CHANNELS * (format == RawFormat.INT16 ? 2 : 4);
        assertTrue(written <= max && max - written < row + 16 + 1, written + " of " + max);
        int chInfo = 0;
        long samples = 0;
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == FiffKind.CH_INFO) {
                    chInfo++;
                } else if (t.kind() == FiffKind.NCHAN) {
                    assertArrayEquals(new int[] {367}, (int[]) r.readValue());
                } else if (t.kind() == FiffKind.SFREQ) {
                    assertArrayEquals(new float[] {1000f}, (float[]) r.readValue());
                } else if (t.kind() == FiffKind.DATA_BUFFER) {
                    assertEquals(format.type(), t.type());
                    assertEquals(0, t.size() % row);
                    assertTrue(r.blockPath().contains(FiffBlock.RAW_DATA));
                    samples += t.size() / row;
                }
            }
            assertTrue(r.isTerminated());
            assertEquals(List.of(), r.warnings());
        }
        assertEquals(306 + 60 + 1, chInfo);
        assertTrue(samples <= max / row && samples > 0.97 * max / row, "the data fills the file: " + samples);
    }

    @Test
    void aDurationGivesThatManyOneSecondBuffers() throws IOException {
        Path file = tmp.resolve("ten_raw.fif");
        long written = BigFile.writeSeconds(file, 3, RawFormat.FLOAT32);
        assertEquals(written, Files.size(file));
        int buffers = 0;
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == FiffKind.DATA_BUFFER) {
                    assertEquals(1000 * BigFile.CHANNELS * 4, t.size());
                    buffers++;
                }
            }
        }
        assertEquals(3, buffers);
        assertThrows(IllegalArgumentException.class, () -> BigFile.writeSeconds(file, 3000, RawFormat.FLOAT32));
    }

    @Test
    void theStimulusChannelPulsesOncePerSecond() throws IOException {
        Path file = tmp.resolve("stim_raw.fif");
        BigFile.write(file, 3L * 1024 * 1024, RawFormat.INT16);
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == FiffKind.DATA_BUFFER && t.size() == 1000 * BigFile.CHANNELS * 2) {
                    short[] s = TagData.shorts(r.readData());
                    int stim = BigFile.CHANNELS - 1;
                    assertTrue(s[stim] > 0, "pulse at the first sample");
                    assertEquals(0, s[100 * BigFile.CHANNELS + stim]);
                    return;
                }
            }
        }
        throw new AssertionError("no full buffer");
    }

    @Test
    void sizesParseWithSuffixesAndAreBounded() {
        assertEquals(1536, BigFile.parseSize("1536"));
        assertEquals(512L << 20, BigFile.parseSize("512M"));
        assertEquals(1L << 30, BigFile.parseSize("1g"));
        assertEquals(64L << 10, BigFile.parseSize("64K"));
        assertThrows(IllegalArgumentException.class, () -> BigFile.parseSize("lots"));
        assertThrows(IllegalArgumentException.class, () -> BigFile.write(tmp.resolve("x.fif"), 2L << 30,
                RawFormat.INT16));
        assertThrows(IllegalArgumentException.class, () -> BigFile.write(tmp.resolve("x.fif"), 1000,
                RawFormat.INT16));
    }
}
