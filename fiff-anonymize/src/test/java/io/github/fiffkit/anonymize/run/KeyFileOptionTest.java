package io.github.fiffkit.anonymize.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.KeyFile;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --key-file} in the run model: only with a policy whose dates move per subject, and it reaches the file. */
class KeyFileOptionTest {
    @TempDir
    Path dir;

    private Path policy(String measurement) throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "study secret\n");
        return Files.writeString(dir.resolve("p.json"), "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                + " \"dates\": {\"measurement\": " + measurement + "}}");
    }

    private static List<String> texts(RunOptions o) {
        return o.problems().stream().map(OptionMessage::text).toList();
    }

    @Test
    void aKeyFileNeedsAPolicyARunThatWritesAndNoFixedDate() {
        Path key = Path.of("key.csv");
        assertEquals(List.of("--key-file records each subject's own date offset, which only a policy file gives: it"
                + " needs --policy"), texts(RunOptions.builder().keyFile(key).build()));
        assertEquals(List.of("--dry-run writes nothing, so --key-file has nothing to record"),
                texts(RunOptions.builder().policyFile(Path.of("p.json")).keyFile(key).dryRun(true).build()));
        RunOptions mdo = RunOptions.builder().policyFile(Path.of("p.json")).keyFile(key).measurementDateOffset(3)
                .build();
        assertEquals(List.of("--key-file records each subject's own date offset, and --mdo gives every recording the"
                + " same: they exclude each other"), texts(mdo));
        assertEquals(List.of(RunOption.KEY_FILE, RunOption.MEASUREMENT_DATE_OFFSET), mdo.problems().get(0).options());
    }

    @Test
    void aPolicyWithOneOffsetForAllHasNoKeyToWrite() throws IOException {
        RunOptions o = RunOptions.builder().policyFile(policy("{\"offsetDays\": 35}")).keyFile(dir.resolve("k.csv"))
                .build();
        IOException e = assertThrows(IOException.class, o::toAnonymizer);
        assertTrue(e.getMessage().contains("the policy's dates do not move per subject"), e.getMessage());
    }

    @Test
    void theAnonymizerOfAPerSubjectPolicyWritesTheKeyFile() throws IOException {
        Path key = dir.resolve("k.csv");
        RunOptions o = RunOptions.builder().policyFile(policy("{\"offsetDays\": {\"keyed\": [\"FIFF_SUBJ_HIS_ID\"],"
                + " \"min\": 30, \"max\": 60, \"secret\": \"file:secret.txt\"}}")).keyFile(key).build();
        assertEquals(List.of(), o.problems());
        assertTrue(o.describe().contains("key file " + key), o.describe());
        Anonymizer a = o.toAnonymizer();
        Path in = SyntheticFiff.builder(3).generate().write(dir.resolve("in.fif"));
        a.anonymize(in, dir.resolve("out.fif"));
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).offsetDays() >= 30 && rows.get(0).offsetDays() <= 60, rows.get(0)::toString);
    }

    @Test
    void aHashOfAKeyTagThatDoesNotNormaliseIsWarnedAbout() throws IOException {
        String keyed = "{\"offsetDays\": {\"keyed\": [\"FIFF_SUBJ_HIS_ID\"], \"min\": 30, \"max\": 60,"
                + " \"secret\": \"file:secret.txt\"}}";
        for (boolean normalise : List.of(false, true)) {
            Files.writeString(dir.resolve("secret.txt"), "study secret\n");
            Path p = Files.writeString(dir.resolve("h.json"), "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                    + " \"dates\": {\"measurement\": " + keyed + "}, \"rules\": [{\"tag\": \"FIFF_SUBJ_HIS_ID\","
                    + " \"action\": \"hash\", \"secret\": \"file:secret.txt\"" + (normalise ? ", \"normalise\": true" : "")
                    + "}]}");
            RunOptions o = RunOptions.builder().policyFile(p).build();
            List<String> w = o.warnings(o.toAnonymizer()).stream().map(OptionMessage::text)
                    .filter(t -> t.contains("two spellings of one subject")).toList();
            assertEquals(normalise ? 0 : 1, w.size(), w::toString);
            if (!normalise) {
                assertTrue(w.get(0).startsWith("the hash rule of FIFF_SUBJ_HIS_ID"), w.get(0));
                assertTrue(w.get(0).endsWith("add \"normalise\": true to the rule"), w.get(0));
            }
        }
    }
}
