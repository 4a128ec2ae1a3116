package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which tags a rule applies to: any combination of a tag kind, the innermost block, a block anywhere on the
 * path, a data type and a predicate for code. Every part that is set must match. Immutable; each method
 * returns a narrower selector:
 *
 * <pre>{@code
 * Selector measInfoComment = Selector.kind(FiffKind.COMMENT).inBlock(FiffBlock.MEAS_INFO);
 * Selector anyText = Selector.any().type(FiffType.STRING);
 * }</pre>
 */
public final class Selector {
    private static final Selector ANY = new Selector(null, null, null, null, null, null);

    private final Integer kind;
    private final Integer inBlock;
    private final Integer underBlock;
    private final Integer type;
    private final Predicate<TagInfo> predicate;
    private final String predicateName;

    private Selector(Integer kind, Integer inBlock, Integer underBlock, Integer type, Predicate<TagInfo> predicate,
            String predicateName) {
        this.kind = kind;
        this.inBlock = inBlock;
        this.underBlock = underBlock;
        this.type = type;
        this.predicate = predicate;
        this.predicateName = predicateName;
    }

    /** @return a selector that matches every tag */
    public static Selector any() {
        return ANY;
    }

    /**
     * @param kind a tag kind ({@link FiffKind})
     * @return a selector of tags of that kind
     */
    public static Selector kind(int kind) {
        return ANY.andKind(kind);
    }

    /**
     * @param kind a tag kind
     * @return this selector narrowed to that kind
     */
    public Selector andKind(int kind) {
        return new Selector(kind, inBlock, underBlock, type, predicate, predicateName);
    }

    /**
     * @param blockKind a block kind ({@link FiffBlock})
     * @return this selector narrowed to tags whose innermost block is of that kind
     */
    public Selector inBlock(int blockKind) {
        return new Selector(kind, blockKind, underBlock, type, predicate, predicateName);
    }

    /**
     * @param blockKind a block kind
     * @return this selector narrowed to tags with a block of that kind anywhere on their path
     */
    public Selector underBlock(int blockKind) {
        return new Selector(kind, inBlock, blockKind, type, predicate, predicateName);
    }

    /**
     * @param dataType a data type ({@link FiffType})
     * @return this selector narrowed to tags of that data type
     */
    public Selector type(int dataType) {
        return new Selector(kind, inBlock, underBlock, dataType, predicate, predicateName);
    }

    /**
     * @param test a condition on the tag header and block path
     * @param name a short description for reports
     * @return this selector narrowed to tags that pass the test (in addition to any earlier one)
     */
    public Selector where(Predicate<TagInfo> test, String name) {
        Objects.requireNonNull(test, "test");
        Predicate<TagInfo> combined = predicate == null ? test : predicate.and(test);
        String combinedName = predicateName == null ? name : predicateName + " and " + name;
        return new Selector(kind, inBlock, underBlock, type, combined, combinedName);
    }

    /**
     * @param tag a tag
     * @return true when every part of this selector matches it
     */
    public boolean matches(TagInfo tag) {
        if (kind != null && tag.kind() != kind) {
            return false;
        }
        if (type != null && tag.type() != type) {
            return false;
        }
        if (inBlock != null && tag.blockPath().innermost() != inBlock) {
            return false;
        }
        if (underBlock != null && !tag.blockPath().contains(underBlock)) {
            return false;
        }
        return predicate == null || predicate.test(tag);
    }

    /** @return the tag kind this selector requires, or {@code null} */
    public Integer kindOrNull() {
        return kind;
    }

    /** @return the innermost block kind this selector requires, or {@code null} */
    public Integer inBlockOrNull() {
        return inBlock;
    }

    /** @return the block kind required anywhere on the path, or {@code null} */
    public Integer underBlockOrNull() {
        return underBlock;
    }

    /** @return the data type this selector requires, or {@code null} */
    public Integer typeOrNull() {
        return type;
    }

    /** @return true when a code predicate is part of this selector */
    public boolean hasPredicate() {
        return predicate != null;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(kind == null ? "any tag" : FiffKind.describe(kind));
        if (inBlock != null) {
            parts.add("in " + FiffBlock.describe(inBlock));
        }
        if (underBlock != null) {
            parts.add("under " + FiffBlock.describe(underBlock));
        }
        if (type != null) {
            parts.add("of type " + FiffType.describe(type));
        }
        if (predicateName != null) {
            parts.add("where " + predicateName);
        }
        return String.join(" ", parts);
    }
}
