package io.github.fiffkit.anonymize;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole file's chain into memory for assertions. */
public final class Files2 {
    public record Entry(long position, int kind, int type, byte[] data, int next, BlockPath path) {
    }

    private Files2() {
    }

    public static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                out.add(new Entry(t.position(), t.kind(), t.type(), r.readData(), t.next(), r.blockPath()));
            }
        }
        return out;
    }

    public static List<Entry> all(List<Entry> tags, int kind) {
        return tags.stream().filter(e -> e.kind() == kind).toList();
    }

    public static Entry first(List<Entry> tags, int kind) {
        return tags.stream().filter(e -> e.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no tag of kind " + kind));
    }

    public static Entry first(List<Entry> tags, int kind, int innermostBlock) {
        return tags.stream().filter(e -> e.kind() == kind && e.path().innermost() == innermostBlock).findFirst()
                .orElseThrow(() -> new AssertionError("no tag of kind " + kind + " in block " + innermostBlock));
    }
}
