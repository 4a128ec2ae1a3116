package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Searches an anonymized output for the original values the policy changed: text values of at least four
 * characters in every text tag (whole word, ignoring case, read as Latin-1 and as UTF-8), original machine ids
 * and times in ID tags, original measurement times in date tags and the original birthday in Julian tags.
 * Values equal to one the policy writes are not searched. Bulk data is never read.
 */
public final class LeakChecker {
    /** Text tags larger than this are not searched (acquisition parameters are a few KiB). */
    private static final int TEXT_LIMIT = 4 * 1024 * 1024;

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<Long, String> machines = new HashMap<>();
    private final Map<Integer, String> times = new HashMap<>();
    private final Map<Integer, String> days = new HashMap<>();
    private final Set<String> writtenTexts = new HashSet<>();
    private final Set<Integer> writtenTimes = new HashSet<>();
    private final Set<Integer> writtenDays = new HashSet<>();
    private final List<String> notChecked = new ArrayList<>();

    /**
     * Remembers what a changed tag held and what it holds now.
     *
     * @param kind    the tag kind
     * @param type    the original data type
     * @param oldData the original data
     * @param newType the new data type (ignored when removed)
     * @param newData the new data, or {@code null} when the tag was removed
     */
    public void changed(int kind, int type, byte[] oldData, int newType, byte[] newData) {
        String what = "the original value of " + FiffKind.describe(kind);
        if (type == FiffType.STRING) {
            String old = TagData.string(oldData).strip();
            if (old.length() >= Scrubber.MIN_LENGTH) {
                texts.putIfAbsent(old, what);
            } else if (!old.isEmpty()) {
                notChecked.add(what + " (" + old.length() + " characters)");
            }
        } else if (type == FiffType.ID_STRUCT && oldData.length % FiffId.SIZE == 0) {
            ByteBuffer in = ByteBuffer.wrap(oldData);
            while (in.hasRemaining()) {
                FiffId id = FiffId.read(in);
                if (!id.machineIdZero()) {
                    machines.putIfAbsent(machineKey(id), "the original machine id of " + FiffKind.describe(kind));
                }
                if (!id.time().isNone()) {
                    times.putIfAbsent(id.time().seconds(), "the original time of " + FiffKind.describe(kind));
                }
            }
        } else if (type == FiffType.JULIAN && oldData.length >= 4) {
            days.putIfAbsent(ByteBuffer.wrap(oldData).getInt(0), what);
        } else if (kind == FiffKind.MEAS_DATE) {
            TimeField.of(type, oldData).map(TimeField::time).filter(t -> !t.isNone())
                    .ifPresent(t -> times.putIfAbsent(t.seconds(), what));
        }
        if (newData != null) {
            written(kind, newType, newData);
        }
    }

    private void written(int kind, int type, byte[] data) {
        if (type == FiffType.STRING) {
            writtenTexts.add(TagData.string(data).strip().toLowerCase(java.util.Locale.ROOT));
        } else if (type == FiffType.ID_STRUCT && data.length % FiffId.SIZE == 0) {
            ByteBuffer in = ByteBuffer.wrap(data);
            while (in.hasRemaining()) {
                writtenTimes.add(FiffId.read(in).time().seconds());
            }
        } else if (type == FiffType.JULIAN && data.length >= 4) {
            writtenDays.add(ByteBuffer.wrap(data).getInt(0));
        } else if (kind == FiffKind.MEAS_DATE) {
            TimeField.of(type, data).ifPresent(f -> writtenTimes.add(f.time().seconds()));
        }
    }

    /** @return descriptions of changed values too short to search */
    public List<String> notChecked() {
        return List.copyOf(notChecked);
    }

    private static long machineKey(FiffId id) {
        return ((long) id.machine0() << 32) | (id.machine1() & 0xFFFFFFFFL);
    }

    /**
     * Searches an output.
     *
     * @param output the uncompressed output
     * @param limits reader limits
     * @return the hits, in file order
     * @throws IOException when the output cannot be read
     */
    public List<LeakHit> check(Path output, FiffLimits limits) throws IOException {
        try (FiffReader r = FiffReader.open(output, limits)) {
            return check(r);
        }
    }

    /**
     * Searches an output being read.
     *
     * @param r the uncompressed output, before its first tag (not closed)
     * @return the hits, in file order
     * @throws IOException when the output cannot be read
     */
    public List<LeakHit> check(FiffReader r) throws IOException {
        texts.keySet().removeIf(t -> writtenTexts.contains(t.toLowerCase(java.util.Locale.ROOT)));
        times.keySet().removeAll(writtenTimes);
        days.keySet().removeAll(writtenDays);
        // each value and each text folded once: a case-ignoring match at every position costs far more
        Map<String, String> folded = new HashMap<>();
        for (String t : texts.keySet()) {
            folded.put(t, Scrubber.fold(t));
        }
        List<LeakHit> hits = new ArrayList<>();
        for (TagHeader tag = r.nextTag(); tag != null; tag = r.nextTag()) {
            int kind = tag.kind();
            int type = tag.type();
            if (type == FiffType.STRING && !texts.isEmpty() && tag.size() <= TEXT_LIMIT && tag.size() > 0) {
                byte[] data = r.readData();
                String latin1 = new String(data, StandardCharsets.ISO_8859_1);
                String utf8 = new String(data, StandardCharsets.UTF_8);
                String latin1Folded = Scrubber.fold(latin1);
                // plain ASCII reads the same both ways: searched once
                boolean same = utf8.equals(latin1);
                String utf8Folded = same ? latin1Folded : Scrubber.fold(utf8);
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    String v = e.getKey();
                    String fv = folded.get(v);
                    if (Scrubber.containsWord(latin1, latin1Folded, v, fv)
                            || !same && Scrubber.containsWord(utf8, utf8Folded, v, fv)) {
                        hits.add(new LeakHit(tag.position(), kind, r.blockPath(), e.getValue(),
                                "scrub it: add the rule {\"tag\": \"" + FiffKind.describe(kind)
                                        + "\", \"action\": \"scrub\"} or use the strict preset"));
                    }
                }
            } else if (type == FiffType.ID_STRUCT && tag.size() > 0 && tag.size() % FiffId.SIZE == 0
                    && tag.size() <= TEXT_LIMIT) {
                ByteBuffer in = ByteBuffer.wrap(r.readData());
                while (in.hasRemaining()) {
                    FiffId id = FiffId.read(in);
                    String m = machines.get(machineKey(id));
                    String t = id.time().isNone() ? null : times.get(id.time().seconds());
                    for (String what : new String[] {m, t}) {
                        if (what != null) {
                            hits.add(new LeakHit(tag.position(), kind, r.blockPath(), what,
                                    "rewrite it: add the rule {\"tag\": \"" + FiffKind.describe(kind)
                                            + "\", \"action\": \"rewriteId\"}"));
                        }
                    }
                }
            } else if (type == FiffType.JULIAN && tag.size() >= 4 && tag.size() <= 64) {
                String what = days.get(ByteBuffer.wrap(r.readData()).getInt(0));
                if (what != null) {
                    hits.add(new LeakHit(tag.position(), kind, r.blockPath(), what,
                            "change it: add the rule {\"tag\": \"" + FiffKind.describe(kind)
                                    + "\", \"action\": \"birthday\"}"));
                }
            } else if (kind == FiffKind.MEAS_DATE && tag.size() <= 64 && !times.isEmpty()) {
                Optional<FiffTime> t = TimeField.of(type, r.readData()).map(TimeField::time);
                String what = t.filter(x -> !x.isNone()).map(x -> times.get(x.seconds())).orElse(null);
                if (what != null) {
                    hits.add(new LeakHit(tag.position(), kind, r.blockPath(), what,
                            "move it: add the rule {\"tag\": \"FIFF_MEAS_DATE\", \"action\": \"measurementDate\"}"));
                }
            }
        }
        return hits;
    }
}
