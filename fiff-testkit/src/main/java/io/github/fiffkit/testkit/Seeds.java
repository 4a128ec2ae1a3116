package io.github.fiffkit.testkit;

import java.util.Random;

/** Random streams from seeds: consecutive seeds give unrelated streams (java.util.Random alone does not). */
final class Seeds {
    private Seeds() {
    }

    /** The SplitMix64 finaliser. */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a stream for a seed and a purpose */
    static Random random(long seed, long purpose) {
        return new Random(mix(mix(seed) + purpose));
    }
}
