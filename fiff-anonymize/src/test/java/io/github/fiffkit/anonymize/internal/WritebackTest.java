package io.github.fiffkit.anonymize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.github.fiffkit.anonymize.output.OutputFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritebackTest {
    @TempDir
    Path dir;

    /** Counts write-backs; each one waits until {@link #release} opens. */
    static final class Recording implements OutputFiles {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch release;
        final IOException failure;

        Recording(boolean blockUntilReleased, IOException failure) {
            this.release = new CountDownLatch(blockUntilReleased ? 1 : 0);
            this.failure = failure;
        }

        @Override
        public void writeBack(FileChannel channel) throws IOException {
            calls.incrementAndGet();
            first.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException("the write-back thread was interrupted");
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private FileChannel channel() throws IOException {
        return FileChannel.open(Files.createFile(dir.resolve("out.tmp")), java.nio.file.StandardOpenOption.WRITE);
    }

    @Test
    void lessThanOneStepStartsNothing() throws IOException {
        Recording files = new Recording(false, null);
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 1000);
            w.accept(10);
            w.accept(999);
            w.close();
        }
        assertEquals(0, files.calls.get());
    }

    @Test
    void eachStepAsksForAWriteBackAndCloseWaitsForTheOnesAskedFor() throws Exception {
        Recording files = new Recording(true, null);
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 1000);
            w.accept(1000);
            assertTrue(files.first.await(30, TimeUnit.SECONDS), "a write-back starts after the first step");
            w.accept(1500); // less than a step since the last request: no new request
            w.accept(2000); // one step more: asked for, done after the running one
            w.accept(2500); // and less than a step again
            Thread closer = new Thread(() -> {
                try {
                    w.close();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            closer.start();
            closer.join(200);
            assertTrue(closer.isAlive(), "close() waits while a write-back is under way");
            files.release.countDown();
            closer.join(30_000);
            assertFalse(closer.isAlive());
            assertEquals(2, files.calls.get(), "the running write-back and the one asked for while it ran");
            w.accept(100_000);
            assertEquals(2, files.calls.get(), "nothing is asked for after close()");
        }
    }

    @Test
    void requestsWhileOneRunsAreCoalesced() throws Exception {
        Recording files = new Recording(true, null);
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 1000);
            w.accept(1000);
            assertTrue(files.first.await(30, TimeUnit.SECONDS));
            for (long n = 2000; n <= 9000; n += 1000) {
                w.accept(n);
            }
            files.release.countDown();
            w.close();
            assertEquals(2, files.calls.get(), "eight requests during one write-back make one more");
        }
    }

    @Test
    void aFailedWriteBackFailsCloseBecauseALaterForceMayNotReportIt() throws Exception {
        IOException eio = new IOException("Input/output error (injected)");
        Recording files = new Recording(false, eio);
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 1000);
            w.accept(5000);
            assertTrue(files.first.await(30, TimeUnit.SECONDS));
            IOException e = assertThrows(IOException.class, w::close);
            assertSame(eio, e);
        }
    }

    @Test
    void closeKeepsTheCallersInterruptAndStillWaits() throws Exception {
        Recording files = new Recording(true, null);
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 1000);
            w.accept(1000);
            assertTrue(files.first.await(30, TimeUnit.SECONDS));
            boolean[] interruptedAfter = new boolean[1];
            Thread closer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    w.close(); // fails if the interrupt reached the write-back thread (Recording throws then)
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                interruptedAfter[0] = Thread.currentThread().isInterrupted();
            });
            closer.start();
            closer.join(200);
            assertTrue(closer.isAlive(), "an interrupt does not cut the wait short");
            files.release.countDown();
            closer.join(30_000);
            assertTrue(interruptedAfter[0], "the interrupt is kept for the caller");
        }
    }

    @Test
    void anErrorInAWriteBackIsReportedToo() throws Exception {
        OutputFiles files = mock(OutputFiles.class);
        doThrow(new AssertionError("not an IOException")).when(files).writeBack(any());
        try (FileChannel ch = channel()) {
            Writeback w = new Writeback(ch, files, 10);
            w.accept(10);
            IOException e = assertThrows(IOException.class, w::close);
            assertTrue(e.getCause() instanceof AssertionError, e::toString);
        }
    }
}
