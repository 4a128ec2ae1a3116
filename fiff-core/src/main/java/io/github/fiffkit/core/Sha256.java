package io.github.fiffkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, the form reports, policy hashes and pseudonym tables use. Every Java
 * runtime has SHA-256, so no method throws {@link NoSuchAlgorithmException}.
 */
public final class Sha256 {
    private static final int BUFFER = 1 << 16;

    private Sha256() {
    }

    /**
     * @return a fresh SHA-256 message digest
     */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /**
     * @param bytes the data
     * @return its SHA-256 as 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * @param text the text, hashed as UTF-8
     * @return its SHA-256 as 64 lower-case hex digits
     */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param in a stream, read to its end (not closed)
     * @return the SHA-256 of what it held, as 64 lower-case hex digits
     * @throws IOException if reading fails
     */
    public static String hex(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) != -1;) {
            md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * @param file a file, read from its start to its end
     * @return the SHA-256 of its bytes, as 64 lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public static String hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hex(in);
        }
    }
}
