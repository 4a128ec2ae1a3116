package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's preset table is what {@link PresetTable} prints from the presets' rules. */
class PresetTableTest {
    @Test
    void theReadmeHoldsTheGeneratedTable() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf(PresetTable.BEGIN);
        int end = readme.indexOf(PresetTable.END);
        assertTrue(begin >= 0 && end > begin, "the README has the generated preset table");
        assertEquals(PresetTable.markdown(), readme.substring(begin, end + PresetTable.END.length()) + "\n",
                "the README's preset table is out of date: regenerate it with io.github.fiffkit.app.PresetTable");
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
