package io.github.fiffkit.core;

import io.github.fiffkit.core.FiffFormatException.Problem;
import io.github.fiffkit.core.internal.ChannelSource;
import io.github.fiffkit.core.internal.FileSource;
import io.github.fiffkit.core.internal.GzipSource;
import io.github.fiffkit.core.internal.Source;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pull reader that follows the chain of tags of a FIFF file.
 *
 * <p>Each call of {@link #nextTag()} reads one tag header and returns it; the data stays on disk until it is
 * asked for, with {@link #readData()} (into memory) or {@link #transferData(WritableByteChannel)} (copied
 * to a channel without being held in memory). The reader follows {@code next} pointers forward and back,
 * keeps the {@link BlockPath} of the current tag, and checks every header: a tag that runs past the end of
 * the file, a pointer that leaves the file or loops back, unbalanced blocks and exceeded {@link FiffLimits}
 * raise a {@link FiffFormatException} naming the offset. A gzip-compressed file ({@code .fif.gz}) is
 * recognised by its first bytes and read transparently; offsets then refer to the decompressed bytes.
 *
 * <pre>{@code
 * try (FiffReader reader = FiffReader.open(Path.of("sample_raw.fif"))) {
 *     for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
 *         if (tag.kind() == FiffKind.SUBJ_LAST_NAME) {
 *             System.out.println(TagData.string(reader.readData()) + " in " + reader.blockPath());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader serves one thread.
 *
 * <p>Longer than the project's ~400 lines: the chain walk, the block path, the limits and the jump and cycle checks
 * share the reader's position and are checked together on every header; split, each part would need all of them.
 */
public final class FiffReader implements Closeable {
    /** The newest file version this reader was written for (1.4). */
    public static final int KNOWN_VERSION = FiffId.VERSION_1_4;

    private final Source source;
    private final List<Closeable> owned;
    private final String name;
    private final FiffLimits limits;
    private final long size;
    private final boolean compressed;
    private final List<FiffWarning> warnings = new ArrayList<>();
    /** Visited byte ranges, start to end, for detecting chains that come back. */
    private final TreeMap<Long, Long> visited = new TreeMap<>();

    private long nextPosition;
    private TagHeader current;
    private BlockPath path = BlockPath.ROOT;
    private boolean popPending;
    private long count;
    private long jumps;
    private boolean ended;
    private boolean terminated;
    private int directoryPointer = -1;
    private final ByteBuffer header = ByteBuffer.allocate(TagHeader.SIZE);

    private FiffReader(Source source, List<Closeable> owned, String name, FiffLimits limits, boolean compressed)
            throws IOException {
        this.source = source;
        this.owned = owned;
        this.name = name;
        this.limits = limits;
        this.compressed = compressed;
        this.size = source.size();
    }

    /**
     * Opens a file with the default limits.
     *
     * @param path the file; gzip-compressed files are recognised by their content
     * @return the reader, positioned before the first tag
     * @throws IOException when the file cannot be opened
     */
    public static FiffReader open(Path path) throws IOException {
        return open(path, FiffLimits.DEFAULT);
    }

    /**
     * Opens a file.
     *
     * @param path   the file; gzip-compressed files are recognised by their content
     * @param limits bounds against hostile files
     * @return the reader, positioned before the first tag
     * @throws IOException when the file cannot be opened
     */
    public static FiffReader open(Path path, FiffLimits limits) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        String name = path.toString();
        try {
            if (isGzip(ch)) {
                ch.close();
                Source gz = gzip(() -> Files.newInputStream(path), name);
                return new FiffReader(gz, List.of(gz), name, limits, true);
            }
            Source src = new FileSource(ch);
            return new FiffReader(src, List.of(src), name, limits, false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Reads from any seekable channel, for example one that a file system other than the default provides.
     * The reader closes the channel when it is closed.
     *
     * @param channel the bytes, plain or gzip-compressed, from position 0
     * @param name    a name for messages (a file name or URI)
     * @param limits  bounds against hostile files
     * @return the reader, positioned before the first tag
     * @throws IOException when the channel cannot be read
     */
    public static FiffReader open(SeekableByteChannel channel, String name, FiffLimits limits) throws IOException {
        try {
            if (isGzip(channel)) {
                Source gz = gzip(() -> {
                    channel.position(0);
                    InputStream in = Channels.newInputStream(channel);
                    return GzipSource.unclosable(in);
                }, name);
                return new FiffReader(gz, List.of(gz, channel), name, limits, true);
            }
            Source src = channel instanceof FileChannel fc ? new FileSource(fc) : new ChannelSource(channel);
            return new FiffReader(src, List.of(src), name, limits, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Source gzip(GzipSource.Opener opener, String name) throws IOException {
        try {
            return new GzipSource(opener, name);
        } catch (GzipSource.CorruptException e) {
            FiffFormatException f = new FiffFormatException(e.truncated() ? Problem.TRUNCATED : Problem.NOT_FIFF,
                    (e.truncated() ? "the gzip data ends early: " : "the gzip data is damaged: ") + e.getMessage()
                            + " (after " + e.offset() + " decompressed bytes)", name, e.offset(), null, null);
            f.initCause(e);
            throw f;
        }
    }

    private static boolean isGzip(SeekableByteChannel ch) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        ch.position(0);
        while (magic.hasRemaining() && ch.read(magic) >= 0) {
            // fill
        }
        ch.position(0);
        return magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
    }

    /** @return the name given when opening (for messages) */
    public String name() {
        return name;
    }

    /** @return the size of the file in bytes (decompressed for gzip files) */
    public long size() {
        return size;
    }

    /** @return true when the file is gzip-compressed */
    public boolean isCompressed() {
        return compressed;
    }

    /** @return the limits this reader enforces */
    public FiffLimits limits() {
        return limits;
    }

    /** @return what was unusual so far (an unterminated chain is reported once the chain has ended) */
    public List<FiffWarning> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** @return the tag last returned by {@link #nextTag()}, or {@code null} */
    public TagHeader current() {
        return current;
    }

    /**
     * The blocks around the current tag. A {@code FIFF_BLOCK_START} and its {@code FIFF_BLOCK_END} belong to
     * the block they open and close, so their path ends with that block.
     *
     * @return the block path of the current tag
     */
    public BlockPath blockPath() {
        return path;
    }

    /** @return the number of tags read so far */
    public long tagCount() {
        return count;
    }

    /** @return true once the chain has ended */
    public boolean isEnded() {
        return ended;
    }

    /** @return true when the chain ended with a tag whose {@code next} is -1 (false while it goes on) */
    public boolean isTerminated() {
        return terminated;
    }

    /** @return the value of the directory pointer (second tag), or -1 when there is none */
    public int directoryPointer() {
        return directoryPointer;
    }

    private FiffFormatException error(Problem problem, String detail, long offset, Integer kind) {
        return new FiffFormatException(problem, detail, name, offset, kind, path);
    }

    /**
     * Reads the next tag header of the chain.
     *
     * @return the header, or {@code null} when the chain has ended
     * @throws FiffFormatException when the file breaks the format here
     * @throws IOException         when reading fails
     */
    public TagHeader nextTag() throws IOException {
        if (ended) {
            return null;
        }
        if (popPending) {
            path = path.pop();
            popPending = false;
        }
        long pos = nextPosition;
        if (count == 0) {
            if (size == 0) {
                throw error(Problem.NOT_FIFF, "the file is empty", 0, null);
            }
            if (size < TagHeader.SIZE) {
                throw error(Problem.NOT_FIFF, "not a FIFF file: only " + size + " bytes", 0, null);
            }
        }
        long remaining = size - pos;
        if (remaining == 0) {
            end(false);
            return null;
        }
        if (remaining < TagHeader.SIZE) {
            throw error(Problem.TRUNCATED, "the file ends inside a tag header (" + remaining + " of 16 bytes)", pos,
                    null);
        }
        Map.Entry<Long, Long> run = visited.floorEntry(pos);
        if (run != null && pos < run.getValue()) {
            // the damaged tag is the one whose next pointer (or end) leads back
            long from = current == null ? pos : current.position();
            throw error(Problem.CYCLE, "the chain of tags comes back to offset " + pos + ", which it has read"
                    + " already", from, current == null ? null : current.kind());
        }
        if (count >= limits.maxTags()) {
            throw error(Problem.LIMIT_EXCEEDED, "more than " + limits.maxTags() + " tags", pos, null);
        }
        header.clear();
        readAt(pos, header, null);
        header.flip();
        TagHeader tag = new TagHeader(pos, header.getInt(), header.getInt(), header.getInt(), header.getInt());
        checkHeader(tag, remaining);
        markVisited(pos, tag.endPosition());
        count++;
        current = tag;
        if (count == 1) {
            checkFirstTag(tag);
        } else if (count == 2) {
            checkSecondTag(tag);
        }
        if (tag.kind() == FiffKind.BLOCK_START) {
            int blockKind = readBlockKind(tag);
            if (path.depth() >= limits.maxDepth()) {
                throw error(Problem.LIMIT_EXCEEDED, "blocks nested deeper than " + limits.maxDepth(), pos,
                        tag.kind());
            }
            path = path.push(blockKind);
        } else if (tag.kind() == FiffKind.BLOCK_END) {
            if (path.isRoot()) {
                throw error(Problem.BAD_BLOCK, "a block end without a block start", pos, tag.kind());
            }
            if (tag.size() >= 4) {
                int blockKind = readBlockKind(tag);
                if (blockKind != path.innermost()) {
                    warnings.add(new FiffWarning(pos, "block end for " + FiffBlock.describe(blockKind)
                            + " closes " + FiffBlock.describe(path.innermost())));
                }
            }
            popPending = true;
        }
        if (tag.next() == TagHeader.NEXT_NONE) {
            end(true);
        } else if (tag.next() == TagHeader.NEXT_SEQUENTIAL) {
            nextPosition = tag.endPosition();
        } else {
            if (tag.next() != tag.endPosition() && ++jumps > limits.maxJumps()) {
                throw error(Problem.LIMIT_EXCEEDED, "more than " + limits.maxJumps() + " jumps in the chain of tags",
                        pos, tag.kind());
            }
            nextPosition = tag.next();
        }
        return tag;
    }

    private void checkHeader(TagHeader tag, long remaining) throws FiffFormatException {
        long pos = tag.position();
        if (count == 0 && tag.kind() != FiffKind.FILE_ID) {
            throw error(Problem.NOT_FIFF, "not a FIFF file: the first tag has kind " + tag.kind()
                    + ", not FIFF_FILE_ID (100)", pos, null);
        }
        if (tag.size() < 0) {
            throw error(Problem.BAD_SIZE, "negative tag size " + tag.size(), pos, tag.kind());
        }
        if (tag.size() > remaining - TagHeader.SIZE) {
            Problem p = tag.size() > size ? Problem.BAD_SIZE : Problem.TRUNCATED;
            throw error(p, "tag data of " + tag.size() + " bytes runs past the end of the file ("
                    + (remaining - TagHeader.SIZE) + " bytes left)", pos, tag.kind());
        }
        int next = tag.next();
        if (next < TagHeader.NEXT_NONE) {
            throw error(Problem.BAD_NEXT, "negative next-tag offset " + next, pos, tag.kind());
        }
        if (next > 0 && next > size - TagHeader.SIZE) {
            throw error(Problem.BAD_NEXT, "next-tag offset " + next + " is outside the file (" + size + " bytes)",
                    pos, tag.kind());
        }
    }

    private void checkFirstTag(TagHeader tag) throws IOException {
        if (tag.size() >= 4) {
            ByteBuffer v = ByteBuffer.allocate(4);
            readAt(tag.dataPosition(), v, tag);
            int version = v.getInt(0);
            int major = version >>> 16;
            int minor = version & 0xFFFF;
            if (major > 1 || (major == 1 && minor > (KNOWN_VERSION & 0xFFFF))) {
                warnings.add(new FiffWarning(tag.position(), "file version " + major + "." + minor
                        + " is newer than 1.4, the newest this reader knows"));
            }
        }
    }

    private void checkSecondTag(TagHeader tag) throws IOException {
        if (tag.kind() != FiffKind.DIR_POINTER) {
            warnings.add(new FiffWarning(tag.position(), "the second tag is " + FiffKind.describe(tag.kind())
                    + ", not FIFF_DIR_POINTER"));
            return;
        }
        if (tag.size() >= 4) {
            ByteBuffer v = ByteBuffer.allocate(4);
            readAt(tag.dataPosition(), v, tag);
            directoryPointer = v.getInt(0);
        }
    }

    private int readBlockKind(TagHeader tag) throws IOException {
        if (tag.size() < 4) {
            throw error(Problem.BAD_BLOCK, "a block start without a block kind (" + tag.size() + " bytes)",
                    tag.position(), tag.kind());
        }
        ByteBuffer v = ByteBuffer.allocate(4);
        readAt(tag.dataPosition(), v, tag);
        return v.getInt(0);
    }

    private void markVisited(long start, long end) {
        Map.Entry<Long, Long> last = visited.floorEntry(start);
        if (last != null && last.getValue() == start) {
            visited.put(last.getKey(), end);
        } else {
            visited.put(start, end);
        }
    }

    private void end(boolean withTerminator) {
        ended = true;
        terminated = withTerminator;
        if (!withTerminator) {
            warnings.add(new FiffWarning(nextPosition, "the chain ends at the end of the file without a"
                    + " terminating tag (next = -1)"));
        }
        BlockPath open = popPending ? path.pop() : path;
        if (!open.isRoot()) {
            warnings.add(new FiffWarning(nextPosition, open.depth() + " block(s) left open at the end of the chain: "
                    + open));
        }
    }

    private void readAt(long pos, ByteBuffer dst, TagHeader tag) throws IOException {
        try {
            source.read(pos, dst);
        } catch (EOFException | java.util.zip.ZipException e) {
            throw sourceError(e, pos, tag == null ? null : tag.kind());
        }
    }

    /** A source that ends early or whose gzip data is damaged, reported at {@code offset} (and tag). */
    private FiffFormatException sourceError(IOException e, long offset, Integer kind) {
        return e instanceof EOFException
                ? error(Problem.TRUNCATED, "the file ends early: " + e.getMessage(), offset, kind)
                : error(Problem.NOT_FIFF, "the gzip data is damaged: " + e.getMessage(), offset, kind);
    }

    /**
     * Reads the data of the current tag into memory.
     *
     * @return the data bytes
     * @throws FiffFormatException when the data is larger than {@link FiffLimits#maxValueSize()}
     * @throws IOException         when reading fails
     * @throws IllegalStateException when no tag has been read
     */
    public byte[] readData() throws IOException {
        if (current == null) {
            throw new IllegalStateException("no current tag: call nextTag() first");
        }
        return readData(current);
    }

    /**
     * Reads the data of any tag of this file into memory, for example one listed in a {@link FiffTree} or a
     * directory. Does not move the chain walk.
     *
     * @param tag a header read from this file
     * @return the data bytes
     * @throws FiffFormatException when the data is larger than {@link FiffLimits#maxValueSize()} or past the
     *                             end of the file
     * @throws IOException         when reading fails
     */
    public byte[] readData(TagHeader tag) throws IOException {
        if (tag.size() > limits.maxValueSize()) {
            throw error(Problem.LIMIT_EXCEEDED, "tag data of " + tag.size() + " bytes is larger than the limit of "
                    + limits.maxValueSize() + " bytes for values read into memory", tag.position(), tag.kind());
        }
        if (tag.size() < 0 || tag.endPosition() > size) {
            throw error(Problem.TRUNCATED, "tag data runs past the end of the file", tag.position(), tag.kind());
        }
        byte[] data = new byte[tag.size()];
        readAt(tag.dataPosition(), ByteBuffer.wrap(data), tag);
        return data;
    }

    /**
     * Decodes the data of the current tag according to its type ({@link TagData#decode(int, byte[])}).
     *
     * @return the value
     * @throws FiffFormatException when the data does not fit its type, naming the offset and tag
     * @throws IOException         when reading fails
     */
    public Object readValue() throws IOException {
        byte[] data = readData();
        try {
            return TagData.decode(current.type(), data);
        } catch (FiffFormatException e) {
            throw e.at(name, current.position(), current.kind(), path);
        }
    }

    /**
     * Reads the data of the current tag into a buffer that has room for it, for the writer's copy of small tags.
     *
     * @param dst the buffer; its position moves past the data
     * @throws IOException when reading fails
     */
    void readDataInto(ByteBuffer dst) throws IOException {
        if (current == null) {
            throw new IllegalStateException("no current tag: call nextTag() first");
        }
        ByteBuffer slice = dst.slice();
        slice.limit(current.size());
        readAt(current.dataPosition(), slice, current);
        dst.position(dst.position() + current.size());
    }

    /**
     * Copies the data of the current tag to a channel without holding it in memory.
     *
     * @param out the destination
     * @return the number of bytes copied
     * @throws IOException when reading or writing fails
     */
    public long transferData(WritableByteChannel out) throws IOException {
        if (current == null) {
            throw new IllegalStateException("no current tag: call nextTag() first");
        }
        transfer(current.dataPosition(), current.size(), out, current.position(), current.kind());
        return current.size();
    }

    /**
     * Copies a range of the file (tags already walked, headers included) to a channel. Used by the writer to copy
     * runs of unchanged tags with one transfer.
     *
     * @param position the first byte
     * @param count    how many bytes
     * @param out      the destination
     * @param reportAt the offset a short or damaged source is reported at: the first tag of the run
     * @throws IOException when reading or writing fails
     */
    void transferRange(long position, long count, WritableByteChannel out, long reportAt) throws IOException {
        transfer(position, count, out, reportAt, null);
    }

    /** Copies bytes of the source; a short or damaged source is reported at {@code offset} (and tag). */
    private void transfer(long position, long count, WritableByteChannel out, long offset, Integer kind)
            throws IOException {
        try {
            source.transferTo(position, count, out);
        } catch (EOFException | java.util.zip.ZipException e) {
            throw sourceError(e, offset, kind);
        }
    }

    /**
     * @return true when ranges can be transferred at any position cheaply (not a compressed file, where going back
     *         means decompressing again)
     */
    boolean randomAccess() {
        return !(source instanceof io.github.fiffkit.core.internal.GzipSource);
    }

    /**
     * Reads a tag header at any position, without moving the chain walk and without checks beyond the file size.
     *
     * @param position the offset of the header
     * @return the header
     * @throws FiffFormatException when no complete header or data lies there
     * @throws IOException         when reading fails
     */
    public TagHeader headerAt(long position) throws IOException {
        if (position < 0 || position > size - TagHeader.SIZE) {
            throw error(Problem.BAD_NEXT, "no tag header fits at offset " + position, position, null);
        }
        ByteBuffer h = ByteBuffer.allocate(TagHeader.SIZE);
        readAt(position, h, null);
        h.flip();
        TagHeader tag = new TagHeader(position, h.getInt(), h.getInt(), h.getInt(), h.getInt());
        if (tag.size() < 0 || tag.endPosition() > size) {
            throw error(Problem.TRUNCATED, "tag data of " + tag.size() + " bytes runs past the end of the file",
                    position, tag.kind());
        }
        return tag;
    }

    /**
     * Reads the tag directory that the directory pointer names, if the file has one. MNE-Python and MNE-C trust
     * a directory completely; this reader only reports it (the chain is what counts).
     *
     * @return the entries without the closing sentinel, or empty when the file has no usable directory (a
     *         pointer to something that is not a directory adds a warning)
     * @throws IOException when reading fails
     */
    public Optional<List<DirEntry>> readDirectory() throws IOException {
        if (directoryPointer <= 0) {
            return Optional.empty();
        }
        TagHeader dir;
        try {
            dir = headerAt(directoryPointer);
        } catch (FiffFormatException e) {
            warnings.add(new FiffWarning(directoryPointer, "the directory pointer leads to no tag: " + e.detail()));
            return Optional.empty();
        }
        if (dir.kind() != FiffKind.DIR || dir.type() != FiffType.DIR_ENTRY_STRUCT
                || dir.size() % DirEntry.SIZE != 0) {
            warnings.add(new FiffWarning(directoryPointer, "the directory pointer leads to " + dir
                    + ", not a directory"));
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(readData(dir));
        List<DirEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            DirEntry e = DirEntry.read(in);
            if (e.equals(DirEntry.SENTINEL)) {
                break;
            }
            entries.add(e);
        }
        return Optional.of(List.copyOf(entries));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable c : owned) {
            try {
                c.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
