package io.github.fiffkit.anonymize.policy;

import static io.github.fiffkit.anonymize.Files2.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.Files2.Entry;
import io.github.fiffkit.anonymize.Files2;
import io.github.fiffkit.anonymize.Phi;
import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectorTest {
    @TempDir
    Path dir;

    private static TagInfo tag(int kind, int type, int... blocks) {
        return new TagInfo(new TagHeader(0, kind, type, 4, 0), BlockPath.of(blocks));
    }

    @Test
    void eachPartMustMatch() {
        Selector s = Selector.kind(FiffKind.COMMENT).inBlock(FiffBlock.MEAS_INFO);
        assertTrue(s.matches(tag(FiffKind.COMMENT, FiffType.STRING, FiffBlock.MEAS, FiffBlock.MEAS_INFO)));
        assertFalse(s.matches(tag(FiffKind.COMMENT, FiffType.STRING, FiffBlock.MEAS_INFO, FiffBlock.SUBJECT)));
        assertFalse(s.matches(tag(FiffKind.EXPERIMENTER, FiffType.STRING, FiffBlock.MEAS_INFO)));
        Selector under = Selector.any().underBlock(FiffBlock.MEAS);
        assertTrue(under.matches(tag(1, 1, FiffBlock.MEAS, FiffBlock.MEAS_INFO, FiffBlock.SUBJECT)));
        assertFalse(under.matches(tag(1, 1)));
        Selector typed = Selector.any().type(FiffType.STRING);
        assertTrue(typed.matches(tag(999, FiffType.STRING)));
        assertFalse(typed.matches(tag(999, FiffType.INT)));
        Selector big = Selector.any().where(t -> t.header().size() > 2, "bigger than 2 bytes");
        assertTrue(big.matches(tag(1, 1)));
        assertEquals("any tag where bigger than 2 bytes", big.toString());
        assertEquals("FIFF_COMMENT in FIFFB_MEAS_INFO", s.toString());
    }

    @Test
    void theFirstMatchingRuleWins() throws IOException {
        Policy p = Policy.builder("t")
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_FIRST_NAME), Actions.replace("first")))
                .rule(Rule.of(Selector.any().type(FiffType.STRING).underBlock(FiffBlock.SUBJECT),
                        Actions.replace("second")))
                .build();
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().policy(p).build().anonymize(in, out);
        List<Entry> tags = Files2.read(out);
        assertEquals("first", TagData.string(first(tags, FiffKind.SUBJ_FIRST_NAME).data()));
        assertEquals("second", TagData.string(first(tags, FiffKind.SUBJ_LAST_NAME).data()));
        assertEquals(Phi.EXPERIMENTER, TagData.string(first(tags, FiffKind.EXPERIMENTER).data()));
    }

    @Test
    void userRulesComeBeforeThePresetRules() throws IOException {
        Policy p = Policy.builder("t").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_LAST_NAME), Actions.keep())).build();
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().policy(p).build().anonymize(in, out);
        List<Entry> tags = Files2.read(out);
        assertEquals(Phi.LAST, TagData.string(first(tags, FiffKind.SUBJ_LAST_NAME).data()));
        assertEquals("mne_anonymize", TagData.string(first(tags, FiffKind.SUBJ_FIRST_NAME).data()));
    }

    @Test
    void unmatchedRemoveNeverRemovesStructuralTags() throws IOException {
        Policy p = Policy.builder("t").unmatched(Unmatched.REMOVE)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.keep())).build();
        Path in = Phi.standard().write(dir.resolve("in.fif"));
        Path out = dir.resolve("out.fif");
        Anonymizer.builder().policy(p).build().anonymize(in, out);
        List<Entry> tags = Files2.read(out);
        assertTrue(tags.stream().allMatch(e -> Policy.STRUCTURAL_KINDS.contains(e.kind())
                || e.kind() == FiffKind.SUBJ_ID), tags.stream().map(e -> FiffKind.describe(e.kind())).toList()
                .toString());
        assertEquals(3, Files2.all(tags, FiffKind.DATA_BUFFER).size());
        assertEquals(1, Files2.all(tags, FiffKind.SUBJ_ID).size());
    }

    @Test
    void aRuleThatRemovesAStructuralTagIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Policy.builder("t")
                .rule(Rule.of(Selector.kind(FiffKind.BLOCK_START), Actions.remove())));
    }
}
