package io.github.fiffkit.app.dump;

import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** FIFF bytes laid out by hand, header by header: for chains that jump and files a writer would never make. */
final class FiffBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @return bytes that start with a file ID and a directory pointer (-1), both with {@code next} 0 */
    static FiffBytes withHeader() {
        FiffBytes f = new FiffBytes();
        f.tag(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, 7, 8,
                new FiffTime(1_600_000_000, 0))), 0);
        f.tag(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(-1), 0);
        return f;
    }

    FiffBytes tag(int kind, int type, byte[] data, int next) {
        out.writeBytes(ByteBuffer.allocate(16).putInt(kind).putInt(type).putInt(data.length).putInt(next).array());
        out.writeBytes(data);
        return this;
    }

    FiffBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** @return the offset the next tag will have */
    int position() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        return Files.write(file, toBytes());
    }
}
