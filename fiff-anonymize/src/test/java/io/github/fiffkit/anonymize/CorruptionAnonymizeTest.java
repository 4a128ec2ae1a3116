package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.testkit.Corruption;
import io.github.fiffkit.testkit.Corruptions;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.Generated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The testkit's corruptions through every preset: a file the codec rejects gives {@link FiffFormatException}
 * (what {@link InputException} documents for a readable file that breaks the format) with the declared problem,
 * naming the file; it leaves no output file (nor a temporary one) and the input is not changed. Any other damaged
 * file is either anonymized or rejected the same way ({@link FiffFormatException}, {@link InputException}, or
 * {@link PolicyException} when a known tag has a type its action cannot handle), never with another exception.
 */
class CorruptionAnonymizeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Preset.class)
    void corruptionsAreRejectedWithoutOutputOrAnonymized(Preset preset) throws IOException {
        Anonymizer anonymizer = Anonymizer.builder().preset(preset).build();
        for (long seed = 1 + preset.ordinal(); seed <= 1 + preset.ordinal(); seed++) {
            Generated valid = Corruptions.baseFile(seed);
            for (Corruption c : Corruptions.of(valid)) {
                Path dir = Files.createDirectories(tmp.resolve(preset + "-" + seed + "-" + c.name()));
                Path in = c.write(dir.resolve("in_raw.fif"));
                Path out = dir.resolve("out_raw.fif");
                String why = "seed " + seed + ", " + preset + ", " + c;
                if (c.expect() == Corruption.Expect.FORMAT_ERROR) {
                    FiffFormatException e = assertThrows(FiffFormatException.class,
                            () -> anonymizer.anonymize(in, out), why);
                    assertTrue(c.problems().contains(e.problem()), why + ": " + e);
                    assertTrue(e.getMessage().contains("in_raw.fif"), why + ": the message names the file: "
                            + e.getMessage());
                    assertNoOutput(dir, why);
                } else {
                    try {
                        anonymizer.anonymize(in, out);
                        assertTrue(Files.isRegularFile(out), why);
                    } catch (FiffFormatException | InputException | PolicyException e) {
                        // a known tag of the wrong type: the policy's action cannot apply to it (PolicyException)
                        assertTrue(e.getMessage().contains("in_raw.fif"), why + ": names the file: " + e);
                        assertNoOutput(dir, why);
                    } catch (IOException | RuntimeException e) {
                        throw new AssertionError(why + ": " + e, e);
                    }
                }
                assertArrayEquals(c.bytes(), Files.readAllBytes(in), why + ": the input is unchanged");
            }
        }
    }

    private static void assertNoOutput(Path dir, String why) throws IOException {
        assertEquals(List.of("in_raw.fif"), Folders.listing(dir), why + ": no output and no temporary file");
        assertFalse(Files.exists(dir.resolve("out_raw.fif")), why);
    }
}
