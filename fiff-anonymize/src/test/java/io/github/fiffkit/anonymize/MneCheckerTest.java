package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNE-Python checker itself: it passes a faithful output and fails one with changed data, a PHI field left,
 * or a measurement date the preset did not promise. Without this, a checker that compares nothing would pass the
 * corpus test.
 */
@Tag("interop")
class MneCheckerTest {
    @TempDir
    Path dir;

    static Path input;

    @BeforeAll
    static void needsMneAndCorpus() throws Exception {
        MneInteropTest.needsMneAndCorpus();
        input = MneInteropTest.corpusRoot.resolve("mne-synthetic/phi_full_raw.fif");
    }

    private JsonNode check(Path output, InteropMode mode) throws Exception {
        return MnePython.json(List.of("check", "--reader", "raw", "--input", input.toString(), "--output",
                output.toString(), "--expect", MnePython.JSON.writeValueAsString(mode.expectation())));
    }

    private static List<String> problems(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.get("problems").forEach(p -> out.add(p.asText()));
        return out;
    }

    @Test
    void aFaithfulOutputPassesAndEveryPhiFieldWasCompared() throws Exception {
        Path out = dir.resolve("ok.fif");
        InteropMode.STRICT.anonymizer.anonymize(input, out);
        JsonNode v = check(out, InteropMode.STRICT);
        assertTrue(v.get("ok").asBoolean(), problems(v).toString());
        List<String> checked = new ArrayList<>();
        v.get("checked").forEach(c -> checked.add(c.asText()));
        for (String field : List.of("meas_date", "info.file_id", "info.meas_id", "info.chs", "info.projs",
                "info.comps", "info.dig", "subject_info.first_name", "subject_info.last_name", "subject_info.his_id",
                "subject_info.birthday", "subject_info.hand", "experimenter", "description", "utc_offset",
                "device_info.serial", "helium_info.orig_file_guid", "helium_info.meas_date", "data", "annotations",
                "leaks")) {
            assertTrue(checked.contains(field), field + " not compared: " + checked);
        }
    }

    @Test
    void aNameLeftInAnAnnotationFailsTheLeakSearch() throws Exception {
        Path out = dir.resolve("annotation.fif");
        InteropMode.MNE_PYTHON.anonymizer.anonymize(input, out); // mne-python keeps annotation texts
        Map<String, Object> expect = new LinkedHashMap<>(InteropMode.MNE_PYTHON.expectation());
        expect.put("leaks", "none");
        JsonNode v = MnePython.json(List.of("check", "--reader", "raw", "--input", input.toString(), "--output",
                out.toString(), "--expect", MnePython.JSON.writeValueAsString(expect)));
        assertFalse(v.get("ok").asBoolean());
        assertEquals(List.of("leak: 'jane' still in 'bad_jane_moved'"), problems(v));
    }

    @Test
    void oneChangedDataByteFails() throws Exception {
        Path out = dir.resolve("data.fif");
        InteropMode.MNE_ANONYMIZE.anonymizer.anonymize(input, out);
        long at = -1;
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader t = r.nextTag(); t != null && at < 0; t = r.nextTag()) {
                if (t.kind() == FiffKind.DATA_BUFFER) {
                    at = t.dataPosition() + t.size() / 2;
                }
            }
        }
        assertTrue(at > 0, "no data buffer");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, at);
        }
        JsonNode v = check(out, InteropMode.MNE_ANONYMIZE);
        assertFalse(v.get("ok").asBoolean());
        assertTrue(problems(v).stream().anyMatch(p -> p.startsWith("data: data differs")), problems(v).toString());
    }

    @Test
    void aPhiFieldLeftAndAnUnpromisedDateFail() throws Exception {
        Path out = dir.resolve("leaky.fif");
        Policy leaky = Policy.builder("leaky").extending(Preset.MNE_ANONYMIZE)
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_LAST_NAME), Actions.keep()))
                .dates(new Dates(MeasurementDate.offsetDays(3), BirthdayDate.set(Preset.DEFAULT_DATE)))
                .build();
        Anonymizer.builder().policy(leaky).build().anonymize(input, out);
        JsonNode v = check(out, InteropMode.MNE_ANONYMIZE);
        assertFalse(v.get("ok").asBoolean());
        List<String> p = problems(v);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("subject_info.last_name:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("meas_date:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("info.meas_id: time")), p.toString());
        assertEquals(false, p.stream().anyMatch(s -> s.startsWith("subject_info.first_name")), p.toString());
    }
}
