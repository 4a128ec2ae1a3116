package io.github.fiffkit.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds FIFF bytes by hand, tag by tag, including the broken files a writer would refuse to make. */
final class RawFiff {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static RawFiff start() {
        RawFiff f = new RawFiff();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT,
                TagData.ofId(new FiffId(FiffId.VERSION_1_4, 1, 2, new FiffTime(1000, 0))), 0);
        f.tag(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(-1), 0);
        return f;
    }

    RawFiff tag(int kind, int type, byte[] data, int next) {
        return header(kind, type, data.length, next).bytes(data);
    }

    RawFiff header(int kind, int type, int size, int next) {
        ByteBuffer h = ByteBuffer.allocate(16).putInt(kind).putInt(type).putInt(size).putInt(next);
        out.writeBytes(h.array());
        return this;
    }

    RawFiff bytes(byte[] data) {
        out.writeBytes(data);
        return this;
    }

    RawFiff block(int kind) {
        return tag(FiffKind.BLOCK_START, FiffType.INT, TagData.ofInts(kind), 0);
    }

    RawFiff end(int kind) {
        return tag(FiffKind.BLOCK_END, FiffType.INT, TagData.ofInts(kind), 0);
    }

    RawFiff string(int kind, String s) {
        return tag(kind, FiffType.STRING, TagData.ofString(s), 0);
    }

    RawFiff nop(int next) {
        return tag(FiffKind.NOP, FiffType.VOID, new byte[0], next);
    }

    int position() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), toBytes());
    }
}
