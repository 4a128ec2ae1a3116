package io.github.fiffkit.app.gui;

import io.github.fiffkit.app.run.AppOptions;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** The hook between the command line and the desktop window. */
public final class Gui {
    private Gui() {
    }

    /**
     * Opens the desktop window pre-filled with the options of the command line, and waits until it is closed.
     *
     * @param options what the command line chose
     * @param err     where to say what happens
     * @return true when the window ran; false when it could not be opened and the command line must run
     */
    public static boolean open(AppOptions options, PrintWriter err) {
        try {
            GuiModel model = GuiModel.from(options);
            MainWindow window = MainWindow.open(model);
            CountDownLatch closed = new CountDownLatch(1);
            javax.swing.SwingUtilities.invokeAndWait(() -> window.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            }));
            closed.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception | java.awt.AWTError thrown) {
            Throwable e = thrown instanceof java.lang.reflect.InvocationTargetException i && i.getCause() != null
                    ? i.getCause() : thrown;
            String why = e instanceof java.awt.HeadlessException ? "the display cannot be used"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("mne_anonymize: cannot open the window (" + why + "); running on the command line as with"
                    + " --no-gui");
            return false;
        }
    }
}
