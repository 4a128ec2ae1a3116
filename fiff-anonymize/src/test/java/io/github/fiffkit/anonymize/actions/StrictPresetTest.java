package io.github.fiffkit.anonymize.actions;

import static io.github.fiffkit.anonymize.Files2.all;
import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictPresetTest {
    @TempDir
    Path dir;

    private Path out;

    private List<Entry> run(Phi f, AnonymizerBuilder b) throws IOException {
        Path in = f.write(dir.resolve("in.fif"));
        out = dir.resolve("out.fif");
        b.build().anonymize(in, out);
        return Files2.read(out);
    }

    private static AnonymizerBuilder strict() {
        return Anonymizer.builder().preset(Preset.STRICT).leakCheck(true);
    }

    @Test
    void scrubsKnownNamesInsideFreeTextKeepingItsLengthAndStructure() throws IOException {
        List<Entry> tags = run(Phi.standard(), strict());
        assertEquals("patient XXXXXXXXX gain 2", TagData.string(first(tags, FiffKind.DACQ_PARS).data()));
        assertEquals("BAD_XXXXXXXXX_moved:blink",
                TagData.string(first(tags, FiffKind.COMMENT, FiffBlock.MNE_ANNOTATIONS).data()));
        assertEquals("maxfilter 2.2", TagData.string(first(tags, FiffKind.CREATOR).data()));
    }

    @Test
    void leavesNoOriginalNameAnywhereInTheOutputBytes() throws IOException {
        AnonymizationResult r;
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        out = dir.resolve("out.fif");
        r = strict().build().anonymize(in, out);
        assertTrue(r.leaks().isEmpty(), r.leaks().toString());
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String phi : new String[] {Phi.FIRST, Phi.LAST, Phi.HIS, "Alvarez", "Northfield", "SN-99172",
            "guid-1234", "jmortensen", "Tinnitus2019", "violinist"}) {
            assertFalse(bytes.contains(phi.toLowerCase(Locale.ROOT)), phi + " leaked");
        }
    }

    @Test
    void theBirthdayKeepsItsYearOnly() throws IOException {
        List<Entry> tags = run(Phi.standard(), strict());
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(1980, 1, 1))},
                TagData.ints(first(tags, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void aSubjectOlderThan89GetsTheYearThatMakesThemNinety() throws IOException {
        Phi f = Phi.standard();
        f.set(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(Julian.of(LocalDate.of(1920, 6, 1))));
        List<Entry> tags = run(f, strict());
        // measured in 2019: born 1920 makes 98; the output is dated 2000-01-01, where the subject is shown as 90
        assertArrayEquals(new int[] {Julian.of(LocalDate.of(1910, 1, 1))},
                TagData.ints(first(tags, FiffKind.SUBJ_BIRTH_DAY).data()));
    }

    @Test
    void removesTheUtcOffsetAndReplacesDeviceAndHeliumIdentifiers() throws IOException {
        List<Entry> tags = run(Phi.standard(), strict());
        assertTrue(all(tags, FiffKind.UTC_OFFSET).isEmpty());
        for (int k : new int[] {FiffKind.DEVICE_SERIAL, FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID,
            FiffKind.MNE_ENV_WORKING_DIR, FiffKind.MNE_ENV_COMMAND_LINE, FiffKind.PROJ_NAME}) {
            assertEquals("mne_anonymize", TagData.string(first(tags, k).data()), FiffKind.describe(k));
        }
        assertArrayEquals(new int[] {0}, TagData.ints(first(tags, FiffKind.SUBJ_SEX).data()));
    }

    @Test
    void channelNameListsAreNeverScrubbed() throws IOException {
        Phi f = Phi.standard();
        f.tags.add(f.tags.size() - 1, new Phi.T(FiffKind.BAD_CHS, FiffType.STRING,
                TagData.ofString("MEG 0113:" + Phi.LAST)));
        List<Entry> tags = run(f, Anonymizer.builder().preset(Preset.STRICT));
        assertEquals("MEG 0113:" + Phi.LAST, TagData.string(first(tags, FiffKind.BAD_CHS).data()));
    }

    @Test
    void dropHeadShapeRemovesOnlyTheExtraPoints() throws IOException {
        List<Entry> tags = run(Phi.standard(), strict().dropHeadShape(true));
        assertEquals(1, all(tags, FiffKind.DIG_POINT).size());
        List<Entry> kept = run(Phi.standard(), strict());
        assertEquals(2, all(kept, FiffKind.DIG_POINT).size());
    }
}
