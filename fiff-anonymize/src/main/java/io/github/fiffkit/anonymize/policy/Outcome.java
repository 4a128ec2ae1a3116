package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;

/** What an action decides for one tag: keep it, remove it, or replace its data (and possibly its type). */
public sealed interface Outcome {
    /** The tag is written unchanged. */
    record Keep() implements Outcome {
    }

    /** The tag is not written. */
    record Remove() implements Outcome {
    }

    /**
     * The tag is written with new data.
     *
     * @param type the data type to write (usually the tag's own)
     * @param data the new data
     */
    record Replace(int type, byte[] data) implements Outcome {
    }

    /** @return keep the tag as it is */
    static Outcome keep() {
        return new Keep();
    }

    /** @return remove the tag */
    static Outcome remove() {
        return new Remove();
    }

    /**
     * @param type the data type
     * @param data the new data
     * @return replace the tag's data
     */
    static Outcome replace(int type, byte[] data) {
        return new Replace(type, data.clone());
    }

    /**
     * @param text the new text, encoded as {@link TagData#ofString(String)} does
     * @return replace the tag's data with a string
     */
    static Outcome replaceText(String text) {
        return new Replace(FiffType.STRING, TagData.ofString(text));
    }
}
