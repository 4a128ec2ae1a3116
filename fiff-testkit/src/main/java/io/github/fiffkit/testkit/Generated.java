package io.github.fiffkit.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A generated FIFF file: its bytes, the tags of its chain in chain order, the hidden (unlinked) tags, and the
 * canary manifest (empty unless canary mode was on).
 */
public final class Generated {
    private final long seed;
    private final String flavour;
    private final byte[] bytes;
    private final List<GeneratedTag> chain;
    private final List<GeneratedTag> hidden;
    private final List<Canary> canaries;
    private final Set<SyntheticFiff.Part> parts;
    private final Set<SyntheticFiff.Variant> variants;

    Generated(long seed, String flavour, Set<SyntheticFiff.Part> parts, Set<SyntheticFiff.Variant> variants,
            byte[] bytes, List<GeneratedTag> chain, List<GeneratedTag> hidden, List<Canary> canaries) {
        this.seed = seed;
        this.parts = Set.copyOf(parts);
        this.variants = Set.copyOf(variants);
        this.flavour = flavour;
        this.bytes = bytes;
        this.chain = List.copyOf(chain);
        this.hidden = List.copyOf(hidden);
        this.canaries = List.copyOf(canaries);
    }

    /** @return the seed the file was generated from */
    public long seed() {
        return seed;
    }

    /** @return a one-line description of the options used, for failure messages */
    public String flavour() {
        return flavour;
    }

    /** @return the parts the file holds */
    public Set<SyntheticFiff.Part> parts() {
        return parts;
    }

    /** @return the variants the file uses */
    public Set<SyntheticFiff.Variant> variants() {
        return variants;
    }

    /** @return the file's bytes (a copy) */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the file size in bytes */
    public int size() {
        return bytes.length;
    }

    /** @return the tags of the chain, in the order the {@code next} links visit them */
    public List<GeneratedTag> chain() {
        return chain;
    }

    /** @return the tags in the file that no {@code next} link reaches */
    public List<GeneratedTag> hidden() {
        return hidden;
    }

    /** @return the canary manifest: every personal value of the file, unique (empty without canary mode) */
    public List<Canary> canaries() {
        return canaries;
    }

    /**
     * Writes the file.
     *
     * @param file the destination (created or replaced)
     * @return the file
     * @throws IOException when writing fails
     */
    public Path write(Path file) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /**
     * Writes the file gzip-compressed, as a {@code .fif.gz} file is stored.
     *
     * @param file the destination (created or replaced)
     * @return the file
     * @throws IOException when writing fails
     */
    public Path writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    /** @return the seed, the flavour and one line per chain tag: what a failing property test should print */
    public String listing() {
        StringBuilder sb = new StringBuilder("seed ").append(seed).append(" (").append(flavour).append(")\n");
        for (GeneratedTag t : chain) {
            sb.append("  ").append(t.position()).append(": kind ").append(t.kind()).append(" type ")
                    .append(t.type()).append(" size ").append(t.size()).append(" next ").append(t.next())
                    .append('\n');
        }
        for (GeneratedTag t : hidden) {
            sb.append("  hidden ").append(t.position()).append(": kind ").append(t.kind()).append(" size ")
                    .append(t.size()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Generated[seed=" + seed + ", " + flavour + ", " + bytes.length + " bytes, " + chain.size() + " tags]";
    }
}
