package io.github.fiffkit.testkit;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffFormatException.Problem;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Corruption.Expect;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Damaged copies of a valid file, each with its expected outcome: truncation in every region, {@code next}
 * cycles, jumps outside the file, negative and huge sizes, wrong types and sizes for known tags, unbalanced
 * blocks, random bytes, an empty file and files that are not FIFF.
 *
 * <pre>{@code
 * Generated valid = Corruptions.baseFile(seed);
 * for (Corruption c : Corruptions.of(valid)) {
 *     Path bad = c.write(tmp.resolve(c.name() + ".fif"));
 *     ... assert that your code rejects or tolerates it as c.expect() says ...
 * }
 * }</pre>
 */
public final class Corruptions {
    private Corruptions() {
    }

    /**
     * A valid file suited to {@link #of(Generated)}: a sequential chain, no hidden tags, all parts, a few raw
     * buffers.
     *
     * @param seed the seed
     * @return the file
     */
    public static Generated baseFile(long seed) {
        return SyntheticFiff.builder(seed).channels(5).buffers(2, 8).canaries(true).generate();
    }

    /**
     * Every corruption of a file.
     *
     * @param valid a generated file whose chain is sequential (every {@code next} 0 but the last) and without
     *              hidden tags, such as {@link #baseFile(long)}; random damage is drawn from its seed
     * @return the corruptions, each with a unique name
     * @throws IllegalArgumentException when the file's chain jumps or has hidden tags
     */
    public static List<Corruption> of(Generated valid) {
        List<GeneratedTag> chain = valid.chain();
        for (int i = 0; i < chain.size(); i++) {
            GeneratedTag t = chain.get(i);
            if (i < chain.size() - 1 && t.next() != 0) {
                throw new IllegalArgumentException("the chain of the file jumps at " + t.position());
            }
        }
        if (!valid.hidden().isEmpty()) {
            throw new IllegalArgumentException("the file has hidden tags");
        }
        byte[] file = valid.bytes();
        List<Corruption> out = new ArrayList<>();
        Set<Problem> truncated = Set.of(Problem.TRUNCATED, Problem.BAD_SIZE);

        out.add(new Corruption("empty", "an empty file", Expect.FORMAT_ERROR, Set.of(Problem.NOT_FIFF), 0,
                new byte[0]));
        out.add(new Corruption("text", "a short text file", Expect.FORMAT_ERROR, Set.of(Problem.NOT_FIFF), 0,
                "hello, world\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Random random = Seeds.random(valid.seed(), 5);
        byte[] noise = new byte[Math.max(64, file.length)];
        random.nextBytes(noise);
        noise[0] = 0x7F;
        out.add(new Corruption("random-file", "random bytes, as long as the file", Expect.FORMAT_ERROR,
                Set.of(Problem.NOT_FIFF), -1, noise));
        out.add(new Corruption("first-kind", "the first tag is not FIFF_FILE_ID", Expect.FORMAT_ERROR,
                Set.of(Problem.NOT_FIFF), 0, putInt(file, 0, FiffKind.DIR_POINTER)));

        // truncation in every region of every tag
        for (int i = 0; i < chain.size(); i++) {
            GeneratedTag t = chain.get(i);
            long p = t.position();
            String what = FiffKindNames.describe(t) + " at " + p;
            if (i > 0) {
                out.add(new Corruption("cut-before-" + i, "the file ends before " + what, Expect.WARNING, Set.of(),
                        p, cut(file, p)));
            }
            out.add(new Corruption("cut-header-" + i, "the file ends inside the header of " + what,
                    Expect.FORMAT_ERROR, i == 0 ? Set.of(Problem.NOT_FIFF) : Set.of(Problem.TRUNCATED), p,
                    cut(file, p + 8)));
            if (t.size() >= 2) {
                out.add(new Corruption("cut-data-" + i, "the file ends inside the data of " + what,
                        Expect.FORMAT_ERROR, truncated, p, cut(file, p + TagHeader.SIZE + t.size() / 2)));
            }
        }

        // next links
        int mid = chain.size() / 2;
        GeneratedTag m = chain.get(mid);
        GeneratedTag last = chain.get(chain.size() - 1);
        out.add(new Corruption("next-self", "the tag at " + m.position() + " names itself as next",
                Expect.FORMAT_ERROR, Set.of(Problem.CYCLE), m.position(), putInt(file, m.position() + 12,
                        (int) m.position())));
        out.add(new Corruption("next-second", "the last tag names the second as next (0 would mean 'the next tag"
                + " follows')", Expect.FORMAT_ERROR, Set.of(Problem.CYCLE), last.position(),
                putInt(file, last.position() + 12, (int) chain.get(1).position())));
        GeneratedTag early = chain.get(3);
        out.add(new Corruption("next-into-data", "a tag names an offset inside the data of an earlier tag",
                Expect.FORMAT_ERROR, Set.of(Problem.CYCLE), m.position(), putInt(file, m.position() + 12,
                        (int) early.position() + 18)));
        out.add(new Corruption("next-outside", "a next offset past the end of the file", Expect.FORMAT_ERROR,
                Set.of(Problem.BAD_NEXT), m.position(), putInt(file, m.position() + 12, file.length)));
        out.add(new Corruption("next-max", "a next offset of 2^31-1", Expect.FORMAT_ERROR, Set.of(Problem.BAD_NEXT),
                m.position(), putInt(file, m.position() + 12, Integer.MAX_VALUE)));
        out.add(new Corruption("next-negative", "a next offset of -2", Expect.FORMAT_ERROR,
                Set.of(Problem.BAD_NEXT), m.position(), putInt(file, m.position() + 12, -2)));

        // sizes
        out.add(new Corruption("size-negative", "a tag size of -1", Expect.FORMAT_ERROR, Set.of(Problem.BAD_SIZE),
                m.position(), putInt(file, m.position() + 8, -1)));
        out.add(new Corruption("size-min", "a tag size of -2^31", Expect.FORMAT_ERROR, Set.of(Problem.BAD_SIZE),
                m.position(), putInt(file, m.position() + 8, Integer.MIN_VALUE)));
        out.add(new Corruption("size-huge", "a tag size of 2^31-16", Expect.FORMAT_ERROR, Set.of(Problem.BAD_SIZE),
                m.position(), putInt(file, m.position() + 8, Integer.MAX_VALUE - 15)));
        out.add(new Corruption("size-past-end", "a tag size one byte past the end of the file", Expect.FORMAT_ERROR,
                truncated, m.position(), putInt(file, m.position() + 8,
                        (int) (file.length - m.position() - TagHeader.SIZE + 1))));

        // wrong types and sizes for known tags
        GeneratedTag date = first(chain, FiffKind.MEAS_DATE, FiffType.INT);
        if (date != null && date.size() == 8) {
            out.add(new Corruption("meas-date-as-id", "FIFF_MEAS_DATE typed as an ID struct (8 of 20 bytes)",
                    Expect.VALUE_ERROR, Set.of(Problem.BAD_SIZE), date.position(), putInt(file, date.position() + 4,
                            FiffType.ID_STRUCT)));
            out.add(new Corruption("meas-date-as-double", "FIFF_MEAS_DATE typed as one double", Expect.READS,
                    Set.of(), date.position(), putInt(file, date.position() + 4, FiffType.DOUBLE)));
            out.add(new Corruption("meas-date-as-string", "FIFF_MEAS_DATE typed as a string", Expect.READS,
                    Set.of(), date.position(), putInt(file, date.position() + 4, FiffType.STRING)));
        }
        out.add(new Corruption("file-id-as-ch-info", "FIFF_FILE_ID typed as channel info (20 of 96 bytes)",
                Expect.VALUE_ERROR, Set.of(Problem.BAD_SIZE), 0, putInt(file, 4, FiffType.CH_INFO_STRUCT)));
        GeneratedTag birthday = first(chain, FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN);
        if (birthday != null) {
            out.add(shrink(file, birthday, 3, "FIFF_SUBJ_BIRTH_DAY of 3 bytes", Expect.VALUE_ERROR,
                    Set.of(Problem.BAD_SIZE)));
        }
        GeneratedTag ch = first(chain, FiffKind.CH_INFO, FiffType.CH_INFO_STRUCT);
        if (ch != null) {
            out.add(shrink(file, ch, 95, "FIFF_CH_INFO of 95 bytes", Expect.VALUE_ERROR, Set.of(Problem.BAD_SIZE)));
        }
        GeneratedTag fileId = chain.get(0);
        out.add(shrink(file, fileId, 12, "FIFF_FILE_ID of 12 bytes", Expect.VALUE_ERROR, Set.of(Problem.BAD_SIZE)));
        GeneratedTag start = first(chain, FiffKind.BLOCK_START, FiffType.INT);
        out.add(shrink(file, start, 0, "a block start without a block kind", Expect.FORMAT_ERROR,
                Set.of(Problem.BAD_BLOCK)));

        // unbalanced blocks
        int measStart = indexOfBlock(chain, FiffKind.BLOCK_START, FiffBlock.MEAS);
        int measEnd = indexOfBlock(chain, FiffKind.BLOCK_END, FiffBlock.MEAS);
        out.add(new Corruption("block-end-missing", "the end of FIFFB_MEAS is a FIFF_NOP: the block stays open",
                Expect.WARNING, Set.of(), chain.get(measEnd).position(),
                putInt(file, chain.get(measEnd).position(), FiffKind.NOP)));
        out.add(new Corruption("block-start-missing", "the start of FIFFB_MEAS is a FIFF_NOP: its end closes nothing",
                Expect.FORMAT_ERROR, Set.of(Problem.BAD_BLOCK), chain.get(measEnd).position(),
                putInt(file, chain.get(measStart).position(), FiffKind.NOP)));
        out.add(new Corruption("block-end-mismatch", "the end of FIFFB_MEAS names another block kind",
                Expect.WARNING, Set.of(), chain.get(measEnd).position(),
                putInt(file, chain.get(measEnd).position() + TagHeader.SIZE, FiffBlock.HPI_COIL)));

        // random bytes in place
        for (int k = 0; k < 24; k++) {
            byte[] damaged = file.clone();
            int at = random.nextInt(file.length);
            int n = 1 + random.nextInt(32);
            for (int j = 0; j < n && at + j < damaged.length; j++) {
                damaged[at + j] = (byte) random.nextInt(256);
            }
            out.add(new Corruption("random-" + k, n + " random bytes at offset " + at, Expect.ANY, Set.of(), at,
                    damaged));
        }
        return out;
    }

    /**
     * Random damage to any generated file (jumps, hidden tags and directories included): each copy has a few
     * bytes overwritten, a header field replaced, or its end cut off, drawn from the file's seed. Every one
     * expects {@link Expect#ANY}: a reader may accept it or throw a format exception, nothing else.
     *
     * @param valid any generated file
     * @param count how many damaged copies
     * @return the copies
     */
    public static List<Corruption> randomDamage(Generated valid, int count) {
        byte[] file = valid.bytes();
        Random random = Seeds.random(valid.seed(), 6);
        List<GeneratedTag> tags = new ArrayList<>(valid.chain());
        tags.addAll(valid.hidden());
        List<Corruption> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            byte[] damaged;
            String what;
            long at;
            switch (random.nextInt(3)) {
                case 0 -> {
                    GeneratedTag t = tags.get(random.nextInt(tags.size()));
                    int field = random.nextInt(4);
                    int value = switch (random.nextInt(4)) {
                        case 0 -> random.nextInt();
                        case 1 -> random.nextInt(file.length + 64) - 32;
                        case 2 -> -1 - random.nextInt(3);
                        default -> (int) tags.get(random.nextInt(tags.size())).position();
                    };
                    at = t.position() + 4L * field;
                    damaged = putInt(file, at, value);
                    what = "header field " + field + " of the tag at " + t.position() + " set to " + value;
                }
                case 1 -> {
                    at = random.nextInt(file.length);
                    damaged = cut(file, at);
                    what = "cut at " + at;
                }
                default -> {
                    damaged = file.clone();
                    at = random.nextInt(file.length);
                    int n = 1 + random.nextInt(16);
                    for (int j = 0; j < n && at + j < damaged.length; j++) {
                        damaged[(int) at + j] = (byte) random.nextInt(256);
                    }
                    what = n + " random bytes at " + at;
                }
            }
            out.add(new Corruption("damage-" + k, what, Expect.ANY, Set.of(), at, damaged));
        }
        return out;
    }

    private static int indexOfBlock(List<GeneratedTag> chain, int kind, int block) {
        for (int i = 0; i < chain.size(); i++) {
            GeneratedTag t = chain.get(i);
            if (t.kind() == kind && t.size() == 4 && TagData.ints(t.data())[0] == block) {
                return i;
            }
        }
        throw new IllegalArgumentException("the file has no " + FiffBlock.describe(block) + " block");
    }

    private static GeneratedTag first(List<GeneratedTag> chain, int kind, int type) {
        for (GeneratedTag t : chain) {
            if (t.kind() == kind && t.type() == type) {
                return t;
            }
        }
        return null;
    }

    /** A tag that declares fewer bytes, with next pointing past its old data so the chain stays intact. */
    private static Corruption shrink(byte[] file, GeneratedTag t, int size, String what, Expect expect,
            Set<Problem> problems) {
        byte[] b = putInt(file, t.position() + 8, size);
        int oldEnd = (int) (t.position() + TagHeader.SIZE + t.size());
        b = putInt(b, t.position() + 12, t.next() == TagHeader.NEXT_NONE ? -1 : oldEnd);
        return new Corruption("size-" + t.kind() + "-" + size, what, expect, problems, t.position(), b);
    }

    private static byte[] cut(byte[] file, long length) {
        byte[] b = new byte[(int) length];
        System.arraycopy(file, 0, b, 0, b.length);
        return b;
    }

    private static byte[] putInt(byte[] file, long at, int value) {
        byte[] b = file.clone();
        ByteBuffer.wrap(b).putInt((int) at, value);
        return b;
    }

    /** Short names of tags for descriptions. */
    private static final class FiffKindNames {
        static String describe(GeneratedTag t) {
            return FiffKind.describe(t.kind());
        }
    }
}
