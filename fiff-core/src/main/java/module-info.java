/**
 * The FIFF codec: constants, typed values, a pull reader that follows the tag chain, a block tree and a
 * sequential writer. It knows nothing of anonymization.
 */
module io.github.fiffkit.core {
    exports io.github.fiffkit.core;
}
