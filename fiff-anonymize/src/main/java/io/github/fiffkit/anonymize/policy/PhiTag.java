package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;

/**
 * A tag that usually holds personal data, as a {@link PolicyBase} names it: a tag kind, in any block or only
 * where its innermost block is of one kind ({@code FIFF_COMMENT} is the measurement's description only in
 * {@code FIFFB_MEAS_INFO}). {@link Policy#uncoveredPhiTags(PolicyBase)} lists those a policy leaves unchanged.
 *
 * @param kind    the tag kind ({@link FiffKind})
 * @param inBlock the innermost block kind ({@link FiffBlock}) where it holds personal data, or {@code null} for
 *                every block
 */
public record PhiTag(int kind, Integer inBlock) {
    /**
     * @param selector a selector
     * @return true when the selector matches some occurrences of this tag (perhaps not all: it may ask for a data
     *         type, a block on the path or a condition of code)
     */
    public boolean isPartlySelectedBy(Selector selector) {
        Integer k = selector.kindOrNull();
        Integer in = selector.inBlockOrNull();
        return (k == null || k == kind) && (in == null || inBlock == null || in.equals(inBlock));
    }

    /**
     * @param selector a selector
     * @return true when the selector matches every occurrence of this tag: the same kind (or any), in the same
     *         innermost block (or any), with no data type or condition of code that could leave some out
     */
    public boolean isWhollySelectedBy(Selector selector) {
        Integer k = selector.kindOrNull();
        Integer in = selector.inBlockOrNull();
        Integer under = selector.underBlockOrNull();
        return (k == null || k == kind)
                && (in == null || in.equals(inBlock))
                && (under == null || under.equals(inBlock))
                && selector.typeOrNull() == null && !selector.hasPredicate();
    }

    /** @return the tag's name, and its block when it is one, e.g. {@code FIFF_COMMENT in FIFFB_MEAS_INFO} */
    @Override
    public String toString() {
        return FiffKind.describe(kind) + (inBlock == null ? "" : " in " + FiffBlock.describe(inBlock));
    }
}
