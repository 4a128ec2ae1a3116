package io.github.fiffkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Corruption.Expect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorruptionsTest {
    @TempDir
    Path tmp;

    /** What walking a file and decoding every value gives. */
    private record Observed(FiffFormatException chainError, FiffFormatException valueError, long valueErrorAt,
            int warnings) {
    }

    private static Observed observe(Path file) throws IOException {
        FiffFormatException valueError = null;
        long valueErrorAt = -1;
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                try {
                    r.readValue();
                } catch (FiffFormatException e) {
                    if (valueError == null) {
                        valueError = e;
                        valueErrorAt = t.position();
                    }
                }
            }
            return new Observed(null, valueError, valueErrorAt, r.warnings().size());
        } catch (FiffFormatException e) {
            return new Observed(e, valueError, valueErrorAt, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void everyCorruptionGivesItsDeclaredOutcome(long seed) throws IOException {
        Generated valid = Corruptions.baseFile(seed);
        List<Corruption> all = Corruptions.of(valid);
        Set<String> names = new HashSet<>();
        Set<Expect> seen = EnumSet.noneOf(Expect.class);
        for (Corruption c : all) {
            assertTrue(names.add(c.name()), "unique name " + c.name());
            seen.add(c.expect());
            Observed o = observe(c.write(tmp.resolve("bad.fif")));
            String why = "seed " + seed + ", " + c + ": " + o;
            switch (c.expect()) {
                case FORMAT_ERROR -> {
                    assertNotNull(o.chainError(), why);
                    assertTrue(c.problems().contains(o.chainError().problem()), why + " " + o.chainError());
                    assertTrue(o.chainError().getMessage().contains("bad.fif"), "names the file: " + o.chainError());
                }
                case VALUE_ERROR -> {
                    assertEquals(null, o.chainError(), why);
                    assertNotNull(o.valueError(), why);
                    assertEquals(c.offset(), o.valueErrorAt(), why);
                    assertTrue(c.problems().contains(o.valueError().problem()), why);
                }
                case WARNING -> {
                    assertEquals(null, o.chainError(), why);
                    assertEquals(null, o.valueError(), why);
                    assertTrue(o.warnings() > 0, why);
                }
                case READS -> {
                    assertEquals(null, o.chainError(), why);
                    assertEquals(null, o.valueError(), why);
                    assertEquals(0, o.warnings(), why);
                }
                case ANY -> {
                    // observe() lets only FiffFormatException through as a result; anything else fails the test
                }
                default -> fail();
            }
        }
        assertEquals(EnumSet.allOf(Expect.class), seen, "every class of outcome is exercised");
        int tags = valid.chain().size();
        assertTrue(all.stream().filter(c -> c.name().startsWith("cut-")).count() >= 2L * tags,
                "truncation in every region of every tag");
    }

    @ParameterizedTest
    @MethodSource("io.github.fiffkit.testkit.SyntheticFiffTest#seeds")
    void randomDamageToAnyFlavourGivesOnlyFormatExceptions(long seed) throws IOException {
        Generated g = SyntheticFiff.builder(seed).randomFlavour().directory(seed % 2 == 0).generate();
        for (Corruption c : Corruptions.randomDamage(g, 8)) {
            Path file = c.write(tmp.resolve("damaged.fif"));
            try (FiffReader r = FiffReader.open(file)) {
                for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                    try {
                        r.readValue();
                    } catch (FiffFormatException e) {
                        // a value that does not fit its type: allowed
                    }
                }
                r.readDirectory();
            } catch (FiffFormatException e) {
                assertTrue(e.getMessage().contains("damaged.fif"), c + ": " + e);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", " + c + ": " + e + "\n" + g.listing(), e);
            }
        }
    }

    @Test
    void theValidFileItselfReadsCleanly() throws IOException {
        Observed o = observe(Corruptions.baseFile(1).write(tmp.resolve("ok.fif")));
        assertEquals(new Observed(null, null, -1, 0), o);
    }

    @Test
    void filesWithJumpsOrHiddenTagsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Corruptions.of(SyntheticFiff.builder(1).hiddenTags(1)
                .generate()));
        assertThrows(IllegalArgumentException.class, () -> Corruptions.of(SyntheticFiff.builder(1)
                .nonSequential(true).generate()));
    }

    @Test
    void corruptionsAreReproducible() {
        List<Corruption> a = Corruptions.of(Corruptions.baseFile(3));
        List<Corruption> b = Corruptions.of(Corruptions.baseFile(3));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertFalse(!java.util.Arrays.equals(a.get(i).bytes(), b.get(i).bytes()), a.get(i).name());
        }
    }
}
