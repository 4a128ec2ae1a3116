package io.github.fiffkit.examples;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a file's chain of tags with {@link FiffReader} and prints what identifies the subject and the session:
 * every tag of the {@code FIFFB_SUBJECT} block, with its value, then the measurement date and the experimenter.
 * Data is read only for the tags printed; bulk data stays on disk. Compressed files ({@code .fif.gz}) are read
 * the same way.
 *
 * <pre>java io.github.fiffkit.examples.DumpTags sub01_raw.fif</pre>
 */
public final class DumpTags {
    private DumpTags() {
    }

    /**
     * @param args the file
     * @throws IOException when the file cannot be read or breaks the format (the message names the offset)
     */
    public static void main(String[] args) throws IOException {
        try (FiffReader reader = FiffReader.open(Path.of(args[0]))) {
            for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
                if (tag.kind() == FiffKind.BLOCK_START || tag.kind() == FiffKind.BLOCK_END) {
                    continue;
                }
                if (reader.blockPath().contains(FiffBlock.SUBJECT)) {
                    // a short rendering of any value: strings quoted, numbers, dates
                    String value = TagData.describe(tag.kind(), tag.type(), reader.readData(), 60);
                    System.out.println(FiffKind.describe(tag.kind()) + " = " + value);
                    if (tag.kind() == FiffKind.SUBJ_BIRTH_DAY) {
                        System.out.println("  born " + Julian.toLocalDate(TagData.ints(reader.readData())[0]));
                    }
                } else if (tag.kind() == FiffKind.MEAS_DATE) {
                    int[] secondsAndMicros = TagData.ints(reader.readData());
                    FiffTime date = new FiffTime(secondsAndMicros[0], secondsAndMicros[1]);
                    System.out.println("measured " + date.toInstant());
                } else if (tag.kind() == FiffKind.EXPERIMENTER) {
                    System.out.println("experimenter " + TagData.string(reader.readData()));
                }
            }
            System.out.println(reader.tagCount() + " tags");
        }
    }
}
