package io.github.fiffkit.examples;

import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Copies a file tag by tag with {@link FiffReader} and {@link FiffWriter}, replacing one value on the way: the
 * experimenter's name. Every other tag is copied from channel to channel without its data passing through
 * memory, and the copy ends with a fresh tag directory. This is the codec alone, for programs that need their
 * own kind of change; to anonymize, use the {@code Anonymizer} (see {@link AnonymizeWithBuilder}).
 *
 * <pre>java io.github.fiffkit.examples.RewriteTag in.fif out.fif "anonymous"</pre>
 */
public final class RewriteTag {
    private RewriteTag() {
    }

    /**
     * @param args the input file, the output file and the experimenter's new name
     * @throws IOException when the input breaks the format or the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        try (FiffReader in = FiffReader.open(Path.of(args[0]));
                FiffWriter out = FiffWriter.create(Path.of(args[1]))) {
            int replaced = 0;
            for (TagHeader tag = in.nextTag(); tag != null; tag = in.nextTag()) {
                if (tag.kind() == FiffKind.EXPERIMENTER) {
                    out.writeString(FiffKind.EXPERIMENTER, args[2]);
                    replaced++;
                } else if (tag.kind() == FiffKind.DIR_POINTER) {
                    out.writeInt(FiffKind.DIR_POINTER, -1); // patched by endFileWithDirectory()
                } else if (tag.kind() != FiffKind.DIR && tag.kind() != FiffKind.NOP) {
                    out.copyTag(in, TagHeader.NEXT_SEQUENTIAL);
                }
            }
            out.endFileWithDirectory();
            System.out.println(in.tagCount() + " tags read, " + replaced + " experimenter tag(s) replaced");
        }
    }
}
