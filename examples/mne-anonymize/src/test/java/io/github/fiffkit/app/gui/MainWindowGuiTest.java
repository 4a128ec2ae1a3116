package io.github.fiffkit.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real window on a display (CI runs it under Xvfb: {@code xvfb-run -a ./mvnw verify -Pgui ...}), drives
 * it as a person would (Read, then Anonymize), checks the output file and saves a screenshot to
 * {@code target/gui-screenshot.png}. Tagged {@code gui}: the default build has no display and skips it.
 */
@Tag("gui")
class MainWindowGuiTest {
    @TempDir
    Path dir;

    private MainWindow window;
    private Preferences prefs;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::dispose);
        }
        if (prefs != null) {
            prefs.removeNode();
        }
    }

    @Test
    void readThenAnonymizeThroughTheWindow() throws Exception {
        Path in = Files.copy(GuiModelTest.SAMPLE, dir.resolve("subject01_raw.fif"));
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("subject01_anon_raw.fif");

        GuiModel model = new GuiModel();
        model.addInputs(List.of(in));
        model.setOutput(out.toString());
        model.setBrute(true);
        prefs = Preferences.userRoot().node("io/github/fiffkit/test/" + System.nanoTime());
        SwingUtilities.invokeAndWait(() -> {
            window = new MainWindow(model, prefs);
            window.setVisible(true);
        });

        // pre-filled from the model (as from the command line)
        JTextField output = find("output", JTextField.class);
        assertEquals(out.toString(), onEdt(output::getText));
        assertTrue(onEdt(() -> find("brute", AbstractButton.class).isSelected()));

        // the HIS field typed in the window reaches the anonymizer
        onEdt(() -> {
            find("his", JTextField.class).setText("STUDY-7");
            return null;
        });

        click("read");
        JTable table = find("table", JTable.class);
        waitFor(() -> onEdt(table::getRowCount) > 0, "the Read table fills");
        boolean hisRow = onEdt(() -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                if ("FIFF_SUBJ_HIS_ID".equals(table.getValueAt(r, 1))) {
                    return String.valueOf(table.getValueAt(r, 4)).contains(GuiModelTest.SAMPLE_HIS)
                            && String.valueOf(table.getValueAt(r, 5)).contains("STUDY-7");
                }
            }
            return false;
        });
        assertTrue(hisRow, "the table shows the HIS id now and after");
        assertFalse(Files.exists(out), "Read writes nothing");

        click("anonymize");
        JLabel status = find("status", JLabel.class);
        waitFor(() -> onEdt(status::getText).contains("anonymized"), "the run ends");
        assertEquals("1 of 1 file(s) anonymized into " + out + ".", onEdt(status::getText));
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(GuiModelTest.SAMPLE_HIS));
        assertTrue(bytes.contains("STUDY-7"));
        assertArrayEquals(before, Files.readAllBytes(in), "input unchanged");

        screenshot(Path.of("target/gui-screenshot.png"));
    }

    @Test
    void theCommandLineOpensTheWindowPreFilledAndWaitsForItToClose() throws Exception {
        Path in = Files.copy(GuiModelTest.SAMPLE, dir.resolve("subject02_raw.fif"));
        java.io.StringWriter err = new java.io.StringWriter();
        io.github.fiffkit.app.run.Io appIo = new io.github.fiffkit.app.run.Io(new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), true,
                false);
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread app = new Thread(() -> status.set(io.github.fiffkit.app.cli.MneAnonymize.run(
                new String[] {"-i", in.toString(), "-bd", "--mdo", "-35"}, appIo)));
        app.start();
        waitFor(() -> onEdt(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof MainWindow mw && w.isShowing()) {
                    window = mw;
                }
            }
            return window != null;
        }), "the window opens");
        assertEquals(1, onEdt(() -> find("input.list", javax.swing.JList.class).getModel().getSize()));
        assertTrue(onEdt(() -> find("brute", AbstractButton.class).isSelected()));
        assertTrue(onEdt(() -> find("deleteInput", AbstractButton.class).isSelected()));
        assertEquals("-35", onEdt(() -> find("measurementDateOffset", JTextField.class).getText()));
        assertTrue(app.isAlive(), "the command line waits while the window is open");
        SwingUtilities.invokeAndWait(window::dispose);
        app.join(10_000);
        assertEquals(0, status.get());
        assertFalse(Files.exists(dir.resolve("subject02_raw_anonymized.fif")), "nothing runs unless asked");
        assertEquals("", err.toString());
        window = null;
    }

    private void screenshot(Path file) throws Exception {
        Rectangle bounds = onEdt(window::getBounds);
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        assertTrue(Files.size(file) > 1000);
    }

    private void click(String name) throws Exception {
        onEdt(() -> {
            AbstractButton b = find(name, AbstractButton.class);
            assertTrue(b.isEnabled(), name + " is enabled");
            b.doClick();
            return null;
        });
    }

    private <T extends Component> T find(String name, Class<T> type) {
        AtomicReference<Component> hit = new AtomicReference<>();
        search(window.getContentPane(), name, hit);
        assertTrue(type.isInstance(hit.get()), "a " + type.getSimpleName() + " named " + name);
        return type.cast(hit.get());
    }

    private static void search(Container c, String name, AtomicReference<Component> hit) {
        for (Component k : c.getComponents()) {
            if (name.equals(k.getName())) {
                hit.set(k);
                return;
            }
            if (k instanceof Container kc) {
                search(kc, name, hit);
            }
        }
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> e = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception x) {
                e.set(x);
            }
        });
        if (e.get() != null) {
            throw e.get();
        }
        return r.get();
    }

    private static void waitFor(Callable<Boolean> cond, String what) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (!cond.call()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
