package io.github.fiffkit.core;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Tag kind numbers of the FIFF format and their names.
 *
 * <p>Every tag in a FIFF file carries a kind that says what the tag holds. The constants here
 * are named after the {@code FIFF_*} symbols of MNE-Python with the {@code FIFF_} prefix
 * removed; a second group adds kinds that only MNE-CPP defines. Where several names share a
 * number, the name that MNE-Python lists first is canonical and the others are aliases.
 *
 * <p>{@link #name(int)} and {@link #number(String)} translate in both directions.
 * Unit and multiplier codes ({@code FIFF_UNIT_*}, {@code FIFF_UNITM_*}) are values, not tag
 * kinds, and are not listed here.
 *
 * <p>Longer than the project's ~400 lines: it is the table of the format's tag kinds (over 330 constants and their
 * names), which readers look up in one place.
 */
public final class FiffKind {

    private FiffKind() {}

    // ---- Tag kinds listed by MNE-Python (mne/_fiff/constants.py), in its order ----

    /** FIFF_FILE_ID: Identifier of the file (id struct). */
    public static final int FILE_ID = 100;

    /** FIFF_DIR_POINTER: File position of the tag directory, or -1 when there is none. */
    public static final int DIR_POINTER = 101;

    /** FIFF_BLOCK_ID: Identifier of the enclosing block. */
    public static final int BLOCK_ID = 103;

    /** FIFF_BLOCK_START: Opens a block; the value is the block kind. */
    public static final int BLOCK_START = 104;

    /** FIFF_BLOCK_END: Closes a block; the value is the block kind. */
    public static final int BLOCK_END = 105;

    /** FIFF_FREE_LIST: List of unused regions in the file. */
    public static final int FREE_LIST = 106;

    /** FIFF_FREE_BLOCK: An unused region of the file. */
    public static final int FREE_BLOCK = 107;

    /** FIFF_NOP: Placeholder tag with no meaning. */
    public static final int NOP = 108;

    /** FIFF_PARENT_FILE_ID: Identifier of the file this one was derived from. */
    public static final int PARENT_FILE_ID = 109;

    /** FIFF_PARENT_BLOCK_ID: Identifier of the block this one was derived from. */
    public static final int PARENT_BLOCK_ID = 110;

    /** FIFF_BLOCK_NAME: Name given to a block. */
    public static final int BLOCK_NAME = 111;

    /** FIFF_BLOCK_VERSION: Version number of a block. */
    public static final int BLOCK_VERSION = 112;

    /** FIFF_CREATOR: Name of the program that wrote the file. */
    public static final int CREATOR = 113;

    /** FIFF_MODIFIER: Name of the program that last changed the file. */
    public static final int MODIFIER = 114;

    /** FIFF_REF_ROLE: Role of a file reference (previous or next file). */
    public static final int REF_ROLE = 115;

    /** FIFF_REF_FILE_ID: Identifier of a referenced file. */
    public static final int REF_FILE_ID = 116;

    /** FIFF_REF_FILE_NUM: Sequence number of a referenced file. */
    public static final int REF_FILE_NUM = 117;

    /** FIFF_REF_FILE_NAME: Name of a referenced file. */
    public static final int REF_FILE_NAME = 118;

    /** FIFF_DACQ_PARS: Acquisition parameters as written by the acquisition software. */
    public static final int DACQ_PARS = 150;

    /** FIFF_DACQ_STIM: Stimulus settings as written by the acquisition software. */
    public static final int DACQ_STIM = 151;

    /** FIFF_DEVICE_TYPE: Kind of recording device. */
    public static final int DEVICE_TYPE = 152;

    /** FIFF_DEVICE_MODEL: Model of the recording device. */
    public static final int DEVICE_MODEL = 153;

    /** FIFF_DEVICE_SERIAL: Serial number of the recording device. */
    public static final int DEVICE_SERIAL = 154;

    /** FIFF_DEVICE_SITE: Site where the recording device is installed. */
    public static final int DEVICE_SITE = 155;

    /** FIFF_HE_LEVEL_RAW: Raw liquid-helium level reading. */
    public static final int HE_LEVEL_RAW = 156;

    /** FIFF_HELIUM_LEVEL: Liquid-helium level. */
    public static final int HELIUM_LEVEL = 157;

    /** FIFF_ORIG_FILE_GUID: Unique identifier of the original recording file. */
    public static final int ORIG_FILE_GUID = 158;

    /** FIFF_UTC_OFFSET: Offset of the measurement date from UTC, as text. */
    public static final int UTC_OFFSET = 159;

    /** FIFF_NCHAN: Number of channels. */
    public static final int NCHAN = 200;

    /** FIFF_SFREQ: Sampling frequency in Hz. */
    public static final int SFREQ = 201;

    /** FIFF_DATA_PACK: Format in which raw samples are packed. */
    public static final int DATA_PACK = 202;

    /** FIFF_CH_INFO: Channel description record. */
    public static final int CH_INFO = 203;

    /** FIFF_MEAS_DATE: Date and time of the measurement. */
    public static final int MEAS_DATE = 204;

    /** FIFF_SUBJECT: Subject of the measurement (legacy tag). */
    public static final int SUBJECT = 205;

    /** FIFF_COMMENT: Free-text comment. */
    public static final int COMMENT = 206;

    /** FIFF_NAVE: Number of epochs averaged. */
    public static final int NAVE = 207;

    /** FIFF_FIRST_SAMPLE: Index of the first sample of an epoch or recording. */
    public static final int FIRST_SAMPLE = 208;

    /** FIFF_LAST_SAMPLE: Index of the last sample of an epoch or recording. */
    public static final int LAST_SAMPLE = 209;

    /** FIFF_ASPECT_KIND: What aspect of the data an aspect block holds. */
    public static final int ASPECT_KIND = 210;

    /** FIFF_REF_EVENT: Event used as the time reference. */
    public static final int REF_EVENT = 211;

    /** FIFF_EXPERIMENTER: Name of the person who ran the measurement. */
    public static final int EXPERIMENTER = 212;

    /** FIFF_DIG_POINT: One digitized point. */
    public static final int DIG_POINT = 213;

    /** FIFF_CH_POS: Channel position record. */
    public static final int CH_POS = 214;

    /** FIFF_HPI_SLOPES: Head position indicator signal slopes. */
    public static final int HPI_SLOPES = 215;

    /** FIFF_HPI_NCOIL: Number of head position indicator coils. */
    public static final int HPI_NCOIL = 216;

    /** FIFF_REQ_EVENT: Event that must be present for an epoch to be accepted. */
    public static final int REQ_EVENT = 217;

    /** FIFF_REQ_LIMIT: Time window for the required event. */
    public static final int REQ_LIMIT = 218;

    /** FIFF_LOWPASS: Lowpass filter corner frequency in Hz. */
    public static final int LOWPASS = 219;

    /** FIFF_BAD_CHS: Names of channels marked as bad. */
    public static final int BAD_CHS = 220;

    /** FIFF_ARTEF_REMOVAL: Artifact removal settings. */
    public static final int ARTEF_REMOVAL = 221;

    /** FIFF_COORD_TRANS: Coordinate transformation record. */
    public static final int COORD_TRANS = 222;

    /** FIFF_HIGHPASS: Highpass filter corner frequency in Hz. */
    public static final int HIGHPASS = 223;

    /** FIFF_CH_CALS: Channel calibration factors (only in old files). */
    public static final int CH_CALS = 224;

    /** FIFF_HPI_BAD_CHS: Channels left out of head position fitting. */
    public static final int HPI_BAD_CHS = 225;

    /** FIFF_HPI_CORR_COEFF: Correlations of the head position indicator fits. */
    public static final int HPI_CORR_COEFF = 226;

    /** FIFF_EVENT_COMMENT: Comment on the events that were averaged. */
    public static final int EVENT_COMMENT = 227;

    /** FIFF_NO_SAMPLES: Number of samples in an epoch. */
    public static final int NO_SAMPLES = 228;

    /** FIFF_FIRST_TIME: Time of the first sample, in seconds. */
    public static final int FIRST_TIME = 229;

    /** FIFF_SUBAVE_SIZE: Number of epochs in a subaverage. */
    public static final int SUBAVE_SIZE = 230;

    /** FIFF_SUBAVE_FIRST: Index of the first epoch of a subaverage. */
    public static final int SUBAVE_FIRST = 231;

    /** FIFF_NAME: Short name of an object. */
    public static final int NAME = 233;

    /** FIFF_DESCRIPTION: Text describing an object; same number as FIFF_COMMENT. Alias, not canonical. */
    public static final int DESCRIPTION = 206;

    /** FIFF_DIG_STRING: String of digitized points. */
    public static final int DIG_STRING = 234;

    /** FIFF_LINE_FREQ: Power line frequency in Hz. */
    public static final int LINE_FREQ = 235;

    /** FIFF_GANTRY_ANGLE: Tilt of the dewar, in degrees. */
    public static final int GANTRY_ANGLE = 282;

    /** FIFF_HPI_COIL_FREQ: Drive frequency of a head position indicator coil. */
    public static final int HPI_COIL_FREQ = 236;

    /** FIFF_HPI_COIL_MOMENTS: Fitted dipole moments of the head position indicator coils. */
    public static final int HPI_COIL_MOMENTS = 240;

    /** FIFF_HPI_FIT_GOODNESS: Goodness-of-fit values of the head position indicator fit. */
    public static final int HPI_FIT_GOODNESS = 241;

    /** FIFF_HPI_FIT_ACCEPT: Bit mask telling how a head position fit was accepted. */
    public static final int HPI_FIT_ACCEPT = 242;

    /** FIFF_HPI_FIT_GOOD_LIMIT: Goodness-of-fit threshold for head position fitting. */
    public static final int HPI_FIT_GOOD_LIMIT = 243;

    /** FIFF_HPI_FIT_DIST_LIMIT: Coil distance threshold for head position fitting. */
    public static final int HPI_FIT_DIST_LIMIT = 244;

    /** FIFF_HPI_COIL_NO: Number of a head position indicator coil. */
    public static final int HPI_COIL_NO = 245;

    /** FIFF_HPI_COILS_USED: Coils that were used to compute the head transformation. */
    public static final int HPI_COILS_USED = 246;

    /** FIFF_HPI_DIGITIZATION_ORDER: Maps each head position indicator coil to a digitized point. */
    public static final int HPI_DIGITIZATION_ORDER = 247;

    /** FIFF_CH_SCAN_NO: Scan number of a channel. */
    public static final int CH_SCAN_NO = 250;

    /** FIFF_CH_LOGICAL_NO: Logical number of a channel. */
    public static final int CH_LOGICAL_NO = 251;

    /** FIFF_CH_KIND: Kind of a channel. */
    public static final int CH_KIND = 252;

    /** FIFF_CH_RANGE: Range factor from stored numbers to voltage. */
    public static final int CH_RANGE = 253;

    /** FIFF_CH_CAL: Calibration factor from voltage to physical units. */
    public static final int CH_CAL = 254;

    /** FIFF_CH_LOC: Location of a channel. */
    public static final int CH_LOC = 255;

    /** FIFF_CH_UNIT: Physical unit of a channel. */
    public static final int CH_UNIT = 256;

    /** FIFF_CH_UNIT_MUL: Power-of-ten exponent applied to a channel's unit. */
    public static final int CH_UNIT_MUL = 257;

    /** FIFF_CH_DACQ_NAME: Name of a channel in the acquisition system. */
    public static final int CH_DACQ_NAME = 258;

    /** FIFF_CH_COIL_TYPE: Coil type of a channel. */
    public static final int CH_COIL_TYPE = 350;

    /** FIFF_CH_COORD_FRAME: Coordinate frame of a channel's location. */
    public static final int CH_COORD_FRAME = 351;

    /** FIFF_DATA_BUFFER: Buffer of measured samples. */
    public static final int DATA_BUFFER = 300;

    /** FIFF_DATA_SKIP: Gap in the data, counted in buffers. */
    public static final int DATA_SKIP = 301;

    /** FIFF_EPOCH: Samples of one epoch. */
    public static final int EPOCH = 302;

    /** FIFF_DATA_SKIP_SAMP: Gap in the data, counted in samples. */
    public static final int DATA_SKIP_SAMP = 303;

    /** FIFF_SUBJ_ID: Numeric subject identifier. */
    public static final int SUBJ_ID = 400;

    /** FIFF_SUBJ_FIRST_NAME: Subject's first name. */
    public static final int SUBJ_FIRST_NAME = 401;

    /** FIFF_SUBJ_MIDDLE_NAME: Subject's middle name. */
    public static final int SUBJ_MIDDLE_NAME = 402;

    /** FIFF_SUBJ_LAST_NAME: Subject's last name. */
    public static final int SUBJ_LAST_NAME = 403;

    /** FIFF_SUBJ_BIRTH_DAY: Subject's date of birth. */
    public static final int SUBJ_BIRTH_DAY = 404;

    /** FIFF_SUBJ_SEX: Subject's sex. */
    public static final int SUBJ_SEX = 405;

    /** FIFF_SUBJ_HAND: Subject's handedness. */
    public static final int SUBJ_HAND = 406;

    /** FIFF_SUBJ_WEIGHT: Subject's weight. */
    public static final int SUBJ_WEIGHT = 407;

    /** FIFF_SUBJ_HEIGHT: Subject's height. */
    public static final int SUBJ_HEIGHT = 408;

    /** FIFF_SUBJ_COMMENT: Comment about the subject. */
    public static final int SUBJ_COMMENT = 409;

    /** FIFF_SUBJ_HIS_ID: Subject identifier in the hospital information system. */
    public static final int SUBJ_HIS_ID = 410;

    /** FIFF_PROJ_ID: Project identifier. */
    public static final int PROJ_ID = 500;

    /** FIFF_PROJ_NAME: Project name. */
    public static final int PROJ_NAME = 501;

    /** FIFF_PROJ_AIM: Purpose of the project. */
    public static final int PROJ_AIM = 502;

    /** FIFF_PROJ_PERSONS: People working on the project. */
    public static final int PROJ_PERSONS = 503;

    /** FIFF_PROJ_COMMENT: Comment about the project. */
    public static final int PROJ_COMMENT = 504;

    /** FIFF_EVENT_CHANNELS: Numbers of the event channels. */
    public static final int EVENT_CHANNELS = 600;

    /** FIFF_EVENT_LIST: List of events as sample and value triplets. */
    public static final int EVENT_LIST = 601;

    /** FIFF_EVENT_CHANNEL: Event channel. */
    public static final int EVENT_CHANNEL = 602;

    /** FIFF_EVENT_BITS: Event bit settings. */
    public static final int EVENT_BITS = 603;

    /** FIFF_SQUID_BIAS: SQUID bias setting. */
    public static final int SQUID_BIAS = 701;

    /** FIFF_SQUID_OFFSET: SQUID offset setting. */
    public static final int SQUID_OFFSET = 702;

    /** FIFF_SQUID_GATE: SQUID gate setting. */
    public static final int SQUID_GATE = 703;

    /** FIFF_REF_PATH: Path of a referenced file. */
    public static final int REF_PATH = 1101;

    /** FIFF_SPHERE_ORIGIN: Origin of a sphere model. */
    public static final int SPHERE_ORIGIN = 3001;

    /** FIFF_SPHERE_RADIUS: Radius of a sphere model. */
    public static final int SPHERE_RADIUS = 3002;

    /** FIFF_BEM_SURF_ID: Identifier of a boundary-element surface. */
    public static final int BEM_SURF_ID = 3101;

    /** FIFF_BEM_SURF_NAME: Name of a boundary-element surface. */
    public static final int BEM_SURF_NAME = 3102;

    /** FIFF_BEM_SURF_NNODE: Number of vertices of a boundary-element surface. */
    public static final int BEM_SURF_NNODE = 3103;

    /** FIFF_BEM_SURF_NTRI: Number of triangles of a boundary-element surface. */
    public static final int BEM_SURF_NTRI = 3104;

    /** FIFF_BEM_SURF_NODES: Vertex coordinates of a boundary-element surface. */
    public static final int BEM_SURF_NODES = 3105;

    /** FIFF_BEM_SURF_TRIANGLES: Triangle vertex indices of a boundary-element surface. */
    public static final int BEM_SURF_TRIANGLES = 3106;

    /** FIFF_BEM_SURF_NORMALS: Vertex normals of a boundary-element surface. */
    public static final int BEM_SURF_NORMALS = 3107;

    /** FIFF_BEM_POT_SOLUTION: Boundary-element solution matrix. */
    public static final int BEM_POT_SOLUTION = 3110;

    /** FIFF_BEM_APPROX: Approximation used by the boundary-element solution. */
    public static final int BEM_APPROX = 3111;

    /** FIFF_BEM_COORD_FRAME: Coordinate frame of a boundary-element model. */
    public static final int BEM_COORD_FRAME = 3112;

    /** FIFF_BEM_SIGMA: Conductivity of one compartment. */
    public static final int BEM_SIGMA = 3113;

    /** FIFF_PROJ_ITEM_KIND: Kind of a projection item. */
    public static final int PROJ_ITEM_KIND = 3411;

    /** FIFF_PROJ_ITEM_TIME: Time point a projection item refers to. */
    public static final int PROJ_ITEM_TIME = 3412;

    /** FIFF_PROJ_ITEM_NVEC: Number of vectors in a projection item. */
    public static final int PROJ_ITEM_NVEC = 3414;

    /** FIFF_PROJ_ITEM_VECTORS: Vectors of a projection item. */
    public static final int PROJ_ITEM_VECTORS = 3415;

    /** FIFF_PROJ_ITEM_DEFINITION: How a projection item is defined. */
    public static final int PROJ_ITEM_DEFINITION = 3416;

    /** FIFF_PROJ_ITEM_CH_NAME_LIST: Channel names a projection item applies to. */
    public static final int PROJ_ITEM_CH_NAME_LIST = 3417;

    /** FIFF_XPLOTTER_LAYOUT: Display layout used by xplotter. */
    public static final int XPLOTTER_LAYOUT = 3501;

    /** FIFF_MRI_SOURCE_PATH: Path of the source MRI data; same number as FIFF_REF_PATH. Alias, not canonical. */
    public static final int MRI_SOURCE_PATH = 1101;

    /** FIFF_MRI_SOURCE_FORMAT: Format of the source MRI data. */
    public static final int MRI_SOURCE_FORMAT = 2002;

    /** FIFF_MRI_PIXEL_ENCODING: Encoding of MRI pixels. */
    public static final int MRI_PIXEL_ENCODING = 2003;

    /** FIFF_MRI_PIXEL_DATA_OFFSET: Offset of the pixel data in the source MRI file. */
    public static final int MRI_PIXEL_DATA_OFFSET = 2004;

    /** FIFF_MRI_PIXEL_SCALE: Scale applied to MRI pixel values. */
    public static final int MRI_PIXEL_SCALE = 2005;

    /** FIFF_MRI_PIXEL_DATA: MRI pixel values. */
    public static final int MRI_PIXEL_DATA = 2006;

    /** FIFF_MRI_PIXEL_OVERLAY_ENCODING: Encoding of MRI overlay pixels. */
    public static final int MRI_PIXEL_OVERLAY_ENCODING = 2007;

    /** FIFF_MRI_PIXEL_OVERLAY_DATA: MRI overlay pixel values. */
    public static final int MRI_PIXEL_OVERLAY_DATA = 2008;

    /** FIFF_MRI_BOUNDING_BOX: Bounding box of an MRI slice. */
    public static final int MRI_BOUNDING_BOX = 2009;

    /** FIFF_MRI_WIDTH: Slice width in pixels. */
    public static final int MRI_WIDTH = 2010;

    /** FIFF_MRI_WIDTH_M: Slice width in meters. */
    public static final int MRI_WIDTH_M = 2011;

    /** FIFF_MRI_HEIGHT: Slice height in pixels. */
    public static final int MRI_HEIGHT = 2012;

    /** FIFF_MRI_HEIGHT_M: Slice height in meters. */
    public static final int MRI_HEIGHT_M = 2013;

    /** FIFF_MRI_DEPTH: Volume depth in slices. */
    public static final int MRI_DEPTH = 2014;

    /** FIFF_MRI_DEPTH_M: Volume depth in meters. */
    public static final int MRI_DEPTH_M = 2015;

    /** FIFF_MRI_THICKNESS: Slice thickness. */
    public static final int MRI_THICKNESS = 2016;

    /** FIFF_MRI_SCENE_AIM: Purpose of an MRI scene. */
    public static final int MRI_SCENE_AIM = 2017;

    /** FIFF_MRI_ORIG_SOURCE_PATH: Path of the original MRI source data. */
    public static final int MRI_ORIG_SOURCE_PATH = 2020;

    /** FIFF_MRI_ORIG_SOURCE_FORMAT: Format of the original MRI source data. */
    public static final int MRI_ORIG_SOURCE_FORMAT = 2021;

    /** FIFF_MRI_ORIG_PIXEL_ENCODING: Pixel encoding of the original MRI data. */
    public static final int MRI_ORIG_PIXEL_ENCODING = 2022;

    /** FIFF_MRI_ORIG_PIXEL_DATA_OFFSET: Pixel data offset in the original MRI file. */
    public static final int MRI_ORIG_PIXEL_DATA_OFFSET = 2023;

    /** FIFF_MRI_VOXEL_DATA: MRI voxel values. */
    public static final int MRI_VOXEL_DATA = 2030;

    /** FIFF_MRI_VOXEL_ENCODING: Encoding of MRI voxels. */
    public static final int MRI_VOXEL_ENCODING = 2031;

    /** FIFF_MRI_MRILAB_SETUP: MRIlab settings. */
    public static final int MRI_MRILAB_SETUP = 2100;

    /** FIFF_MRI_SEG_REGION_ID: Identifier of an MRI segmentation region. */
    public static final int MRI_SEG_REGION_ID = 2200;

    /** FIFF_MNE_ROW_NAMES: Row names of a named matrix. */
    public static final int MNE_ROW_NAMES = 3502;

    /** FIFF_MNE_COL_NAMES: Column names of a named matrix. */
    public static final int MNE_COL_NAMES = 3503;

    /** FIFF_MNE_NROW: Number of rows of a named matrix. */
    public static final int MNE_NROW = 3504;

    /** FIFF_MNE_NCOL: Number of columns of a named matrix. */
    public static final int MNE_NCOL = 3505;

    /** FIFF_MNE_COORD_FRAME: Coordinate frame used by MNE data in the block. */
    public static final int MNE_COORD_FRAME = 3506;

    /** FIFF_MNE_CH_NAME_LIST: List of channel names. */
    public static final int MNE_CH_NAME_LIST = 3507;

    /** FIFF_MNE_FILE_NAME: Name of a related file. */
    public static final int MNE_FILE_NAME = 3508;

    /** FIFF_MNE_SOURCE_SPACE_POINTS: Vertex positions of a source space. */
    public static final int MNE_SOURCE_SPACE_POINTS = 3510;

    /** FIFF_MNE_SOURCE_SPACE_NORMALS: Vertex normals of a source space. */
    public static final int MNE_SOURCE_SPACE_NORMALS = 3511;

    /** FIFF_MNE_SOURCE_SPACE_NPOINTS: Number of vertices in a source space. */
    public static final int MNE_SOURCE_SPACE_NPOINTS = 3512;

    /** FIFF_MNE_SOURCE_SPACE_SELECTION: Flags telling which vertices are in use. */
    public static final int MNE_SOURCE_SPACE_SELECTION = 3513;

    /** FIFF_MNE_SOURCE_SPACE_NUSE: Number of vertices in use. */
    public static final int MNE_SOURCE_SPACE_NUSE = 3514;

    /** FIFF_MNE_SOURCE_SPACE_NEAREST: Nearest used vertex for every vertex. */
    public static final int MNE_SOURCE_SPACE_NEAREST = 3515;

    /** FIFF_MNE_SOURCE_SPACE_NEAREST_DIST: Distance to the nearest used vertex for every vertex. */
    public static final int MNE_SOURCE_SPACE_NEAREST_DIST = 3516;

    /** FIFF_MNE_SOURCE_SPACE_ID: Identifier of a source space. */
    public static final int MNE_SOURCE_SPACE_ID = 3517;

    /** FIFF_MNE_SOURCE_SPACE_TYPE: Type of a source space (surface, volume, discrete). */
    public static final int MNE_SOURCE_SPACE_TYPE = 3518;

    /** FIFF_MNE_SOURCE_SPACE_VERTICES: Zero-based indices of the source space vertices. */
    public static final int MNE_SOURCE_SPACE_VERTICES = 3519;

    /** FIFF_MNE_SOURCE_SPACE_VOXEL_DIMS: Grid dimensions of a volume source space. */
    public static final int MNE_SOURCE_SPACE_VOXEL_DIMS = 3596;

    /** FIFF_MNE_SOURCE_SPACE_INTERPOLATOR: Interpolation matrix from a volume source space to an MRI volume. */
    public static final int MNE_SOURCE_SPACE_INTERPOLATOR = 3597;

    /** FIFF_MNE_SOURCE_SPACE_MRI_FILE: MRI file used for the interpolation. */
    public static final int MNE_SOURCE_SPACE_MRI_FILE = 3598;

    /** FIFF_MNE_SOURCE_SPACE_NTRI: Number of triangles of a source space. */
    public static final int MNE_SOURCE_SPACE_NTRI = 3590;

    /** FIFF_MNE_SOURCE_SPACE_TRIANGLES: Triangles of a source space. */
    public static final int MNE_SOURCE_SPACE_TRIANGLES = 3591;

    /** FIFF_MNE_SOURCE_SPACE_NUSE_TRI: Number of triangles of the used vertices. */
    public static final int MNE_SOURCE_SPACE_NUSE_TRI = 3592;

    /** FIFF_MNE_SOURCE_SPACE_USE_TRIANGLES: Triangles of the used vertices. */
    public static final int MNE_SOURCE_SPACE_USE_TRIANGLES = 3593;

    /** FIFF_MNE_SOURCE_SPACE_NNEIGHBORS: Neighbour count of each point in a volume source space. */
    public static final int MNE_SOURCE_SPACE_NNEIGHBORS = 3594;

    /** FIFF_MNE_SOURCE_SPACE_NEIGHBORS: Neighbours of each point in a volume source space. */
    public static final int MNE_SOURCE_SPACE_NEIGHBORS = 3595;

    /** FIFF_MNE_SOURCE_SPACE_DIST: Distances between used vertices along the surface. */
    public static final int MNE_SOURCE_SPACE_DIST = 3599;

    /** FIFF_MNE_SOURCE_SPACE_DIST_LIMIT: Limit beyond which source space distances were not computed. */
    public static final int MNE_SOURCE_SPACE_DIST_LIMIT = 3600;

    /** FIFF_MNE_SURFACE_MAP_DATA: Values of a surface map. */
    public static final int MNE_SURFACE_MAP_DATA = 3610;

    /** FIFF_MNE_SURFACE_MAP_KIND: Kind of a surface map. */
    public static final int MNE_SURFACE_MAP_KIND = 3611;

    /** FIFF_MNE_FORWARD_SOLUTION: Forward solution matrix. */
    public static final int MNE_FORWARD_SOLUTION = 3520;

    /** FIFF_MNE_SOURCE_ORIENTATION: Source orientation constraint (fixed or free). */
    public static final int MNE_SOURCE_ORIENTATION = 3521;

    /** FIFF_MNE_INCLUDED_METHODS: Sensor types included (MEG, EEG or both). */
    public static final int MNE_INCLUDED_METHODS = 3522;

    /** FIFF_MNE_FORWARD_SOLUTION_GRAD: Gradient of the forward solution. */
    public static final int MNE_FORWARD_SOLUTION_GRAD = 3523;

    /** FIFF_MNE_COV_KIND: Kind of a covariance matrix. */
    public static final int MNE_COV_KIND = 3530;

    /** FIFF_MNE_COV_DIM: Dimension of a covariance matrix. */
    public static final int MNE_COV_DIM = 3531;

    /** FIFF_MNE_COV: Covariance matrix, lower triangle packed. */
    public static final int MNE_COV = 3532;

    /** FIFF_MNE_COV_DIAG: Diagonal covariance matrix. */
    public static final int MNE_COV_DIAG = 3533;

    /** FIFF_MNE_COV_EIGENVALUES: Eigenvalues of a covariance matrix. */
    public static final int MNE_COV_EIGENVALUES = 3534;

    /** FIFF_MNE_COV_EIGENVECTORS: Eigenvectors of a covariance matrix. */
    public static final int MNE_COV_EIGENVECTORS = 3535;

    /** FIFF_MNE_COV_NFREE: Degrees of freedom of a covariance estimate. */
    public static final int MNE_COV_NFREE = 3536;

    /** FIFF_MNE_COV_METHOD: Estimator used for a covariance matrix. */
    public static final int MNE_COV_METHOD = 3537;

    /** FIFF_MNE_COV_SCORE: Score of a covariance estimate. */
    public static final int MNE_COV_SCORE = 3538;

    /** FIFF_MNE_INVERSE_LEADS: Eigenleads of an inverse operator. */
    public static final int MNE_INVERSE_LEADS = 3540;

    /** FIFF_MNE_INVERSE_LEADS_WEIGHTED: Eigenleads already weighted by the source covariance. */
    public static final int MNE_INVERSE_LEADS_WEIGHTED = 3546;

    /** FIFF_MNE_INVERSE_FIELDS: Eigenfields of an inverse operator. */
    public static final int MNE_INVERSE_FIELDS = 3541;

    /** FIFF_MNE_INVERSE_SING: Singular values of an inverse operator. */
    public static final int MNE_INVERSE_SING = 3542;

    /** FIFF_MNE_PRIORS_USED: Priors used for the source covariance. */
    public static final int MNE_PRIORS_USED = 3543;

    /** FIFF_MNE_INVERSE_FULL: Inverse operator stored as a single matrix. */
    public static final int MNE_INVERSE_FULL = 3544;

    /** FIFF_MNE_INVERSE_SOURCE_ORIENTATIONS: Orientation of each source, one per row. */
    public static final int MNE_INVERSE_SOURCE_ORIENTATIONS = 3545;

    /** FIFF_MNE_INVERSE_SOURCE_UNIT: Unit of the source estimates. */
    public static final int MNE_INVERSE_SOURCE_UNIT = 3547;

    /** FIFF_MNE_ENV_WORKING_DIR: Working directory when the file was written. */
    public static final int MNE_ENV_WORKING_DIR = 3550;

    /** FIFF_MNE_ENV_COMMAND_LINE: Command line that produced the file. */
    public static final int MNE_ENV_COMMAND_LINE = 3551;

    /** FIFF_MNE_EXTERNAL_BIG_ENDIAN: Reference to an external big-endian binary file. */
    public static final int MNE_EXTERNAL_BIG_ENDIAN = 3552;

    /** FIFF_MNE_EXTERNAL_LITTLE_ENDIAN: Reference to an external little-endian binary file. */
    public static final int MNE_EXTERNAL_LITTLE_ENDIAN = 3553;

    /** FIFF_MNE_PROJ_ITEM_ACTIVE: Whether a projection item is applied. */
    public static final int MNE_PROJ_ITEM_ACTIVE = 3560;

    /** FIFF_MNE_EVENT_LIST: Event list. */
    public static final int MNE_EVENT_LIST = 3561;

    /** FIFF_MNE_HEMI: Hemisphere a piece of data belongs to. */
    public static final int MNE_HEMI = 3562;

    /** FIFF_MNE_DATA_SKIP_NOP: Data skip that has been disabled. */
    public static final int MNE_DATA_SKIP_NOP = 3563;

    /** FIFF_MNE_ORIG_CH_INFO: Channel records before any modification. */
    public static final int MNE_ORIG_CH_INFO = 3564;

    /** FIFF_MNE_EVENT_TRIGGER_MASK: Mask applied to trigger channel values. */
    public static final int MNE_EVENT_TRIGGER_MASK = 3565;

    /** FIFF_MNE_EVENT_COMMENTS: Event comments joined into one string. */
    public static final int MNE_EVENT_COMMENTS = 3566;

    /** FIFF_MNE_CUSTOM_REF: Whether a custom EEG reference has been applied. */
    public static final int MNE_CUSTOM_REF = 3567;

    /** FIFF_MNE_BASELINE_MIN: Start time of the baseline period. */
    public static final int MNE_BASELINE_MIN = 3568;

    /** FIFF_MNE_BASELINE_MAX: End time of the baseline period. */
    public static final int MNE_BASELINE_MAX = 3569;

    /** FIFF_MNE_MORPH_MAP: Morphing map between two subjects. */
    public static final int MNE_MORPH_MAP = 3570;

    /** FIFF_MNE_MORPH_MAP_FROM: Subject a morphing map starts from. */
    public static final int MNE_MORPH_MAP_FROM = 3571;

    /** FIFF_MNE_MORPH_MAP_TO: Subject a morphing map leads to. */
    public static final int MNE_MORPH_MAP_TO = 3572;

    /** FIFF_MNE_CTF_COMP_KIND: Kind of CTF compensation. */
    public static final int MNE_CTF_COMP_KIND = 3580;

    /** FIFF_MNE_CTF_COMP_DATA: CTF compensation coefficients. */
    public static final int MNE_CTF_COMP_DATA = 3581;

    /** FIFF_MNE_CTF_COMP_CALIBRATED: Whether CTF compensation coefficients are calibrated. */
    public static final int MNE_CTF_COMP_CALIBRATED = 3582;

    /** FIFF_MNE_DERIVATION_DATA: Definition of EEG or other channel derivations. */
    public static final int MNE_DERIVATION_DATA = 3585;

    /** FIFF_MNE_ICA_INTERFACE_PARAMS: ICA interface settings. */
    public static final int MNE_ICA_INTERFACE_PARAMS = 3601;

    /** FIFF_MNE_ICA_CHANNEL_NAMES: Channel names used by ICA. */
    public static final int MNE_ICA_CHANNEL_NAMES = 3602;

    /** FIFF_MNE_ICA_WHITENER: ICA whitening matrix. */
    public static final int MNE_ICA_WHITENER = 3603;

    /** FIFF_MNE_ICA_PCA_COMPONENTS: PCA components used by ICA. */
    public static final int MNE_ICA_PCA_COMPONENTS = 3604;

    /** FIFF_MNE_ICA_PCA_EXPLAINED_VAR: Variance explained by each PCA component. */
    public static final int MNE_ICA_PCA_EXPLAINED_VAR = 3605;

    /** FIFF_MNE_ICA_PCA_MEAN: Mean removed before PCA. */
    public static final int MNE_ICA_PCA_MEAN = 3606;

    /** FIFF_MNE_ICA_MATRIX: ICA unmixing matrix. */
    public static final int MNE_ICA_MATRIX = 3607;

    /** FIFF_MNE_ICA_BADS: ICA components marked as bad. */
    public static final int MNE_ICA_BADS = 3608;

    /** FIFF_MNE_ICA_MISC_PARAMS: Other ICA settings. */
    public static final int MNE_ICA_MISC_PARAMS = 3609;

    /** FIFF_MNE_KIT_SYSTEM_ID: Identifier of a KIT system. */
    public static final int MNE_KIT_SYSTEM_ID = 3612;

    /** FIFF_SSS_FRAME: Coordinate frame of the SSS expansion. */
    public static final int SSS_FRAME = 263;

    /** FIFF_SSS_JOB: SSS processing job. */
    public static final int SSS_JOB = 264;

    /** FIFF_SSS_ORIGIN: Origin of the SSS expansion. */
    public static final int SSS_ORIGIN = 265;

    /** FIFF_SSS_ORD_IN: Order of the internal SSS expansion. */
    public static final int SSS_ORD_IN = 266;

    /** FIFF_SSS_ORD_OUT: Order of the external SSS expansion. */
    public static final int SSS_ORD_OUT = 267;

    /** FIFF_SSS_NMAG: Number of MEG channels used by SSS. */
    public static final int SSS_NMAG = 268;

    /** FIFF_SSS_COMPONENTS: SSS component selection. */
    public static final int SSS_COMPONENTS = 269;

    /** FIFF_SSS_CAL_CHANS: Channels covered by fine calibration. */
    public static final int SSS_CAL_CHANS = 270;

    /** FIFF_SSS_CAL_CORRS: Fine calibration coefficients. */
    public static final int SSS_CAL_CORRS = 271;

    /** FIFF_SSS_ST_CORR: Subspace correlation limit of temporal SSS. */
    public static final int SSS_ST_CORR = 272;

    /** FIFF_SSS_NFREE: Degrees of freedom after SSS. */
    public static final int SSS_NFREE = 278;

    /** FIFF_SSS_ST_LENGTH: Buffer length of temporal SSS. */
    public static final int SSS_ST_LENGTH = 279;

    /** FIFF_DECOUPLER_MATRIX: Cross-talk (decoupling) matrix. */
    public static final int DECOUPLER_MATRIX = 800;

    /** FIFF_MNE_RT_COMMAND: Real-time command. */
    public static final int MNE_RT_COMMAND = 3700;

    /** FIFF_MNE_RT_CLIENT_ID: Real-time client identifier. */
    public static final int MNE_RT_CLIENT_ID = 3701;

    /** FIFF_MNE_EPOCHS_SELECTION: Indices of the epochs that were kept. */
    public static final int MNE_EPOCHS_SELECTION = 3800;

    /** FIFF_MNE_EPOCHS_DROP_LOG: Why each epoch was dropped. */
    public static final int MNE_EPOCHS_DROP_LOG = 3801;

    /** FIFF_MNE_EPOCHS_REJECT_FLAT: Rejection and flatness thresholds of epochs. */
    public static final int MNE_EPOCHS_REJECT_FLAT = 3802;

    /** FIFF_MNE_EPOCHS_RAW_SFREQ: Sampling frequency of the raw data the epochs came from. */
    public static final int MNE_EPOCHS_RAW_SFREQ = 3803;

    // ---- Tag kinds that MNE-Python lacks, from MNE-CPP (fiff_file.h), in its order ----

    /** FIFF_NEW_FILE: Acquisition message: a new file begins. From MNE-CPP. */
    public static final int NEW_FILE = 1;

    /** FIFF_CLOSE_FILE: Acquisition message: close the file. From MNE-CPP. */
    public static final int CLOSE_FILE = 2;

    /** FIFF_DISCARD_FILE: Acquisition message: discard the file. From MNE-CPP. */
    public static final int DISCARD_FILE = 3;

    /** FIFF_ERROR_MESSAGE: Acquisition message: an error occurred. From MNE-CPP. */
    public static final int ERROR_MESSAGE = 4;

    /** FIFF_SUSPEND_READING: Acquisition message: stop reading data. From MNE-CPP. */
    public static final int SUSPEND_READING = 5;

    /** FIFF_FATAL_ERROR_MESSAGE: Acquisition message: a fatal error occurred. From MNE-CPP. */
    public static final int FATAL_ERROR_MESSAGE = 6;

    /** FIFF_CONNECTION_CHECK: Acquisition message: check the connection. From MNE-CPP. */
    public static final int CONNECTION_CHECK = 7;

    /** FIFF_SUSPEND_FILING: Acquisition message: stop writing data to file. From MNE-CPP. */
    public static final int SUSPEND_FILING = 8;

    /** FIFF_RESUME_FILING: Acquisition message: resume writing data to file. From MNE-CPP. */
    public static final int RESUME_FILING = 9;

    /** FIFF_RAW_PREBASE: Acquisition message: raw data prebase. From MNE-CPP. */
    public static final int RAW_PREBASE = 10;

    /** FIFF_RAW_PICK_LIST: Acquisition message: raw channel pick list. From MNE-CPP. */
    public static final int RAW_PICK_LIST = 11;

    /** FIFF_ECHO: Acquisition message: echo. From MNE-CPP. */
    public static final int ECHO = 12;

    /** FIFF_RESUME_READING: Acquisition message: resume reading data. From MNE-CPP. */
    public static final int RESUME_READING = 13;

    /** FIFF_DACQ_SYSTEM_TYPE: Acquisition message: type of the acquisition system. From MNE-CPP. */
    public static final int DACQ_SYSTEM_TYPE = 14;

    /** FIFF_SELECT_RAW_CH: Acquisition message: select a channel in the raw data display. From MNE-CPP. */
    public static final int SELECT_RAW_CH = 15;

    /** FIFF_PLAYBACK_MODE: Acquisition message: data are being played back. From MNE-CPP. */
    public static final int PLAYBACK_MODE = 16;

    /** FIFF_CONTINUE_FILE: Acquisition message: data continue in another file. From MNE-CPP. */
    public static final int CONTINUE_FILE = 17;

    /** FIFF_JITTER_MAX: Acquisition message: timing jitter of data packets. From MNE-CPP. */
    public static final int JITTER_MAX = 18;

    /** FIFF_STREAM_SEGMENT: Acquisition message: a segment of a data stream. From MNE-CPP. */
    public static final int STREAM_SEGMENT = 19;

    /** FIFF_DIR: The tag directory itself. From MNE-CPP. */
    public static final int DIR = 102;

    /** FIFF_REF_BLOCK_ID: Identifier of a referenced block. From MNE-CPP. */
    public static final int REF_BLOCK_ID = 120;

    /** FIFF_CH_POS_VEC: Channel position record; same number as FIFF_CH_POS. Alias, not canonical. From MNE-CPP. */
    public static final int CH_POS_VEC = 214;

    /** FIFF_CH_CALS_VEC: Channel calibration factors; same number as FIFF_CH_CALS. Alias, not canonical. From MNE-CPP. */
    public static final int CH_CALS_VEC = 224;

    /** FIFF_SIGNAL_CHANNEL: Name of a signal channel. From MNE-CPP. */
    public static final int SIGNAL_CHANNEL = 237;

    /** FIFF_SSS_BASE_IN: Internal SSS basis. From MNE-CPP. */
    public static final int SSS_BASE_IN = 273;

    /** FIFF_SSS_BASE_OUT: External SSS basis. From MNE-CPP. */
    public static final int SSS_BASE_OUT = 274;

    /** FIFF_SSS_BASE_VIRT: Virtual-array SSS basis. From MNE-CPP. */
    public static final int SSS_BASE_VIRT = 275;

    /** FIFF_SSS_NORM: Norm of the internal SSS basis. From MNE-CPP. */
    public static final int SSS_NORM = 276;

    /** FIFF_SSS_ITERATE: Number of iterations of the iterative SSS pseudo-inverse. From MNE-CPP. */
    public static final int SSS_ITERATE = 277;

    /** FIFF_DATA_BUFFER2: 32-bit integer data buffer from the acquisition output. From MNE-CPP. */
    public static final int DATA_BUFFER2 = 304;

    /** FIFF_TIME_STAMP: Time stamp of a data buffer (seconds, microseconds, sample). From MNE-CPP. */
    public static final int TIME_STAMP = 305;

    /** FIFF_SPARSE_CH_NAME_LIST: Channel names of a sparse matrix; same number as FIFF_PROJ_ITEM_CH_NAME_LIST. Alias, not canonical. From MNE-CPP. */
    public static final int SPARSE_CH_NAME_LIST = 3417;

    /** FIFF_CONDUCTOR_MODEL_KIND: Kind of conductor model. From MNE-CPP. */
    public static final int CONDUCTOR_MODEL_KIND = 3000;

    /** FIFF_SPHERE_COORD_FRAME: Coordinate frame of a sphere model; MNE-Python gives this number to FIFF_SPHERE_RADIUS. Alias, not canonical. From MNE-CPP. */
    public static final int SPHERE_COORD_FRAME = 3002;

    /** FIFF_SPHERE_LAYERS: Layers of a sphere model. From MNE-CPP. */
    public static final int SPHERE_LAYERS = 3003;

    /** FIFF_BEM_SURF_CURVS: Principal curvature directions of a boundary-element surface. From MNE-CPP. */
    public static final int BEM_SURF_CURVS = 3108;

    /** FIFF_BEM_SURF_CURV_VALUES: Curvature values of a boundary-element surface. From MNE-CPP. */
    public static final int BEM_SURF_CURV_VALUES = 3109;

    /** FIFF_SOURCE_DIPOLE: Dipole source: position and moment. From MNE-CPP. */
    public static final int SOURCE_DIPOLE = 3201;

    /** FIFF_XFIT_LEAD_PRODUCTS: xfit lead field products. From MNE-CPP. */
    public static final int XFIT_LEAD_PRODUCTS = 3401;

    /** FIFF_XFIT_MAP_PRODUCTS: xfit map products. From MNE-CPP. */
    public static final int XFIT_MAP_PRODUCTS = 3402;

    /** FIFF_XFIT_GRAD_MAP_PRODUCTS: xfit gradient map products. From MNE-CPP. */
    public static final int XFIT_GRAD_MAP_PRODUCTS = 3403;

    /** FIFF_XFIT_VOL_INTEGRATION: xfit volume integration setting. From MNE-CPP. */
    public static final int XFIT_VOL_INTEGRATION = 3404;

    /** FIFF_XFIT_INTEGRATION_RADIUS: xfit integration radius. From MNE-CPP. */
    public static final int XFIT_INTEGRATION_RADIUS = 3405;

    /** FIFF_XFIT_CONDUCTOR_MODEL_NAME: Name of the conductor model used by xfit. From MNE-CPP. */
    public static final int XFIT_CONDUCTOR_MODEL_NAME = 3406;

    /** FIFF_XFIT_CONDUCTOR_MODEL_TRANS_NAME: Name of the conductor model transformation used by xfit. From MNE-CPP. */
    public static final int XFIT_CONDUCTOR_MODEL_TRANS_NAME = 3407;

    /** FIFF_XFIT_CONT_SURF_TYPE: Surface on which xfit draws contours. From MNE-CPP. */
    public static final int XFIT_CONT_SURF_TYPE = 3408;

    /** FIFF_PROJ_ITEM_DIPOLE: Dipole of a projection item; same number as FIFF_SOURCE_DIPOLE. Alias, not canonical. From MNE-CPP. */
    public static final int PROJ_ITEM_DIPOLE = 3201;

    /** FIFF_PROJ_ITEM_IGN_CHS: Channels a projection item ignores. From MNE-CPP. */
    public static final int PROJ_ITEM_IGN_CHS = 3413;

    /** FIFF_PROJ_ITEM_COMMENT: Comment of a projection item; same number as FIFF_COMMENT. Alias, not canonical. From MNE-CPP. */
    public static final int PROJ_ITEM_COMMENT = 206;

    /** FIFF_PROJ_ITEM_DESCRIPTION: Description of a projection item; same number as FIFF_COMMENT. Alias, not canonical. From MNE-CPP. */
    public static final int PROJ_ITEM_DESCRIPTION = 206;

    /** FIFF_XFIT_PROJ_ITEM_KIND: xfit name for FIFF_PROJ_ITEM_KIND. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_KIND = 3411;

    /** FIFF_XFIT_PROJ_ITEM_TIME: xfit name for FIFF_PROJ_ITEM_TIME. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_TIME = 3412;

    /** FIFF_XFIT_PROJ_ITEM_DIPOLE: xfit name for FIFF_PROJ_ITEM_DIPOLE. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_DIPOLE = 3201;

    /** FIFF_XFIT_PROJ_ITEM_IGN_CHS: xfit name for FIFF_PROJ_ITEM_IGN_CHS. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_IGN_CHS = 3413;

    /** FIFF_XFIT_PROJ_ITEM_NVEC: xfit name for FIFF_PROJ_ITEM_NVEC. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_NVEC = 3414;

    /** FIFF_XFIT_PROJ_ITEM_VECTORS: xfit name for FIFF_PROJ_ITEM_VECTORS. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_VECTORS = 3415;

    /** FIFF_XFIT_PROJ_ITEM_COMMENT: xfit name for FIFF_PROJ_ITEM_COMMENT. Alias, not canonical. From MNE-CPP. */
    public static final int XFIT_PROJ_ITEM_COMMENT = 206;

    /** FIFF_CH_NAME_LIST: Short name for FIFF_MNE_CH_NAME_LIST. Alias, not canonical. From MNE-CPP. */
    public static final int CH_NAME_LIST = 3507;

    /** FIFF_VOL_ID: Identifier of a storage volume. From MNE-CPP. */
    public static final int VOL_ID = 4001;

    /** FIFF_VOL_NAME: Name of a storage volume. From MNE-CPP. */
    public static final int VOL_NAME = 4002;

    /** FIFF_VOL_OWNER_ID: User id of the volume owner. From MNE-CPP. */
    public static final int VOL_OWNER_ID = 4003;

    /** FIFF_VOL_OWNER_NAME: User name of the volume owner. From MNE-CPP. */
    public static final int VOL_OWNER_NAME = 4004;

    /** FIFF_VOL_OWNER_REAL_NAME: Full name of the volume owner. From MNE-CPP. */
    public static final int VOL_OWNER_REAL_NAME = 4005;

    /** FIFF_VOL_TYPE: Type of a storage volume. From MNE-CPP. */
    public static final int VOL_TYPE = 4006;

    /** FIFF_VOL_HOST: Host on which a volume resides. From MNE-CPP. */
    public static final int VOL_HOST = 4007;

    /** FIFF_VOL_REAL_ROOT: Mount root of a volume on its host. From MNE-CPP. */
    public static final int VOL_REAL_ROOT = 4008;

    /** FIFF_VOL_SYMBOLIC_ROOT: Symbolic link to the root of a volume. From MNE-CPP. */
    public static final int VOL_SYMBOLIC_ROOT = 4009;

    /** FIFF_VOL_MOUNT_POINT: Last mount point of a volume. From MNE-CPP. */
    public static final int VOL_MOUNT_POINT = 4010;

    /** FIFF_VOL_BLOCKS: Total number of blocks on a volume. From MNE-CPP. */
    public static final int VOL_BLOCKS = 4011;

    /** FIFF_VOL_FREE_BLOCKS: Number of free blocks on a volume. From MNE-CPP. */
    public static final int VOL_FREE_BLOCKS = 4012;

    /** FIFF_VOL_AVAIL_BLOCKS: Number of blocks available to ordinary users. From MNE-CPP. */
    public static final int VOL_AVAIL_BLOCKS = 4013;

    /** FIFF_VOL_BLOCK_SIZE: Block size of a volume in bytes. From MNE-CPP. */
    public static final int VOL_BLOCK_SIZE = 4014;

    /** FIFF_VOL_DIRECTORY: Contents listing of a volume. From MNE-CPP. */
    public static final int VOL_DIRECTORY = 4015;

    /** FIFF_INDEX_KIND: Kind of an index. From MNE-CPP. */
    public static final int INDEX_KIND = 5001;

    /** FIFF_INDEX: Index data. From MNE-CPP. */
    public static final int INDEX = 5002;

    private static final FiffNames NAMES = FiffNames.of(FiffKind.class, "FIFF_", Set.of(
            "DESCRIPTION",
            "MRI_SOURCE_PATH",
            "CH_POS_VEC",
            "CH_CALS_VEC",
            "SPARSE_CH_NAME_LIST",
            "SPHERE_COORD_FRAME",
            "PROJ_ITEM_DIPOLE",
            "PROJ_ITEM_COMMENT",
            "PROJ_ITEM_DESCRIPTION",
            "XFIT_PROJ_ITEM_KIND",
            "XFIT_PROJ_ITEM_TIME",
            "XFIT_PROJ_ITEM_DIPOLE",
            "XFIT_PROJ_ITEM_IGN_CHS",
            "XFIT_PROJ_ITEM_NVEC",
            "XFIT_PROJ_ITEM_VECTORS",
            "XFIT_PROJ_ITEM_COMMENT",
            "CH_NAME_LIST"));

    /**
     * Canonical name of a tag kind number, e.g. {@code "FIFF_SUBJ_FIRST_NAME"}.
     *
     * @param number the number read from a file
     * @return the canonical name, or empty when the number is unknown
     */
    public static Optional<String> name(int number) {
        return NAMES.name(number);
    }

    /**
     * Canonical name of a tag kind number, or the number in decimal when unknown; meant for messages.
     *
     * @param number the number read from a file
     * @return a name or a decimal number, never null
     */
    public static String describe(int number) {
        return NAMES.describe(number);
    }

    /**
     * Number for a name such as {@code "FIFF_SUBJ_FIRST_NAME"}; the bare form {@code "SUBJ_FIRST_NAME"}
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
