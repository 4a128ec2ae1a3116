package io.github.fiffkit.testkit;

import java.nio.ByteBuffer;
import java.util.Random;

/** Plausible sample values: a few sines plus noise, and a stimulus channel (the last) with short pulses. */
final class Signals {
    private Signals() {
    }

    /**
     * One raw data buffer, samples-major (all channels of sample 0, then sample 1, ...), big-endian.
     *
     * @param format      sample format
     * @param nchan       channels (the last is the stimulus channel)
     * @param samples     samples per channel
     * @param noise       source of noise
     * @param firstSample index of the buffer's first sample in the recording
     * @return the buffer's bytes
     */
    static byte[] buffer(SyntheticFiff.RawFormat format, int nchan, int samples, Random noise, long firstSample) {
        ByteBuffer out = ByteBuffer.allocate(nchan * samples * format.bytes);
        fill(out, format, nchan, samples, noise, firstSample);
        return out.array();
    }

    static void fill(ByteBuffer out, SyntheticFiff.RawFormat format, int nchan, int samples, Random noise,
            long firstSample) {
        for (int s = 0; s < samples; s++) {
            long t = firstSample + s;
            for (int c = 0; c < nchan; c++) {
                int v;
                if (c == nchan - 1) {
                    v = t % 1000 < 5 ? 1 + (int) ((t / 1000) % 5) : 0;
                } else {
                    double phase = 2 * Math.PI * t / 1000.0;
                    v = (int) (900 * Math.sin(phase * (7 + c % 5)) + 400 * Math.sin(phase * 50 + c)
                            + noise.nextInt(401) - 200);
                }
                switch (format) {
                    case INT16 -> out.putShort((short) v);
                    case INT32 -> out.putInt(v);
                    case FLOAT32 -> out.putFloat(c == nchan - 1 ? v : v * 1e-13f);
                    default -> throw new IllegalStateException();
                }
            }
        }
    }
}
