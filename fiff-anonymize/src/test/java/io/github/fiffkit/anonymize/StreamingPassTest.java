package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;

/** The streaming pass reads no bulk data into memory and forces each output to disk once. */
class StreamingPassTest {
    private static final int BULK = 1 << 20;
    /** Far below the bulk tag, far above every PHI tag. */
    private static final FiffLimits SMALL = FiffLimits.DEFAULT.withMaxValueSize(64 * 1024);

    @TempDir
    Path dir;

    private Path withBulk() throws IOException {
        byte[] bulk = new byte[BULK];
        for (int i = 0; i < bulk.length; i++) {
            bulk[i] = (byte) (i * 131 + 7);
        }
        return Phi.standard().set(FiffKind.DATA_BUFFER, FiffType.SHORT, bulk).write(dir.resolve("bulk_raw.fif"));
    }

    private static List<byte[]> dataBuffers(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == FiffKind.DATA_BUFFER) {
                    out.add(r.readData());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void bulkDataLargerThanTheMemoryLimitIsCopiedNotRead(Preset preset) throws IOException {
        Path in = withBulk();
        Path out = dir.resolve("out_" + preset.id() + "_raw.fif");
        AnonymizationResult r = Anonymizer.builder().policy(Policy.of(preset)).limits(SMALL).leakCheck(true)
                .build().anonymize(in, out);
        assertTrue(r.leakChecked());
        assertTrue(r.changes().size() > 3, r.changes().toString());
        List<byte[]> before = dataBuffers(in);
        List<byte[]> after = dataBuffers(out);
        assertEquals(before.size(), after.size());
        assertEquals(BULK, after.get(0).length);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void theSameFileIsRejectedWhenARuleWouldReadTheBulkTag() throws IOException {
        Path in = withBulk();
        Policy p = Policy.builder("reads-bulk").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.DATA_BUFFER), Actions.scrub())).build();
        io.github.fiffkit.core.FiffFormatException e = assertThrows(io.github.fiffkit.core.FiffFormatException.class,
                () -> Anonymizer.builder().policy(p).limits(SMALL).build().anonymize(in, dir.resolve("never.fif")));
        assertEquals(io.github.fiffkit.core.FiffFormatException.Problem.LIMIT_EXCEEDED, e.problem());
        assertFalse(Files.exists(dir.resolve("never.fif")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"once_raw.fif", "once_raw.fif.gz"})
    void everyOutputIsForcedToDiskOnceBeforeTheMove(String name) throws IOException {
        Path in = withBulk();
        OutputFiles files = spy(OutputFiles.class);
        Path out = dir.resolve(name);
        Anonymizer.builder().outputFiles(files).build().anonymize(in, out);
        InOrder order = inOrder(files);
        order.verify(files).force(any());
        order.verify(files).commit(any(), any());
        verify(files).force(any());
        verify(files).commit(any(), any());
        assertEquals(dataBuffers(in).size(), dataBuffers(out).size());
    }
}
