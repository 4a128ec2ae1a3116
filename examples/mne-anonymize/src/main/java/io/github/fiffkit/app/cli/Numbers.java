package io.github.fiffkit.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The whole numbers of the command line, read with our own words for a value that is not one. */
final class Numbers {
    private Numbers() {
    }

    /** {@code --mdo}, {@code --sbo}: a number of days, negative allowed. */
    static final class Days implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a whole number of days from " + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE);
            }
        }
    }

    /** {@code --jobs}: a count, 1 or more (the range itself is checked with the other options). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a whole number; give 1 or more");
            }
        }
    }
}
