package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Collects the tags of one file that the policy copies unchanged although their kind usually holds personal data
 * (names, IDs, dates, machine ids, free text, file paths, subject and project fields), so that the engine can say
 * so in one log line per file. Only where the tag is and which rule kept it are collected, never its value.
 */
final class KeptPhi {
    /** Kinds that usually hold personal data; channel names and other structs are not among them. */
    static final Set<Integer> KINDS = Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID, FiffKind.PARENT_FILE_ID,
            FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID, FiffKind.REF_FILE_NAME,
            FiffKind.MEAS_DATE, FiffKind.UTC_OFFSET, FiffKind.EXPERIMENTER, FiffKind.COMMENT, FiffKind.DACQ_PARS,
            FiffKind.DACQ_STIM, FiffKind.EVENT_COMMENT, FiffKind.MNE_EVENT_COMMENTS, FiffKind.DEVICE_SERIAL,
            FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID, FiffKind.SUBJ_ID, FiffKind.SUBJ_FIRST_NAME,
            FiffKind.SUBJ_MIDDLE_NAME, FiffKind.SUBJ_LAST_NAME, FiffKind.SUBJ_BIRTH_DAY, FiffKind.SUBJ_SEX,
            FiffKind.SUBJ_HAND, FiffKind.SUBJ_WEIGHT, FiffKind.SUBJ_HEIGHT, FiffKind.SUBJ_COMMENT,
            FiffKind.SUBJ_HIS_ID, FiffKind.PROJ_ID, FiffKind.PROJ_NAME, FiffKind.PROJ_AIM, FiffKind.PROJ_PERSONS,
            FiffKind.PROJ_COMMENT, FiffKind.MNE_ENV_WORKING_DIR, FiffKind.MNE_ENV_COMMAND_LINE,
            FiffKind.MRI_SOURCE_PATH, FiffKind.MRI_ORIG_SOURCE_PATH, FiffKind.MNE_FILE_NAME,
            FiffKind.MNE_SOURCE_SPACE_MRI_FILE);

    /** {@link #KINDS} for a lookup per copied tag that boxes nothing. */
    private static final BitSet KIND_BITS = new BitSet();

    static {
        KINDS.forEach(KIND_BITS::set);
    }

    /** "KIND in PATH (ORIGIN)" to how many tags. */
    private final Map<String, Integer> kept = new LinkedHashMap<>();

    /**
     * Notes a tag copied unchanged, if its kind usually holds personal data.
     *
     * @param kind   its kind
     * @param path   its blocks
     * @param origin the rule that kept it, or the policy's treatment of unmatched tags
     */
    void kept(int kind, BlockPath path, String origin) {
        if (kind >= 0 && KIND_BITS.get(kind)) {
            kept.merge(FiffKind.describe(kind) + " in " + path + " (" + origin + ")", 1, Integer::sum);
        }
    }

    /** @return true when no such tag was kept */
    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** @return the kept tags, one entry per kind, block path and rule, with a count where there are several */
    String describe() {
        StringJoiner j = new StringJoiner("; ");
        kept.forEach((what, n) -> j.add(n == 1 ? what : n + " x " + what));
        return j.toString();
    }
}
