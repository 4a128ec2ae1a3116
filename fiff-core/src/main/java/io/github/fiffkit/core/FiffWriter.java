package io.github.fiffkit.core;

import io.github.fiffkit.core.internal.Source;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes tags one after the other, big-endian, from offset 0 of a channel.
 *
 * <p>Every tag gets {@code next = 0} (the next tag follows) unless the caller gives another value; the last
 * tag of a file must have {@code next = -1}: give it explicitly, or end with {@link #endFile()} (a
 * {@code FIFF_NOP} terminator) or {@link #endFileWithDirectory()} (a fresh tag directory as the last tag,
 * with {@code FIFF_DIR_POINTER} patched to point at it). Bulk data can be copied from a {@link FiffReader}
 * without passing through memory ({@link #copyTag(FiffReader, int)}).
 *
 * <pre>{@code
 * try (FiffWriter w = FiffWriter.create(Path.of("out.fif"))) {
 *     w.writeFileHeader(new FiffId(FiffId.VERSION_1_4, 0, 0, FiffTime.startOf(LocalDate.of(2000, 1, 1))));
 *     w.startBlock(FiffBlock.MEAS);
 *     w.writeString(FiffKind.EXPERIMENTER, "anonymous");
 *     w.endBlock(FiffBlock.MEAS);
 *     w.endFile();
 * }
 * }</pre>
 *
 * <p>Copying a file tag by tag with one value changed; bulk data goes from channel to channel without being held
 * in memory, and the copy ends with a fresh directory:
 *
 * <pre>{@code
 * try (FiffReader in = FiffReader.open(Path.of("in.fif"));
 *         FiffWriter out = FiffWriter.create(Path.of("out.fif"))) {
 *     for (TagHeader tag = in.nextTag(); tag != null; tag = in.nextTag()) {
 *         if (tag.kind() == FiffKind.EXPERIMENTER) {
 *             out.writeString(FiffKind.EXPERIMENTER, "anonymous");
 *         } else if (tag.kind() == FiffKind.DIR_POINTER) {
 *             out.writeInt(FiffKind.DIR_POINTER, -1); // patched by endFileWithDirectory()
 *         } else if (tag.kind() != FiffKind.DIR && tag.kind() != FiffKind.NOP) {
 *             out.copyTag(in, TagHeader.NEXT_SEQUENTIAL);
 *         }
 *     }
 *     out.endFileWithDirectory();
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 *
 * <p>Slightly longer than the project's ~400 lines: one typed write method per data type next to the copy and
 * directory logic they share.
 */
public final class FiffWriter implements Closeable, Flushable {
    private static final int BUFFER = 64 * 1024;
    /** Payloads up to this size are copied through the buffer; larger ones channel to channel. */
    private static final int SMALL_COPY = 16 * 1024;
    /**
     * A run of unchanged tags is copied once it reaches this size, so that copying starts while the rest of the
     * file is still being walked; a longer run (one huge tag) is copied in pieces of this size when a progress
     * listener wants to hear of it as it goes.
     */
    static final long PIECE = 64L << 20;

    private final WritableByteChannel out;
    private final boolean ownsChannel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final List<DirEntry> entries = new ArrayList<>();
    private long position;
    private long directoryPointerDataPosition = -1;
    private boolean closed;
    /** A run of unchanged large tags, contiguous in the input, not yet copied: one transfer for all of them. */
    private FiffReader pendingReader;
    private long pendingStart;
    private long pendingEnd;
    /** Told the number of bytes handed to the channel so far, after each write; {@code null} when nobody asks. */
    private LongConsumer progress;
    private long handed;

    /**
     * Writes to a channel whose current content starts at offset 0 of the file.
     *
     * @param out         the destination
     * @param ownsChannel whether {@link #close()} closes the channel
     */
    public FiffWriter(WritableByteChannel out, boolean ownsChannel) {
        this.out = out;
        this.ownsChannel = ownsChannel;
    }

    /**
     * Creates (or replaces) a file.
     *
     * @param path the file
     * @return a writer that owns the file's channel
     * @throws IOException when the file cannot be created
     */
    public static FiffWriter create(Path path) throws IOException {
        return new FiffWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), true);
    }

    /**
     * Asks to be told how far the output has got: after every write to the channel, the listener receives the
     * number of bytes handed to the channel so far (not yet forced to disk), at least once every 64 MiB of a long
     * copy; the anonymizer uses this to start writing an output to disk while the rest is still being copied.
     *
     * @param listener the listener, or {@code null} for none
     * @return this writer
     */
    public FiffWriter progress(LongConsumer listener) {
        this.progress = listener;
        return this;
    }

    private void handed(long bytes) {
        handed += bytes;
        if (progress != null) {
            progress.accept(handed);
        }
    }

    /** @return the offset at which the next tag will be written */
    public long position() {
        return position;
    }

    private void header(int kind, int type, int size, int next) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative tag size " + size);
        }
        flushPending();
        if (kind == FiffKind.DIR_POINTER && directoryPointerDataPosition < 0) {
            directoryPointerDataPosition = position + TagHeader.SIZE;
        }
        entry(kind, type, size);
        if (buffer.remaining() < TagHeader.SIZE) {
            drain();
        }
        buffer.putInt(kind).putInt(type).putInt(size).putInt(next);
        position += TagHeader.SIZE;
    }

    /** Records the tag about to be written at {@link #position} for the tag directory. */
    private void entry(int kind, int type, int size) {
        entries.add(new DirEntry(kind, type, size, (int) Math.min(position, Integer.MAX_VALUE)));
    }

    private void flushPending() throws IOException {
        if (pendingReader != null) {
            FiffReader r = pendingReader;
            pendingReader = null;
            long count = pendingEnd - pendingStart;
            long piece = progress == null ? count : PIECE;
            for (long done = 0; done < count; ) {
                long n = Math.min(piece, count - done);
                r.transferRange(pendingStart + done, n, out, pendingStart);
                done += n;
                handed(n);
            }
        }
    }

    private void drain() throws IOException {
        flushPending();
        buffer.flip();
        int n = buffer.remaining();
        if (n > 0) {
            Source.writeFully(buffer, out);
            handed(n);
        }
        buffer.clear();
    }

    /**
     * Writes a tag that the next tag follows directly.
     *
     * @param kind tag kind
     * @param type data type
     * @param data tag data, written as it is
     * @throws IOException when writing fails
     */
    public void writeTag(int kind, int type, byte[] data) throws IOException {
        writeTag(kind, type, data, TagHeader.NEXT_SEQUENTIAL);
    }

    /**
     * Writes a tag with an explicit {@code next}.
     *
     * @param kind tag kind
     * @param type data type
     * @param data tag data, written as it is
     * @param next 0 (the next tag follows), -1 (last tag) or an absolute offset
     * @throws IOException when writing fails
     */
    public void writeTag(int kind, int type, byte[] data, int next) throws IOException {
        header(kind, type, data.length, next);
        if (data.length <= buffer.remaining()) {
            buffer.put(data);
        } else {
            drain();
            if (data.length < BUFFER) {
                buffer.put(data);
            } else {
                Source.writeFully(ByteBuffer.wrap(data), out);
                handed(data.length);
            }
        }
        position += data.length;
    }

    /**
     * Writes the reader's current tag (kind, type, size) and copies its data unchanged, never decoding it: data
     * larger than 16 KiB is copied channel to channel ({@link java.nio.channels.FileChannel#transferTo}) without
     * passing through the heap; smaller data is gathered with the headers into the writer's buffer, so that a
     * run of small tags costs one write.
     *
     * @param reader a reader positioned on the tag to copy
     * @param next   the {@code next} value to write
     * @throws IOException when reading or writing fails
     */
    public void copyTag(FiffReader reader, int next) throws IOException {
        TagHeader tag = reader.current();
        if (tag.size() > SMALL_COPY && next == tag.next() && tag.kind() != FiffKind.DIR_POINTER
                && reader.randomAccess()) {
            // the output header equals the input's: the tag joins a run copied with one transfer, headers and
            // data together (one large transfer is markedly faster than one per tag)
            if (pendingReader != reader || pendingEnd != tag.position()) {
                drain();
                pendingReader = reader;
                pendingStart = tag.position();
            }
            pendingEnd = tag.endPosition();
            entry(tag.kind(), tag.type(), tag.size());
            position += TagHeader.SIZE + tag.size();
            if (pendingEnd - pendingStart >= PIECE) {
                flushPending();
            }
            return;
        }
        header(tag.kind(), tag.type(), tag.size(), next);
        if (tag.size() <= SMALL_COPY) {
            // small payloads join the headers in the buffer: one write for many small tags
            if (buffer.remaining() < tag.size()) {
                drain();
            }
            reader.readDataInto(buffer);
        } else {
            drain();
            handed(reader.transferData(out));
        }
        position += tag.size();
    }

    /**
     * Writes {@code FIFF_FILE_ID}, then {@code FIFF_DIR_POINTER} (-1, patched later by
     * {@link #endFileWithDirectory()}) and {@code FIFF_FREE_LIST} (-1), as MNE does.
     *
     * @param fileId the file's ID
     * @throws IOException when writing fails
     */
    public void writeFileHeader(FiffId fileId) throws IOException {
        writeId(FiffKind.FILE_ID, fileId);
        writeInt(FiffKind.DIR_POINTER, -1);
        writeInt(FiffKind.FREE_LIST, -1);
    }

    /**
     * @param blockKind the block kind ({@link FiffBlock})
     * @throws IOException when writing fails
     */
    public void startBlock(int blockKind) throws IOException {
        writeInt(FiffKind.BLOCK_START, blockKind);
    }

    /**
     * @param blockKind the block kind being closed
     * @throws IOException when writing fails
     */
    public void endBlock(int blockKind) throws IOException {
        writeInt(FiffKind.BLOCK_END, blockKind);
    }

    /**
     * @param kind   tag kind
     * @param values 32-bit integers ({@code FIFFT_INT})
     * @throws IOException when writing fails
     */
    public void writeInt(int kind, int... values) throws IOException {
        writeTag(kind, FiffType.INT, TagData.ofInts(values));
    }

    /**
     * @param kind   tag kind
     * @param values single-precision values ({@code FIFFT_FLOAT})
     * @throws IOException when writing fails
     */
    public void writeFloat(int kind, float... values) throws IOException {
        writeTag(kind, FiffType.FLOAT, TagData.ofFloats(values));
    }

    /**
     * @param kind   tag kind
     * @param values double-precision values ({@code FIFFT_DOUBLE})
     * @throws IOException when writing fails
     */
    public void writeDouble(int kind, double... values) throws IOException {
        writeTag(kind, FiffType.DOUBLE, TagData.ofDoubles(values));
    }

    /**
     * @param kind tag kind
     * @param text the text ({@code FIFFT_STRING}, encoded by {@link TagData#ofString(String)})
     * @throws IOException when writing fails
     */
    public void writeString(int kind, String text) throws IOException {
        writeTag(kind, FiffType.STRING, TagData.ofString(text));
    }

    /**
     * @param kind tag kind
     * @param id   the ID ({@code FIFFT_ID_STRUCT})
     * @throws IOException when writing fails
     */
    public void writeId(int kind, FiffId id) throws IOException {
        writeTag(kind, FiffType.ID_STRUCT, TagData.ofId(id));
    }

    /**
     * @param kind      tag kind
     * @param julianDay a Julian day number ({@code FIFFT_JULIAN})
     * @throws IOException when writing fails
     */
    public void writeJulian(int kind, int julianDay) throws IOException {
        writeTag(kind, FiffType.JULIAN, TagData.ofInts(julianDay));
    }

    /**
     * Writes a time as two 32-bit integers, seconds and microseconds, as {@code FIFF_MEAS_DATE} stores it.
     *
     * @param kind tag kind
     * @param time the time
     * @throws IOException when writing fails
     */
    public void writeTime(int kind, FiffTime time) throws IOException {
        writeInt(kind, time.seconds(), time.microseconds());
    }

    /**
     * Ends the file with a {@code FIFF_NOP} whose {@code next} is -1, as MNE does.
     *
     * @throws IOException when writing fails
     */
    public void endFile() throws IOException {
        writeTag(FiffKind.NOP, FiffType.VOID, new byte[0], TagHeader.NEXT_NONE);
    }

    /**
     * Ends the file with a fresh tag directory ({@code FIFF_DIR}, one entry per tag written, itself included,
     * then the sentinel) as its last tag, and points the {@code FIFF_DIR_POINTER} written earlier at it. Every
     * earlier tag must have been written with {@code next = 0}. Needs a seekable destination.
     *
     * @throws IOException when writing fails, the destination cannot seek, no directory pointer was written or
     *                     an offset does not fit in 32 bits
     */
    public void endFileWithDirectory() throws IOException {
        if (!(out instanceof SeekableByteChannel seekable)) {
            throw new IOException("a tag directory needs a seekable output");
        }
        if (directoryPointerDataPosition < 0) {
            throw new IOException("no FIFF_DIR_POINTER was written to point at the directory");
        }
        if (position > Integer.MAX_VALUE) {
            throw new IOException("the file is larger than 2 GiB: FIFF offsets cannot address a directory there");
        }
        int dirPos = (int) position;
        List<DirEntry> all = new ArrayList<>(entries);
        all.add(new DirEntry(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, (entries.size() + 2) * DirEntry.SIZE, dirPos));
        all.add(DirEntry.SENTINEL);
        writeTag(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, TagData.ofDirEntries(all), TagHeader.NEXT_NONE);
        drain();
        long end = seekable.position();
        seekable.position(end - position + directoryPointerDataPosition);
        Source.writeFully(ByteBuffer.wrap(TagData.ofInts(dirPos)), seekable);
        seekable.position(end);
    }

    /**
     * Writes buffered bytes to the channel (does not force them to disk).
     *
     * @throws IOException when writing fails
     */
    @Override
    public void flush() throws IOException {
        drain();
    }

    /**
     * Flushes, and closes the channel when this writer owns it.
     *
     * @throws IOException when writing fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } finally {
            if (ownsChannel) {
                out.close();
            }
        }
    }
}
