package io.github.fiffkit.examples;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Anonymizes one file with the builder: the {@code mne-anonymize} preset, the subject's weight, height, sex,
 * handedness and the project fields as well ({@code brute}), every date 35 days earlier, a chosen HIS id, and a
 * search of the output for any original value left behind.
 *
 * <pre>java io.github.fiffkit.examples.AnonymizeWithBuilder sub01_raw.fif sub01_raw_anon.fif</pre>
 */
public final class AnonymizeWithBuilder {
    private AnonymizeWithBuilder() {
    }

    /**
     * @param args the input file and the output file
     * @throws IOException when the input is not valid FIFF or the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        Anonymizer anonymizer = Anonymizer.builder()
                .brute(true)
                .measurementDateOffsetDays(35)
                .hisId("S01")
                .leakCheck(true)
                .build();
        AnonymizationResult result = anonymizer.anonymize(Path.of(args[0]), Path.of(args[1]));

        for (TagChange change : result.changes()) {
            System.out.println(change.kindName() + " at " + change.position() + ": " + change.action());
        }
        System.out.println(result.changes().size() + " tags changed; measurement date "
                + result.measurementDate().map(t -> t.toInstant().toString()).orElse("none") + " -> "
                + result.newMeasurementDate().map(t -> t.toInstant().toString()).orElse("none"));
        System.out.println(result.hasLeaks() ? "LEAKS: " + result.leaks() : "leak check: no original value left");
    }
}
