package io.github.fiffkit.anonymize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process of its own that appends rows to a key file, for {@link KeyFileTest}: {@code args} are the key file,
 * this writer's number, how many rows, and a file to wait for before the first append (it makes
 * {@code readyN} beside the key file once it waits, so that the writers start together).
 */
public final class KeyFileAppender {
    private KeyFileAppender() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path key = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        Path go = Path.of(args[3]);
        KeyFile keys = new KeyFile(key);
        keys.read(); // classes loaded before the start
        Files.createFile(key.resolveSibling("ready" + writer));
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        append(keys, writer, Integer.parseInt(args[2]));
    }

    /** Appends rows {@code /in/WRITER-I.fif}, one at a time. */
    static void append(KeyFile keys, int writer, int rows) throws IOException {
        for (int i = 0; i < rows; i++) {
            keys.append(List.of(new KeyFile.Row("/in/" + writer + "-" + i + ".fif", "/out/" + writer + "-" + i
                    + ".fif", "s" + writer + "-" + i, "", 100 + i, "", "", "")));
        }
    }
}
