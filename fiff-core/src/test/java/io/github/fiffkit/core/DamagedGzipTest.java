package io.github.fiffkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.FiffFormatException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged gzip data is a format error naming the file, never a bare ZipException (found by fuzzing). */
class DamagedGzipTest {
    @TempDir
    Path dir;

    @Test
    void damagedCompressedDataIsNotFiff() throws IOException {
        byte[] gz = FuzzSeeds.gzip(FuzzSeeds.typed());
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] ^= (byte) 0x5A;
        }
        Path f = Files.write(dir.resolve("damaged.fif.gz"), gz);
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> FiffReader.open(f).close());
        assertEquals(Problem.NOT_FIFF, e.problem());
        assertTrue(e.getMessage().startsWith(f + ": offset "), e.getMessage());
        assertTrue(e.getMessage().contains("gzip data is damaged"), e.getMessage());
    }

    @Test
    void cutCompressedDataIsTruncated() throws IOException {
        byte[] gz = FuzzSeeds.gzip(FuzzSeeds.typed());
        Path f = Files.write(dir.resolve("cut.fif.gz"), Arrays.copyOf(gz, gz.length / 2));
        FiffFormatException e = assertThrows(FiffFormatException.class,
                () -> FiffReader.open(Files.newByteChannel(f), f.toString(), FiffLimits.DEFAULT).close());
        assertEquals(Problem.TRUNCATED, e.problem());
        assertTrue(e.getMessage().contains("gzip data ends early"), e.getMessage());
    }

    @Test
    void aBadChecksumIsDamage() throws IOException {
        byte[] gz = FuzzSeeds.gzip(FuzzSeeds.typed());
        gz[gz.length - 6] ^= 1; // inside the CRC-32 of the trailer
        Path f = Files.write(dir.resolve("crc.fif.gz"), gz);
        FiffFormatException e = assertThrows(FiffFormatException.class, () -> FiffReader.open(f).close());
        assertEquals(Problem.NOT_FIFF, e.problem());
    }
}
