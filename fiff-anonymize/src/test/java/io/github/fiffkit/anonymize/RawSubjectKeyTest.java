package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.testkit.Folders;
import io.github.fiffkit.testkit.SyntheticFiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key file with {@code "keyFileRaw": true} and a subject key of two tags: two subjects whose values would read
 * alike once joined stay two subjects, and a value with a line break is refused with a sentence naming its tag.
 */
class RawSubjectKeyTest {
    private static final String POLICY = """
            {"fiffPolicy": 1, "extends": "mne-anonymize",
             "dates": {"measurement": {"offsetDays": {"keyed": ["FIFF_SUBJ_LAST_NAME", "FIFF_SUBJ_FIRST_NAME"],
                                                      "min": 365, "max": 3650, "secret": "env:FIFF_POLICY_SECRET",
                                                      "keyFileRaw": true}}}}""";

    @TempDir
    Path dir;

    private Anonymizer anonymizer(Path keyFile) throws IOException {
        Policy p = PolicyLoader.standard().withEnvironment(Map.of("FIFF_POLICY_SECRET", "study secret"))
                .parse(POLICY, "raw.json");
        return Anonymizer.builder().policy(p).keyFile(keyFile).build();
    }

    /** A generated recording of a subject with these names. */
    private Path subject(String name, long seed, String last, String first) throws IOException {
        Path raw = SyntheticFiff.builder(seed).generate().write(dir.resolve("gen-" + name));
        Path in = dir.resolve(name);
        Policy stamp = Policy.builder("stamp")
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_LAST_NAME), Actions.replace(last)))
                .rule(Rule.of(Selector.kind(FiffKind.SUBJ_FIRST_NAME), Actions.replace(first)))
                .build();
        Anonymizer.builder().policy(stamp).build().anonymize(raw, in);
        return in;
    }

    @Test
    void valuesThatReadAlikeOnceJoinedAreTwoSubjects() throws IOException {
        Path one = subject("one.fif", 1, "a|b", "c");
        Path two = subject("two.fif", 2, "a", "b|c");
        Path key = dir.resolve("key.csv");
        Anonymizer a = anonymizer(key);
        a.anonymize(one, dir.resolve("one_anon.fif"));
        a.anonymize(two, dir.resolve("two_anon.fif"));
        List<KeyFile.Row> rows = new KeyFile(key).read();
        assertEquals(List.of("a\\|b|c", "a|b\\|c"), rows.stream().map(KeyFile.Row::subjectKey).toList());
        assertNotEquals(rows.get(0).offsetDays(), rows.get(1).offsetDays(), "two subjects, two offsets");
        assertEquals(List.of("a|b", "c"), io.github.fiffkit.anonymize.policy.SubjectOffset.rawKeyValues(
                rows.get(0).subjectKey()));
        assertEquals(List.of("a", "b|c"), io.github.fiffkit.anonymize.policy.SubjectOffset.rawKeyValues(
                rows.get(1).subjectKey()));
    }

    @Test
    void aValueWithALineBreakIsRefusedNamingItsTag() throws IOException {
        Path in = subject("in.fif", 3, "Xyzzy", "Zelda\nQuimby");
        Path out = dir.resolve("out").resolve("in_anon.fif");
        Files.createDirectories(out.getParent());
        Path key = dir.resolve("key.csv");
        PolicyException e = assertThrows(PolicyException.class, () -> anonymizer(key).anonymize(in, out));
        assertTrue(e.getMessage().contains("the subject key's " + FiffKind.describe(FiffKind.SUBJ_FIRST_NAME)
                + " holds a line break"), e.getMessage());
        for (String value : List.of("xyzzy", "zelda", "quimby")) {
            assertFalse(e.getMessage().toLowerCase().contains(value), "no value: " + e.getMessage());
        }
        assertEquals(List.of(), Folders.listing(out.getParent()), "no output");
        assertFalse(Files.exists(key), "no key file");
    }
}
