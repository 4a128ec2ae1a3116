package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input rewritten while its unit runs fails the unit before its outputs are in place: the library reads a plain
 * input again to write the output after its leak check, so bytes changed in between would reach the output
 * unchecked.
 */
class InputChangedTest {
    @TempDir
    Path dir;

    private static final PolicySettings STRICT = new PolicySettings(Preset.STRICT.id(), null, null, null, true,
            false, false, false, null, null, 35, null, 35, true, true);

    /** The local disk, where a file is "rewritten" (its modification time moved on) right after it is opened. */
    public static final class RewritingFileSystem extends RawLocalFileSystem {
        @Override
        public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize) throws IOException {
            FSDataInputStream in = super.open(f, bufferSize);
            long modified = getFileStatus(f).getModificationTime();
            setTimes(f, modified + 10_000, -1);
            return in;
        }
    }

    private static Unit unit(Path in, Path out) {
        return new Unit("u1", List.of(in.toUri().toString()), List.of(out.toUri().toString()), null);
    }

    @Test
    void anInputThatChangesWhileItIsReadFailsItsUnitWithNothingAtTheTarget() throws IOException {
        Path in = PhiFiles.write(dir.resolve("in/s01_raw.fif"), "Mortensen", 1);
        Path out = dir.resolve("out/s01_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", RewritingFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);

        UnitWorker.Outcome o = UnitWorker.process(unit(in, out), STRICT, "fp", conf, stateDir, null, "run-1");

        JsonNode row = UnitWorker.JSON.readTree(o.rows().get(0));
        assertEquals("failed", row.path("status").asText(), row.toString());
        assertEquals(2, row.path("exitStatus").asInt(), row.toString());
        assertTrue(row.path("error").asText().contains("s01_raw.fif: changed while it was read"), row.toString());
        assertFalse(row.path("error").asText().contains("Mortensen"), row.toString());
        assertFalse(Files.exists(out), "nothing at the target");
        assertEquals(List.of(), Folders.listing(out.getParent()).stream().filter(n -> !n.equals("_fiffkit"))
                .toList(), "no temporary file");
    }

    @Test
    void anUnchangedInputIsWrittenAsBefore() throws IOException {
        Path in = PhiFiles.write(dir.resolve("in/s02_raw.fif"), "Okafor", 2);
        Path out = dir.resolve("out/s02_raw.fif");
        String stateDir = dir.resolve("out/_fiffkit/units").toUri().toString();

        UnitWorker.Outcome o = UnitWorker.process(unit(in, out), STRICT, "fp", new Configuration(), stateDir, null,
                "run-1");

        JsonNode row = UnitWorker.JSON.readTree(o.rows().get(0));
        assertEquals("ok", row.path("status").asText(), row.toString());
        assertTrue(Files.exists(out));
    }
}
