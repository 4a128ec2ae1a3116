package io.github.fiffkit.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The FiffKit version the tools print, as the build wrote it into {@code fiffkit-version.properties}.
 */
public final class Version {
    private static final String RESOURCE = "fiffkit-version.properties";

    private Version() {
    }

    /**
     * Reads the version from the resource the build filters.
     *
     * @return the version, for example {@code 0.1.0}
     * @throws IllegalStateException when the resource is missing or was not filtered (a broken build)
     */
    public static String get() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String v = p.getProperty("version", "");
        if (v.isBlank() || v.contains("${")) {
            throw new IllegalStateException(RESOURCE + " holds no version: '" + v + "'");
        }
        return v.trim();
    }

    /** Gives picocli's {@code --version} the tool's name and the FiffKit version. */
    public static final class Provider implements IVersionProvider {
        /** Made by picocli. */
        public Provider() {
        }

        @Override
        public String[] getVersion() {
            return new String[] {"${COMMAND-FULL-NAME} (FiffKit) " + get()};
        }
    }
}
