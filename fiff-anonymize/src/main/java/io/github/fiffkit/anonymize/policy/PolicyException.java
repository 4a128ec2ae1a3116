package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;
import java.io.IOException;

/**
 * A policy cannot be applied to a file: a shifted date leaves the 32-bit range of FIFF time, a pseudonym is
 * missing from its table, an ID is too damaged to shift, a value does not fit the tag's type. Nothing is
 * written. The application exits with status 7.
 */
public class PolicyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file, or {@code null}. */
    private final String source;
    /** Offset of the tag, or -1. */
    private final long offset;
    /** The tag kind, or {@code null}. */
    private final Integer kind;
    private final transient BlockPath blockPath;
    /** What cannot be done, in words. */
    private final String detail;

    /**
     * @param detail    what cannot be done, in words
     * @param source    the file, or {@code null}
     * @param offset    offset of the tag, or -1
     * @param kind      the tag kind, or {@code null}
     * @param blockPath the tag's block path, or {@code null}
     */
    public PolicyException(String detail, String source, long offset, Integer kind, BlockPath blockPath) {
        super(format(detail, source, offset, kind, blockPath));
        this.detail = detail;
        this.source = source;
        this.offset = offset;
        this.kind = kind;
        this.blockPath = blockPath;
    }

    /**
     * @param detail what cannot be done, in words
     */
    public PolicyException(String detail) {
        this(detail, null, -1, null, null);
    }

    private static String format(String detail, String source, long offset, Integer kind, BlockPath path) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        if (offset >= 0) {
            sb.append("offset ").append(offset).append(": ");
        }
        if (kind != null) {
            sb.append(FiffKind.describe(kind));
            if (path != null) {
                sb.append(" in ").append(path);
            }
            sb.append(": ");
        }
        return sb.append(detail).toString();
    }

    /**
     * Returns a copy that names where the problem is.
     *
     * @param source    the file
     * @param offset    the tag offset
     * @param kind      the tag kind
     * @param blockPath the block path
     * @return the located exception
     */
    public PolicyException at(String source, long offset, Integer kind, BlockPath blockPath) {
        PolicyException e = new PolicyException(detail, source, offset, kind, blockPath);
        e.initCause(this);
        return e;
    }

    /** @return the problem without its location */
    public String detail() {
        return detail;
    }

    /** @return the file, or {@code null} */
    public String source() {
        return source;
    }

    /** @return the tag offset, or -1 */
    public long offset() {
        return offset;
    }

    /** @return the tag kind, or {@code null} */
    public Integer kind() {
        return kind;
    }

    /** @return the block path, or {@code null} */
    public BlockPath blockPath() {
        return blockPath;
    }
}
