package io.github.fiffkit.anonymize;

import io.github.fiffkit.anonymize.result.InputException;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a split recording ({@code x_raw.fif}, {@code x_raw-1.fif}, ...), found from any one of them
 * through the {@code FIFFB_REF} blocks that link each part to the previous and the next, as MNE reads them.
 *
 * <pre>{@code
 * List<Path> parts = SplitRecording.parts(Path.of("run1_raw-2.fif"));    // run1_raw.fif ... run1_raw-3.fif
 * List<Path> outs = SplitRecording.outputNames(Path.of("anon/run1.fif"), parts.size());
 * anonymizer.anonymizeRecording(parts, outs);
 * }</pre>
 */
public final class SplitRecording {
    /** Reference role of the previous part. */
    public static final int ROLE_PREVIOUS = 1;
    /** Reference role of the next part. */
    public static final int ROLE_NEXT = 2;

    private static final Pattern EXTENSION = Pattern.compile("(?i)(\\.fif\\.gz|\\.fiff\\.gz|\\.fif|\\.fiff)$");
    private static final Pattern PART_SUFFIX = Pattern.compile("-(\\d+)$");

    private SplitRecording() {
    }

    /** A link to another part as found in a {@code FIFFB_REF} block. */
    /**
     * A link to another part of a split recording, as one {@code FIFFB_REF} block states it.
     *
     * @param role   {@link #ROLE_PREVIOUS}, {@link #ROLE_NEXT} or another {@code FIFF_REF_ROLE} value
     * @param name   the file name as written ({@code FIFF_REF_FILE_NAME}, may hold a path of another machine), or
     *               null
     * @param number the part number ({@code FIFF_REF_FILE_NUM}), or null
     */
    public record Reference(int role, String name, Integer number) {
    }

    /**
     * Finds every part of the recording a file belongs to, in order. A file with no references is a recording of
     * one part.
     *
     * @param anyPart any part
     * @return the parts, first to last
     * @throws InputException                               when a referenced part is missing
     * @throws io.github.fiffkit.core.FiffFormatException when a part breaks the format
     * @throws IOException                                  when reading fails
     */
    public static List<Path> parts(Path anyPart) throws IOException {
        Deque<Path> chain = new ArrayDeque<>();
        Set<Path> seen = new HashSet<>();
        Path start = anyPart.toAbsolutePath().normalize();
        chain.add(start);
        seen.add(start);
        // each part's references are read once: the given part is asked for both its previous and its next, and
        // a header walk of a large recording costs more than the rest of this method
        Map<Path, List<Reference>> read = new HashMap<>();
        Path cur = start;
        while (true) {
            Optional<Path> prev = follow(cur, ROLE_PREVIOUS, read);
            if (prev.isEmpty() || !seen.add(prev.get())) {
                break;
            }
            chain.addFirst(prev.get());
            cur = prev.get();
        }
        cur = start;
        while (true) {
            Optional<Path> next = follow(cur, ROLE_NEXT, read);
            if (next.isEmpty() || !seen.add(next.get())) {
                break;
            }
            chain.addLast(next.get());
            cur = next.get();
        }
        return List.copyOf(chain);
    }

    private static Optional<Path> follow(Path part, int role, Map<Path, List<Reference>> read) throws IOException {
        List<Reference> refs = read.get(part);
        if (refs == null) {
            refs = references(part);
            read.put(part, refs);
        }
        for (Reference ref : refs) {
            if (ref.role() != role) {
                continue;
            }
            Path dir = part.getParent();
            if (ref.name() != null) {
                Path named = dir.resolve(baseName(ref.name())).normalize();
                if (Files.isRegularFile(named)) {
                    return Optional.of(named);
                }
            }
            if (ref.number() != null) {
                Path numbered = dir.resolve(partName(firstPartName(part.getFileName().toString()), ref.number()));
                if (Files.isRegularFile(numbered)) {
                    return Optional.of(numbered.normalize());
                }
            }
            throw new InputException(part + ": the " + (role == ROLE_NEXT ? "next" : "previous")
                    + " part of this split recording is missing (" + (ref.name() != null ? baseName(ref.name())
                    : "part " + ref.number()) + " in " + dir + ")", null);
        }
        return Optional.empty();
    }

    private static List<Reference> references(Path part) throws IOException {
        try (FiffReader r = FiffReader.open(part, FiffLimits.DEFAULT)) {
            return references(r);
        }
    }

    /**
     * Reads the references of a file to the other parts of its recording. Only tag headers and the small reference
     * tags are read, never bulk data.
     *
     * @param reader a reader at the start of the file
     * @return the {@code FIFFB_REF} blocks in file order
     * @throws IOException when the file cannot be read or breaks the format
     */
    public static List<Reference> references(FiffReader reader) throws IOException {
        List<Reference> refs = new ArrayList<>();
        Integer role = null;
        String name = null;
        Integer number = null;
        for (TagHeader t = reader.nextTag(); t != null; t = reader.nextTag()) {
            boolean inRef = reader.blockPath().innermost() == FiffBlock.REF;
            if (t.kind() == FiffKind.BLOCK_START && inRef) {
                role = null;
                name = null;
                number = null;
            } else if (inRef && t.size() > 0 && t.size() <= 4096) {
                if (t.kind() == FiffKind.REF_ROLE && t.size() >= 4) {
                    role = ByteBuffer.wrap(reader.readData()).getInt(0);
                } else if (t.kind() == FiffKind.REF_FILE_NAME && t.type() == FiffType.STRING) {
                    name = TagData.string(reader.readData());
                } else if (t.kind() == FiffKind.REF_FILE_NUM && t.size() >= 4) {
                    number = ByteBuffer.wrap(reader.readData()).getInt(0);
                }
            }
            if (t.kind() == FiffKind.BLOCK_END && inRef && role != null) {
                refs.add(new Reference(role, name, number));
            }
        }
        return refs;
    }

    /**
     * @param name a file name, possibly with directories of another machine ({@code /} or {@code \})
     * @return its last component
     */
    public static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    /**
     * The name MNE gives part {@code index} of a recording whose first part has a name: {@code x_raw.fif},
     * {@code x_raw-1.fif}, {@code x_raw-2.fif}, ... (also for {@code .fif.gz} and {@code .fiff}).
     *
     * @param firstPart the first part's file name
     * @param index     0 for the first part
     * @return the part's file name
     */
    public static String partName(String firstPart, int index) {
        if (index == 0) {
            return firstPart;
        }
        Matcher m = EXTENSION.matcher(firstPart);
        String stem = m.find() ? firstPart.substring(0, m.start()) : firstPart;
        String ext = m.find(0) ? firstPart.substring(m.start()) : "";
        return stem + "-" + index + ext;
    }

    private static String firstPartName(String anyPart) {
        Matcher m = EXTENSION.matcher(anyPart);
        String stem = m.find() ? anyPart.substring(0, m.start()) : anyPart;
        String ext = m.find(0) ? anyPart.substring(m.start()) : "";
        Matcher p = PART_SUFFIX.matcher(stem);
        return (p.find() ? stem.substring(0, p.start()) : stem) + ext;
    }

    /**
     * Output files for the parts of a recording, following MNE's pattern from the first output's name.
     *
     * @param firstOutput the first part's output
     * @param count       the number of parts
     * @return the outputs, first to last
     */
    public static List<Path> outputNames(Path firstOutput, int count) {
        List<Path> out = new ArrayList<>();
        String first = firstOutput.getFileName().toString();
        for (int i = 0; i < count; i++) {
            out.add(firstOutput.resolveSibling(partName(first, i)));
        }
        return out;
    }

    /**
     * The default output name of an input: {@code _anonymized} before the extension ({@code .fif}, {@code .fif.gz},
     * {@code .fiff}), or appended when there is none; a part suffix {@code -N} stays last, as MNE names parts.
     *
     * @param input the input file name
     * @return the output file name
     */
    public static String anonymizedName(String input) {
        Matcher m = EXTENSION.matcher(input);
        String stem = m.find() ? input.substring(0, m.start()) : input;
        String ext = m.find(0) ? input.substring(m.start()) : "";
        Matcher p = PART_SUFFIX.matcher(stem);
        if (p.find() && !ext.isEmpty()) {
            return stem.substring(0, p.start()) + "_anonymized" + stem.substring(p.start()) + ext;
        }
        return stem + "_anonymized" + ext;
    }

    /**
     * @param name a file name
     * @return true when it looks like one of our outputs ({@code _anonymized} or {@code _anonymized-N} before the
     *         extension)
     */
    public static boolean isAnonymizedName(String name) {
        Matcher m = EXTENSION.matcher(name);
        String stem = m.find() ? name.substring(0, m.start()) : name;
        return stem.toLowerCase(Locale.ROOT).matches(".*_anonymized(-\\d+)?");
    }
}
