package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.Sha256;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Corruption;
import io.github.fiffkit.testkit.Corruptions;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every damaged file of the test kit's {@link Corruptions} through the anonymizer: a format error names the file
 * and the damaged tag's offset and leaves nothing; a tolerated file gives a valid output with a warning; whatever
 * happens, the input is unchanged and nothing but the documented exceptions escapes.
 */
class CorruptionsThroughAnonymizerTest {
    @TempDir
    Path dir;

    static Stream<Corruption> corruptions() {
        return Corruptions.of(Corruptions.baseFile(1)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void eachCorruptionIsRejectedOrToleratedAsDocumented(Corruption c) throws IOException {
        Path in = c.write(dir.resolve("in.fif"));
        String before = Sha256.hex(in);
        Path out = dir.resolve("out.fif");
        Anonymizer a = Anonymizer.builder().leakCheck(true).build();
        switch (c.expect()) {
            case FORMAT_ERROR -> {
                FiffFormatException e = assertThrows(FiffFormatException.class, () -> a.anonymize(in, out));
                assertTrue(c.problems().contains(e.problem()), e.getMessage());
                if (c.offset() >= 0) {
                    assertEquals(c.offset(), e.offset(), e.getMessage());
                }
                assertTrue(e.getMessage().startsWith(in + ": offset " + e.offset() + ": "), e.getMessage());
                assertEquals(List.of("in.fif"), Folders.listing(dir));
            }
            case WARNING -> {
                AnonymizationResult r = a.anonymize(in, out);
                assertFalse(r.warnings().isEmpty(), "a warning");
                assertValid(out);
            }
            default -> {
                try {
                    a.anonymize(in, out);
                    assertValid(out);
                } catch (FiffFormatException | PolicyException e) {
                    assertTrue(e.getMessage().startsWith(in.toString()), e.getMessage());
                    assertEquals(List.of("in.fif"), Folders.listing(dir));
                } catch (IOException | RuntimeException e) {
                    fail("only the documented exceptions may escape", e);
                }
            }
        }
        assertEquals(before, Sha256.hex(in), "the input is unchanged");
    }

    private void assertValid(Path out) throws IOException {
        assertEquals(List.of("in.fif", "out.fif"), Folders.listing(dir));
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                r.readData();
            }
        }
    }
}
