package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The preset table of {@code docs/interoperability.md} is what {@link PresetTable} prints from the presets' rules. */
class PresetTableTest {
    /** The page that holds the table (the README's until it was split into docs pages), from this module's folder. */
    private static final Path PAGE = Path.of("../../docs/interoperability.md");

    @Test
    void theInteroperabilityPageHoldsTheGeneratedTable() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = page.indexOf(PresetTable.BEGIN);
        int end = page.indexOf(PresetTable.END);
        assertTrue(begin >= 0 && end > begin, "docs/interoperability.md has the generated preset table");
        assertEquals(PresetTable.markdown(), page.substring(begin, end + PresetTable.END.length()) + "\n",
                "the preset table of docs/interoperability.md is out of date: regenerate it with"
                        + " io.github.fiffkit.app.PresetTable");
    }

    @Test
    void theTableFollowsThePresetsRules() {
        String t = PresetTable.markdown();
        // a row per tag, with the brute column differing from the default one exactly where -b matters
        String sex = t.lines().filter(l -> l.startsWith("| `FIFF_SUBJ_SEX`")).findFirst().orElseThrow();
        assertEquals("| `FIFF_SUBJ_SEX` (405) | with `-b`: 0 | — | `0` | 0 (unless `keep_his`) | `0` | `0` |", sex);
        String hand = t.lines().filter(l -> l.startsWith("| `FIFF_SUBJ_HAND`")).findFirst().orElseThrow();
        assertTrue(hand.endsWith("| removed | `0` |"), hand);
    }
}
