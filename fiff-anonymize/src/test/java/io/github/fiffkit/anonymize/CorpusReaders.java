package io.github.fiffkit.anonymize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which MNE-Python reader opens a corpus file: from the kind column of {@code real/MANIFEST.tsv} (the corpus
 * README's listing), else from MNE's naming conventions ({@code -ave}, {@code -cov}, {@code _raw}, ...).
 */
public final class CorpusReaders {
    /** A reader, or the reason why no reader is used. */
    public record Choice(String reader, String skipReason) {
        static Choice of(String reader) {
            return new Choice(reader, null);
        }

        static Choice skip(String reason) {
            return new Choice(null, reason);
        }
    }

    private final Path root;
    private final Map<String, String> manifestKinds = new HashMap<>();

    public CorpusReaders(Path root) throws IOException {
        this.root = root;
        Path manifest = root.resolve("real/MANIFEST.tsv");
        if (Files.exists(manifest)) {
            List<String> lines = Files.readAllLines(manifest);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int file = header.indexOf("file");
            int kind = header.indexOf("kind");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length > Math.max(file, kind)) {
                    manifestKinds.put("real/" + f[file], f[kind]);
                }
            }
        }
    }

    public Choice choose(Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        String kind = manifestKinds.get(rel);
        return kind != null ? byKind(kind, name) : byName(name);
    }

    public static Choice byKind(String kind, String name) {
        return switch (kind) {
            case "raw", "raw(maxshield/IAS)" -> Choice.of("raw");
            case "evoked" -> Choice.of("evoked");
            case "dipole(evoked-like)" -> Choice.of("dipole");
            case "cov" -> Choice.of("cov");
            case "proj" -> Choice.of("proj");
            case "events" -> Choice.of("events");
            case "trans", "trans(+dig)" -> Choice.of("trans");
            case "dig/fiducials/trans" -> Choice.of("fiducials");
            case "bem" -> Choice.of(name.contains("-sol") ? "bem-solution" : "bem");
            case "src" -> Choice.of("source-space");
            case "fwd", "forward" -> Choice.of("forward");
            case "morph-map" -> Choice.skip("morph map: MNE-Python reads it only through read_morph_map with a "
                    + "FreeSurfer subjects folder, not among the readers checked");
            case "ctf-comp" -> Choice.skip("MNE-CPP compensator file: MNE-Python has no public reader for it");
            case "ctc(cross-talk)" -> Choice.skip("MaxFilter cross-talk matrix: MNE-Python reads it only inside "
                    + "maxwell_filter, no public reader");
            default -> byName(name);
        };
    }

    public static Choice byName(String name) {
        String n = name.replace(".gz", "");
        if (n.matches(".*(_raw|_raw_sss|_raw-\\d+|raw_tsss)\\.fif")) {
            return Choice.of("raw");
        }
        for (String[] p : new String[][] {{"-ave.fif", "evoked"}, {"-cov.fif", "cov"}, {"-proj.fif", "proj"},
            {"-eve.fif", "events"}, {"-annot.fif", "annotations"}, {"-fwd.fif", "forward"},
            {"-src.fif", "source-space"}, {"-bem-sol.fif", "bem-solution"}, {"-bem.fif", "bem"},
            {"-head.fif", "bem"}, {"-trans.fif", "trans"}, {"-fiducials.fif", "fiducials"}}) {
            if (n.endsWith(p[0])) {
                return Choice.of(p[1]);
            }
        }
        return Choice.skip("no MNE-Python reader known for this name or manifest kind");
    }

    public Optional<String> manifestKind(Path file) {
        return Optional.ofNullable(manifestKinds.get(root.relativize(file).toString().replace('\\', '/')));
    }
}
