package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.core.DirEntry;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of a pass laid out before any byte is written, so that it can be written as one forward stream to a
 * file system that cannot seek back into what it wrote (HDFS, object stores). A dry {@link TagPass} tells it each
 * tag it writes: a changed tag with its new bytes (computed once, by the pass), a kept tag as the range of the input
 * it is copied from. At the end every offset is known, so the {@code FIFF_DIR_POINTER} value and the last tag's
 * {@code next} are right the first time. The bytes are those {@link io.github.fiffkit.core.FiffWriter} writes for
 * the same tags (headers with {@code next = 0}, the fresh directory as the last tag, the pointer patched), read
 * through {@link #channel}: the input's ranges come from the input channel, the rest from memory (headers and the
 * changed tags, which are small).
 */
final class Layout {
    /** A run of output bytes: in memory ({@code bytes}) or a range of the input ({@code inStart}). */
    private record Piece(long outStart, byte[] bytes, long inStart, long length) {
        long outEnd() {
            return outStart + length;
        }
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final List<DirEntry> entries = new ArrayList<>();
    /** 4-byte values written over the pieces: the directory pointer and the last tag's {@code next}. */
    private final List<long[]> patches = new ArrayList<>();
    private long position;
    private long pointerData = -1;
    private long lastHeader = -1;
    private boolean directory;

    /** A tag the pass writes from memory with {@code next = 0}. */
    void tag(int kind, int type, byte[] data) {
        header(kind, type, data.length);
        memory(ByteBuffer.allocate(TagHeader.SIZE).putInt(kind).putInt(type).putInt(data.length)
                .putInt(TagHeader.NEXT_SEQUENTIAL).array());
        memory(data);
    }

    /** A tag the pass copies unchanged from the input, with {@code next = 0}. */
    void copy(TagHeader tag) {
        header(tag.kind(), tag.type(), tag.size());
        if (tag.next() == TagHeader.NEXT_SEQUENTIAL) {
            // the input's header is the one to write: header and data in one range
            range(tag.position(), TagHeader.SIZE + (long) tag.size());
        } else {
            memory(ByteBuffer.allocate(TagHeader.SIZE).putInt(tag.kind()).putInt(tag.type()).putInt(tag.size())
                    .putInt(TagHeader.NEXT_SEQUENTIAL).array());
            range(tag.dataPosition(), tag.size());
        }
    }

    private void header(int kind, int type, int size) {
        if (kind == FiffKind.DIR_POINTER && pointerData < 0) {
            pointerData = position + TagHeader.SIZE;
        }
        lastHeader = position;
        entries.add(new DirEntry(kind, type, size, (int) Math.min(position, Integer.MAX_VALUE)));
    }

    private void memory(byte[] bytes) {
        if (bytes.length > 0) {
            pieces.add(new Piece(position, bytes, -1, bytes.length));
            position += bytes.length;
        }
    }

    private void range(long inStart, long length) {
        if (length == 0) {
            return;
        }
        Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last != null && last.bytes() == null && last.inStart() + last.length() == inStart) {
            pieces.set(pieces.size() - 1, new Piece(last.outStart(), null, last.inStart(), last.length() + length));
        } else {
            pieces.add(new Piece(position, null, inStart, length));
        }
        position += length;
    }

    /**
     * Ends the layout as the pass ends its output.
     *
     * @param withDirectory whether a fresh directory ends the file (the pass wrote a directory pointer)
     * @param terminated    whether the input's last tag had {@code next = -1} (without a directory, the output's
     *                      last tag gets it too)
     * @throws IOException when the file is too large for a directory, as the writer reports it
     */
    void end(boolean withDirectory, boolean terminated) throws IOException {
        if (withDirectory) {
            if (position > Integer.MAX_VALUE) {
                throw new IOException("the file is larger than 2 GiB: FIFF offsets cannot address a directory there");
            }
            int dirPos = (int) position;
            List<DirEntry> all = new ArrayList<>(entries);
            all.add(new DirEntry(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, (entries.size() + 2) * DirEntry.SIZE,
                    dirPos));
            all.add(DirEntry.SENTINEL);
            byte[] data = TagData.ofDirEntries(all);
            memory(ByteBuffer.allocate(TagHeader.SIZE).putInt(FiffKind.DIR).putInt(FiffType.DIR_ENTRY_STRUCT)
                    .putInt(data.length).putInt(TagHeader.NEXT_NONE).array());
            memory(data);
            patches.add(new long[] {pointerData, dirPos});
            directory = true;
        } else if (terminated && lastHeader >= 0) {
            patches.add(new long[] {lastHeader + 12, TagHeader.NEXT_NONE});
        }
        entries.clear();
    }

    /** @return whether the output ends with a fresh directory (a tag the pass did not count) */
    boolean directory() {
        return directory;
    }

    /** @return the output's size in bytes */
    long size() {
        return position;
    }

    /**
     * The output as a read-only channel.
     *
     * @param input the input the layout was made from, plain (not gzip-compressed); its position is moved
     * @return a channel of the output's bytes, reading the input where tags are copied
     */
    SeekableByteChannel channel(SeekableByteChannel input) {
        return new SeekableByteChannel() {
            private long at;
            private int index;
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (at >= position) {
                    return -1;
                }
                int start = dst.position();
                while (dst.hasRemaining() && at < position) {
                    Piece p = find();
                    long off = at - p.outStart();
                    int n = (int) Math.min(dst.remaining(), p.length() - off);
                    if (p.bytes() != null) {
                        dst.put(p.bytes(), (int) off, n);
                    } else {
                        ByteBuffer part = dst.slice().limit(n);
                        input.position(p.inStart() + off);
                        while (part.hasRemaining()) {
                            if (input.read(part) < 0) {
                                throw new java.io.EOFException("the input ended at offset " + input.position()
                                        + ", inside a tag it had when the pass read it");
                            }
                        }
                        dst.position(dst.position() + n);
                    }
                    at += n;
                }
                patch(dst, start);
                return dst.position() - start;
            }

            /** The piece holding {@link #at}; reads are mostly forward, so the search starts at the last one. */
            private Piece find() {
                if (index >= pieces.size() || pieces.get(index).outStart() > at) {
                    index = 0;
                }
                while (pieces.get(index).outEnd() <= at) {
                    index++;
                }
                return pieces.get(index);
            }

            /** Writes the patches over the bytes just read, {@code dst[start, position)} = output from there. */
            private void patch(ByteBuffer dst, int start) {
                long from = at - (dst.position() - start);
                for (long[] p : patches) {
                    byte[] v = TagData.ofInts((int) p[1]);
                    for (int i = 0; i < 4; i++) {
                        long o = p[0] + i;
                        if (o >= from && o < at) {
                            dst.put(start + (int) (o - from), v[i]);
                        }
                    }
                }
            }

            @Override
            public int write(ByteBuffer src) {
                throw new NonWritableChannelException();
            }

            @Override
            public long position() {
                return at;
            }

            @Override
            public SeekableByteChannel position(long newPosition) {
                at = newPosition;
                return this;
            }

            @Override
            public long size() {
                return position;
            }

            @Override
            public SeekableByteChannel truncate(long size) {
                throw new NonWritableChannelException();
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
