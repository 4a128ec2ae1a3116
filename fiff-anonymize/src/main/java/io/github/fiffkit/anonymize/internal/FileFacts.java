package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.TagInfo;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the pre-scan learns about a file before anything is written: its measurement date (as MNE-Python
 * chooses it), the PHI text values that scrubbing looks for, and whether it holds MRI pixel data. Reads tag
 * headers along the chain and the data of small PHI-bearing tags only; bulk data is skipped.
 */
public final class FileFacts {
    /** Data larger than this is never read by the pre-scan. */
    static final int SCAN_LIMIT = 64 * 1024;

    /** Kinds whose text values are PHI wherever they occur; their words are searched too. */
    private static final Set<Integer> NAME_KINDS = Set.of(FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_MIDDLE_NAME,
            FiffKind.SUBJ_LAST_NAME, FiffKind.EXPERIMENTER, FiffKind.PROJ_PERSONS);
    private static final Set<Integer> VALUE_KINDS = Set.of(FiffKind.SUBJ_HIS_ID, FiffKind.SUBJ_ID,
            FiffKind.DEVICE_SERIAL, FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID);

    private final Optional<FiffTime> measurementDate;
    private final Set<String> phi;
    private final boolean mriData;
    private final Map<Integer, String> subjectKey;

    private FileFacts(Optional<FiffTime> measurementDate, Set<String> phi, boolean mriData,
            Map<Integer, String> subjectKey) {
        this.measurementDate = measurementDate;
        this.phi = Collections.unmodifiableSet(phi);
        this.mriData = mriData;
        this.subjectKey = Collections.unmodifiableMap(subjectKey);
    }

    /**
     * @return the first value of each subject-key tag the scan was asked for (text as found, a subject number in
     *         decimal, a birthday as YYYY-MM-DD); PHI, never for messages
     */
    public Map<Integer, String> subjectKey() {
        return subjectKey;
    }

    /** @return the recording's measurement date, when it has one */
    public Optional<FiffTime> measurementDate() {
        return measurementDate;
    }

    /** @return the PHI text values known from the file's structured tags and the values the policy replaces */
    public Set<String> phi() {
        return phi;
    }

    /** @return true when the file holds MRI pixel data */
    public boolean hasMriData() {
        return mriData;
    }

    /**
     * Walks a file's chain.
     *
     * @param reader a reader before its first tag
     * @param rules  the policy's rules: string values that a non-scrubbing, non-keeping rule changes are PHI too
     * @return the facts
     * @throws IOException when the file breaks the format
     */
    public static FileFacts scan(FiffReader reader, List<Rule> rules) throws IOException {
        return scan(reader, rules, List.of());
    }

    /**
     * Walks a file's chain and keeps the values of a subject key's tags.
     *
     * @param reader  a reader before its first tag
     * @param rules   the policy's rules
     * @param keyTags the tags of the subject key of a per-subject date offset (may be empty)
     * @return the facts
     * @throws IOException when the file breaks the format
     */
    public static FileFacts scan(FiffReader reader, List<Rule> rules, List<Integer> keyTags) throws IOException {
        Map<Integer, String> key = new HashMap<>();
        Set<String> phi = new LinkedHashSet<>();
        Map<String, FiffTime> idTimes = new HashMap<>();
        FiffTime measInfoDate = null;
        boolean mri = false;
        for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
            int kind = tag.kind();
            BlockPath path = reader.blockPath();
            if (kind == FiffKind.MRI_PIXEL_DATA) {
                mri = true;
            }
            if (tag.size() > SCAN_LIMIT || tag.size() == 0) {
                continue;
            }
            if (keyTags.contains(kind) && !key.containsKey(kind)) {
                keyValue(kind, tag.type(), reader.readData()).ifPresent(v -> key.put(kind, v));
            }
            if (kind == FiffKind.MEAS_DATE && measInfoDate == null && path.innermost() == FiffBlock.MEAS_INFO
                    && tag.type() == FiffType.INT && tag.size() >= 4) {
                int[] v = TagData.ints(java.util.Arrays.copyOf(reader.readData(), tag.size() / 4 * 4));
                measInfoDate = new FiffTime(v[0], v.length > 1 ? v[1] : 0);
            } else if (isId(kind) && tag.type() == FiffType.ID_STRUCT && tag.size() == FiffId.SIZE) {
                String where = idRole(kind, path);
                if (where != null && !idTimes.containsKey(where)) {
                    idTimes.put(where, TagData.id(reader.readData()).time());
                }
            } else if (kind == FiffKind.SUBJ_BIRTH_DAY && tag.size() >= 4) {
                int jd = ByteBuffer.wrap(reader.readData()).getInt(0);
                addBirthday(phi, jd);
            }
            if (tag.type() == FiffType.STRING && (NAME_KINDS.contains(kind) || VALUE_KINDS.contains(kind)
                    || changedByRules(rules, new TagInfo(tag, path)))) {
                String text = TagData.string(reader.readData()).strip();
                if (!text.isEmpty()) {
                    phi.add(text);
                    if (NAME_KINDS.contains(kind)) {
                        for (String word : text.split("[\\s,;]+")) {
                            phi.add(word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", ""));
                        }
                    }
                }
            } else if (kind == FiffKind.SUBJ_ID && tag.type() == FiffType.INT && tag.size() >= 4) {
                int id = ByteBuffer.wrap(reader.readData()).getInt(0);
                if (Math.abs((long) id) >= 1000) {
                    phi.add(Integer.toString(id));
                }
            }
        }
        phi.removeIf(s -> s.length() < Scrubber.MIN_LENGTH);
        Optional<FiffTime> date = Optional.ofNullable(measInfoDate);
        if (date.isEmpty()) {
            for (String role : new String[] {"measinfo.parent", "measinfo.id", "meas.id", "meas.parent", "file"}) {
                if (idTimes.containsKey(role)) {
                    date = Optional.of(idTimes.get(role));
                    break;
                }
            }
        }
        date = date.filter(t -> !t.isNone());
        return new FileFacts(date, phi, mri, key);
    }

    /** A key tag's value as text: a string as found, a number in decimal, a birthday as YYYY-MM-DD. */
    private static Optional<String> keyValue(int kind, int type, byte[] data) {
        if (type == FiffType.STRING) {
            return Optional.of(TagData.string(data)).filter(t -> !t.isBlank());
        }
        if (data.length < 4 || (type != FiffType.INT && type != FiffType.JULIAN && type != FiffType.UINT)) {
            return Optional.empty();
        }
        int v = ByteBuffer.wrap(data).getInt(0);
        if (kind == FiffKind.SUBJ_BIRTH_DAY) {
            try {
                return Optional.of(Julian.toLocalDate(v).toString());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(Integer.toString(v));
    }

    private static boolean changedByRules(List<Rule> rules, TagInfo tag) {
        for (Rule r : rules) {
            if (r.selector().matches(tag)) {
                String name = r.action().name();
                return !name.equals("keep") && !name.equals("scrub");
            }
        }
        return false;
    }

    private static void addBirthday(Set<String> phi, int jd) {
        LocalDate d;
        try {
            d = Julian.toLocalDate(jd);
        } catch (RuntimeException e) {
            return;
        }
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return;
        }
        phi.add(d.toString());
        phi.add(d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        phi.add(d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        phi.add(d.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        phi.add(d.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
    }

    private static boolean isId(int kind) {
        return kind == FiffKind.FILE_ID || kind == FiffKind.BLOCK_ID || kind == FiffKind.PARENT_BLOCK_ID;
    }

    /** Where an ID sits, in the terms of MNE-Python's choice of the measurement ID. */
    private static String idRole(int kind, BlockPath path) {
        if (kind == FiffKind.FILE_ID && path.isRoot()) {
            return "file";
        }
        int inner = path.innermost();
        String rel = kind == FiffKind.BLOCK_ID ? "id" : kind == FiffKind.PARENT_BLOCK_ID ? "parent" : null;
        if (rel == null) {
            return null;
        }
        if (inner == FiffBlock.MEAS_INFO && path.contains(FiffBlock.MEAS)) {
            return "measinfo." + rel;
        }
        if (inner == FiffBlock.MEAS) {
            return "meas." + rel;
        }
        return null;
    }

}
