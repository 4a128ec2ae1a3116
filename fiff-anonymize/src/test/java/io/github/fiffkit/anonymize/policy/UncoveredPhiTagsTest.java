package io.github.fiffkit.anonymize.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tags of the seed table (the mne-anonymize preset's) a policy built in code leaves unchanged. */
class UncoveredPhiTagsTest {
    private static final PolicyBase SEED = Preset.MNE_ANONYMIZE;

    private static PhiTag tag(int kind) {
        return new PhiTag(kind, null);
    }

    /** A policy of its own with a rule changing each seed tag, except the kinds given. */
    private static Policy.Builder coveringAllBut(int... except) {
        Policy.Builder b = Policy.builder("own");
        for (PhiTag t : SEED.phiTags()) {
            if (java.util.Arrays.stream(except).noneMatch(k -> k == t.kind())) {
                Selector s = Selector.kind(t.kind());
                b.rule(Rule.of(t.inBlock() == null ? s : s.inBlock(t.inBlock()), t.kind() == FiffKind.FILE_ID
                        ? Actions.rewriteId() : Actions.remove()));
            }
        }
        return b;
    }

    @Test
    void theSeedTableIsWhatTheMneAnonymizePresetChangesByDefault() {
        List<PhiTag> seed = SEED.phiTags();
        List<PhiTag> fromRules = new ArrayList<>();
        for (Rule r : Preset.MNE_ANONYMIZE.rules(PolicyOptions.NONE)) {
            PhiTag t = new PhiTag(r.selector().kindOrNull(), r.selector().inBlockOrNull());
            if (!fromRules.contains(t)) {
                fromRules.add(t);
            }
        }
        assertEquals(fromRules, seed);
        assertEquals(18, seed.size(), seed::toString);
        assertTrue(seed.contains(tag(FiffKind.SUBJ_FIRST_NAME)));
        assertTrue(seed.contains(tag(FiffKind.FILE_ID)));
        assertTrue(seed.contains(new PhiTag(FiffKind.COMMENT, FiffBlock.MEAS_INFO)), "the comment only as the"
                + " measurement's description");
        assertFalse(seed.contains(tag(FiffKind.COMMENT)));
        assertFalse(seed.contains(tag(FiffKind.SUBJ_WEIGHT)), "brute's tags are not in the default table");
        assertEquals("FIFF_COMMENT in FIFFB_MEAS_INFO", new PhiTag(FiffKind.COMMENT, FiffBlock.MEAS_INFO).toString());
    }

    @Test
    void aPolicyWithNoRulesAndNoPresetLeavesTheWholeTable() {
        assertEquals(SEED.phiTags(), Policy.builder("nothing").build().uncoveredPhiTags(SEED));
    }

    @Test
    void thePresetsCoverTheTableExceptWhatMnePythonChangesOnlyWithBrute() {
        assertEquals(List.of(), Policy.of(Preset.MNE_ANONYMIZE).uncoveredPhiTags(SEED));
        assertEquals(List.of(), Policy.of(Preset.STRICT).uncoveredPhiTags(SEED));
        assertEquals(List.of(tag(FiffKind.SUBJ_COMMENT), tag(FiffKind.PROJ_PERSONS)),
                Policy.of(Preset.MNE_PYTHON).uncoveredPhiTags(SEED));
        assertEquals(List.of(), Policy.of(Preset.MNE_PYTHON).withOptions(PolicyOptions.NONE.withBrute(true))
                .uncoveredPhiTags(SEED));
        assertEquals(List.of(tag(FiffKind.SUBJ_HIS_ID)), Policy.of(Preset.MNE_ANONYMIZE)
                .withOptions(PolicyOptions.NONE.withKeepHis(true)).uncoveredPhiTags(SEED));
    }

    @Test
    void aKeepRuleBeforeThePresetsLeavesItsTag() {
        Policy p = Policy.builder("lab").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.EXPERIMENTER), Actions.keep())).build();
        assertEquals(List.of(tag(FiffKind.EXPERIMENTER)), p.uncoveredPhiTags(SEED));
    }

    @Test
    void everyTagChangedByTheRulesOfAPolicyOfItsOwnIsCovered() {
        assertEquals(List.of(), coveringAllBut().build().uncoveredPhiTags(SEED));
        assertEquals(List.of(tag(FiffKind.SUBJ_LAST_NAME), tag(FiffKind.PROJ_PERSONS)),
                coveringAllBut(FiffKind.SUBJ_LAST_NAME, FiffKind.PROJ_PERSONS).build().uncoveredPhiTags(SEED));
    }

    @Test
    void theMeasurementCommentIsCoveredByARuleForEveryCommentOrForThoseInTheMeasurementInfo() {
        PhiTag comment = new PhiTag(FiffKind.COMMENT, FiffBlock.MEAS_INFO);
        Policy anywhere = coveringAllBut(FiffKind.COMMENT)
                .rule(Rule.of(Selector.kind(FiffKind.COMMENT), Actions.scrub())).build();
        assertEquals(List.of(), anywhere.uncoveredPhiTags(SEED));
        Policy under = coveringAllBut(FiffKind.COMMENT)
                .rule(Rule.of(Selector.kind(FiffKind.COMMENT).underBlock(FiffBlock.MEAS_INFO), Actions.remove()))
                .build();
        assertEquals(List.of(), under.uncoveredPhiTags(SEED));
        Policy annotations = coveringAllBut(FiffKind.COMMENT)
                .rule(Rule.of(Selector.kind(FiffKind.COMMENT).inBlock(FiffBlock.MNE_ANNOTATIONS), Actions.scrub()))
                .build();
        assertEquals(List.of(comment), annotations.uncoveredPhiTags(SEED));
    }

    @Test
    void aRuleThatMayLeaveSomeOccurrencesOutDoesNotCoverItsTag() {
        Policy typed = coveringAllBut(FiffKind.SUBJ_ID)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID).type(FiffType.INT), Actions.replace("0"))).build();
        assertEquals(List.of(tag(FiffKind.SUBJ_ID)), typed.uncoveredPhiTags(SEED), "a text subject id stays");
        Policy coded = coveringAllBut(FiffKind.SUBJ_ID)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID).where(t -> t.type() == FiffType.INT, "int"),
                        Actions.replace("0"))).build();
        assertEquals(List.of(tag(FiffKind.SUBJ_ID)), coded.uncoveredPhiTags(SEED));
        Policy thenAll = coveringAllBut(FiffKind.SUBJ_ID)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID).type(FiffType.INT), Actions.replace("0")))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.remove())).build();
        assertEquals(List.of(), thenAll.uncoveredPhiTags(SEED), "the rest goes to the next rule");
        Policy keptFirst = coveringAllBut(FiffKind.SUBJ_ID)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID).type(FiffType.STRING), Actions.keep()))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_ID), Actions.remove())).build();
        assertEquals(List.of(tag(FiffKind.SUBJ_ID)), keptFirst.uncoveredPhiTags(SEED));
    }

    @Test
    void removingUnmatchedTagsCoversAllButTheFileIdWhichNoPolicyMayRemove() {
        Policy p = Policy.builder("remove the rest").unmatched(Unmatched.REMOVE).build();
        assertEquals(List.of(tag(FiffKind.FILE_ID)), p.uncoveredPhiTags(SEED));
        Policy withId = p.toBuilder().rule(Rule.of(Selector.kind(FiffKind.FILE_ID), Actions.rewriteId())).build();
        assertEquals(List.of(), withId.uncoveredPhiTags(SEED));
    }
}
