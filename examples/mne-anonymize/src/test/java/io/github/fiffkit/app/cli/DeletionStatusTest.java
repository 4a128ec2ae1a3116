package io.github.fiffkit.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.app.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -d} that keeps an input it was asked to delete ends in status 8, never 0; several files follow the
 * precedence 6, then 4, then 8, then 0; the deletion prompt accepts "all".
 */
class DeletionStatusTest {
    @TempDir
    Path dir;

    private Path clean(String name) throws IOException {
        return TestFiles.small(dir.resolve(name), "gain 1");
    }

    private Path withWarnings(String name) throws IOException {
        return TestFiles.unterminated(dir.resolve(name));
    }

    private Path withLeak(String name) throws IOException {
        return TestFiles.small(dir.resolve(name), "patient " + TestFiles.LAST + " gain 2");
    }

    @Test
    void anInputKeptBecauseItRaisedWarningsGivesStatusEight() throws IOException {
        Path in = withWarnings("cut_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(8, r.status(), r.toString());
        assertTrue(Files.exists(in));
        assertTrue(r.err().contains("not deleting " + in + ", because the input raised warnings"), r.err());
    }

    @Test
    void withoutDeleteTheSameInputIsStatusZero() throws IOException {
        Path in = withWarnings("cut_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString());
        assertEquals(0, r.status(), r.toString());
    }

    @Test
    void leakHitsStayStatusFourEvenWithDelete() throws IOException {
        Path in = withLeak("a_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", in.toString(), "-d", "-f");
        assertEquals(4, r.status(), r.toString());
        assertTrue(Files.exists(in));
    }

    @Test
    void answeringNoIsTheUsersChoiceAndStaysStatusZero() throws IOException {
        Path in = clean("a_raw.fif");
        AppRun r = AppRun.withInput("n\n", "--no-gui", "-i", in.toString(), "-d");
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(in));
    }

    @Test
    void severalFilesOneKeptAgainstTheRequestGiveEight() throws IOException {
        Path a = clean("a_raw.fif");
        Path b = withWarnings("b_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-d", "-f");
        assertEquals(8, r.status(), r.toString());
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(b));
        assertTrue(r.out().contains("1 not deleted as asked"), r.out());
    }

    @Test
    void severalFilesLeakHitsComeBeforeEight() throws IOException {
        Path a = withLeak("a_raw.fif");
        Path b = withWarnings("b_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), "-d", "-f");
        assertEquals(4, r.status(), r.toString());
    }

    @Test
    void severalFilesAFailureComesFirst() throws IOException {
        Path a = TestFiles.notFiff(dir.resolve("a_raw.fif"));
        Path b = withWarnings("b_raw.fif");
        Path c = withLeak("c_raw.fif");
        AppRun r = AppRun.of("--no-gui", "-i", a.toString(), b.toString(), c.toString(), "-d", "-f");
        assertEquals(6, r.status(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\n", "all\n", " ALL \n"})
    void answeringAllDeletesEveryRemainingInputWithoutAskingAgain(String answer) throws IOException {
        Path a = clean("a_raw.fif");
        Path b = clean("b_raw.fif");
        Path c = clean("c_raw.fif");
        AppRun r = AppRun.withInput(answer, "--no-gui", "-d", "-i", a.toString(), b.toString(), c.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("Delete " + a + "? [y/N/a] ", r.err(), "one question only");
        assertFalse(Files.exists(a) || Files.exists(b) || Files.exists(c));
    }

    @Test
    void allAfterANoDeletesOnlyTheRemainingOnes() throws IOException {
        Path a = clean("a_raw.fif");
        Path b = clean("b_raw.fif");
        Path c = clean("c_raw.fif");
        AppRun r = AppRun.withInput("n\nall\n", "--no-gui", "-d", "-i", a.toString(), b.toString(), c.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(a));
        assertFalse(Files.exists(b) || Files.exists(c));
    }
}
