package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KeyFile} on rows made by hand: conflicts, outputs written again, where the file goes. */
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
        assertEquals(List.of("key.csv"), io.github.fiffkit.testkit.Folders.listing(real.getParent()));
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
