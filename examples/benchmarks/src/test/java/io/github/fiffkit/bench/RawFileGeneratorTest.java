package io.github.fiffkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawFileGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesAReadableRawFileOfAboutTheWishedSize() throws IOException {
        Path f = dir.resolve("g_raw.fif");
        RawFileGenerator g = new RawFileGenerator(309, 100, 7);
        long buffers = g.write(f, 2_000_000);
        long size = Files.size(f);
        assertTrue(size <= 2_000_000 && size > 2_000_000 - g.bufferTagSize() - 1, "size " + size);
        int chInfos = 0;
        int dataBuffers = 0;
        int stim = 0;
        String last = null;
        try (FiffReader r = FiffReader.open(f)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == FiffKind.CH_INFO) {
                    chInfos++;
                    ChannelInfo ch = ChannelInfo.read(ByteBuffer.wrap(r.readData()));
                    assertEquals(chInfos, ch.scanNo());
                    stim += ch.kind() == 3 ? 1 : 0;
                } else if (t.kind() == FiffKind.DATA_BUFFER) {
                    dataBuffers++;
                    assertEquals(FiffType.FLOAT, t.type());
                    assertEquals(4 * 309 * 100, t.size());
                    assertTrue(r.blockPath().contains(FiffBlock.RAW_DATA));
                } else if (t.kind() == FiffKind.SUBJ_LAST_NAME) {
                    last = TagData.string(r.readData());
                }
            }
            assertTrue(r.isTerminated());
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
        assertEquals(309, chInfos);
        assertEquals(1, stim);
        assertEquals(buffers, dataBuffers);
        assertEquals(RawFileGenerator.LAST_NAME, last);
    }

    @Test
    void parsesSizes() {
        assertEquals(440 * 1024, RawFileGenerator.parseSize("440k"));
        assertEquals(1536L * 1024 * 1024, RawFileGenerator.parseSize("1.5G"));
        assertEquals(1234, RawFileGenerator.parseSize("1234"));
    }
}
