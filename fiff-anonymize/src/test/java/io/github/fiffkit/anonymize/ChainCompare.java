package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks an input and its anonymized output side by side: every tag the result does not list as changed must be
 * byte-identical (kind, type, data), every changed tag must hold the new value the result lists, removed and
 * dropped tags must be gone, and nothing may be added. Tag data is compared in chunks, never held whole.
 */
public final class ChainCompare {
    private ChainCompare() {
    }

    public static void assertFaithful(Path input, Path output, AnonymizationResult result) throws IOException {
        Map<Long, TagChange> changes = new HashMap<>();
        for (TagChange c : result.changes()) {
            changes.put(c.position(), c);
        }
        int compared = 0;
        try (FiffReader in = FiffReader.open(input); FiffReader out = FiffReader.open(output)) {
            for (TagHeader a = in.nextTag(); a != null; a = in.nextTag()) {
                TagChange change = changes.get(a.position());
                if (change != null && change.removed()) {
                    continue;
                }
                TagHeader b = out.nextTag();
                assertNotNull(b, "output ends before input tag " + a + " in " + input);
                assertEquals(a.kind(), b.kind(), "kind of output tag at " + b.position() + " (input " + a + ")");
                assertEquals(in.blockPath(), out.blockPath(), "block path of " + a);
                if (change == null) {
                    assertEquals(a.type(), b.type(), "type of unchanged " + a);
                    assertEquals(a.size(), b.size(), "size of unchanged " + a);
                    assertSameData(in, out, a);
                } else {
                    byte[] data = out.readData();
                    String shown = b.type() == io.github.fiffkit.core.FiffType.STRING ? TagData.string(data)
                            : TagData.describe(b.kind(), b.type(), data, 4096);
                    String expected = change.newValue();
                    if (expected.length() > 4096 && expected.endsWith("...")) {
                        assertTrue(shown.startsWith(expected.substring(0, 4096)), "changed " + a);
                    } else {
                        assertEquals(expected, shown, "new value of changed " + a + " by " + change.action());
                    }
                }
                compared++;
            }
            TagHeader extra = out.nextTag();
            assertEquals(null, extra, "output has a tag the input does not: " + extra);
        }
        assertEquals(result.tagsWritten(), compared, "tags written");
    }

    private static void assertSameData(FiffReader in, FiffReader out, TagHeader a) throws IOException {
        if (a.size() <= 1 << 20) {
            assertArrayEquals(in.readData(), out.readData(), "data of unchanged " + FiffKind.describe(a.kind()) + " at "
                    + a.position());
            return;
        }
        java.io.ByteArrayOutputStream x = new java.io.ByteArrayOutputStream(a.size());
        java.io.ByteArrayOutputStream y = new java.io.ByteArrayOutputStream(a.size());
        in.transferData(java.nio.channels.Channels.newChannel(x));
        out.transferData(java.nio.channels.Channels.newChannel(y));
        assertArrayEquals(x.toByteArray(), y.toByteArray(), "data of unchanged " + a);
    }
}
