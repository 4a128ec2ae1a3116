package io.github.fiffkit.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.app.dump.DumpRun;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample, {@code sample/sample_raw.fif}, which the quick start dumps and later anonymizes. */
class SampleFileTest {
    /** Surefire runs in the module's folder. */
    static final Path SAMPLE = Path.of("sample", "sample_raw.fif");

    @TempDir
    Path dir;

    @Test
    void theCommittedSampleIsWhatSampleFileWriterWrites() throws IOException {
        Path fresh = dir.resolve("sample_raw.fif");
        SampleFileWriter.write(fresh);
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(SAMPLE),
                "sample/sample_raw.fif is stale: regenerate it as SampleFileWriter's documentation says");
    }

    @Test
    void theSampleIsSmall() throws IOException {
        assertTrue(Files.size(SAMPLE) < 300 * 1024, Files.size(SAMPLE) + " bytes");
    }

    @Test
    void theSampleIsWellFormedAndCarriesEveryInventedPhiField() throws IOException {
        DumpRun run = DumpRun.of("--json", SAMPLE.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err(), "no reader warnings");
        List<JsonNode> tags = run.json();
        Map<Integer, JsonNode> first = tags.stream().collect(Collectors.toMap(t -> t.get("kind").asInt(), t -> t,
                (a, b) -> a));
        assertEquals(SampleFileWriter.FIRST_NAME, first.get(FiffKind.SUBJ_FIRST_NAME).get("value").asText());
        assertEquals(SampleFileWriter.MIDDLE_NAME, first.get(FiffKind.SUBJ_MIDDLE_NAME).get("value").asText());
        assertEquals(SampleFileWriter.LAST_NAME, first.get(FiffKind.SUBJ_LAST_NAME).get("value").asText());
        assertEquals(Julian.of(SampleFileWriter.BIRTHDAY), first.get(FiffKind.SUBJ_BIRTH_DAY).get("value").asInt());
        assertEquals(SampleFileWriter.HIS_ID, first.get(FiffKind.SUBJ_HIS_ID).get("value").asText());
        assertEquals(SampleFileWriter.SUBJECT_ID, first.get(FiffKind.SUBJ_ID).get("value").asInt());
        assertEquals(SampleFileWriter.EXPERIMENTER, first.get(FiffKind.EXPERIMENTER).get("value").asText());
        assertEquals(SampleFileWriter.DESCRIPTION, first.get(FiffKind.COMMENT).get("value").asText());
        assertEquals(SampleFileWriter.MEAS_DATE.toString(), first.get(FiffKind.MEAS_DATE).get("date").asText());
        assertEquals(SampleFileWriter.WORKING_DIR, first.get(FiffKind.MNE_ENV_WORKING_DIR).get("value").asText());
        assertEquals(SampleFileWriter.COMMAND_LINE, first.get(FiffKind.MNE_ENV_COMMAND_LINE).get("value").asText());
        assertEquals(SampleFileWriter.PROJECT_ID, first.get(FiffKind.PROJ_ID).get("value").asInt());
        assertEquals(SampleFileWriter.PROJECT_NAME, first.get(FiffKind.PROJ_NAME).get("value").asText());
        assertEquals(SampleFileWriter.PROJECT_AIM, first.get(FiffKind.PROJ_AIM).get("value").asText());
        assertEquals(SampleFileWriter.PROJECT_PERSONS, first.get(FiffKind.PROJ_PERSONS).get("value").asText());
        assertEquals(SampleFileWriter.PROJECT_COMMENT, first.get(FiffKind.PROJ_COMMENT).get("value").asText());
        assertEquals(SampleFileWriter.SUBJECT_COMMENT, first.get(FiffKind.SUBJ_COMMENT).get("value").asText());

        // every ID carries the acquisition machine's id and a time near the measurement
        List<JsonNode> ids = tags.stream().filter(t -> t.get("typeName").asText().equals("FIFFT_ID_STRUCT")).toList();
        assertEquals(3, ids.size(), "file ID and two block IDs");
        long measSeconds = FiffTime.of(SampleFileWriter.MEAS_DATE).seconds();
        for (JsonNode id : ids) {
            JsonNode v = id.get("value");
            assertEquals("[" + SampleFileWriter.MACHINE_0 + "," + SampleFileWriter.MACHINE_1 + "]",
                    v.get("machid").toString());
            assertTrue(Math.abs(v.get("secs").asLong() - measSeconds) < 60, v.toString());
        }

        // a raw recording: channels described, samples in data buffers
        assertEquals(10, first.get(FiffKind.NCHAN).get("value").asInt());
        assertEquals(10, tags.stream().filter(t -> t.get("kind").asInt() == FiffKind.CH_INFO).count());
        assertEquals(SampleFileWriter.BUFFERS, tags.stream().filter(t -> t.get("kind").asInt() == FiffKind.DATA_BUFFER)
                .filter(t -> t.get("size").asInt() == SampleFileWriter.SAMPLES_PER_BUFFER * 10 * 4).count());
        assertEquals(-1, tags.get(tags.size() - 1).get("next").asInt(), "the chain is terminated");
    }
}
