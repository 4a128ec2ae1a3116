package io.github.fiffkit.examples;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Anonymizes every recording of a study folder with one date offset for the whole study, so that the days
 * between sessions survive while the real dates do not. One {@link Anonymizer} serves every file (it is
 * immutable and thread-safe); each output is named as MNE names anonymized files ({@code _anonymized}
 * before the {@code .fif}). A recording split into parts ({@code _raw.fif}, {@code _raw-1.fif}, ...) is
 * anonymized as one, all parts or none.
 *
 * <pre>java io.github.fiffkit.examples.AnonymizeStudy study/ study-anonymized/ 1234</pre>
 */
public final class AnonymizeStudy {
    private AnonymizeStudy() {
    }

    /**
     * @param args the study folder, the output folder (created when missing) and the offset in days (positive:
     *             earlier)
     * @throws IOException when a file is not valid FIFF or an output cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path study = Path.of(args[0]);
        Path outputs = Files.createDirectories(Path.of(args[1]));
        int offsetDays = Integer.parseInt(args[2]);

        Anonymizer anonymizer = Anonymizer.builder()
                .measurementDateOffsetDays(offsetDays)
                .subjectBirthdayOffsetDays(offsetDays)
                .build();

        List<Path> files;
        try (Stream<Path> list = Files.list(study)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".fif")).sorted()
                    .collect(Collectors.toList());
        }
        for (Path file : files) {
            List<Path> parts = SplitRecording.parts(file);
            if (!parts.get(0).equals(file.toAbsolutePath().normalize())) {
                continue; // a later part: anonymized with its first part
            }
            Path firstOutput = outputs.resolve(SplitRecording.anonymizedName(file.getFileName().toString()));
            List<Path> partOutputs = SplitRecording.outputNames(firstOutput, parts.size());
            for (AnonymizationResult r : anonymizer.anonymizeRecording(parts, partOutputs)) {
                System.out.println(Path.of(r.input()).getFileName() + " -> " + Path.of(r.output()).getFileName()
                        + ": measurement date " + r.measurementDate().map(t -> t.toInstant().toString()).orElse("none")
                        + " -> " + r.newMeasurementDate().map(t -> t.toInstant().toString()).orElse("none"));
            }
        }
    }
}
