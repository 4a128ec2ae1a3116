package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeyFile} on rows made by hand: conflicts, outputs written again, where the file goes, appends that take
 * turns, its mode.
 */
class KeyFileTest {
    @TempDir
    Path dir;

    private static KeyFile.Row row(String input, String output, String subject, int days) {
        return new KeyFile.Row(input, output, subject, "", days, "", "", "");
    }

    @Test
    void anOutputWrittenAgainByAnotherInputCannotGiveItsSubjectAnotherOffset() {
        List<KeyFile.Row> known = List.of(row("/in/a.fif", "/out/x.fif", "s1", 100));
        PolicyException e = assertThrows(PolicyException.class,
                () -> KeyFile.check(known, List.of(row("/in/b.fif", "/out/x.fif", "s1", 200))));
        assertTrue(e.getMessage().contains("the subject of this recording has another date offset in line 2"),
                e.getMessage());
    }

    @Test
    void theRowOfAnInputWhoseOutputWasWrittenOverStaysAndStillBindsItsSubject() throws IOException {
        KeyFile keys = new KeyFile(dir.resolve("key.csv"));
        keys.append(List.of(row("/in/a.fif", "/out/x.fif", "s1", 100)));
        keys.append(List.of(row("/in/b.fif", "/out/x.fif", "s2", 200)));
        assertEquals(List.of(row("/in/a.fif", "", "s1", 100), row("/in/b.fif", "/out/x.fif", "s2", 200)),
                keys.read());
        String before = Files.readString(keys.path());
        PolicyException e = assertThrows(PolicyException.class,
                () -> keys.append(List.of(row("/in/c.fif", "/out/y.fif", "s1", 300))));
        assertTrue(e.getMessage().contains("line 2 of the key file"), e.getMessage());
        assertEquals(before, Files.readString(keys.path()));
    }

    @Test
    void theSameInputWrittenAgainToItsOutputReplacesItsRow() throws IOException {
        KeyFile keys = new KeyFile(dir.resolve("key.csv"));
        keys.append(List.of(new KeyFile.Row("/in/a.fif", "/out/x.fif", "s1", "p1", 100, "", "", "")));
        keys.append(List.of(new KeyFile.Row("/in/a.fif", "/out/x.fif", "s1", "p2", 100, "", "", "")));
        assertEquals(List.of(new KeyFile.Row("/in/a.fif", "/out/x.fif", "s1", "p2", 100, "", "", "")), keys.read());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughToItsTarget() throws IOException {
        Path real = Files.createDirectories(dir.resolve("secure")).resolve("key.csv");
        Path link = Files.createSymbolicLink(dir.resolve("key.csv"), Path.of("secure", "key.csv"));
        KeyFile keys = new KeyFile(link);
        keys.append(List.of(row("/in/a.fif", "/out/a.fif", "s1", 100)));
        keys.append(List.of(row("/in/b.fif", "/out/b.fif", "s2", 200)));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(List.of(row("/in/a.fif", "/out/a.fif", "s1", 100), row("/in/b.fif", "/out/b.fif", "s2", 200)),
                new KeyFile(real).read());
        assertEquals(List.of(".key.csv.lock", "key.csv"), Folders.listing(real.getParent()),
                "the lock file beside the target, no temporary file");
        assertFalse(Files.exists(dir.resolve(".key.csv.lock"), LinkOption.NOFOLLOW_LINKS), "none beside the link");
    }

    @Test
    void twoInstancesOnOneKeyFileInTwoThreadsKeepEveryRow() throws Exception {
        Path real = Files.createDirectories(dir.resolve("secure")).resolve("key.csv");
        Path viaLink = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("secure")).resolve("key.csv");
        List<KeyFile> instances = List.of(new KeyFile(real), new KeyFile(viaLink));
        int perThread = 150;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        instances.get(thread).append(List.of(row("/in/" + thread + "-" + i + ".fif",
                                "/out/" + thread + "-" + i + ".fif", "s" + thread + "-" + i, 100 + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEveryRow(new KeyFile(real).read(), 2, perThread);
        assertEquals(List.of(".key.csv.lock", "key.csv"), Folders.listing(real.getParent()));
        Path lock = real.resolveSibling(".key.csv.lock");
        assertEquals(0, Files.size(lock), "the lock file holds nothing");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    }

    @Test
    void appendsOfTwoProcessesTakeTurnsThroughTheLockFile() throws Exception {
        Path key = dir.resolve("key.csv");
        Path go = dir.resolve("go");
        int perProcess = 100;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int c = 1; c <= 2; c++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KeyFileAppender.class.getName(), key.toString(), Integer.toString(c), Integer.toString(perProcess),
                    go.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child" + c + ".log").toFile())
                    .start());
        }
        try {
            for (int c = 1; c <= 2; c++) {
                Path ready = dir.resolve("ready" + c);
                long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!Files.exists(ready)) {
                    assertTrue(System.nanoTime() < until && children.get(c - 1).isAlive(), "child " + c + " ready");
                    Thread.sleep(10);
                }
            }
            Files.createFile(go);
            KeyFileAppender.append(new KeyFile(key), 0, perProcess);
            for (Process p : children) {
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a child ends");
                assertEquals(0, p.exitValue(), () -> "a child's log: " + read(dir.resolve("child1.log"))
                        + read(dir.resolve("child2.log")));
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }
        assertEveryRow(new KeyFile(key).read(), 3, perProcess);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** Every row of {@link KeyFileAppender}'s writers 0 to writers - 1, each there once. */
    private static void assertEveryRow(List<KeyFile.Row> rows, int writers, int each) {
        Set<String> inputs = new HashSet<>();
        rows.forEach(r -> inputs.add(r.input()));
        assertEquals(writers * each, inputs.size(), "every row kept");
        assertEquals(writers * each, rows.size(), "each once");
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < each; i++) {
                assertTrue(inputs.contains("/in/" + w + "-" + i + ".fif"), "row " + w + "-" + i);
            }
        }
    }

    @Test
    void aKeyFileOthersMayReadGetsModeOwnerOnlyAlsoWhenNothingIsAdded() throws IOException {
        Path key = dir.resolve("key.csv");
        KeyFile keys = new KeyFile(key);
        KeyFile.Row one = row("/in/a.fif", "/out/a.fif", "s1", 100);
        keys.append(List.of(one));
        String text = Files.readString(key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        keys.append(List.of(one));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "a run that adds nothing takes the group's and others' permissions away");
        assertEquals(text, Files.readString(key), "and changes nothing else");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        keys.checkUsable();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "the check before any work too");
        assertEquals(text, Files.readString(key));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        keys.checkUsable();
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "the owner's own permissions are the owner's");
        Path notAKeyFile = Files.writeString(dir.resolve("notes.csv"), "input,output\n");
        Files.setPosixFilePermissions(notAKeyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(KeyFileException.class, () -> new KeyFile(notAKeyFile).checkUsable());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(notAKeyFile)),
                "a file that is not a key file is left as it is");
    }

    @Test
    void aConflictNamesTheOffsetColumnThatDiffers() {
        List<KeyFile.Row> known = List.of(new KeyFile.Row("/in/a.fif", "/out/a.fif", "s1", "", 100, "5000", "", ""));
        PolicyException birthday = assertThrows(PolicyException.class, () -> KeyFile.check(known,
                List.of(new KeyFile.Row("/in/b.fif", "/out/b.fif", "s1", "", 100, "6000", "", ""))));
        assertTrue(birthday.getMessage().contains("(the same subject key, a different birthdayOffsetDays): the"
                + " birthday's own offset (dates.birthday.offsetDays"), birthday.getMessage());
        assertFalse(birthday.getMessage().contains("a different offsetDays"), birthday.getMessage());
        PolicyException none = assertThrows(PolicyException.class, () -> KeyFile.check(known,
                List.of(new KeyFile.Row("/in/a.fif", "/out/a2.fif", "s2", "", 100, "", "", ""))));
        assertTrue(none.getMessage().contains("(the same input, a different birthdayOffsetDays)"), none.getMessage());
        PolicyException measurement = assertThrows(PolicyException.class, () -> KeyFile.check(known,
                List.of(new KeyFile.Row("/in/b.fif", "/out/b.fif", "s1", "", 200, "5000", "", ""))));
        assertTrue(measurement.getMessage().contains("(the same subject key, a different offsetDays): the secret, the"
                + " range or the table of offsets of the measurement date"), measurement.getMessage());
        assertFalse(measurement.getMessage().contains("birthdayOffsetDays"), measurement.getMessage());
        PolicyException both = assertThrows(PolicyException.class, () -> KeyFile.check(known,
                List.of(new KeyFile.Row("/in/b.fif", "/out/b.fif", "s1", "", 200, "6000", "", ""))));
        assertTrue(both.getMessage().contains("(the same subject key, a different offsetDays and"
                + " birthdayOffsetDays)"), both.getMessage());
        for (PolicyException e : List.of(birthday, none, measurement, both)) {
            for (String value : List.of("100", "200", "5000", "6000", "s1")) {
                assertFalse(e.getMessage().contains(value), "no value of a row: " + e.getMessage());
            }
        }
    }

    @Test
    void aKeyFileThatCannotBeUsedIsNamedByTheCheckBeforeAnyWork() throws IOException {
        Path missing = dir.resolve("gone").resolve("key.csv");
        KeyFileException e = assertThrows(KeyFileException.class, () -> new KeyFile(missing).checkUsable());
        assertTrue(e.getMessage().startsWith(missing + ": the key file's folder"), e.getMessage());
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xC3, 0x28, 0, 7});
        e = assertThrows(KeyFileException.class, () -> new KeyFile(binary).checkUsable());
        assertEquals(binary + ": not a FiffKit key file (not UTF-8 text); give another key file, or move this file"
                + " away", e.getMessage());
        Path header = Files.writeString(dir.resolve("header.csv"), "input,output\n");
        e = assertThrows(KeyFileException.class, () -> new KeyFile(header).checkUsable());
        assertTrue(e.getMessage().startsWith(header + ": line 1: not a FiffKit key file"), e.getMessage());
        e = assertThrows(KeyFileException.class, () -> new KeyFile(dir).checkUsable());
        assertTrue(e.getMessage().startsWith(dir + ": not a file"), e.getMessage());
        new KeyFile(dir.resolve("new.csv")).checkUsable();
    }

    @Test
    void aFolderGoneBeforeTheWriteIsAnErrorOfTheKeyFile() throws IOException {
        Path key = Files.createDirectories(dir.resolve("secure")).resolve("key.csv");
        KeyFile keys = new KeyFile(key);
        keys.checkUsable();
        Files.delete(key.getParent());
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> keys.append(List.of(row("/in/a.fif", "/out/a.fif", "s1", 100))));
        assertTrue(e.getMessage().startsWith(key + ": the key file cannot be written ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); it is unchanged"), e.getMessage());
    }
}
