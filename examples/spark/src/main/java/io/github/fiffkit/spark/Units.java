package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.core.Sha256;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups files into units: the parts of a split recording, linked through their references as
 * {@link SplitRecording#parts} links them on a local disk, go together; every other file is a unit of its own.
 */
final class Units {
    private static final Pattern EXTENSION = Pattern.compile("(?i)(\\.fif\\.gz|\\.fiff\\.gz|\\.fif|\\.fiff)$");
    private static final Pattern PART_SUFFIX = Pattern.compile("-(\\d+)$");

    private Units() {
    }

    /**
     * @param refs      every listed file with its references
     * @param outputOf  the output URI of each input URI
     * @param idOf      a stable id for a unit, from its first input URI
     * @return the units, in the order of their first inputs
     */
    static List<Unit> group(List<FileRefs> refs, UnaryOperator<String> outputOf, UnaryOperator<String> idOf) {
        Map<String, FileRefs> byUri = new TreeMap<>();
        for (FileRefs r : refs) {
            byUri.put(r.uri(), r);
        }
        Set<String> assigned = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        for (String start : byUri.keySet()) {
            if (assigned.contains(start)) {
                continue;
            }
            Deque<String> chain = new ArrayDeque<>();
            Set<String> seen = new LinkedHashSet<>();
            chain.add(start);
            seen.add(start);
            String[] error = {null};
            for (boolean next : new boolean[] {false, true}) {
                String cur = start;
                while (true) {
                    String other = follow(byUri, byUri.get(cur), next, error);
                    if (other == null || !seen.add(other)) {
                        break;
                    }
                    if (next) {
                        chain.addLast(other);
                    } else {
                        chain.addFirst(other);
                    }
                    cur = other;
                }
            }
            List<String> inputs = new ArrayList<>();
            for (String uri : chain) {
                if (assigned.add(uri)) {
                    inputs.add(uri);
                } else if (error[0] == null) {
                    error[0] = start + ": the references of this split recording disagree with those of " + uri;
                }
            }
            List<String> outputs = inputs.stream().map(outputOf).toList();
            units.add(new Unit(idOf.apply(inputs.get(0)), inputs, outputs, error[0]));
        }
        return units;
    }

    private static String follow(Map<String, FileRefs> byUri, FileRefs f, boolean next, String[] error) {
        if (f == null || !(next ? f.hasNext() : f.hasPrev())) {
            return null;
        }
        String name = next ? f.nextName() : f.prevName();
        Integer number = next ? f.nextNum() : f.prevNum();
        int slash = f.uri().lastIndexOf('/');
        String dir = f.uri().substring(0, slash + 1);
        if (name != null) {
            String named = dir + SplitRecording.baseName(name);
            if (byUri.containsKey(named)) {
                return named;
            }
        }
        if (number != null) {
            String numbered = dir + SplitRecording.partName(firstPartName(f.uri().substring(slash + 1)), number);
            if (byUri.containsKey(numbered)) {
                return numbered;
            }
        }
        if (error[0] == null) {
            error[0] = f.uri() + ": the " + (next ? "next" : "previous") + " part of this split recording is missing ("
                    + (name != null ? SplitRecording.baseName(name) : "part " + number) + " in "
                    + (slash > 0 ? dir.substring(0, dir.length() - 1) : dir) + ")";
        }
        return null;
    }

    /** The first part's name from any part's: {@code x_raw-2.fif} gives {@code x_raw.fif}. */
    static String firstPartName(String anyPart) {
        Matcher m = EXTENSION.matcher(anyPart);
        String stem = m.find() ? anyPart.substring(0, m.start()) : anyPart;
        String ext = m.find(0) ? anyPart.substring(m.start()) : "";
        Matcher p = PART_SUFFIX.matcher(stem);
        return (p.find() ? stem.substring(0, p.start()) : stem) + ext;
    }

    /** @return true for the names of FIFF files ({@code .fif}, {@code .fiff}, optionally {@code .gz}) */
    static boolean isFiffName(String name) {
        return EXTENSION.matcher(name).find();
    }

    /** @return a short hex id for a text */
    static String id(String text) {
        return Sha256.hex(text).substring(0, 32);
    }
}
