package io.github.fiffkit.anonymize;

import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seed corpus of {@link AnonymizerFuzzTest}: the {@link Phi} file with PHI in every field, a few of its
 * tolerated variants, and a synthetic recording of the test kit. Run from the module folder to regenerate:
 * {@code java -cp target/classes:target/test-classes:../fiff-core/target/classes:../fiff-testkit/target/classes
 * io.github.fiffkit.anonymize.AnonymizerFuzzSeeds src/test/resources/io/github/fiffkit/anonymize/AnonymizerFuzzTestInputs/anonymizeBytes}.
 */
public final class AnonymizerFuzzSeeds {
    private AnonymizerFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path phi = Phi.standard().write(dir.resolve("phi.fif"));
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(dir.resolve("phi.fif.gz")))) {
            Files.copy(phi, z);
        }
        Phi open = Phi.standard();
        open.terminated = false;
        open.tags.remove(open.tags.size() - 2);
        open.write(dir.resolve("unterminated-open-block.fif"));
        Phi odd = Phi.standard();
        odd.set(FiffKind.SUBJ_ID, FiffType.STRING, TagData.ofString("P-4711"));
        odd.set(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, new byte[12]);
        odd.set(FiffKind.DIR_POINTER, FiffType.INT, new byte[0]);
        odd.tags.add(3, new Phi.T(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("outside")));
        odd.write(dir.resolve("odd-types.fif"));
        Files.write(dir.resolve("testkit-synthetic.fif"),
                io.github.fiffkit.testkit.Corruptions.baseFile(1).bytes());
    }
}
