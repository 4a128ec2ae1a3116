package io.github.fiffkit.testkit;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.CoordTrans;
import io.github.fiffkit.core.DenseMatrix;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.DirEntry;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of valid synthetic FIFF files. The same seed and options always give the same bytes.
 *
 * <pre>{@code
 * Generated g = SyntheticFiff.builder(42).canaries(true).directory(true).generate();
 * Path file = g.write(tmp.resolve("subject_raw.fif"));
 * for (Canary c : g.canaries()) { ... search an output for c.encodings() ... }
 *
 * Generated any = SyntheticFiff.generate(seed);   // options drawn from the seed too
 * }</pre>
 *
 * <p>A file holds a measurement block (measurement info with device, helium, channels, subject, project, HPI,
 * digitizer, projectors, events, processing history; annotations; raw data; evoked data), a covariance block and
 * an MNE environment block, each {@link Part} optional. Options add a tag directory, a free list, hidden tags,
 * a chain that jumps forward and back, and tags of unknown kinds and types; {@link Variant}s give the odd
 * encodings real files contain.
 *
 * <p>Longer than the project's ~400 lines: the writer of one file's blocks, in file order, all drawing from the
 * same seeded random source and canary list; spreading them over files would hide the order that makes the same
 * seed give the same bytes.
 */
public final class SyntheticFiff {
    private SyntheticFiff() {
    }

    /** The optional parts of a generated file. */
    public enum Part {
        /** {@code FIFFB_DEVICE}: type, model, serial, site. */
        DEVICE,
        /** {@code FIFFB_HELIUM}: levels, the original file GUID, a date. */
        HELIUM,
        /** {@code FIFF_CH_INFO} tags and a device-to-head transform. */
        CHANNEL_INFO,
        /** {@code FIFFB_SUBJECT}: id, names, birthday, sex, hand, weight, height, comment, HIS id. */
        SUBJECT,
        /** {@code FIFFB_PROJECT}: id, name, aim, persons, comment. */
        PROJECT,
        /** {@code FIFFB_HPI_MEAS} with coils and {@code FIFFB_HPI_RESULT}. */
        HPI,
        /** {@code FIFFB_ISOTRAK}: digitizer points. */
        DIGITIZER,
        /** {@code FIFFB_PROJ}: one projection item with vectors. */
        PROJECTORS,
        /** {@code FIFFB_EVENTS}: event channels and list. */
        EVENTS,
        /** {@code FIFFB_PROCESSING_HISTORY}: one processing record with its own ID, date and experimenter. */
        PROCESSING_HISTORY,
        /** {@code FIFFB_MNE_ANNOTATIONS}: onsets, durations, descriptions, origin as two doubles. */
        ANNOTATIONS,
        /** {@code FIFFB_RAW_DATA}: first sample and data buffers, with a skip. */
        RAW_DATA,
        /** {@code FIFFB_PROCESSED_DATA} with one evoked response and its aspect. */
        EVOKED,
        /** {@code FIFFB_MNE_COV}: a covariance matrix with its channel names. */
        COVARIANCE,
        /** {@code FIFFB_MNE_ENV}: working directory and command line. */
        MNE_ENV
    }

    /** Odd encodings real files contain. */
    public enum Variant {
        /** {@code FIFF_SUBJ_ID} as a string instead of an int. */
        SUBJ_ID_AS_STRING,
        /** {@code FIFF_MEAS_DATE} in the measurement info as one int (seconds only). */
        MEAS_DATE_AS_ONE_INT,
        /** {@code FIFF_MEAS_DATE} in the measurement info as two doubles, as MNE writes an annotation origin. */
        MEAS_DATE_AS_DOUBLES,
        /** Empty strings for the optional text fields (middle name, comments, aim). */
        EMPTY_STRINGS,
        /** Text fields of several kilobytes. */
        LONG_STRINGS,
        /** Text with Latin-1 and non-Latin-1 (UTF-8) characters. */
        NON_ASCII_STRINGS,
        /** A measurement date before 1970 (negative seconds). */
        DATE_BEFORE_1970,
        /** A measurement date a month before the signed 32-bit limit (December 2037). */
        DATE_NEAR_INT32_LIMIT,
        /** A birthday Julian day number that is no valid date (zero, negative or huge). */
        INVALID_BIRTHDAY,
        /**
         * A measurement date a month after the signed 32-bit minimum (January 1902). Not drawn by
         * {@link Builder#randomFlavour()}: moving such a date back by days leaves the range, which property tests
         * that shift dates must then expect.
         */
        DATE_NEAR_INT32_MIN
    }

    /** The sample format of raw data buffers. */
    public enum RawFormat {
        /** {@code FIFFT_SHORT}. */
        INT16(FiffType.SHORT, 2),
        /** {@code FIFFT_INT}. */
        INT32(FiffType.INT, 4),
        /** {@code FIFFT_FLOAT}. */
        FLOAT32(FiffType.FLOAT, 4);

        final int type;
        final int bytes;

        RawFormat(int type, int bytes) {
            this.type = type;
            this.bytes = bytes;
        }

        /** @return the FIFF data type of the buffers */
        public int type() {
            return type;
        }
    }

    /**
     * @param seed the seed of every random choice
     * @return a builder with every part, no variant, a sequential chain and no extras
     */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /**
     * A file whose options are drawn from the seed as well (parts, variants, extras, raw format).
     *
     * @param seed the seed
     * @return the file
     */
    public static Generated generate(long seed) {
        return builder(seed).randomFlavour().generate();
    }

    /** Options of a generated file; every option has a default, and {@link #randomFlavour()} draws them all. */
    public static final class Builder {
        private final long seed;
        private boolean canaries;
        private final EnumSet<Part> parts = EnumSet.allOf(Part.class);
        private final EnumSet<Variant> variants = EnumSet.noneOf(Variant.class);
        private RawFormat rawFormat = RawFormat.INT16;
        private int channels = 13;
        private int buffers = 3;
        private int samples = 50;
        private boolean directory;
        private boolean freeList;
        private int hiddenTags;
        private boolean nonSequential;
        private boolean unknownTags;

        private Builder(long seed) {
            this.seed = seed;
        }

        /**
         * Canary mode: every personal value unique and listed in {@link Generated#canaries()}.
         *
         * @param on whether to use canaries
         * @return this builder
         */
        public Builder canaries(boolean on) {
            canaries = on;
            return this;
        }

        /**
         * @param only the parts to include (the measurement and measurement-info blocks are always there)
         * @return this builder
         */
        public Builder parts(Set<Part> only) {
            parts.clear();
            parts.addAll(only);
            return this;
        }

        /**
         * @param leaveOut parts to leave out
         * @return this builder
         */
        public Builder without(Part... leaveOut) {
            for (Part p : leaveOut) {
                parts.remove(p);
            }
            return this;
        }

        /**
         * @param leaveOut variants not to use (for example after {@link #randomFlavour()})
         * @return this builder
         */
        public Builder without(Variant... leaveOut) {
            for (Variant v : leaveOut) {
                variants.remove(v);
            }
            return this;
        }

        /**
         * @param add variants to use
         * @return this builder
         */
        public Builder variants(Variant... add) {
            Collections.addAll(variants, add);
            return this;
        }

        /**
         * @param format the sample format of raw buffers
         * @return this builder
         */
        public Builder rawFormat(RawFormat format) {
            rawFormat = format;
            return this;
        }

        /**
         * @param count number of channels (at least 1; the last is a stimulus channel)
         * @return this builder
         */
        public Builder channels(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one channel");
            }
            channels = count;
            return this;
        }

        /**
         * @param count             number of raw data buffers
         * @param samplesPerBuffer samples per channel in each buffer
         * @return this builder
         */
        public Builder buffers(int count, int samplesPerBuffer) {
            if (count < 0 || samplesPerBuffer < 1) {
                throw new IllegalArgumentException("buffers >= 0 and samples >= 1");
            }
            buffers = count;
            samples = samplesPerBuffer;
            return this;
        }

        /**
         * @param on end with a tag directory ({@code FIFF_DIR}) that {@code FIFF_DIR_POINTER} points at
         * @return this builder
         */
        public Builder directory(boolean on) {
            directory = on;
            return this;
        }

        /**
         * @param on write a {@code FIFF_FREE_LIST} of directory entries naming the hidden tags (else -1)
         * @return this builder
         */
        public Builder freeList(boolean on) {
            freeList = on;
            return this;
        }

        /**
         * @param count number of hidden tags: tags in the file that no {@code next} link reaches (stale values)
         * @return this builder
         */
        public Builder hiddenTags(int count) {
            hiddenTags = Math.max(0, count);
            return this;
        }

        /**
         * @param on place a run of tags at the end of the file and link to it with a forward jump and back with a
         *           backward jump
         * @return this builder
         */
        public Builder nonSequential(boolean on) {
            nonSequential = on;
            return this;
        }

        /**
         * @param on add tags of unknown kinds and of unknown data types (they must be kept as they are)
         * @return this builder
         */
        public Builder unknownTags(boolean on) {
            unknownTags = on;
            return this;
        }

        /**
         * Draws every option except canary mode from the seed: parts, variants (all but
         * {@link Variant#DATE_NEAR_INT32_MIN}), raw format, sizes, directory, free list, hidden tags, jumps, unknown
         * tags.
         *
         * @return this builder
         */
        public Builder randomFlavour() {
            Random r = new Random(seed * 0x9E3779B97F4A7C15L + 1);   // the multiplier scrambles consecutive seeds
            parts.clear();
            for (Part p : Part.values()) {
                if (r.nextInt(5) != 0) {
                    parts.add(p);
                }
            }
            variants.clear();
            for (Variant v : Variant.values()) {
                if (v != Variant.DATE_NEAR_INT32_MIN && r.nextInt(6) == 0) {
                    variants.add(v);
                }
            }
            if (variants.contains(Variant.DATE_BEFORE_1970) && variants.contains(Variant.DATE_NEAR_INT32_LIMIT)) {
                variants.remove(r.nextBoolean() ? Variant.DATE_BEFORE_1970 : Variant.DATE_NEAR_INT32_LIMIT);
            }
            if (variants.contains(Variant.MEAS_DATE_AS_ONE_INT) && variants.contains(Variant.MEAS_DATE_AS_DOUBLES)) {
                variants.remove(Variant.MEAS_DATE_AS_DOUBLES);
            }
            rawFormat = RawFormat.values()[r.nextInt(3)];
            channels = 1 + r.nextInt(24);
            buffers = r.nextInt(5);
            samples = 1 + r.nextInt(64);
            directory = r.nextInt(3) == 0;
            hiddenTags = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
            freeList = hiddenTags > 0 && r.nextBoolean();
            nonSequential = r.nextInt(3) == 0;
            unknownTags = r.nextInt(3) == 0;
            return this;
        }

        /** @return the generated file */
        public Generated generate() {
            return new Content(this, 0, 1, null).layout();
        }

        /**
         * Generates and writes the file.
         *
         * @param file the destination
         * @return the generated file
         * @throws IOException when writing fails
         */
        public Generated write(Path file) throws IOException {
            Generated g = generate();
            g.write(file);
            return g;
        }

        /**
         * A split recording: the same measurement in several files, each holding part of the raw buffers, linked
         * by {@code FIFFB_REF} blocks (role, file ID, number and name of the previous and next part).
         *
         * @param count         number of parts (at least 1)
         * @param firstPartName the first file's name, such as {@code run1_raw.fif}; later parts are named as MNE
         *                      names them ({@code run1_raw-1.fif}, ...)
         * @return the parts in order
         */
        public List<Generated> generateRecording(int count, String firstPartName) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one part");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(partName(firstPartName, i));
            }
            List<Generated> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new Content(this, i, count, names).layout());
            }
            return out;
        }

        /**
         * Writes a split recording into a folder.
         *
         * @param dir           the folder
         * @param count         number of parts
         * @param firstPartName the first file's name
         * @return the files written, first part first
         * @throws IOException when writing fails
         */
        public List<Path> writeRecording(Path dir, int count, String firstPartName) throws IOException {
            List<Generated> parts = generateRecording(count, firstPartName);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                files.add(parts.get(i).write(dir.resolve(partName(firstPartName, i))));
            }
            return files;
        }

        String flavour() {
            return "parts=" + parts + " variants=" + variants + " raw=" + rawFormat + " channels=" + channels
                    + " buffers=" + buffers + "x" + samples + (canaries ? " canaries" : "")
                    + (directory ? " directory" : "") + (freeList ? " freeList" : "")
                    + (hiddenTags > 0 ? " hidden=" + hiddenTags : "") + (nonSequential ? " jumps" : "")
                    + (unknownTags ? " unknownTags" : "");
        }
    }

    /**
     * The name MNE gives part {@code index} of a split recording.
     *
     * @param firstPartName the first part's name, e.g. {@code run1_raw.fif}
     * @param index         0 for the first part
     * @return e.g. {@code run1_raw-2.fif} for index 2
     */
    public static String partName(String firstPartName, int index) {
        if (index == 0) {
            return firstPartName;
        }
        for (String ext : new String[] {".fif.gz", ".fif", ".fiff"}) {
            if (firstPartName.endsWith(ext)) {
                return firstPartName.substring(0, firstPartName.length() - ext.length()) + "-" + index + ext;
            }
        }
        return firstPartName + "-" + index;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One tag to lay out. */
    private record Item(int kind, int type, byte[] data) {
    }

    /** Builds the logical content of one file, then lays it out. */
    private static final class Content {
        private static final String[] FIRST = {"Jennifer", "Lars", "Amara", "Kenji", "Sofia", "Mateo", "Ingrid"};
        private static final String[] LAST = {"Mortensen", "Okafor", "Lindqvist", "Tanaka", "Alvarez", "Novak"};
        private static final String TOKEN_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        private final Builder o;
        private Random r;
        private final int part;
        private final int partCount;
        private final List<String> partNames;
        private final List<Item> chain = new ArrayList<>();
        private final List<Item> hidden = new ArrayList<>();
        private final List<Canary> canaries = new ArrayList<>();
        private final Set<String> tokens = new HashSet<>();
        private final Set<Long> numbers = new HashSet<>();
        private int block = -1;
        private final List<Integer> blocks = new ArrayList<>();

        Content(Builder o, int part, int partCount, List<String> partNames) {
            this.o = o;
            this.r = Seeds.random(o.seed, 2);
            this.part = part;
            this.partCount = partCount;
            this.partNames = partNames;
        }

        private boolean has(Part p) {
            return o.parts.contains(p);
        }

        /** Draws a section's values from its own stream, so leaving out one part changes no other part. */
        private void section(int id) {
            r = Seeds.random(o.seed, 1000 + id);
        }

        private boolean is(Variant v) {
            return o.variants.contains(v);
        }

        // ---- emitting ----

        private void add(int kind, int type, byte[] data) {
            chain.add(new Item(kind, type, data));
        }

        private void start(int kind) {
            add(FiffKind.BLOCK_START, FiffType.INT, TagData.ofInts(kind));
            blocks.add(kind);
            block = kind;
        }

        private void end(int kind) {
            add(FiffKind.BLOCK_END, FiffType.INT, TagData.ofInts(kind));
            blocks.remove(blocks.size() - 1);
            block = blocks.isEmpty() ? -1 : blocks.get(blocks.size() - 1);
        }

        private void ints(int kind, int... v) {
            add(kind, FiffType.INT, TagData.ofInts(v));
        }

        private void floats(int kind, float... v) {
            add(kind, FiffType.FLOAT, TagData.ofFloats(v));
        }

        private void text(int kind, String s) {
            add(kind, FiffType.STRING, TagData.ofString(s));
        }

        // ---- personal values ----

        private String token(String prefix) {
            while (true) {
                StringBuilder sb = new StringBuilder(prefix).append('-');
                for (int i = 0; i < 12; i++) {
                    sb.append(TOKEN_CHARS.charAt(r.nextInt(TOKEN_CHARS.length())));
                }
                if (tokens.add(sb.toString())) {
                    return sb.toString();
                }
            }
        }

        /** A personal text value: realistic, or a canary token; dressed by the string variants. */
        private String personal(String field, String abbrev, int kind, String realistic, boolean optional) {
            String token = o.canaries ? token(abbrev) : null;
            if (optional && is(Variant.EMPTY_STRINGS)) {
                text(kind, "");
                return "";
            }
            String value = token != null ? token : realistic;
            if (is(Variant.NON_ASCII_STRINGS)) {
                value = (r.nextBoolean() ? "Ærøskøbing " : "Łukasz 名前 ") + value + " Müller";
            }
            if (is(Variant.LONG_STRINGS)) {
                StringBuilder sb = new StringBuilder(value);
                while (sb.length() < 5000) {
                    sb.append(" lorem ipsum dolor sit amet");
                }
                value = sb.toString();
            }
            text(kind, value);
            if (token != null) {
                List<byte[]> enc = new ArrayList<>();
                enc.add(TagData.ofString(value));
                enc.add(value.getBytes(StandardCharsets.UTF_8));
                enc.add(token.getBytes(StandardCharsets.US_ASCII));
                canaries.add(new Canary(field, Set.of(kind), block, value, enc, false));
            }
            return value;
        }

        private int uniqueInt(int min, int max) {
            while (true) {
                int v = min + r.nextInt(max - min);
                if (numbers.add((long) v)) {
                    return v;
                }
            }
        }

        private void numberCanary(String field, Set<Integer> kinds, int blockKind, String value, byte[] bytes) {
            if (o.canaries) {
                canaries.add(new Canary(field, kinds, blockKind, value, List.of(bytes), false));
            }
        }

        private FiffTime uniqueTime(int baseSeconds, int spread) {
            while (true) {
                long s = (long) baseSeconds + r.nextInt(spread);
                int micros = 1 + r.nextInt(999_998);
                if (s <= Integer.MAX_VALUE && numbers.add(s * 1_000_000L + micros)) {
                    return new FiffTime((int) s, micros);
                }
            }
        }

        private static byte[] timeBytes(FiffTime t) {
            return TagData.ofInts(t.seconds(), t.microseconds());
        }

        // ---- the file ----

        Generated layout() {
            build();
            return Layout.lay(o, chain, hidden, canaries);
        }

        private void build() {
            int baseSeconds;
            if (is(Variant.DATE_BEFORE_1970)) {
                baseSeconds = -900_000_000 + r.nextInt(600_000_000);          // 1941 .. 1960
            } else if (is(Variant.DATE_NEAR_INT32_LIMIT)) {
                baseSeconds = Integer.MAX_VALUE - 30 * 86_400;                 // December 2037
            } else if (is(Variant.DATE_NEAR_INT32_MIN)) {
                baseSeconds = Integer.MIN_VALUE + 30 * 86_400;                 // January 1902
            } else {
                baseSeconds = 1_100_000_000 + r.nextInt(650_000_000);        // 2004 .. 2025
            }
            FiffTime meas = uniqueTime(baseSeconds, 3600);
            int machine0 = 0x10000000 | r.nextInt(0x0FFFFFFF);
            int machine1 = 0x20000000 | r.nextInt(0x0FFFFFFF);
            numberCanary("machine id", Set.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID, FiffKind.PARENT_FILE_ID,
                    FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID), -1,
                    Integer.toHexString(machine0) + Integer.toHexString(machine1), TagData.ofInts(machine0, machine1));
            List<FiffTime> fileTimes = new ArrayList<>();
            for (int i = 0; i < partCount; i++) {
                fileTimes.add(uniqueTime(meas.seconds() + 4000 + 10 * i, 7));
            }
            FiffTime measBlockTime = uniqueTime(meas.seconds() + 3600 * 2, 3600);
            FiffTime helium = uniqueTime(meas.seconds() - 7200, 3600);
            FiffTime processed = uniqueTime(meas.seconds() + 3600 * 3, 3600);
            FiffTime envTime = uniqueTime(meas.seconds() + 3600 * 4, 3600);
            FiffTime fileTime = fileTimes.get(part);
            numberCanary("file ID time", Set.of(FiffKind.FILE_ID, FiffKind.REF_FILE_ID), -1, fileTime.toString(),
                    timeBytes(fileTime));

            add(FiffKind.FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, machine0, machine1,
                    fileTime)));
            ints(FiffKind.DIR_POINTER, -1);     // patched by the layout
            ints(FiffKind.FREE_LIST, -1);       // patched by the layout
            if (o.unknownTags) {
                unknown();
            }
            start(FiffBlock.MEAS);
            add(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, machine0,
                    machine1, measBlockTime)));
            numberCanary("measurement block ID time", Set.of(FiffKind.BLOCK_ID), FiffBlock.MEAS,
                    measBlockTime.toString(), timeBytes(measBlockTime));
            measInfo(meas, helium, processed, machine0, machine1);
            if (has(Part.ANNOTATIONS)) {
                section(11);
                annotations(meas);
            }
            if (part > 0) {
                reference(1, part - 1, machine0, machine1, fileTimes.get(part - 1));
            }
            List<ChannelInfo> chs = Channels.ofCount(o.channels);
            if (has(Part.RAW_DATA)) {
                section(12);
                rawData(chs.size());
            }
            if (part < partCount - 1) {
                reference(2, part + 1, machine0, machine1, fileTimes.get(part + 1));
            }
            if (has(Part.EVOKED)) {
                section(13);
                evoked(chs.size());
            }
            end(FiffBlock.MEAS);
            if (has(Part.COVARIANCE)) {
                section(14);
                covariance(chs);
            }
            if (has(Part.MNE_ENV)) {
                section(15);
                start(FiffBlock.MNE_ENV);
                add(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, machine0,
                        machine1, envTime)));
                numberCanary("MNE environment ID time", Set.of(FiffKind.BLOCK_ID), FiffBlock.MNE_ENV,
                        envTime.toString(), timeBytes(envTime));
                String user = LAST[r.nextInt(LAST.length)].toLowerCase(Locale.ROOT);
                personal("MNE working directory", "WD", FiffKind.MNE_ENV_WORKING_DIR, "/home/" + user + "/study",
                        false);
                personal("MNE command line", "CL", FiffKind.MNE_ENV_COMMAND_LINE,
                        "mne_process_raw --raw " + user + "_raw.fif", false);
                end(FiffBlock.MNE_ENV);
            }
            if (o.unknownTags) {
                unknown();
            }
            for (int i = 0; i < o.hiddenTags; i++) {
                String stale = o.canaries ? token("HID") : FIRST[r.nextInt(FIRST.length)];
                hidden.add(new Item(FiffKind.SUBJ_FIRST_NAME, FiffType.STRING, TagData.ofString(stale)));
                if (o.canaries) {
                    canaries.add(new Canary("stale name in a hidden tag", Set.of(FiffKind.SUBJ_FIRST_NAME), -1,
                            stale, List.of(TagData.ofString(stale)), true));
                }
            }
        }

        private void unknown() {
            int kind = 0x7E000000 + r.nextInt(0x10000);
            byte[] data = new byte[r.nextInt(24)];
            r.nextBytes(data);
            add(kind, FiffType.INT, TagData.ofInts(r.nextInt(1000)));
            add(FiffKind.NCHAN + 7000 + r.nextInt(100), 0x00007F00 + r.nextInt(0xFF), data);
        }

        private void measInfo(FiffTime meas, FiffTime helium, FiffTime processed, int machine0, int machine1)
                throws IllegalStateException {
            start(FiffBlock.MEAS_INFO);
            if (has(Part.DEVICE)) {
                section(1);
                start(FiffBlock.DEVICE);
                text(FiffKind.DEVICE_TYPE, "TRIUX");
                text(FiffKind.DEVICE_MODEL, "neo");
                personal("device serial", "SN", FiffKind.DEVICE_SERIAL, "SN-" + (10000 + r.nextInt(90000)), false);
                personal("device site", "SITE", FiffKind.DEVICE_SITE, "Northfield Clinic", false);
                end(FiffBlock.DEVICE);
            }
            if (has(Part.HELIUM)) {
                section(2);
                start(FiffBlock.HELIUM);
                floats(FiffKind.HE_LEVEL_RAW, 60f + r.nextInt(30));
                floats(FiffKind.HELIUM_LEVEL, 70f + r.nextInt(20));
                personal("original file GUID", "GUID", FiffKind.ORIG_FILE_GUID, Long.toHexString(r.nextLong()),
                        false);
                ints(FiffKind.MEAS_DATE, helium.seconds(), helium.microseconds());
                numberCanary("helium date", Set.of(FiffKind.MEAS_DATE), FiffBlock.HELIUM, helium.toString(),
                        timeBytes(helium));
                end(FiffBlock.HELIUM);
            }
            section(50);
            List<ChannelInfo> chs = Channels.ofCount(o.channels);
            ints(FiffKind.NCHAN, chs.size());
            floats(FiffKind.SFREQ, 1000f);
            floats(FiffKind.LOWPASS, 330f);
            floats(FiffKind.HIGHPASS, 0.1f);
            floats(FiffKind.LINE_FREQ, r.nextBoolean() ? 50f : 60f);
            if (is(Variant.MEAS_DATE_AS_ONE_INT)) {
                ints(FiffKind.MEAS_DATE, meas.seconds());
                numberCanary("measurement date", Set.of(FiffKind.MEAS_DATE), FiffBlock.MEAS_INFO,
                        Integer.toString(meas.seconds()), TagData.ofInts(meas.seconds()));
            } else if (is(Variant.MEAS_DATE_AS_DOUBLES)) {
                add(FiffKind.MEAS_DATE, FiffType.DOUBLE, TagData.ofDoubles(meas.seconds(), meas.microseconds()));
                numberCanary("measurement date", Set.of(FiffKind.MEAS_DATE), FiffBlock.MEAS_INFO, meas.toString(),
                        TagData.ofDoubles(meas.seconds(), meas.microseconds()));
            } else {
                ints(FiffKind.MEAS_DATE, meas.seconds(), meas.microseconds());
                numberCanary("measurement date", Set.of(FiffKind.MEAS_DATE), FiffBlock.MEAS_INFO, meas.toString(),
                        timeBytes(meas));
            }
            personal("UTC offset", "UTC", FiffKind.UTC_OFFSET, "+01:00", false);
            String experimenter = personal("experimenter", "EXP", FiffKind.EXPERIMENTER, "Dr "
                    + LAST[r.nextInt(LAST.length)], false);
            personal("measurement comment", "DESC", FiffKind.COMMENT, "auditory oddball, session " + (1 + r.nextInt(4)),
                    true);
            if (has(Part.CHANNEL_INFO)) {
                section(3);
                add(FiffKind.COORD_TRANS, FiffType.COORD_TRANS_STRUCT, TagData.ofCoordTrans(List.of(transform())));
                for (ChannelInfo ch : chs) {
                    add(FiffKind.CH_INFO, FiffType.CH_INFO_STRUCT, TagData.ofChannelInfos(List.of(ch)));
                }
                if (chs.size() > 2) {
                    text(FiffKind.BAD_CHS, chs.get(0).name() + ":" + chs.get(1).name());
                }
            }
            if (o.unknownTags) {
                section(51);
                unknown();
            }
            if (has(Part.SUBJECT)) {
                section(4);
                subject();
            }
            if (has(Part.PROJECT)) {
                section(5);
                start(FiffBlock.PROJECT);
                int id = uniqueInt(10_000_000, 2_000_000_000);
                ints(FiffKind.PROJ_ID, id);
                numberCanary("project id", Set.of(FiffKind.PROJ_ID), FiffBlock.PROJECT, Integer.toString(id),
                        TagData.ofInts(id));
                personal("project name", "PN", FiffKind.PROJ_NAME, "Tinnitus" + (2000 + r.nextInt(25)), false);
                personal("project aim", "PA", FiffKind.PROJ_AIM, "map auditory cortex", true);
                personal("project persons", "PP", FiffKind.PROJ_PERSONS, LAST[r.nextInt(LAST.length)] + "; "
                        + LAST[r.nextInt(LAST.length)], false);
                personal("project comment", "PC", FiffKind.PROJ_COMMENT, "pilot", true);
                end(FiffBlock.PROJECT);
            }
            if (has(Part.HPI)) {
                section(6);
                hpi();
            }
            if (has(Part.DIGITIZER)) {
                section(7);
                start(FiffBlock.ISOTRAK);
                int n = 3 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    int kind = i < 3 ? DigPoint.KIND_CARDINAL : DigPoint.KIND_EXTRA;
                    add(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(new DigPoint(kind,
                            i < 3 ? i + 1 : i - 2, new float[] {r.nextFloat() / 10, r.nextFloat() / 10,
                                r.nextFloat() / 10}))));
                }
                end(FiffBlock.ISOTRAK);
            }
            if (has(Part.PROJECTORS)) {
                section(8);
                start(FiffBlock.PROJ);
                start(FiffBlock.PROJ_ITEM);
                text(FiffKind.DESCRIPTION, "PCA-v1");
                ints(FiffKind.PROJ_ITEM_KIND, 1);
                ints(FiffKind.PROJ_ITEM_NVEC, 1);
                StringBuilder names = new StringBuilder();
                for (ChannelInfo ch : chs) {
                    names.append(names.length() == 0 ? "" : ":").append(ch.name());
                }
                text(FiffKind.PROJ_ITEM_CH_NAME_LIST, names.toString());
                float[] vec = new float[chs.size()];
                for (int i = 0; i < vec.length; i++) {
                    vec[i] = (float) r.nextGaussian() / 10;
                }
                add(FiffKind.PROJ_ITEM_VECTORS, FiffType.MATRIX | FiffType.FLOAT,
                        new DenseMatrix(FiffType.MATRIX | FiffType.FLOAT, new int[] {chs.size(), 1},
                                TagData.ofFloats(vec)).encode());
                ints(FiffKind.MNE_PROJ_ITEM_ACTIVE, 1);
                end(FiffBlock.PROJ_ITEM);
                end(FiffBlock.PROJ);
            }
            if (has(Part.EVENTS)) {
                section(9);
                start(FiffBlock.EVENTS);
                ints(FiffKind.EVENT_CHANNELS, chs.size());
                int n = 1 + r.nextInt(5);
                int[] ev = new int[3 * n];
                for (int i = 0; i < n; i++) {
                    ev[3 * i] = 100 * (i + 1) + r.nextInt(50);
                    ev[3 * i + 2] = 1 + r.nextInt(8);
                }
                ints(FiffKind.EVENT_LIST, ev);
                end(FiffBlock.EVENTS);
            }
            if (has(Part.PROCESSING_HISTORY)) {
                section(10);
                start(FiffBlock.PROCESSING_HISTORY);
                start(FiffBlock.PROCESSING_RECORD);
                add(FiffKind.BLOCK_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, machine0,
                        machine1, processed)));
                numberCanary("processing record ID time", Set.of(FiffKind.BLOCK_ID), FiffBlock.PROCESSING_RECORD,
                        processed.toString(), timeBytes(processed));
                FiffTime procDate = uniqueTime(processed.seconds() + 10, 100);
                ints(FiffKind.MEAS_DATE, procDate.seconds(), procDate.microseconds());
                numberCanary("processing date", Set.of(FiffKind.MEAS_DATE), FiffBlock.PROCESSING_RECORD,
                        procDate.toString(), timeBytes(procDate));
                personal("processing experimenter", "PEXP", FiffKind.EXPERIMENTER, experimenter.isEmpty()
                        ? "operator" : "operator " + r.nextInt(100), false);
                text(FiffKind.CREATOR, "maxfilter 2.2");
                end(FiffBlock.PROCESSING_RECORD);
                end(FiffBlock.PROCESSING_HISTORY);
            }
            end(FiffBlock.MEAS_INFO);
        }

        private CoordTrans transform() {
            float dx = r.nextFloat() / 100;
            return new CoordTrans(1, 4, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {dx, 0, 0.04f},
                    new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new float[] {-dx, 0, -0.04f});
        }

        private void subject() {
            start(FiffBlock.SUBJECT);
            if (is(Variant.SUBJ_ID_AS_STRING)) {
                personal("subject id", "SID", FiffKind.SUBJ_ID, "S" + (100 + r.nextInt(900)), false);
            } else {
                int id = uniqueInt(10_000_000, 2_000_000_000);
                ints(FiffKind.SUBJ_ID, id);
                numberCanary("subject id", Set.of(FiffKind.SUBJ_ID), FiffBlock.SUBJECT, Integer.toString(id),
                        TagData.ofInts(id));
            }
            personal("subject first name", "FN", FiffKind.SUBJ_FIRST_NAME, FIRST[r.nextInt(FIRST.length)], false);
            personal("subject middle name", "MN", FiffKind.SUBJ_MIDDLE_NAME, "Q", true);
            personal("subject last name", "LN", FiffKind.SUBJ_LAST_NAME, LAST[r.nextInt(LAST.length)], false);
            int julian;
            if (is(Variant.INVALID_BIRTHDAY)) {
                int pick = r.nextInt(3);
                julian = pick == 0 ? -uniqueInt(1_000_000, 2_000_000_000) : pick == 1
                        ? uniqueInt(1_000_000_000, Integer.MAX_VALUE) : -uniqueInt(10, 1_000_000);
            } else {
                int day;
                // never on 1 January: an anonymizer that keeps only the year would keep such a day unchanged
                do {
                    day = Julian.of(LocalDate.of(1930, 1, 1)) + r.nextInt(80 * 365);
                } while (Julian.toLocalDate(day).getDayOfYear() == 1 || !numbers.add((long) day));
                julian = day;
            }
            add(FiffKind.SUBJ_BIRTH_DAY, FiffType.JULIAN, TagData.ofInts(julian));
            numberCanary("subject birthday", Set.of(FiffKind.SUBJ_BIRTH_DAY), FiffBlock.SUBJECT,
                    Integer.toString(julian), TagData.ofInts(julian));
            ints(FiffKind.SUBJ_SEX, 1 + r.nextInt(2));
            ints(FiffKind.SUBJ_HAND, 1 + r.nextInt(3));
            float weight = 40f + r.nextInt(80) + (1 + r.nextInt(99_999)) / 100_000f;
            float height = 1.4f + (1 + r.nextInt(700_000)) / 1_000_000f;
            floats(FiffKind.SUBJ_WEIGHT, weight);
            numberCanary("subject weight", Set.of(FiffKind.SUBJ_WEIGHT), FiffBlock.SUBJECT, Float.toString(weight),
                    TagData.ofFloats(weight));
            floats(FiffKind.SUBJ_HEIGHT, height);
            numberCanary("subject height", Set.of(FiffKind.SUBJ_HEIGHT), FiffBlock.SUBJECT, Float.toString(height),
                    TagData.ofFloats(height));
            personal("subject comment", "SC", FiffKind.SUBJ_COMMENT, "left-handed violinist", true);
            personal("subject HIS id", "HIS", FiffKind.SUBJ_HIS_ID, "HIS-" + (100000 + r.nextInt(900000)), false);
            end(FiffBlock.SUBJECT);
        }

        private void hpi() {
            start(FiffBlock.HPI_MEAS);
            int ncoil = 3 + r.nextInt(3);
            ints(FiffKind.HPI_NCOIL, ncoil);
            for (int i = 0; i < ncoil; i++) {
                start(FiffBlock.HPI_COIL);
                ints(FiffKind.HPI_COIL_NO, i + 1);
                floats(FiffKind.HPI_COIL_FREQ, 293f + 14 * i);
                floats(FiffKind.HPI_SLOPES, r.nextFloat(), r.nextFloat(), r.nextFloat());
                end(FiffBlock.HPI_COIL);
            }
            end(FiffBlock.HPI_MEAS);
            start(FiffBlock.HPI_RESULT);
            for (int i = 0; i < ncoil; i++) {
                add(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(new DigPoint(
                        DigPoint.KIND_HPI, i + 1, new float[] {r.nextFloat() / 10, r.nextFloat() / 10, 0.05f}))));
            }
            int[] used = new int[ncoil];
            for (int i = 0; i < ncoil; i++) {
                used[i] = i + 1;
            }
            ints(FiffKind.HPI_COILS_USED, used);
            floats(FiffKind.HPI_FIT_GOODNESS, 0.99f, 0.98f, 0.995f);
            add(FiffKind.COORD_TRANS, FiffType.COORD_TRANS_STRUCT, TagData.ofCoordTrans(List.of(transform())));
            end(FiffBlock.HPI_RESULT);
        }

        private void annotations(FiffTime meas) {
            start(FiffBlock.MNE_ANNOTATIONS);
            int n = 1 + r.nextInt(3);
            float[] onsets = new float[n];
            float[] durations = new float[n];
            StringBuilder desc = new StringBuilder();
            for (int i = 0; i < n; i++) {
                onsets[i] = i * 2.5f + r.nextInt(10) / 10f;
                durations[i] = 0.5f;
                desc.append(i == 0 ? "" : ":").append(i % 2 == 0 ? "BAD_blink" : "BAD_movement");
            }
            floats(FiffKind.MNE_BASELINE_MIN, onsets);
            floats(FiffKind.MNE_BASELINE_MAX, durations);
            text(FiffKind.COMMENT, desc.toString());
            add(FiffKind.MEAS_DATE, FiffType.DOUBLE, TagData.ofDoubles(meas.seconds(), meas.microseconds()));
            if (!is(Variant.MEAS_DATE_AS_DOUBLES)) {
                numberCanary("annotation origin", Set.of(FiffKind.MEAS_DATE), FiffBlock.MNE_ANNOTATIONS,
                        meas.toString(), TagData.ofDoubles(meas.seconds(), meas.microseconds()));
            }
            end(FiffBlock.MNE_ANNOTATIONS);
        }

        private void reference(int role, int number, int machine0, int machine1, FiffTime time) {
            start(FiffBlock.REF);
            ints(FiffKind.REF_ROLE, role);
            add(FiffKind.REF_FILE_ID, FiffType.ID_STRUCT, TagData.ofId(new FiffId(FiffId.VERSION_1_4, machine0,
                    machine1, time)));
            ints(FiffKind.REF_FILE_NUM, number);
            text(FiffKind.REF_FILE_NAME, partNames.get(number));
            end(FiffBlock.REF);
        }

        private void rawData(int nchan) {
            start(FiffBlock.RAW_DATA);
            Random data = Seeds.random(o.seed, 3_000_000 + part);
            ints(FiffKind.FIRST_SAMPLE, part * o.buffers * o.samples);
            for (int b = 0; b < o.buffers; b++) {
                if (b == 1 && o.buffers > 2) {
                    ints(FiffKind.DATA_SKIP, 1);
                }
                add(FiffKind.DATA_BUFFER, o.rawFormat.type, Signals.buffer(o.rawFormat, nchan, o.samples, data,
                        (part * o.buffers + b) * o.samples));
            }
            end(FiffBlock.RAW_DATA);
        }

        private void evoked(int nchan) {
            start(FiffBlock.PROCESSED_DATA);
            start(FiffBlock.EVOKED);
            text(FiffKind.COMMENT, "auditory/left");
            int n = 20;
            ints(FiffKind.FIRST_SAMPLE, -5);
            ints(FiffKind.LAST_SAMPLE, n - 6);
            start(FiffBlock.ASPECT);
            ints(FiffKind.ASPECT_KIND, 100);
            ints(FiffKind.NAVE, 40 + r.nextInt(60));
            float[] v = new float[nchan * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (Math.sin(i * 0.3) * 1e-13);
            }
            add(FiffKind.EPOCH, FiffType.MATRIX | FiffType.FLOAT, new DenseMatrix(FiffType.MATRIX | FiffType.FLOAT,
                    new int[] {n, nchan}, TagData.ofFloats(v)).encode());
            end(FiffBlock.ASPECT);
            end(FiffBlock.EVOKED);
            end(FiffBlock.PROCESSED_DATA);
        }

        private void covariance(List<ChannelInfo> chs) {
            start(FiffBlock.MNE_COV);
            int n = chs.size();
            ints(FiffKind.MNE_COV_KIND, 1);
            ints(FiffKind.MNE_COV_DIM, n);
            StringBuilder names = new StringBuilder();
            for (ChannelInfo ch : chs) {
                names.append(names.length() == 0 ? "" : ":").append(ch.name());
            }
            text(FiffKind.MNE_ROW_NAMES, names.toString());
            ints(FiffKind.MNE_COV_NFREE, 1000 + r.nextInt(1000));
            double[] packed = new double[n * (n + 1) / 2];
            for (int i = 0, k = 0; i < n; i++) {
                for (int j = 0; j <= i; j++, k++) {
                    packed[k] = i == j ? 1e-24 * (1 + r.nextDouble()) : 1e-26 * r.nextGaussian();
                }
            }
            add(FiffKind.MNE_COV, FiffType.DOUBLE, TagData.ofDoubles(packed));
            end(FiffBlock.MNE_COV);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Places tags in the file: positions, jumps, hidden tags, directory, free list. */
    private static final class Layout {
        private Layout() {
        }

        static Generated lay(Builder o, List<Item> chainIn, List<Item> hiddenIn, List<Canary> canaries) {
            Random r = Seeds.random(o.seed, 4);
            List<Item> chain = new ArrayList<>(chainIn);
            // the terminator: a directory or a NOP, last in the chain and in the file
            Item terminator = o.directory ? null : new Item(FiffKind.NOP, FiffType.VOID, new byte[0]);
            int dirSize = (chain.size() + 2) * DirEntry.SIZE;
            if (o.directory) {
                chain.add(new Item(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, new byte[dirSize]));
            } else {
                chain.add(terminator);
            }
            if (o.freeList && !hiddenIn.isEmpty()) {
                chain.set(2, new Item(FiffKind.FREE_LIST, FiffType.DIR_ENTRY_STRUCT,
                        new byte[(hiddenIn.size() + 1) * DirEntry.SIZE]));
            }
            int n = chain.size();
            // physical order: indexes into chain, and -1 - h for hidden tag h
            List<Integer> physical = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                physical.add(i);
            }
            if (o.nonSequential && n - 1 > 5) {
                int a = 3 + r.nextInt(n - 1 - 4);
                int b = a + 1 + r.nextInt(Math.min(8, n - 1 - a - 1));
                List<Integer> moved = new ArrayList<>(physical.subList(a, b));
                physical.subList(a, b).clear();
                physical.addAll(moved);
            }
            for (int h = 0; h < hiddenIn.size(); h++) {
                physical.add(3 + r.nextInt(physical.size() - 2), -1 - h);
            }
            physical.add(n - 1);
            // positions
            long[] chainPos = new long[n];
            long[] hiddenPos = new long[hiddenIn.size()];
            long pos = 0;
            for (int p : physical) {
                Item it = p >= 0 ? chain.get(p) : hiddenIn.get(-1 - p);
                if (p >= 0) {
                    chainPos[p] = pos;
                } else {
                    hiddenPos[-1 - p] = pos;
                }
                pos += TagHeader.SIZE + it.data().length;
            }
            if (pos > Integer.MAX_VALUE) {
                throw new IllegalStateException("a generated file must stay below 2 GiB");
            }
            // patch the pointer, the free list and the directory
            chain.set(1, new Item(FiffKind.DIR_POINTER, FiffType.INT, TagData.ofInts(o.directory
                    ? (int) chainPos[n - 1] : -1)));
            if (o.freeList && !hiddenIn.isEmpty()) {
                List<DirEntry> free = new ArrayList<>();
                for (int h = 0; h < hiddenIn.size(); h++) {
                    Item it = hiddenIn.get(h);
                    free.add(new DirEntry(it.kind(), it.type(), it.data().length, (int) hiddenPos[h]));
                }
                free.add(DirEntry.SENTINEL);
                chain.set(2, new Item(FiffKind.FREE_LIST, FiffType.DIR_ENTRY_STRUCT, TagData.ofDirEntries(free)));
            }
            if (o.directory) {
                List<DirEntry> entries = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Item it = chain.get(i);
                    entries.add(new DirEntry(it.kind(), it.type(), it.data().length, (int) chainPos[i]));
                }
                entries.add(DirEntry.SENTINEL);
                chain.set(n - 1, new Item(FiffKind.DIR, FiffType.DIR_ENTRY_STRUCT, TagData.ofDirEntries(entries)));
            }
            // next links and bytes
            int[] nexts = new int[n];
            for (int i = 0; i < n; i++) {
                if (i == n - 1) {
                    nexts[i] = TagHeader.NEXT_NONE;
                } else {
                    long end = chainPos[i] + TagHeader.SIZE + chain.get(i).data().length;
                    nexts[i] = end == chainPos[i + 1] ? TagHeader.NEXT_SEQUENTIAL : (int) chainPos[i + 1];
                }
            }
            ByteBuffer buf = ByteBuffer.allocate((int) pos);
            List<GeneratedTag> chainTags = new ArrayList<>();
            List<GeneratedTag> hiddenTags = new ArrayList<>();
            for (int p : physical) {
                Item it = p >= 0 ? chain.get(p) : hiddenIn.get(-1 - p);
                int next = p >= 0 ? nexts[p] : TagHeader.NEXT_SEQUENTIAL;
                buf.putInt(it.kind()).putInt(it.type()).putInt(it.data().length).putInt(next).put(it.data());
            }
            for (int i = 0; i < n; i++) {
                Item it = chain.get(i);
                chainTags.add(new GeneratedTag(chainPos[i], it.kind(), it.type(), nexts[i], it.data()));
            }
            for (int h = 0; h < hiddenIn.size(); h++) {
                Item it = hiddenIn.get(h);
                hiddenTags.add(new GeneratedTag(hiddenPos[h], it.kind(), it.type(), TagHeader.NEXT_SEQUENTIAL,
                        it.data()));
            }
            return new Generated(o.seed, o.flavour(), o.parts, o.variants, buf.array(), chainTags, hiddenTags,
                    canaries);
        }
    }

    /** @return the kinds that hold personal values in a generated file (for tests that compare the rest) */
    public static Set<Integer> personalKinds() {
        return Set.copyOf(List.of(FiffKind.FILE_ID, FiffKind.BLOCK_ID, FiffKind.PARENT_FILE_ID,
                FiffKind.PARENT_BLOCK_ID, FiffKind.REF_FILE_ID, FiffKind.REF_BLOCK_ID, FiffKind.REF_FILE_NAME,
                FiffKind.MEAS_DATE, FiffKind.UTC_OFFSET, FiffKind.EXPERIMENTER, FiffKind.COMMENT,
                FiffKind.DEVICE_SERIAL, FiffKind.DEVICE_SITE, FiffKind.ORIG_FILE_GUID, FiffKind.SUBJ_ID,
                FiffKind.SUBJ_FIRST_NAME, FiffKind.SUBJ_MIDDLE_NAME, FiffKind.SUBJ_LAST_NAME, FiffKind.SUBJ_BIRTH_DAY,
                FiffKind.SUBJ_SEX, FiffKind.SUBJ_HAND, FiffKind.SUBJ_WEIGHT, FiffKind.SUBJ_HEIGHT,
                FiffKind.SUBJ_COMMENT, FiffKind.SUBJ_HIS_ID, FiffKind.PROJ_ID, FiffKind.PROJ_NAME, FiffKind.PROJ_AIM,
                FiffKind.PROJ_PERSONS, FiffKind.PROJ_COMMENT, FiffKind.MNE_ENV_WORKING_DIR,
                FiffKind.MNE_ENV_COMMAND_LINE));
    }
}
