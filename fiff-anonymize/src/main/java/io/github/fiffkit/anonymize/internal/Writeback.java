package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.LongConsumer;

/**
 * Puts an output on disk while it is being written: told how many bytes the writer has handed to the channel,
 * it asks {@link OutputFiles#writeBack} of a background thread after every {@code step} bytes, so that the disk
 * writes the first part of a large output while the pass copies the rest, and the final force before the move
 * finds little left to do. Without it, the kernel keeps a large output in memory until that force and the copy
 * and the disk take turns.
 *
 * <p>The thread starts with the first step, so a small output never starts one. It is never interrupted (an
 * interrupt closes a {@link FileChannel}); {@link #close()} waits for it and reports its failure (whatever it
 * threw): an I/O error that a write-back saw is not reported again to a later force of the same file, so it must
 * fail the output here.
 */
final class Writeback implements LongConsumer, Closeable {
    /** How many bytes the writer hands over between two write-backs. */
    static final long STEP = 64L << 20;

    private final FileChannel channel;
    private final OutputFiles files;
    private final long step;
    private final Object lock = new Object();
    /** Bytes handed to the channel when the newest write-back was asked for. Guarded by {@link #lock}. */
    private long requested;
    private boolean closed;
    private IOException failure;
    private Thread thread;

    Writeback(FileChannel channel, OutputFiles files, long step) {
        this.channel = channel;
        this.files = files;
        this.step = step;
    }

    @Override
    public void accept(long written) {
        synchronized (lock) {
            if (closed || failure != null || written - requested < step) {
                return;
            }
            requested = written;
            if (thread == null) {
                thread = new Thread(this::run, "fiffkit-writeback");
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
        }
    }

    private void run() {
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
                if (requested == done) {
                    return; // closed, and nothing left to do
                }
                done = requested;
            }
            try {
                files.writeBack(channel);
            } catch (Throwable e) {
                synchronized (lock) {
                    failure = e instanceof IOException io ? io : new IOException("write-back failed: " + e, e);
                }
                return;
            }
        }
    }

    /**
     * Waits for the write-backs asked for so far (one under way is not cut short; one still waiting is done: its
     * data must reach the disk before the final force anyway) and stops the thread.
     *
     * @throws IOException the failure of a write-back, if one failed
     */
    @Override
    public void close() throws IOException {
        Thread t;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
