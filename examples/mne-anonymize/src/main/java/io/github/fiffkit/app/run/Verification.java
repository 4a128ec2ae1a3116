package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of {@code --verify}: checked against the policy alone, or, with {@code --original}, against the file
 * it was made from as well (the library's leak check). A file that cannot be read is status 2 here; the run makes
 * it 6 where several files or a pair are involved.
 */
final class Verification {
    private Verification() {
    }

    /** {@code --verify OUT --original IN}: one pair, the policy replay and the leak check. */
    static JobOutcome pair(Anonymizer anonymizer, Job job) {
        if (job.failure() != null) {
            return JobOutcome.failed(job, job.status(), job.failure());
        }
        Path file = job.first();
        Path original = job.outputs().get(0);
        if (!sameDataBuffers(file, original)) {
            return JobOutcome.failed(job, ExitStatus.SOME_FAILED, file + " does not look like an anonymized copy of "
                    + original + " (its data differ)");
        }
        try {
            VerifyResult v = anonymizer.verify(file, original);
            return new JobOutcome(job, v.passed() ? ExitStatus.OK : ExitStatus.VERIFY_FOUND, List.of(), null, null,
                    v);
        } catch (IOException e) {
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, ExitStatus.describe(e, file) + " (checked against "
                    + original + ")");
        } catch (RuntimeException e) {
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, RecordingRun.internalError(file, e));
        }
    }

    /**
     * A cheap check that an original is the output's source: anonymizing never removes, adds or resizes a raw data
     * buffer (they are structural, see {@code Policy.STRUCTURAL_KINDS}), so both files carry the same number of
     * FIFF_DATA_BUFFER tags with the same sizes, in the same order. Only the tag headers are read.
     *
     * @return false when the buffers differ; true when they agree, or when a file cannot be read (the verify
     *         that follows says what is wrong with it)
     */
    static boolean sameDataBuffers(Path output, Path original) {
        try {
            return bufferSizes(output).equals(bufferSizes(original));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static List<Integer> bufferSizes(Path file) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        try (FiffReader reader = FiffReader.open(file)) {
            for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
                if (tag.kind() == FiffKind.DATA_BUFFER) {
                    sizes.add(tag.size());
                }
            }
        }
        return sizes;
    }

    /** {@code --verify OUT}: one file, the policy replay alone. */
    static JobOutcome alone(Anonymizer anonymizer, Job job) {
        Path file = job.first();
        try {
            VerifyResult v = anonymizer.verify(file);
            return new JobOutcome(job, v.passed() ? ExitStatus.OK : ExitStatus.VERIFY_FOUND, List.of(), null, null,
                    v);
        } catch (IOException e) {
            int status = ExitStatus.of(e);
            return JobOutcome.failed(job, status == ExitStatus.OUTPUT_FAILED ? ExitStatus.BAD_INPUT : status,
                    ExitStatus.describe(e, file));
        } catch (RuntimeException e) {
            return JobOutcome.failed(job, ExitStatus.BAD_INPUT, RecordingRun.internalError(file, e));
        }
    }
}
