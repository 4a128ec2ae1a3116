package io.github.fiffkit.app.run;

import java.io.BufferedReader;
import java.util.Locale;

/**
 * The command line's side of the questions about deleting or replacing inputs: standard error asks, standard
 * input answers ({@code y}/{@code yes}; {@code a}/{@code all} is yes to this and every remaining question; anything
 * else, an empty line or the end of input is no), {@code -f} answers yes without asking.
 */
final class ConsoleDialog implements InputSettler.Dialog {
    private final AppOptions options;
    private final Io io;
    private final BufferedReader answers;
    private boolean yesToAll;

    ConsoleDialog(AppOptions options, Io io, BufferedReader answers) {
        this.options = options;
        this.io = io;
        this.answers = answers;
    }

    @Override
    public boolean confirm(String question) {
        return options.avoidDeleteConfirmation() || ask(question);
    }

    @Override
    public void info(String line) {
        if (!options.silent()) {
            io.out().println(line);
        }
    }

    @Override
    public void answer(String line) {
        io.out().println(line);
    }

    @Override
    public void problem(String line) {
        io.err().println("mne_anonymize: " + line);
    }

    private boolean ask(String question) {
        if (yesToAll) {
            return true;
        }
        io.out().flush();
        io.err().print(question);
        io.err().flush();
        String line = Io.readLine(answers);
        if (line == null) {
            io.err().println();
            return false;
        }
        String a = line.trim().toLowerCase(Locale.ROOT);
        yesToAll = a.equals("a") || a.equals("all");
        return yesToAll || a.equals("y") || a.equals("yes");
    }
}
