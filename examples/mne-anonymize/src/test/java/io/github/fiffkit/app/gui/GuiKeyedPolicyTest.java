package io.github.fiffkit.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import io.github.fiffkit.core.FiffTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window takes a policy file with per-subject date offsets as it takes any other: its path is enough. */
class GuiKeyedPolicyTest {
    @TempDir
    Path dir;

    @Test
    void aPerSubjectPolicyMovesTheRecordingByTheSubjectsOffsetInTheWindowToo() throws IOException {
        Path in = Files.copy(GuiModelTest.SAMPLE, dir.resolve("a_raw.fif"));
        Files.writeString(dir.resolve("study.secret"), "the study's secret\n");
        Path policy = Files.writeString(dir.resolve("study.json"), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": 100, "max": 200,
                                                          "secret": "file:study.secret"}},
                           "birthday": {"followMeasurement": true}}}""");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(in));
        m.setPolicy(policy.toString());
        assertEquals(List.of(), m.problems());
        assertTrue(m.read().stream().anyMatch(r -> r.field().equals("FIFF_MEAS_DATE")), "Read shows the date change");
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertTrue(done.get(0).ok(), done.toString());
        FiffTime before = TestFiles.measDate(in);
        FiffTime after = TestFiles.measDate(done.get(0).outputs().get(0));
        long days = (before.seconds() - (long) after.seconds()) / 86400;
        assertEquals(before.plusDays(-days), after, "whole days");
        assertTrue(days >= 100 && days <= 200, "in the policy's range: " + days);
    }
}
