package io.github.fiffkit.app;

import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.CoordTrans;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWriter;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.TagData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes {@code examples/mne-anonymize/sample/sample_raw.fif}: a small raw recording (10 channels, 4 s at 250 Hz)
 * laid out as MNE writes one, full of invented personal information: subject names (with non-ASCII letters),
 * a leap-day birthday, a hospital id, the experimenter, the measurement date, the machine id in every ID, the
 * MNE environment (working folder and command line) and the project.
 *
 * <p>Every person, place and number here is made up. The output is the same bytes on every machine (seeded
 * {@link Random}, {@link StrictMath}, no clock), and {@code SampleFileTest} checks that the committed file is
 * what this program writes. To regenerate it, from the repository root:
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp examples/mne-anonymize/target/test-classes:examples/mne-anonymize/target/mne-anonymize.jar \
 *     io.github.fiffkit.app.SampleFileWriter examples/mne-anonymize/sample/sample_raw.fif
 * </pre>
 */
public final class SampleFileWriter {
    // ---- the invented PHI; tests look for these values ----
    public static final String FIRST_NAME = "Åsa";
    public static final String MIDDLE_NAME = "Märta";
    public static final String LAST_NAME = "Lindqvist-Øberg";
    public static final LocalDate BIRTHDAY = LocalDate.of(1984, 2, 29);
    public static final String HIS_ID = "NIC-1984-0229-AL";
    public static final int SUBJECT_ID = 4207;
    public static final String SUBJECT_COMMENT = "Volunteer, no medication; reach via study nurse at +46 555 0100";
    public static final String EXPERIMENTER = "Dr. Henrik Sandström";
    public static final String DESCRIPTION = "Resting state, eyes closed; subject Lindqvist-Øberg, session 1";
    public static final Instant MEAS_DATE = Instant.parse("2023-05-17T09:41:26.215347Z");
    public static final String UTC_OFFSET = "+0200";
    /** Machine id of the acquisition computer: network card 00:19:B9:A2:7E:4C. */
    public static final int MACHINE_0 = 0x0019B9A2;
    public static final int MACHINE_1 = 0x7E4C0000;
    public static final String WORKING_DIR = "/home/hsandstrom/studies/alpha-rest/sub-4207";
    public static final String COMMAND_LINE = "mne_process_raw --raw /data/meg/lindqvist_asa_19840229/rest_raw.fif"
            + " --lowpass 40 --save sample_raw.fif";
    public static final int PROJECT_ID = 2023017;
    public static final String PROJECT_NAME = "ALPHA-REST";
    public static final String PROJECT_AIM = "Resting-state alpha rhythm in healthy adults";
    public static final String PROJECT_PERSONS = "Henrik Sandström; Lea Novak";
    public static final String PROJECT_COMMENT = "Pilot recordings at Northfield Imaging Centre";
    public static final String DEVICE_SERIAL = "SN-3141-5926";
    public static final String DEVICE_SITE = "Northfield Imaging Centre, MEG room 2";

    // ---- the recording ----
    public static final float SFREQ = 250f;
    public static final int SAMPLES_PER_BUFFER = 250;
    public static final int BUFFERS = 4;
    public static final int FIRST_SAMPLE = 12_500;

    // FIFF values used below (FIFFV_* constants; fiff-core has no table of them yet)
    private static final int MEG_CH = 1;
    private static final int EEG_CH = 2;
    private static final int STIM_CH = 3;
    private static final int EOG_CH = 202;
    private static final int COIL_NONE = 0;
    private static final int COIL_EEG = 1;
    private static final int COIL_PLANAR_GRAD = 3012;
    private static final int COIL_MAG = 3024;
    private static final int UNIT_NONE = -1;
    private static final int UNIT_V = 107;
    private static final int UNIT_T = 112;
    private static final int UNIT_T_M = 201;
    private static final int COORD_DEVICE = 1;
    private static final int COORD_HEAD = 4;
    private static final int POINT_CARDINAL = 1;
    private static final int POINT_HPI = 2;
    private static final int POINT_EEG = 3;
    private static final int POINT_EXTRA = 4;

    private SampleFileWriter() {
    }

    /**
     * Writes the sample.
     *
     * @param args the output file
     * @throws IOException when it cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleFileWriter OUTPUT.fif");
            System.exit(1);
        }
        write(Path.of(args[0]));
    }

    /**
     * Writes the sample file.
     *
     * @param out the file to create or replace
     * @throws IOException when it cannot be written
     */
    public static void write(Path out) throws IOException {
        FiffTime measTime = FiffTime.of(MEAS_DATE);
        // the acquisition wrote the file a moment after the measurement started
        FiffTime fileTime = FiffTime.of(MEAS_DATE.plus(Duration.ofMillis(1_834)));
        List<ChannelInfo> channels = channels();
        try (FiffWriter w = FiffWriter.create(out)) {
            w.writeFileHeader(id(fileTime));
            w.startBlock(FiffBlock.MEAS);
            w.writeId(FiffKind.BLOCK_ID, id(fileTime));

            w.startBlock(FiffBlock.MNE_ENV);
            w.writeString(FiffKind.MNE_ENV_WORKING_DIR, WORKING_DIR);
            w.writeString(FiffKind.MNE_ENV_COMMAND_LINE, COMMAND_LINE);
            w.endBlock(FiffBlock.MNE_ENV);

            w.startBlock(FiffBlock.MEAS_INFO);
            w.writeId(FiffKind.BLOCK_ID, id(measTime));
            writeSubject(w);
            writeDigitization(w);
            w.startBlock(FiffBlock.DACQ_PARS);
            w.writeString(FiffKind.DACQ_PARS, "acqPars 1.0\nsfreq 250\nlowpass 83.3\nhighpass 0.1\n");
            w.endBlock(FiffBlock.DACQ_PARS);
            w.writeTag(FiffKind.COORD_TRANS, FiffType.COORD_TRANS_STRUCT, TagData.ofCoordTrans(List.of(devHead())));
            w.writeString(FiffKind.EXPERIMENTER, EXPERIMENTER);
            w.writeString(FiffKind.COMMENT, DESCRIPTION);
            w.writeInt(FiffKind.PROJ_ID, PROJECT_ID);
            w.writeString(FiffKind.PROJ_NAME, PROJECT_NAME);
            w.writeString(FiffKind.PROJ_AIM, PROJECT_AIM);
            w.writeString(FiffKind.PROJ_PERSONS, PROJECT_PERSONS);
            w.writeString(FiffKind.PROJ_COMMENT, PROJECT_COMMENT);
            w.writeTime(FiffKind.MEAS_DATE, measTime);
            w.writeString(FiffKind.UTC_OFFSET, UTC_OFFSET);
            w.writeInt(FiffKind.NCHAN, channels.size());
            w.writeFloat(FiffKind.SFREQ, SFREQ);
            w.writeFloat(FiffKind.LOWPASS, 83.333f);
            w.writeFloat(FiffKind.HIGHPASS, 0.1f);
            w.writeFloat(FiffKind.LINE_FREQ, 50f);
            w.writeInt(FiffKind.DATA_PACK, FiffType.FLOAT);
            for (ChannelInfo ch : channels) {
                w.writeTag(FiffKind.CH_INFO, FiffType.CH_INFO_STRUCT, TagData.ofChannelInfos(List.of(ch)));
            }
            w.startBlock(FiffBlock.DEVICE);
            w.writeString(FiffKind.DEVICE_TYPE, "TRIUX");
            w.writeString(FiffKind.DEVICE_MODEL, "neo");
            w.writeString(FiffKind.DEVICE_SERIAL, DEVICE_SERIAL);
            w.writeString(FiffKind.DEVICE_SITE, DEVICE_SITE);
            w.endBlock(FiffBlock.DEVICE);
            w.endBlock(FiffBlock.MEAS_INFO);

            w.startBlock(FiffBlock.RAW_DATA);
            w.writeInt(FiffKind.FIRST_SAMPLE, FIRST_SAMPLE);
            float[][] data = signals(channels);
            for (int b = 0; b < BUFFERS; b++) {
                float[] buffer = new float[SAMPLES_PER_BUFFER * channels.size()];
                for (int s = 0; s < SAMPLES_PER_BUFFER; s++) {
                    for (int c = 0; c < channels.size(); c++) {
                        buffer[s * channels.size() + c] = data[c][b * SAMPLES_PER_BUFFER + s]; // sample-major
                    }
                }
                w.writeFloat(FiffKind.DATA_BUFFER, buffer);
            }
            w.endBlock(FiffBlock.RAW_DATA);
            w.endBlock(FiffBlock.MEAS);
            w.endFile();
        }
    }

    private static FiffId id(FiffTime time) {
        return new FiffId(FiffId.VERSION_1_4, MACHINE_0, MACHINE_1, time);
    }

    private static void writeSubject(FiffWriter w) throws IOException {
        w.startBlock(FiffBlock.SUBJECT);
        w.writeInt(FiffKind.SUBJ_ID, SUBJECT_ID);
        w.writeString(FiffKind.SUBJ_HIS_ID, HIS_ID);
        w.writeString(FiffKind.SUBJ_LAST_NAME, LAST_NAME);
        w.writeString(FiffKind.SUBJ_FIRST_NAME, FIRST_NAME);
        w.writeString(FiffKind.SUBJ_MIDDLE_NAME, MIDDLE_NAME);
        w.writeJulian(FiffKind.SUBJ_BIRTH_DAY, Julian.of(BIRTHDAY));
        w.writeInt(FiffKind.SUBJ_SEX, 2); // female
        w.writeInt(FiffKind.SUBJ_HAND, 1); // right
        w.writeFloat(FiffKind.SUBJ_WEIGHT, 61.5f);
        w.writeFloat(FiffKind.SUBJ_HEIGHT, 1.68f);
        w.writeString(FiffKind.SUBJ_COMMENT, SUBJECT_COMMENT);
        w.endBlock(FiffBlock.SUBJECT);
    }

    private static void writeDigitization(FiffWriter w) throws IOException {
        List<DigPoint> points = new ArrayList<>();
        points.add(new DigPoint(POINT_CARDINAL, 1, new float[] {-0.0712f, 0f, 0f})); // left ear
        points.add(new DigPoint(POINT_CARDINAL, 2, new float[] {0f, 0.1035f, 0f})); // nasion
        points.add(new DigPoint(POINT_CARDINAL, 3, new float[] {0.0708f, 0f, 0f})); // right ear
        float[][] hpi = {{-0.047f, 0.071f, 0.052f}, {0.049f, 0.069f, 0.054f}, {-0.061f, -0.021f, 0.081f},
            {0.058f, -0.024f, 0.083f}};
        for (int i = 0; i < hpi.length; i++) {
            points.add(new DigPoint(POINT_HPI, i + 1, hpi[i]));
        }
        points.add(new DigPoint(POINT_EEG, 0, new float[] {0f, 0.002f, 0.121f})); // reference
        points.add(new DigPoint(POINT_EEG, 1, new float[] {-0.028f, 0.087f, 0.064f}));
        points.add(new DigPoint(POINT_EEG, 2, new float[] {0.029f, 0.086f, 0.065f}));
        for (int i = 0; i < 12; i++) {
            double a = 2 * StrictMath.PI * i / 12;
            points.add(new DigPoint(POINT_EXTRA, i + 1, new float[] {(float) (0.085 * StrictMath.cos(a)),
                (float) (0.095 * StrictMath.sin(a)), (float) (0.03 + 0.004 * (i % 3))}));
        }
        w.startBlock(FiffBlock.ISOTRAK);
        for (DigPoint p : points) {
            w.writeTag(FiffKind.DIG_POINT, FiffType.DIG_POINT_STRUCT, TagData.ofDigPoints(List.of(p)));
        }
        w.endBlock(FiffBlock.ISOTRAK);
    }

    /** Device to head: a small turn about the z axis and a shift, with its exact inverse. */
    private static CoordTrans devHead() {
        double a = StrictMath.toRadians(4.5);
        float c = (float) StrictMath.cos(a);
        float s = (float) StrictMath.sin(a);
        float[] rot = {c, -s, 0f, s, c, 0f, 0f, 0f, 1f};
        float[] move = {0.0015f, -0.0122f, 0.0431f};
        float[] invRot = {c, s, 0f, -s, c, 0f, 0f, 0f, 1f};
        float[] invMove = new float[3];
        for (int i = 0; i < 3; i++) {
            invMove[i] = -(invRot[3 * i] * move[0] + invRot[3 * i + 1] * move[1] + invRot[3 * i + 2] * move[2]);
        }
        return new CoordTrans(COORD_DEVICE, COORD_HEAD, rot, move, invRot, invMove);
    }

    private static List<ChannelInfo> channels() {
        List<ChannelInfo> list = new ArrayList<>();
        int scan = 1;
        for (int triplet = 0; triplet < 2; triplet++) {
            double az = StrictMath.toRadians(35 + 50 * triplet);
            float[] r0 = {(float) (0.1 * StrictMath.cos(az)), (float) (0.1 * StrictMath.sin(az)), 0.045f};
            String base = "MEG 01" + (1 + triplet);
            list.add(meg(scan++, base + "3", COIL_PLANAR_GRAD, UNIT_T_M, r0));
            list.add(meg(scan++, base + "2", COIL_PLANAR_GRAD, UNIT_T_M, r0));
            list.add(meg(scan++, base + "1", COIL_MAG, UNIT_T, r0));
        }
        list.add(new ChannelInfo(scan++, 1, EEG_CH, 1f, 1f, COIL_EEG,
                new float[] {-0.028f, 0.087f, 0.064f, 0f, 0.002f, 0.121f, 0, 0, 0, 0, 0, 0}, UNIT_V, 0, "EEG 001"));
        list.add(new ChannelInfo(scan++, 2, EEG_CH, 1f, 1f, COIL_EEG,
                new float[] {0.029f, 0.086f, 0.065f, 0f, 0.002f, 0.121f, 0, 0, 0, 0, 0, 0}, UNIT_V, 0, "EEG 002"));
        list.add(new ChannelInfo(scan++, 61, EOG_CH, 1f, 1f, COIL_NONE, new float[12], UNIT_V, 0, "EOG 061"));
        list.add(new ChannelInfo(scan, 14, STIM_CH, 1f, 1f, COIL_NONE, new float[12], UNIT_NONE, 0, "STI 014"));
        return list;
    }

    private static ChannelInfo meg(int scan, String name, int coil, int unit, float[] r0) {
        // location: origin, then the coil's x, y and z unit vectors (z points away from the head)
        float[] loc = {r0[0], r0[1], r0[2], 0f, 0f, -1f, -r0[1] * 10, r0[0] * 10, 0f, r0[0] * 10, r0[1] * 10, 0f};
        return new ChannelInfo(scan, Integer.parseInt(name.substring(4)), MEG_CH, 1f, 1f, coil, loc, unit, 0, name);
    }

    /** Alpha rhythm with noise on MEG and EEG, two blinks on the EOG, one trigger a second (1 to 4). */
    private static float[][] signals(List<ChannelInfo> channels) {
        int n = SAMPLES_PER_BUFFER * BUFFERS;
        Random noise = new Random(20230517L);
        float[][] data = new float[channels.size()][n];
        for (int c = 0; c < channels.size(); c++) {
            ChannelInfo ch = channels.get(c);
            for (int s = 0; s < n; s++) {
                double t = s / (double) SFREQ;
                double alpha = StrictMath.sin(2 * StrictMath.PI * 10.0 * t + 0.7 * c);
                double value = switch (ch.kind()) {
                    case MEG_CH -> (ch.coilType() == COIL_MAG ? 1e-12 : 4e-11) * (0.8 * alpha + 0.3 * noise.nextGaussian());
                    case EEG_CH -> 1e-5 * (0.9 * alpha + 0.4 * noise.nextGaussian());
                    case EOG_CH -> 1e-5 * 0.1 * noise.nextGaussian()
                            + 2e-4 * (StrictMath.exp(-StrictMath.pow((t - 1.2) / 0.08, 2))
                                    + StrictMath.exp(-StrictMath.pow((t - 3.1) / 0.08, 2)));
                    default -> (s % 250 >= 50 && s % 250 < 55) ? 1 + s / 250 : 0;
                };
                data[c][s] = (float) value;
            }
        }
        return data;
    }
}
