/**
 * Synthetic FIFF files for tests: seeded generators of valid files in many flavours, canary files whose
 * personal values are unique and listed, corruptions of valid files with their expected outcome, and a
 * streaming generator of big raw recordings for benchmarks. Depends on the codec only, not on a test engine.
 */
module io.github.fiffkit.testkit {
    requires transitive io.github.fiffkit.core;

    exports io.github.fiffkit.testkit;
}
