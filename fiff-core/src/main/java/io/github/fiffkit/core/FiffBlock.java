package io.github.fiffkit.core;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Block kind numbers of the FIFF format and their names.
 *
 * <p>A block is opened by a {@link FiffKind#BLOCK_START} tag and closed by a
 * {@link FiffKind#BLOCK_END} tag whose value is one of these numbers. The constants are named
 * after the {@code FIFFB_*} symbols of MNE-Python with the {@code FIFFB_} prefix removed; a
 * second group adds block kinds and alternative names that only MNE-CPP defines. Where several
 * names share a number, the MNE-Python name is canonical and the others are aliases.
 *
 * <p>{@link #name(int)} and {@link #number(String)} translate in both directions.
 */
public final class FiffBlock {

    private FiffBlock() {}

    // ---- Block kinds listed by MNE-Python (mne/_fiff/constants.py), in its order ----

    /** FIFFB_ROOT: Outermost block of a file. */
    public static final int ROOT = 999;

    /** FIFFB_MEAS: A measurement. */
    public static final int MEAS = 100;

    /** FIFFB_MEAS_INFO: Measurement information: channels, sampling, digitization. */
    public static final int MEAS_INFO = 101;

    /** FIFFB_RAW_DATA: Raw data buffers. */
    public static final int RAW_DATA = 102;

    /** FIFFB_PROCESSED_DATA: Processed data, such as evoked responses. */
    public static final int PROCESSED_DATA = 103;

    /** FIFFB_EVOKED: One evoked response. */
    public static final int EVOKED = 104;

    /** FIFFB_ASPECT: One aspect of an evoked response (average, standard error, ...). */
    public static final int ASPECT = 105;

    /** FIFFB_SUBJECT: Subject information. */
    public static final int SUBJECT = 106;

    /** FIFFB_ISOTRAK: Digitizer (Isotrak) data. */
    public static final int ISOTRAK = 107;

    /** FIFFB_HPI_MEAS: Head position indicator measurement. */
    public static final int HPI_MEAS = 108;

    /** FIFFB_HPI_RESULT: Result of a head position fit. */
    public static final int HPI_RESULT = 109;

    /** FIFFB_HPI_COIL: Data from one head position indicator coil. */
    public static final int HPI_COIL = 110;

    /** FIFFB_PROJECT: Project information. */
    public static final int PROJECT = 111;

    /** FIFFB_CONTINUOUS_DATA: Continuous data. */
    public static final int CONTINUOUS_DATA = 112;

    /** FIFFB_CH_INFO: Additional channel information. */
    public static final int CH_INFO = 113;

    /** FIFFB_VOID: Empty block. */
    public static final int VOID = 114;

    /** FIFFB_EVENTS: Event information. */
    public static final int EVENTS = 115;

    /** FIFFB_INDEX: Index block. */
    public static final int INDEX = 116;

    /** FIFFB_DACQ_PARS: Acquisition parameters. */
    public static final int DACQ_PARS = 117;

    /** FIFFB_REF: File reference. */
    public static final int REF = 118;

    /** FIFFB_IAS_RAW_DATA: Raw data with internal active shielding. */
    public static final int IAS_RAW_DATA = 119;

    /** FIFFB_IAS_ASPECT: Averaged data with internal active shielding. */
    public static final int IAS_ASPECT = 120;

    /** FIFFB_HPI_SUBSYSTEM: Head position indicator subsystem. */
    public static final int HPI_SUBSYSTEM = 121;

    /** FIFFB_DEVICE: Recording device information. */
    public static final int DEVICE = 124;

    /** FIFFB_HELIUM: Liquid-helium information. */
    public static final int HELIUM = 125;

    /** FIFFB_CHANNEL_INFO: Channel information. */
    public static final int CHANNEL_INFO = 126;

    /** FIFFB_SPHERE: Sphere model. */
    public static final int SPHERE = 300;

    /** FIFFB_BEM: Boundary-element model. */
    public static final int BEM = 310;

    /** FIFFB_BEM_SURF: One boundary-element surface. */
    public static final int BEM_SURF = 311;

    /** FIFFB_CONDUCTOR_MODEL: One conductor model. */
    public static final int CONDUCTOR_MODEL = 312;

    /** FIFFB_PROJ: Signal-space projection. */
    public static final int PROJ = 313;

    /** FIFFB_PROJ_ITEM: One projection item. */
    public static final int PROJ_ITEM = 314;

    /** FIFFB_MRI: MRI data. */
    public static final int MRI = 200;

    /** FIFFB_MRI_SET: One MRI volume. */
    public static final int MRI_SET = 201;

    /** FIFFB_MRI_SLICE: One MRI slice. */
    public static final int MRI_SLICE = 202;

    /** FIFFB_MRI_SCENERY: Set of unrelated MRI scenes. */
    public static final int MRI_SCENERY = 203;

    /** FIFFB_MRI_SCENE: One MRI scene. */
    public static final int MRI_SCENE = 204;

    /** FIFFB_MRI_SEG: MRI segmentation. */
    public static final int MRI_SEG = 205;

    /** FIFFB_MRI_SEG_REGION: One MRI segmentation region. */
    public static final int MRI_SEG_REGION = 206;

    /** FIFFB_PROCESSING_HISTORY: Processing history. */
    public static final int PROCESSING_HISTORY = 900;

    /** FIFFB_PROCESSING_RECORD: One processing step. */
    public static final int PROCESSING_RECORD = 901;

    /** FIFFB_DATA_CORRECTION: Data correction. */
    public static final int DATA_CORRECTION = 500;

    /** FIFFB_CHANNEL_DECOUPLER: Cross-talk correction. */
    public static final int CHANNEL_DECOUPLER = 501;

    /** FIFFB_SSS_INFO: SSS processing information. */
    public static final int SSS_INFO = 502;

    /** FIFFB_SSS_CAL: SSS fine calibration. */
    public static final int SSS_CAL = 503;

    /** FIFFB_SSS_ST_INFO: Temporal SSS information. */
    public static final int SSS_ST_INFO = 504;

    /** FIFFB_SSS_BASES: SSS bases. */
    public static final int SSS_BASES = 505;

    /** FIFFB_IAS: Internal active shielding. */
    public static final int IAS = 510;

    /** FIFFB_MNE: MNE data. */
    public static final int MNE = 350;

    /** FIFFB_MNE_SOURCE_SPACE: Source space. */
    public static final int MNE_SOURCE_SPACE = 351;

    /** FIFFB_MNE_FORWARD_SOLUTION: Forward solution. */
    public static final int MNE_FORWARD_SOLUTION = 352;

    /** FIFFB_MNE_PARENT_MRI_FILE: Reference to the MRI file the data came from. */
    public static final int MNE_PARENT_MRI_FILE = 353;

    /** FIFFB_MNE_PARENT_MEAS_FILE: Reference to the measurement file the data came from. */
    public static final int MNE_PARENT_MEAS_FILE = 354;

    /** FIFFB_MNE_COV: Covariance matrix. */
    public static final int MNE_COV = 355;

    /** FIFFB_MNE_INVERSE_SOLUTION: Inverse operator. */
    public static final int MNE_INVERSE_SOLUTION = 356;

    /** FIFFB_MNE_NAMED_MATRIX: Matrix with row and column names. */
    public static final int MNE_NAMED_MATRIX = 357;

    /** FIFFB_MNE_ENV: Environment at the time of writing. */
    public static final int MNE_ENV = 358;

    /** FIFFB_MNE_BAD_CHANNELS: Bad channel list. */
    public static final int MNE_BAD_CHANNELS = 359;

    /** FIFFB_MNE_VERTEX_MAP: Vertex map. */
    public static final int MNE_VERTEX_MAP = 360;

    /** FIFFB_MNE_EVENTS: Events. */
    public static final int MNE_EVENTS = 361;

    /** FIFFB_MNE_MORPH_MAP: Morphing map. */
    public static final int MNE_MORPH_MAP = 362;

    /** FIFFB_MNE_SURFACE_MAP: Surface map. */
    public static final int MNE_SURFACE_MAP = 363;

    /** FIFFB_MNE_SURFACE_MAP_GROUP: Group of surface maps. */
    public static final int MNE_SURFACE_MAP_GROUP = 364;

    /** FIFFB_MNE_CTF_COMP: CTF compensation. */
    public static final int MNE_CTF_COMP = 370;

    /** FIFFB_MNE_CTF_COMP_DATA: One set of CTF compensation data. */
    public static final int MNE_CTF_COMP_DATA = 371;

    /** FIFFB_MNE_DERIVATIONS: Channel derivations. */
    public static final int MNE_DERIVATIONS = 372;

    /** FIFFB_MNE_EPOCHS: Epochs. */
    public static final int MNE_EPOCHS = 373;

    /** FIFFB_MNE_ICA: ICA decomposition. */
    public static final int MNE_ICA = 374;

    /** FIFFB_MNE_ANNOTATIONS: Annotations. */
    public static final int MNE_ANNOTATIONS = 3810;

    /** FIFFB_MNE_METADATA: Epochs metadata table. */
    public static final int MNE_METADATA = 3811;

    // ---- Block kinds that MNE-Python lacks, from MNE-CPP (fiff_file.h), in its order ----

    /** FIFFB_MCG_AVE: Averaged MCG data; same number as FIFFB_EVOKED. Alias, not canonical. From MNE-CPP. */
    public static final int MCG_AVE = 104;

    /** FIFFB_SMSH_RAW_DATA: SmartShield raw data; same number as FIFFB_IAS_RAW_DATA. Alias, not canonical. From MNE-CPP. */
    public static final int SMSH_RAW_DATA = 119;

    /** FIFFB_SMSH_ASPECT: SmartShield averaged data; same number as FIFFB_IAS_ASPECT. Alias, not canonical. From MNE-CPP. */
    public static final int SMSH_ASPECT = 120;

    /** FIFFB_XFIT_PROJ: xfit name for FIFFB_PROJ. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ = 313;

    /** FIFFB_XFIT_PROJ_ITEM: xfit name for FIFFB_PROJ_ITEM. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM = 314;

    /** FIFFB_XFIT_AUX: xfit auxiliary data. From MNE-CPP. */
    public static final int XFIT_AUX = 315;

    /** FIFFB_BAD_CHANNELS: Short name for FIFFB_MNE_BAD_CHANNELS. Alias, not canonical. From MNE-CPP. */
    public static final int BAD_CHANNELS = 359;

    /** FIFFB_VOL_INFO: Storage volume information. From MNE-CPP. */
    public static final int VOL_INFO = 400;

    /** FIFFB_SSS_CAL_ADJUST: Fine calibration adjustment; same number as FIFFB_SSS_CAL. Alias, not canonical. From MNE-CPP. */
    public static final int SSS_CAL_ADJUST = 503;

    /** FIFFB_SMARTSHIELD: SmartShield data; same number as FIFFB_IAS. Alias, not canonical. From MNE-CPP. */
    public static final int SMARTSHIELD = 510;

    /** FIFFB_MNE_RT_MEAS_INFO: Measurement information sent in real time. From MNE-CPP. */
    public static final int MNE_RT_MEAS_INFO = 3710;

    private static final FiffNames NAMES = FiffNames.of(FiffBlock.class, "FIFFB_", Set.of(
            "MCG_AVE",
            "SMSH_RAW_DATA",
            "SMSH_ASPECT",
            "XFIT_PROJ",
            "XFIT_PROJ_ITEM",
            "BAD_CHANNELS",
            "SSS_CAL_ADJUST",
            "SMARTSHIELD"));

    /**
     * Canonical name of a block kind number, e.g. {@code "FIFFB_MEAS_INFO"}.
     *
     * @param number the number read from a file
     * @return the canonical name, or empty when the number is unknown
     */
    public static Optional<String> name(int number) {
        return NAMES.name(number);
    }

    /**
     * Canonical name of a block kind number, or the number in decimal when unknown; meant for messages.
     *
     * @param number the number read from a file
     * @return a name or a decimal number, never null
     */
    public static String describe(int number) {
        return NAMES.describe(number);
    }

    /**
     * Number for a name such as {@code "FIFFB_MEAS_INFO"}; the bare form {@code "MEAS_INFO"}
     * is accepted too. Aliases are accepted. Matching is case-sensitive.
     *
     * @param name the name to look up
     * @return the number, or empty when the name is unknown
     * @throws NullPointerException if {@code name} is null
     */
    public static OptionalInt number(String name) {
        return NAMES.number(name);
    }

    /**
     * Every known name, aliases included, mapped to its number; sorted by number and then by name.
     *
     * @return an unmodifiable map
     */
    public static Map<String, Integer> all() {
        return NAMES.all();
    }
}
