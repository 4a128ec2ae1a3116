package io.github.fiffkit.core;

import java.io.IOException;
import java.util.Objects;

/**
 * The one checked exception for a file that breaks the FIFF format or exceeds a {@link FiffLimits limit}.
 *
 * <p>It names, where known, the file, the byte offset of the problem, the tag kind and the block path, so
 * that a message such as {@code sample.fif: offset 1234: tag data runs past the end of the file (tag
 * FIFF_DATA_BUFFER, block /FIFFB_MEAS/FIFFB_RAW_DATA)} tells a user where and what. It is an
 * {@link IOException}, so callers that only care that reading failed can treat it as one.
 */
public class FiffFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What kind of rule the input broke. */
    public enum Problem {
        /** The input is empty, or does not start with a {@code FIFF_FILE_ID} tag. */
        NOT_FIFF,
        /** The input ends inside a tag header or inside tag data. */
        TRUNCATED,
        /** A tag size is negative or does not fit its data type. */
        BAD_SIZE,
        /** A {@code next} pointer points outside the file or is a negative value other than -1. */
        BAD_NEXT,
        /** The {@code next} chain comes back to a place it has already visited. */
        CYCLE,
        /** Blocks are unbalanced or a block start carries no block kind. */
        BAD_BLOCK,
        /** A configured limit (nesting depth, tag count, value size) was exceeded. */
        LIMIT_EXCEEDED,
        /** A value cannot be decoded as its declared data type. */
        BAD_VALUE
    }

    /** What is wrong. */
    private final Problem problem;
    /** The problem in words, without the location. */
    private final String detail;
    /** The file or stream name, or {@code null} for bare bytes. */
    private final String source;
    /** Offset in the (uncompressed) file of the tag at fault, or -1 when unknown. */
    private final long offset;
    /** Kind of the tag at fault, or {@code null} when unknown. */
    private final Integer kind;
    /** Blocks enclosing the tag at fault, or {@code null} when unknown. */
    private final BlockPath blockPath;

    /**
     * Creates an exception without a location, for decoding errors on bare bytes.
     *
     * @param problem what kind of rule was broken
     * @param detail  what was wrong, in words
     */
    public FiffFormatException(Problem problem, String detail) {
        this(problem, detail, null, -1, null, null);
    }

    /**
     * Creates an exception with a location.
     *
     * @param problem   what kind of rule was broken
     * @param detail    what was wrong, in words
     * @param source    the file name, or {@code null} when unknown
     * @param offset    byte offset of the problem in the (uncompressed) file, or -1 when unknown
     * @param kind      the tag kind involved, or {@code null}
     * @param blockPath the block path of the tag, or {@code null}
     */
    public FiffFormatException(Problem problem, String detail, String source, long offset, Integer kind,
            BlockPath blockPath) {
        super(format(problem, detail, source, offset, kind, blockPath));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.source = source;
        this.offset = offset;
        this.kind = kind;
        this.blockPath = blockPath;
    }

    private static String format(Problem problem, String detail, String source, long offset, Integer kind,
            BlockPath blockPath) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        if (offset >= 0) {
            sb.append("offset ").append(offset).append(": ");
        }
        sb.append(detail);
        if (kind != null || blockPath != null) {
            sb.append(" (");
            if (kind != null) {
                sb.append("tag ").append(FiffKind.describe(kind));
            }
            if (blockPath != null) {
                sb.append(kind != null ? ", " : "").append("block ").append(blockPath);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * Returns a copy of this exception located in a file, keeping the problem and detail.
     *
     * @param source    the file name
     * @param offset    the byte offset, or -1
     * @param kind      the tag kind, or {@code null}
     * @param blockPath the block path, or {@code null}
     * @return the located exception, with this one as its cause
     */
    public FiffFormatException at(String source, long offset, Integer kind, BlockPath blockPath) {
        FiffFormatException located = new FiffFormatException(problem, detail, source, offset, kind, blockPath);
        located.initCause(this);
        return located;
    }

    /** @return what kind of rule the input broke */
    public Problem problem() {
        return problem;
    }

    /** @return the description of the problem without its location */
    public String detail() {
        return detail;
    }

    /** @return the file name, or {@code null} when unknown */
    public String source() {
        return source;
    }

    /** @return the byte offset of the problem, or -1 when unknown */
    public long offset() {
        return offset;
    }

    /** @return the tag kind involved, or {@code null} */
    public Integer kind() {
        return kind;
    }

    /** @return the block path of the tag involved, or {@code null} */
    public BlockPath blockPath() {
        return blockPath;
    }
}
