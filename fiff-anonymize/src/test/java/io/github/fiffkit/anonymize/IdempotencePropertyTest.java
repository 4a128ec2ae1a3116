package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.fiffkit.testkit.Generated;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property test over generated files: anonymizing an anonymized file with the same preset changes nothing. */
class IdempotencePropertyTest {
    @TempDir
    Path tmp;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seedsAndPresets() {
        return CanaryPropertyTest.seedsAndPresets().filter(a -> (long) a.get()[0] % 2 == 0);
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndPresets")
    void anonymizingTwiceEqualsOnce(long seed, Preset preset) throws IOException {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().canaries(true).generate();
        Path in = g.write(tmp.resolve("in_raw.fif"));
        Path once = tmp.resolve("once_raw.fif");
        Path twice = tmp.resolve("twice_raw.fif");
        Anonymizer a = Anonymizer.builder().preset(preset).build();
        a.anonymize(in, once);
        a.anonymize(once, twice);
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(twice), "seed " + seed + ", " + preset
                + "\n" + g.listing());
    }
}
