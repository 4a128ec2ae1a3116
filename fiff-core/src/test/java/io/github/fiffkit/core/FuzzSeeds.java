package io.github.fiffkit.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seed corpus of {@link FiffReaderFuzzTest}: small valid files that between them use every block
 * structure, data type and chain shape the reader knows, so that the fuzzer starts from deep inside the format.
 * Run from the module folder to regenerate them:
 * {@code java -cp target/classes:target/test-classes io.github.fiffkit.core.FuzzSeeds src/test/resources/...}.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    static final FiffId ID = new FiffId(FiffId.VERSION_1_4, 0x123456, 0x789A, new FiffTime(1552555613, 589_793));

    /** A file with one tag of every decoded type, nested blocks and a fresh directory. */
    static byte[] typed() throws IOException {
        Path tmp = Files.createTempFile("seed", ".fif");
        try (FiffWriter w = FiffWriter.create(tmp)) {
            w.writeFileHeader(ID);
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, ID);
            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeTime(FiffKind.MEAS_DATE, ID.time());
            w.writeInt(FiffKind.NCHAN, 2);
            w.writeFloat(FiffKind.SFREQ, 1000f);
            w.writeDouble(FiffKind.MNE_BASELINE_MIN, 1.5, 2.5);
            w.writeString(FiffKind.EXPERIMENTER, "Dr Q");
            w.writeTag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("caf\u00e9 \ud83d\ude00"));
            w.startBlock(FiffBlock.SUBJECT);
            w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(java.time.LocalDate.of(1980, 5, 17)));
            w.writeString(FiffKind.SUBJ_LAST_NAME, "Doe");
            w.endBlock(FiffBlock.SUBJECT);
            w.startBlock(FiffBlock.ISOTRAK);
            w.writeTag(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(
                    new DigPoint(DigPoint.KIND_CARDINAL, 1, new float[] {0.01f, 0.02f, 0.03f}))));
            w.writeTag(FiffKind.DIG_STRING, FiffType.DIG_STRING_STRUCT, TagData.ofDigStrings(List.of(
                    new DigString(DigPoint.KIND_EXTRA, 2, new float[] {1f, 2f, 3f, 4f, 5f, 6f}))));
            w.endBlock(FiffBlock.ISOTRAK);
            float[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            float[] zero = {0, 0, 0};
            w.writeTag(FiffKind.COORD_TRANS, FiffType.COORD_TRANS_STRUCT, TagData.ofCoordTrans(List.of(
                    new CoordTrans(4, 5, eye, zero, eye, zero))));
            w.writeTag(FiffKind.PROJ_ITEM_VECTORS, FiffType.MATRIX_FLOAT,
                    new DenseMatrix(FiffType.MATRIX_FLOAT, new int[] {2, 2}, TagData.ofFloats(1f, 2f, 3f, 4f))
                            .encode());
            w.writeTag(FiffKind.MNE_SOURCE_SPACE_NEAREST, FiffType.CCS_MATRIX_FLOAT,
                    new SparseMatrix(FiffType.CCS_MATRIX_FLOAT, 2, 2, TagData.ofFloats(7f), new int[] {1},
                            new int[] {0, 1, 1}).encode());
            w.endBlock(FiffBlock.MEAS_INFO);
            w.startBlock(FiffBlock.RAW_DATA);
            w.writeTag(FiffKind.DATA_BUFFER, FiffType.SHORT, TagData.ofShorts((short) 1, (short) -2, (short) 3,
                    (short) 4));
            w.writeTag(FiffKind.DATA_BUFFER, FiffType.LONG, TagData.ofLongs(1L, -1L));
            w.writeTag(FiffKind.DATA_BUFFER, 0x7777, new byte[] {1, 2, 3});
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFileWithDirectory();
        }
        try {
            return Files.readAllBytes(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    /** A chain that jumps forward over hidden tags and back again. */
    static byte[] jumps() {
        RawFiff f = RawFiff.start();
        int here = f.position();
        // tag A at here jumps to C; B is hidden; C jumps back to D after B ... in file order: A, B, D, C
        int a = here;
        int b = a + 16;
        int d = b + 16 + 8;
        int c = d + 16;
        f.nop(c);
        f.tag(FiffKind.COMMENT, FiffType.STRING, TagData.ofString("hidden!!"), 0);
        f.nop(-1);
        f.nop(d);
        if (f.position() != c + 16) {
            throw new IllegalStateException("layout");
        }
        return f.toBytes();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(bytes)) {
            z.write(plain);
        }
        return bytes.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.write(dir.resolve("minimal.fif"), RawFiff.start().nop(-1).toBytes());
        Files.write(dir.resolve("typed.fif"), typed());
        Files.write(dir.resolve("jumps.fif"), jumps());
        Files.write(dir.resolve("typed.fif.gz"), gzip(typed()));
    }
}
