package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.actions.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code mne-python} preset against MNE-Python 1.3's own anonymization ({@code raw.anonymize()}), field by
 * field over everything MNE-Python reports in the measurement info and annotations. Every difference is one we
 * chose, listed here and in {@code docs/interoperability.md}:
 * <ul>
 * <li>MNE-Python writes {@code experimenter} and {@code description} even where the file has none; we never
 *     create a tag.</li>
 * <li>MNE-Python writes a new file ID on save, with the machine id it always writes ({@code 0x30333033}, ASCII
 *     "03030303"); we keep the file's ID, with its machine id zeroed like every other ID.</li>
 * <li>MNE-Python leaves the ID and date of MaxFilter's cross-talk block ({@code proc_history[].max_info.sss_ctc})
 *     as they are; we zero the machine id and move the time like every other ID and date.</li>
 * </ul>
 */
@Tag("interop")
class MnePythonAgreementTest {
    @TempDir
    Path dir;

    static Path corpus;

    @BeforeAll
    static void needsMneAndCorpus() throws Exception {
        MneInteropTest.needsMneAndCorpus();
        corpus = MneInteropTest.corpusRoot;
    }

    private static Anonymizer ours(Integer daysback, boolean keepHis) {
        AnonymizerBuilder b = Anonymizer.builder().preset(Preset.MNE_PYTHON).keepHis(keepHis);
        if (daysback != null) {
            b.measurementDateOffsetDays(daysback);
        }
        return b.build();
    }

    private static JsonNode compare(Path input, Path output, Integer daysback, boolean keepHis, Path reference)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("compare-mne", "--input", input.toString(), "--output",
                output.toString()));
        if (daysback != null) {
            args.addAll(List.of("--daysback", daysback.toString()));
        }
        if (keepHis) {
            args.add("--keep-his");
        }
        if (reference != null) {
            args.addAll(List.of("--reference", reference.toString()));
        }
        return MnePython.json(args);
    }

    private static Set<String> differing(JsonNode r) {
        Set<String> out = new TreeSet<>();
        r.get("differ").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> fields(JsonNode r) {
        Set<String> out = new TreeSet<>();
        r.get("fields").forEach(f -> out.add(f.asText()));
        return out;
    }

    @ParameterizedTest(name = "daysback={0} keep_his={1}")
    @CsvSource(nullValues = "none", value = {"none, false, phi_full_anon_default_raw.fif",
        "35000, false, phi_full_anon_db35000_raw.fif", "10, true, phi_full_anon_keephis_raw.fif"})
    void agreesWithMnePythonOnEveryFieldOfThePhiFile(Integer daysback, boolean keepHis, String mneFile)
            throws Exception {
        Path input = corpus.resolve("mne-synthetic/phi_full_raw.fif");
        Path out = dir.resolve("ours.fif");
        ours(daysback, keepHis).anonymize(input, out);

        // MNE-Python's anonymization run now, in memory: every field agrees
        JsonNode now = compare(input, out, daysback, keepHis, null);
        assertEquals("1.3.0", now.get("mne_version").asText());
        Set<String> all = fields(now);
        for (String f : List.of("meas_date", "file_id.secs", "meas_id.secs", "meas_id.machid", "experimenter",
                "description", "proj_id", "proj_name", "subject_info.first_name", "subject_info.last_name",
                "subject_info.birthday", "subject_info.his_id", "subject_info.sex", "subject_info.weight",
                "helium_info.meas_date", "helium_info.orig_file_guid", "device_info.serial", "device_info.site",
                "annotations.orig_time", "annotations.onset")) {
            assertTrue(all.contains(f), f + " not compared: " + all);
        }
        assertEquals(keepHis, all.contains("subject_info.hand"), "hand is kept only with keep_his");
        assertEquals(Set.of(), differing(now), now.get("differ").toString());

        // the file MNE-Python wrote (mne-anonymized/): only its new file ID differs
        JsonNode saved = compare(input, out, daysback, keepHis, corpus.resolve("mne-synthetic/mne-anonymized/" + mneFile));
        assertEquals(Set.of("file_id.machid"), differing(saved), saved.get("differ").toString());
        JsonNode machid = saved.get("differ").get("file_id.machid");
        assertEquals("[808661043,808661043]", machid.get(0).toString(), "MNE-Python's constant machine id");
        assertEquals("[0,0]", machid.get(1).toString(), "ours: zeroed");
    }

    @Test
    void theDeliberateDifferencesOnAMaxFilteredRecordingWithoutDescription() throws Exception {
        Path input = corpus.resolve("real/mne-testing-data/SSS__sample_audvis_trunc_raw_sss.fif");
        Path out = dir.resolve("sss.fif");
        ours(null, false).anonymize(input, out);
        JsonNode r = compare(input, out, null, false, null);
        JsonNode d = r.get("differ");
        assertEquals(Set.of("description", "experimenter", "proc_history[0].max_info.sss_ctc.block_id.machid",
                "proc_history[0].max_info.sss_ctc.block_id.secs", "proc_history[0].max_info.sss_ctc.block_id.usecs",
                "proc_history[0].max_info.sss_ctc.date"), differing(r), d.toString());
        // MNE-Python creates them, we do not
        assertEquals(Preset.MNE_PYTHON_DESCRIPTION, d.get("description").get(0).asText());
        assertTrue(d.get("description").get(1).isNull());
        assertEquals(Preset.DEFAULT_TEXT, d.get("experimenter").get(0).asText());
        assertTrue(d.get("experimenter").get(1).isNull());
        // MNE-Python keeps the cross-talk block's machine id; we zero it
        assertEquals("[0,0]", d.get("proc_history[0].max_info.sss_ctc.block_id.machid").get(1).toString());
        assertTrue(!"[0,0]".equals(d.get("proc_history[0].max_info.sss_ctc.block_id.machid").get(0).toString()));
    }
}
