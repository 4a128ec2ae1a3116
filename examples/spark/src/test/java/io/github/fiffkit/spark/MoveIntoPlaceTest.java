package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs of a recording are renamed into place all or nothing. */
class MoveIntoPlaceTest {
    @TempDir
    java.nio.file.Path dir;

    private Map<String, String> listing() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (java.nio.file.Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    private static Path hadoop(java.nio.file.Path p) {
        return new Path(p.toUri());
    }

    @Test
    void aFailedRenameOfPartThreeUndoesPartsOneAndTwo() throws IOException {
        Configuration conf = new Configuration();
        Files.writeString(dir.resolve("r.fif"), "old part 1");
        List<Path> targets = List.of(hadoop(dir.resolve("r.fif")), hadoop(dir.resolve("r-1.fif")),
                hadoop(dir.resolve("r-2.fif")));
        List<Path> temps = targets.stream().map(Temporaries::name).toList();
        Files.writeString(dir.resolve(temps.get(0).getName()), "new part 1");
        Files.writeString(dir.resolve(temps.get(1).getName()), "new part 2");
        // the third output is missing: its rename fails

        IOException e = assertThrows(IOException.class, () -> Temporaries.moveIntoPlace(temps, targets, conf));

        assertEquals(0, e.getSuppressed().length);
        assertEquals(Map.of("r.fif", "old part 1"), listing());
    }

    @Test
    void everyOutputReplacesItsTarget() throws IOException {
        Configuration conf = new Configuration();
        Files.writeString(dir.resolve("r.fif"), "old part 1");
        List<Path> targets = List.of(hadoop(dir.resolve("r.fif")), hadoop(dir.resolve("r-1.fif")));
        List<Path> temps = targets.stream().map(Temporaries::name).toList();
        Files.writeString(dir.resolve(temps.get(0).getName()), "new part 1");
        Files.writeString(dir.resolve(temps.get(1).getName()), "new part 2");

        Temporaries.moveIntoPlace(temps, targets, conf);

        assertEquals(Map.of("r.fif", "new part 1", "r-1.fif", "new part 2"), listing());
    }
}
