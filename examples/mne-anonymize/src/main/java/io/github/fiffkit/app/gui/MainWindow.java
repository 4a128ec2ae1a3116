package io.github.fiffkit.app.gui;

import io.github.fiffkit.anonymize.actions.Preset;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.prefs.Preferences;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.TransferHandler;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;

/**
 * The desktop window of {@code mne_anonymize}: every command-line option as a control, "Read" (the dry run in a
 * table) and "Anonymize" (in the background, with a progress bar and Cancel). All decisions are taken by the
 * {@link GuiModel}; this class only binds controls to it. Components carry names ({@code input.list},
 * {@code read}, ...) so that tests and assistive tools can find them.
 *
 * <p>Longer than the project's ~400 lines: it is one window's Swing code (building the form, binding each control,
 * and the two background workers), with no decision in it; splitting it would spread one form's bindings over
 * several files.
 */
public final class MainWindow extends JFrame {
    private static final long serialVersionUID = 1L;
    static final String LAST_FOLDER = "lastFolder";

    private final transient GuiModel model;
    private final transient Preferences prefs;

    private final DefaultListModel<Path> inputList = new DefaultListModel<>();
    private final JList<Path> inputs = new JList<>(inputList);
    private final JTextField output = new JTextField(30);
    private final JComboBox<String> preset = new JComboBox<>();
    private final JCheckBox brute = new JCheckBox("Brute: also sex, handedness, weight, height, ...");
    private final JCheckBox mneEnvironment = new JCheckBox("MNE environment: working folder and command line");
    private final JCheckBox deleteInput = new JCheckBox("Delete each input after its output is complete");
    private final JTextField measurementDate = new JTextField(10);
    private final JTextField measurementDateOffset = new JTextField(6);
    private final JTextField birthday = new JTextField(10);
    private final JTextField birthdayOffset = new JTextField(6);
    private final JTextField his = new JTextField(16);
    private final JTextField policy = new JTextField(30);
    private final DefaultTableModel table = new DefaultTableModel(
            new Object[] {"File", "Field", "Block", "Action", "Now", "After"}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JButton read = new JButton("Read");
    private final JButton anonymize = new JButton("Anonymize");
    private final JButton cancel = new JButton("Cancel");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel status = new JLabel(" ");
    private transient SwingWorker<?, ?> running;

    /**
     * @param model the state to show, pre-filled from the command line
     * @param prefs where the last folder is remembered
     */
    public MainWindow(GuiModel model, Preferences prefs) {
        super("mne_anonymize");
        this.model = model;
        this.prefs = prefs;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setIconImages(AppIcon.windowImages());
        setContentPane(content());
        fromModel();
        setMinimumSize(new Dimension(760, 560));
        setSize(new Dimension(980, 700));
        setLocationRelativeTo(null);
    }

    /**
     * Opens the window on the event thread, with the platform's look.
     *
     * @param model the state to show
     * @return the window, once shown
     * @throws Exception when the window cannot be made
     */
    public static MainWindow open(GuiModel model) throws Exception {
        MainWindow[] w = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                UIManager.setLookAndFeel(UIManager.getSystemLookAndFeelClassName());
            } catch (ReflectiveOperationException | javax.swing.UnsupportedLookAndFeelException e) {
                // the default look stays
            }
            w[0] = new MainWindow(model, Preferences.userNodeForPackage(MainWindow.class));
            w[0].setVisible(true);
        });
        return w[0];
    }

    private JPanel content() {
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(10, 10, 4, 10));
        int row = 0;

        inputs.setName("input.list");
        inputs.setVisibleRowCount(4);
        inputs.setTransferHandler(new FileDrop());
        JButton add = button("Add files…", KeyEvent.VK_A, "input.add");
        add.addActionListener(e -> chooseInputs());
        JButton remove = button("Remove", KeyEvent.VK_V, "input.remove");
        remove.addActionListener(e -> {
            for (Path p : inputs.getSelectedValuesList()) {
                model.removeInput(p);
            }
            fromModel();
        });
        JPanel inButtons = new JPanel(new java.awt.GridLayout(2, 1, 0, 4));
        inButtons.add(add);
        inButtons.add(remove);
        addRow(form, row++, label("Input files (or drop them here):", KeyEvent.VK_I, inputs),
                new JScrollPane(inputs), inButtons);

        output.setName("output");
        output.setToolTipText("Empty: <name>_anonymized.fif next to each input. Several inputs: a folder.");
        JButton browse = button("Browse…", KeyEvent.VK_B, "output.browse");
        browse.addActionListener(e -> chooseOutput());
        addRow(form, row++, label("Output file or folder:", KeyEvent.VK_O, output), output, browse);

        for (Preset p : Preset.values()) {
            preset.addItem(p.id());
        }
        preset.setName("preset");
        addRow(form, row++, label("Preset:", KeyEvent.VK_P, preset), preset, null);
        policy.setName("policy");
        policy.setToolTipText("A JSON policy file (it names its preset with \"extends\"); empty: the preset above");
        JButton policyBrowse = button("Choose…", KeyEvent.VK_L, "policy.browse");
        policyBrowse.addActionListener(e -> choosePolicy());
        addRow(form, row++, label("Policy file:", KeyEvent.VK_L, policy), policy, policyBrowse);

        brute.setName("brute");
        brute.setMnemonic(KeyEvent.VK_U);
        mneEnvironment.setName("mneEnvironment");
        mneEnvironment.setMnemonic(KeyEvent.VK_E);
        deleteInput.setName("deleteInput");
        deleteInput.setMnemonic(KeyEvent.VK_D);
        JPanel checks = new JPanel(new java.awt.GridLayout(3, 1));
        checks.add(brute);
        checks.add(mneEnvironment);
        checks.add(deleteInput);
        addRow(form, row++, new JLabel("Options:"), checks, null);

        measurementDate.setName("measurementDate");
        measurementDateOffset.setName("measurementDateOffset");
        addRow(form, row++, label("Measurement date (DDMMYYYY):", KeyEvent.VK_M, measurementDate),
                pair(measurementDate, label("or shift by days:", KeyEvent.VK_S, measurementDateOffset),
                        measurementDateOffset), null);
        birthday.setName("birthday");
        birthdayOffset.setName("birthdayOffset");
        addRow(form, row++, label("Subject birthday (DDMMYYYY):", KeyEvent.VK_Y, birthday),
                pair(birthday, label("or shift by days:", KeyEvent.VK_F, birthdayOffset), birthdayOffset), null);
        his.setName("his");
        his.setToolTipText("Empty: the preset's choice (mne_anonymize)");
        addRow(form, row, label("Hospital ID (HIS):", KeyEvent.VK_H, his), his, null);

        JTable rows = new JTable(table);
        rows.setName("table");
        rows.setFillsViewportHeight(true);
        rows.setAutoCreateRowSorter(true);
        JScrollPane tablePane = new JScrollPane(rows);
        tablePane.setBorder(BorderFactory.createTitledBorder("What will change (Read)"));

        read.setName("read");
        read.setMnemonic(KeyEvent.VK_R);
        read.addActionListener(e -> startRead());
        anonymize.setName("anonymize");
        anonymize.setMnemonic(KeyEvent.VK_N);
        anonymize.addActionListener(e -> startAnonymize());
        cancel.setName("cancel");
        cancel.setMnemonic(KeyEvent.VK_C);
        cancel.setEnabled(false);
        cancel.addActionListener(e -> {
            if (running != null) {
                running.cancel(true);
                status.setText("Cancelling…");
            }
        });
        progress.setName("progress");
        progress.setStringPainted(true);
        progress.setString("");
        status.setName("status");

        JPanel buttons = new JPanel();
        buttons.add(read);
        buttons.add(anonymize);
        buttons.add(cancel);
        JPanel bottom = new JPanel(new BorderLayout(8, 4));
        bottom.setBorder(BorderFactory.createEmptyBorder(4, 10, 10, 10));
        bottom.add(status, BorderLayout.NORTH);
        bottom.add(progress, BorderLayout.CENTER);
        bottom.add(buttons, BorderLayout.EAST);

        JPanel all = new JPanel(new BorderLayout());
        all.add(form, BorderLayout.NORTH);
        all.add(tablePane, BorderLayout.CENTER);
        all.add(bottom, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(read);
        listen();
        return all;
    }

    private static JButton button(String text, int mnemonic, String name) {
        JButton b = new JButton(text);
        b.setMnemonic(mnemonic);
        b.setName(name);
        return b;
    }

    private static JLabel label(String text, int mnemonic, JComponent target) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(target);
        return l;
    }

    private static JPanel pair(JComponent a, JLabel l, JComponent b) {
        JPanel p = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 6, 0));
        p.add(a);
        p.add(l);
        p.add(b);
        return p;
    }

    private static void addRow(JPanel form, int row, JComponent label, JComponent field, JComponent extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.NORTHWEST;
        c.gridx = 0;
        form.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            form.add(extra, c);
        }
    }

    /** Every control writes into the model as soon as it changes. */
    private void listen() {
        output.getDocument().addDocumentListener(onText(() -> model.setOutput(output.getText())));
        measurementDate.getDocument().addDocumentListener(onText(
                () -> model.setMeasurementDate(measurementDate.getText())));
        measurementDateOffset.getDocument().addDocumentListener(onText(
                () -> model.setMeasurementDateOffset(measurementDateOffset.getText())));
        birthday.getDocument().addDocumentListener(onText(() -> model.setSubjectBirthday(birthday.getText())));
        birthdayOffset.getDocument().addDocumentListener(onText(
                () -> model.setSubjectBirthdayOffset(birthdayOffset.getText())));
        his.getDocument().addDocumentListener(onText(() -> model.setHis(his.getText())));
        policy.getDocument().addDocumentListener(onText(() -> {
            model.setPolicy(policy.getText());
            preset.setEnabled(model.policy().isEmpty());
        }));
        preset.addActionListener(e -> Preset.byId((String) preset.getSelectedItem()).ifPresent(model::setPreset));
        brute.addActionListener(e -> model.setBrute(brute.isSelected()));
        mneEnvironment.addActionListener(e -> model.setMneEnvironment(mneEnvironment.isSelected()));
        deleteInput.addActionListener(e -> model.setDeleteInput(deleteInput.isSelected()));
    }

    private static DocumentListener onText(Runnable r) {
        return new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                r.run();
            }
        };
    }

    /** Shows the model's state in the controls (at start, and after the input list changes). */
    private void fromModel() {
        inputList.clear();
        model.inputs().forEach(inputList::addElement);
        output.setText(model.output());
        preset.setSelectedItem(model.preset().id());
        brute.setSelected(model.brute());
        mneEnvironment.setSelected(model.mneEnvironment());
        deleteInput.setSelected(model.deleteInput());
        measurementDate.setText(model.measurementDate());
        measurementDateOffset.setText(model.measurementDateOffset());
        birthday.setText(model.subjectBirthday());
        birthdayOffset.setText(model.subjectBirthdayOffset());
        his.setText(model.his());
        policy.setText(model.policy());
        preset.setEnabled(model.policy().isEmpty());
    }

    private File lastFolder() {
        String f = prefs.get(LAST_FOLDER, null);
        return f != null && Files.isDirectory(Path.of(f)) ? new File(f) : null;
    }

    private void rememberFolder(File f) {
        File dir = f.isDirectory() ? f : f.getParentFile();
        if (dir != null) {
            prefs.put(LAST_FOLDER, dir.getAbsolutePath());
        }
    }

    private void chooseInputs() {
        JFileChooser ch = new JFileChooser(lastFolder());
        ch.setMultiSelectionEnabled(true);
        ch.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        ch.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter("FIFF files", "fif", "fiff", "gz"));
        if (ch.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            List<Path> paths = new ArrayList<>();
            for (File f : ch.getSelectedFiles()) {
                paths.add(f.toPath());
                rememberFolder(f);
            }
            addInputs(paths);
        }
    }

    private void choosePolicy() {
        JFileChooser ch = new JFileChooser(lastFolder());
        ch.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter("JSON policy files", "json"));
        if (ch.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            policy.setText(ch.getSelectedFile().getAbsolutePath());
            rememberFolder(ch.getSelectedFile());
        }
    }

    private void chooseOutput() {
        JFileChooser ch = new JFileChooser(lastFolder());
        ch.setFileSelectionMode(model.inputs().size() > 1 ? JFileChooser.DIRECTORIES_ONLY
                : JFileChooser.FILES_AND_DIRECTORIES);
        if (ch.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            output.setText(ch.getSelectedFile().getAbsolutePath());
            rememberFolder(ch.getSelectedFile());
        }
    }

    /**
     * Adds inputs as the chooser or a drop does.
     *
     * @param paths files or folders
     */
    void addInputs(List<Path> paths) {
        try {
            model.addInputs(paths);
        } catch (IOException e) {
            error("Cannot list " + paths + ": " + GuiModel.plainWords(e));
        }
        fromModel();
    }

    private boolean usable() {
        List<String> p = model.problems();
        if (!p.isEmpty()) {
            status.setText(p.get(0));
            JOptionPane.showMessageDialog(this, String.join("\n", p), "mne_anonymize",
                    JOptionPane.WARNING_MESSAGE);
            return false;
        }
        return true;
    }

    private void busy(boolean on) {
        read.setEnabled(!on);
        anonymize.setEnabled(!on);
        cancel.setEnabled(on);
    }

    private void startRead() {
        if (!usable()) {
            return;
        }
        busy(true);
        progress.setIndeterminate(true);
        progress.setString("Reading…");
        SwingWorker<Reading, Void> w = new SwingWorker<>() {
            @Override
            protected Reading doInBackground() throws IOException {
                return model.reading();
            }

            @Override
            protected void done() {
                busy(false);
                progress.setIndeterminate(false);
                progress.setString("");
                running = null;
                if (isCancelled()) {
                    status.setText("Cancelled.");
                    return;
                }
                try {
                    Reading reading = get();
                    List<GuiModel.Row> rows = reading.rows();
                    table.setRowCount(0);
                    for (GuiModel.Row r : rows) {
                        table.addRow(new Object[] {r.file(), r.field(), r.block(), r.action(), r.current(),
                                r.after()});
                    }
                    String summary = rows.size() + " field(s) will change in " + model.inputs().size()
                            + " file(s). Nothing was written.";
                    List<String> found = new ArrayList<>(reading.problems());
                    found.addAll(reading.leaks());
                    if (!reading.leaks().isEmpty()) {
                        summary += " The leak check would find " + reading.leaks().size()
                                + " original value(s) in the output.";
                    }
                    if (!reading.problems().isEmpty()) {
                        summary += " " + reading.problems().size() + " recording(s) would not be written.";
                    }
                    status.setText(summary);
                    if (!found.isEmpty()) {
                        JOptionPane.showMessageDialog(MainWindow.this, String.join("\n", found), "mne_anonymize",
                                JOptionPane.WARNING_MESSAGE);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    error(GuiModel.plainWords(e.getCause()));
                }
            }
        };
        running = w;
        w.execute();
    }

    private void startAnonymize() {
        if (!usable()) {
            return;
        }
        GuiJob job;
        try {
            job = model.job();
        } catch (IOException e) {
            error(GuiModel.plainWords(e));
            return;
        }
        // the run model's warnings (allowed, probably not meant): shown with the outcome, and at once below
        List<String> runWarnings = model.warnings();
        if (!runWarnings.isEmpty()) {
            status.setText("Warning: " + runWarnings.get(0));
        }
        busy(true);
        progress.setIndeterminate(job.inputs().size() == 1);
        progress.setMinimum(0);
        progress.setMaximum(job.inputs().size());
        progress.setValue(0);
        progress.setString("Anonymizing…");
        SwingWorker<List<GuiJob.Outcome>, Integer> w = new SwingWorker<>() {
            @Override
            protected List<GuiJob.Outcome> doInBackground() {
                return job.run((done, total, last) -> publish(done), this::isCancelled);
            }

            @Override
            protected void process(List<Integer> chunks) {
                int done = chunks.get(chunks.size() - 1);
                progress.setValue(done);
                progress.setString(done + " of " + job.inputs().size());
            }

            @Override
            protected void done() {
                busy(false);
                progress.setIndeterminate(false);
                running = null;
                if (isCancelled()) {
                    progress.setString("Cancelled");
                    status.setText("Cancelled: files finished before stay written; the file being written was "
                            + "not.");
                    return;
                }
                try {
                    finished(job, runWarnings, get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    error(GuiModel.plainWords(e.getCause()));
                }
            }
        };
        running = w;
        w.execute();
    }

    private void finished(GuiJob job, List<String> runWarnings, List<GuiJob.Outcome> outcomes) {
        progress.setString("Done");
        StringBuilder msg = new StringBuilder();
        for (String w : runWarnings) {
            msg.append("Warning: ").append(w).append('\n');
        }
        int ok = 0;
        for (GuiJob.Outcome o : outcomes) {
            if (o.error() != null) {
                msg.append(o.input()).append(": ").append(o.error()).append('\n');
            } else if (o.leaks()) {
                msg.append(o.input()).append(": written, but original values were found again in ")
                        .append(o.outputs().get(0)).append('\n');
            } else {
                ok++;
                for (String w : o.warnings()) {
                    msg.append(o.input()).append(": warning: ").append(w).append('\n');
                }
            }
        }
        String summary = ok + " of " + outcomes.size() + " file(s) anonymized"
                + (outcomes.size() == 1 && ok == 1 ? " into " + outcomes.get(0).outputs().get(0) : "") + ".";
        status.setText(summary);
        if (msg.length() > 0) {
            JOptionPane.showMessageDialog(this, summary + "\n\n" + msg, "mne_anonymize",
                    ok == outcomes.size() ? JOptionPane.INFORMATION_MESSAGE : JOptionPane.ERROR_MESSAGE);
        }
        if (job.deletesInputs()) {
            long deletable = outcomes.stream().filter(GuiJob.Outcome::deletable).count();
            if (deletable > 0 && JOptionPane.showConfirmDialog(this,
                    "Delete the inputs of " + deletable + " recording(s) whose output is complete and read back?",
                    "Delete inputs", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE)
                    == JOptionPane.YES_OPTION) {
                GuiJob.Deletion d = job.deleteInputs(outcomes);
                d.deleted().forEach(model::removeInput);
                fromModel();
                status.setText(summary + " " + d.deleted().size() + " input file(s) deleted.");
                if (!d.messages().isEmpty()) {
                    error(String.join("\n", d.messages()));
                }
            } else if (deletable < outcomes.size()) {
                List<String> kept = outcomes.stream().filter(o -> !o.deletable() && o.result().blocker() != null)
                        .map(o -> o.input() + " is kept, because " + o.result().blocker()).toList();
                if (!kept.isEmpty()) {
                    status.setText(summary + " " + kept.get(0));
                }
            }
        }
    }

    private void error(String text) {
        status.setText(text);
        JOptionPane.showMessageDialog(this, text, "mne_anonymize", JOptionPane.ERROR_MESSAGE);
    }

    /** Accepts files and folders dropped on the input list. */
    private final class FileDrop extends TransferHandler {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean canImport(TransferSupport s) {
            return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        public boolean importData(TransferSupport s) {
            if (!canImport(s)) {
                return false;
            }
            try {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) s.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                List<Path> paths = new ArrayList<>();
                files.forEach(f -> paths.add(f.toPath()));
                addInputs(paths);
                return true;
            } catch (java.awt.datatransfer.UnsupportedFlavorException | IOException e) {
                return false;
            }
        }
    }
}
