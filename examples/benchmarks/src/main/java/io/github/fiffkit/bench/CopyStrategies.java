package io.github.fiffkit.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Copies one file the ways the anonymizer could copy its bulk data, so that the choices in {@code FiffWriter} and
 * the write-back can be measured apart from everything else the anonymizer does (run by {@code bench-copy.sh},
 * several variants in turns). Why a program of its own: on the real run, JVM start-up, header walks and the leak
 * check add their own noise; here only the transfer method, the write-back step and the page offset change.
 *
 * <pre>
 * CopyStrategies IN OUT [--method sendfile|readwrite] [--piece MIB] [--writeback none|MIB] [--shift BYTES]
 *                [--last wait|skip]
 * </pre>
 *
 * <ul>
 *   <li>{@code sendfile}: {@link FileChannel#transferTo} in pieces of {@code --piece} MiB (the anonymizer's way;
 *   Java 17 uses {@code sendfile} on Linux); {@code readwrite}: positional reads into one reused direct buffer of
 *   {@code --piece} MiB (at most 8) and writes from it, as {@code dd bs=1M} does.</li>
 *   <li>{@code --writeback MIB}: every MIB copied, a background thread asks for {@code fdatasync} of the output,
 *   as the anonymizer's write-back does; {@code none}: the output is forced only at the end.</li>
 *   <li>{@code --shift BYTES}: the copy starts that many bytes into the input, so that input and output pages do
 *   not line up (an anonymized header is usually a few bytes shorter than the original).</li>
 *   <li>{@code --last skip}: a write-back still waiting when the copy ends is dropped, since the final force
 *   does it anyway; {@code wait} (default) does it first.</li>
 * </ul>
 *
 * <p>Prints one line: the time of the copy, of waiting for the write-back thread, of the final force, the total,
 * and the number of write-backs. Every variant ends with {@code force(true)}, so the output is on disk.
 */
public final class CopyStrategies {
    private final Object lock = new Object();
    private long requested;
    private boolean closed;
    private boolean skipLast;
    private int writebacks;
    private IOException failure;

    private CopyStrategies() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CopyStrategies IN OUT [--method sendfile|readwrite] [--piece MIB]"
                    + " [--writeback none|MIB] [--shift BYTES] [--last wait|skip]");
            System.exit(2);
        }
        String method = "sendfile";
        long piece = 64;
        String writeback = "64";
        long shift = 0;
        String last = "wait";
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--method" -> method = args[i + 1];
                case "--piece" -> piece = Long.parseLong(args[i + 1]);
                case "--writeback" -> writeback = args[i + 1];
                case "--shift" -> shift = Long.parseLong(args[i + 1]);
                case "--last" -> last = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new CopyStrategies().copy(Path.of(args[0]), Path.of(args[1]), method, piece << 20,
                writeback.equals("none") ? 0 : Long.parseLong(writeback) << 20, shift, last.equals("skip"));
    }

    private void copy(Path in, Path out, String method, long piece, long step, long shift, boolean skip)
            throws IOException, InterruptedException {
        skipLast = skip;
        long t0 = System.nanoTime();
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ);
                FileChannel dst = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = src.size() - shift;
            Thread thread = null;
            if (step > 0) {
                thread = new Thread(() -> writeBacks(dst), "writeback");
                thread.setDaemon(true);
                thread.start();
            }
            ByteBuffer buffer = method.equals("readwrite") ? ByteBuffer.allocateDirect((int) Math.min(piece, 8 << 20))
                    : null;
            long pos = 0;
            long asked = 0;
            while (pos < size) {
                long n;
                if (buffer == null) {
                    n = Math.min(piece, size - pos);
                    for (long done = 0; done < n; ) {
                        done += src.transferTo(shift + pos + done, n - done, dst);
                    }
                } else {
                    buffer.clear();
                    if (buffer.capacity() > size - pos) {
                        buffer.limit((int) (size - pos));
                    }
                    while (buffer.hasRemaining()) {
                        if (src.read(buffer, shift + pos + buffer.position()) < 0) {
                            throw new EOFException(in + " ends at " + (shift + pos + buffer.position()));
                        }
                    }
                    buffer.flip();
                    n = buffer.remaining();
                    while (buffer.hasRemaining()) {
                        dst.write(buffer);
                    }
                }
                pos += n;
                if (step > 0 && pos - asked >= step) {
                    asked = pos;
                    synchronized (lock) {
                        requested = pos;
                        lock.notifyAll();
                    }
                }
            }
            long copied = System.nanoTime();
            if (thread != null) {
                synchronized (lock) {
                    closed = true;
                    lock.notifyAll();
                }
                thread.join();
            }
            long joined = System.nanoTime();
            if (failure != null) {
                throw failure;
            }
            dst.force(true);
            long forced = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s piece %d MiB, write-back %s, shift %d, last %s: copy %.3f s, wait %.3f"
                    + " s, force %.3f s, total %.3f s, %d write-backs%n", method, piece >> 20,
                    step == 0 ? "none" : (step >> 20) + " MiB", shift, skip ? "skip" : "wait",
                    (copied - t0) / 1e9, (joined - copied) / 1e9, (forced - joined) / 1e9, (forced - t0) / 1e9,
                    writebacks);
        }
    }

    private void writeBacks(FileChannel dst) {
        long done = 0;
        while (true) {
            synchronized (lock) {
                while (!closed && requested == done) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (requested == done || closed && skipLast) {
                    return;
                }
                done = requested;
            }
            try {
                dst.force(false);
                writebacks++;
            } catch (IOException e) {
                failure = e;
                return;
            }
        }
    }
}
