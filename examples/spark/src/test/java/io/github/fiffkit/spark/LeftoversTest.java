package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed attempt leaves (temporary files beside the targets and the state files) is removed by the next
 * attempt that starts the unit, by a re-run that skips it, and by the driver's final sweep; a live attempt's newer
 * files are left alone; a unit finished by an earlier attempt of the same run is not "already done".
 */
class LeftoversTest {
    @TempDir
    Path dir;

    private static final Configuration CONF = new Configuration();
    private static final PolicySettings STRICT = new PolicySettings(Preset.STRICT.id(), null, null, null, true,
            false, false, false, null, null, 35, null, 35, true, true);

    private static Path temp(Path target, String id, long ageMillis) throws IOException {
        Path t = target.resolveSibling("." + target.getFileName() + ".fiffkit-" + id + ".tmp");
        Files.createDirectories(t.getParent());
        Files.writeString(t, "partial output of a killed attempt");
        Files.setLastModifiedTime(t, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return t;
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return new org.apache.hadoop.fs.Path(p.toUri());
    }

    @Test
    void onlyOlderTemporariesOfTheGivenTargetsGo() throws IOException {
        Path a = dir.resolve("a.fif");
        Files.writeString(a, "output");
        Path old = temp(a, "00000001", 60_000);
        Path live = temp(a, "00000002", -60_000);
        Path otherTarget = temp(dir.resolve("b.fif"), "00000003", 60_000);
        Path longerName = temp(dir.resolve("a.fif.gz"), "00000004", 60_000);
        Path notOurs = temp(a, "x", 60_000);
        Path userFile = Files.writeString(dir.resolve(".a.fif.fiffkit-notes.txt"), "a user's file");
        Files.setLastModifiedTime(userFile, FileTime.fromMillis(0));

        List<org.apache.hadoop.fs.Path> removed = Temporaries.removeStale(List.of(hadoop(a),
                hadoop(dir.resolve("missing/c.fif"))), System.currentTimeMillis(), CONF);

        assertEquals(List.of(old.getFileName().toString()), removed.stream().map(p -> p.getName()).toList());
        for (Path kept : List.of(a, live, otherTarget, longerName, notOurs, userFile)) {
            assertTrue(Files.exists(kept), kept.toString());
        }
        assertEquals(List.of(live.getFileName().toString(), otherTarget.getFileName().toString()),
                Temporaries.removeStale(List.of(hadoop(a), hadoop(dir.resolve("b.fif"))), Long.MAX_VALUE, CONF)
                        .stream().map(p -> p.getName()).sorted().toList(), "all of a's and b's, once no task runs");
    }

    @Test
    void aRerunRemovesWhatAKilledAttemptLeftAlsoForAUnitItSkips() throws IOException {
        Path in = PhiFiles.write(dir.resolve("in/s01_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out/s01_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Unit unit = new Unit("u1", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);

        UnitWorker.Outcome first = UnitWorker.process(unit, STRICT, "fp", CONF, stateDir, null, "run-1");
        assertFalse(first.skipped());
        byte[] written = Files.readAllBytes(out);
        Path state = SparkTests.local(UnitWorker.stateFile(stateDir, unit).toUri().toString());
        // a killed attempt of a later run: a partial output, a replaced output's backup, a state file half written
        List<Path> stale = new ArrayList<>(List.of(temp(out, "0000000a", 10_000), temp(out, "0000000b", 20_000),
                temp(state, "0000000c", 10_000)));
        Path live = temp(out, "0000000d", -10_000);

        UnitWorker.Outcome rerun = UnitWorker.process(unit, STRICT, "fp", CONF, stateDir, null, "run-2");

        assertTrue(rerun.skipped(), "finished by the first run");
        assertEquals(first.rows(), rerun.rows());
        for (Path s : stale.subList(0, 2)) {
            assertFalse(Files.exists(s), s + " is left");
        }
        assertTrue(Files.exists(live), "a live attempt's file, newer than the task, stays");
        assertArrayEquals(written, Files.readAllBytes(out));

        assertTrue(Files.exists(stale.get(2)), "the state folder is the driver's to sweep");
        List<org.apache.hadoop.fs.Path> swept = ArchiveJob.removeLeftovers(List.of(unit), stateDir, 0,
                Long.MAX_VALUE, CONF);
        assertEquals(2, swept.size(), "the driver's sweep, once every task has ended: " + swept);
        assertEquals(List.of("s01_raw.fif"), Folders.listing(out.getParent()).stream()
                .filter(n -> !n.equals("_fiffkit")).toList());
        assertEquals(List.of("u1.jsonl"), Folders.listing(state.getParent()));
    }

    @Test
    void aUnitAnEarlierAttemptOfThisRunFinishedIsNotAlreadyDone() throws IOException {
        Path in = PhiFiles.write(dir.resolve("in/s02_raw.fif"), "Okafor", 2);
        Path out = dir.resolve("out/s02_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Unit unit = new Unit("u2", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);

        UnitWorker.Outcome killedAttempt = UnitWorker.process(unit, STRICT, "fp", CONF, stateDir, null, "run-1");
        UnitWorker.Outcome retry = UnitWorker.process(unit, STRICT, "fp", CONF, stateDir, null, "run-1");

        assertFalse(killedAttempt.skipped());
        assertFalse(retry.skipped(), "done by this run, on a fresh output");
        assertEquals(killedAttempt.rows(), retry.rows());
        assertTrue(retry.rows().get(0).contains("\"run\":\"run-1\""), retry.rows().get(0));
    }

    /** Settings whose dates move per subject, as a job with a key file needs. */
    private PolicySettings keyed() throws IOException {
        Files.writeString(dir.resolve("study.secret"), "the study's secret\n");
        Path policy = Files.writeString(dir.resolve("study.json"), """
                {"fiffPolicy": 1, "extends": "mne-anonymize",
                 "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_HIS_ID"], "min": 365, "max": 3650,
                                                          "secret": "file:study.secret"}}}}""");
        return new PolicySettings(null, policy.toString(), null, null, false, false, false, false,
                null, null, null, null, null, true, true);
    }

    @Test
    void withAKeyFileAUnitAnEarlierAttemptOfThisRunFinishedIsDoneAgainForItsKeyRows() throws IOException {
        PolicySettings keyed = keyed();
        Path in = PhiFiles.write(dir.resolve("in/s03_raw.fif"), "Lindqvist", 3);
        Path out = dir.resolve("out/s03_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Unit unit = new Unit("u3", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);

        UnitWorker.Outcome killedAttempt = UnitWorker.process(unit, keyed, "fp", CONF, stateDir, List.of(), "run-1");
        UnitWorker.Outcome retry = UnitWorker.process(unit, keyed, "fp", CONF, stateDir, List.of(), "run-1");
        UnitWorker.Outcome laterRun = UnitWorker.process(unit, keyed, "fp", CONF, stateDir,
                killedAttempt.keyRows(), "run-2");

        assertEquals(1, killedAttempt.keyRows().size());
        assertFalse(retry.skipped());
        assertEquals(killedAttempt.keyRows(), retry.keyRows(), "the rows the killed attempt could not return");
        assertEquals(killedAttempt.rows(), retry.rows());
        assertTrue(laterRun.skipped(), "a later run's driver has the rows in its key file already");
        assertEquals(List.of(), laterRun.keyRows());
    }

    @Test
    void withAKeyFileThatLacksItsRowsAUnitAnotherRunFinishedIsDoneAgainToTheSameBytes() throws IOException {
        PolicySettings keyed = keyed();
        Path in = PhiFiles.write(dir.resolve("in/s05_raw.fif"), "Lindqvist", 5);
        Path out = dir.resolve("out/s05_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Unit unit = new Unit("u5", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);
        // a run whose driver never appended the rows (an abort, a report it could not write)
        UnitWorker.Outcome first = UnitWorker.process(unit, keyed, "fp", CONF, stateDir, List.of(), "run-1");
        byte[] bytes = Files.readAllBytes(out);

        UnitWorker.Outcome rerun = UnitWorker.process(unit, keyed, "fp", CONF, stateDir, List.of(), "run-2");

        assertEquals(1, first.keyRows().size());
        assertFalse(rerun.skipped(), "the key file lacks its row: not already done");
        assertEquals(first.keyRows(), rerun.keyRows());
        assertArrayEquals(bytes, Files.readAllBytes(out));
        assertTrue(rerun.rows().get(0).contains("\"run\":\"run-2\""), rerun.rows().get(0));
    }

    @Test
    void aJobRemovesWhatEarlierRunsLeftBesideEveryUnitsFilesBeforeItRuns() throws IOException {
        Path in = PhiFiles.write(dir.resolve("in/s04_raw.fif"), "Okafor", 4);
        Path out = dir.resolve("out/s04_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Unit unit = new Unit("u4", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);
        UnitWorker.process(unit, STRICT, "fp", CONF, stateDir, null, "run-1");
        Path state = SparkTests.local(UnitWorker.stateFile(stateDir, unit).toUri().toString());
        Path oldOutput = temp(out, "0000000e", 60_000);
        Path oldState = temp(state, "0000000f", 60_000);
        Path running = temp(out, "0000000g", -60_000);

        List<org.apache.hadoop.fs.Path> swept = ArchiveJob.removeLeftovers(List.of(unit), stateDir, 0,
                System.currentTimeMillis(), CONF);

        assertEquals(List.of(oldOutput.getFileName().toString(), oldState.getFileName().toString()),
                swept.stream().map(p -> p.getName()).sorted().toList());
        assertTrue(Files.exists(running), "changed after the job started: not an earlier run's");
    }
}
