package io.github.fiffkit.testkit;

import io.github.fiffkit.core.ChannelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Channel descriptions of a Neuromag/MEGIN-like system: magnetometer and gradiometer triplets, EEG, stimulus. */
final class Channels {
    static final int MEG_CH = 1;
    static final int EEG_CH = 2;
    static final int STIM_CH = 3;
    static final int COIL_GRAD = 3012;
    static final int COIL_MAG = 3024;
    static final int COIL_EEG = 1;
    static final int UNIT_T_M = 201;
    static final int UNIT_T = 112;
    static final int UNIT_V = 107;

    private Channels() {
    }

    /**
     * @param megTriplets number of MEG sensor positions (each: two gradiometers and a magnetometer)
     * @param eeg         number of EEG channels
     * @param stim        number of stimulus channels
     * @return the channel descriptions, MEG first
     */
    static List<ChannelInfo> system(int megTriplets, int eeg, int stim) {
        List<ChannelInfo> out = new ArrayList<>();
        int scan = 1;
        for (int i = 0; i < megTriplets; i++) {
            double angle = 2 * Math.PI * i / Math.max(1, megTriplets);
            float x = (float) (0.1 * Math.cos(angle));
            float y = (float) (0.1 * Math.sin(angle));
            float z = (float) (0.02 + 0.04 * ((i % 7) / 7.0));
            float[] loc = {x, y, z, 1, 0, 0, 0, 1, 0, 0, 0, 1};
            String base = String.format(Locale.ROOT, "MEG %03d", i + 1);
            out.add(new ChannelInfo(scan, scan, MEG_CH, 1f, 1.2e-13f, COIL_GRAD, loc, UNIT_T_M, 0, base + "2"));
            scan++;
            out.add(new ChannelInfo(scan, scan, MEG_CH, 1f, 1.2e-13f, COIL_GRAD, loc, UNIT_T_M, 0, base + "3"));
            scan++;
            out.add(new ChannelInfo(scan, scan, MEG_CH, 1f, 1.4e-15f, COIL_MAG, loc, UNIT_T, 0, base + "1"));
            scan++;
        }
        for (int i = 0; i < eeg; i++) {
            float[] loc = new float[12];
            loc[0] = (float) (0.09 * Math.cos(i * 0.7));
            loc[1] = (float) (0.09 * Math.sin(i * 0.7));
            loc[2] = 0.05f;
            out.add(new ChannelInfo(scan, i + 1, EEG_CH, 1f, 1e-6f, COIL_EEG, loc, UNIT_V, 0,
                    String.format(Locale.ROOT, "EEG %03d", i + 1)));
            scan++;
        }
        for (int i = 0; i < stim; i++) {
            out.add(new ChannelInfo(scan, i + 1, STIM_CH, 1f, 1f, 0, new float[12], 0, 0,
                    String.format(Locale.ROOT, "STI %03d", 14 + i)));
            scan++;
        }
        return out;
    }

    /** @return a plausible system for a total number of channels (at least 1) */
    static List<ChannelInfo> ofCount(int total) {
        int stim = 1;
        int rest = Math.max(0, total - stim);
        int triplets = rest / 4;
        int eeg = rest - 3 * triplets;
        return system(triplets, eeg, stim);
    }
}
