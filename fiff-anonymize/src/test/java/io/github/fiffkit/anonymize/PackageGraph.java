package io.github.fiffkit.anonymize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of a source tree use which others, read from the source text: a fully qualified name in the code
 * counts, and so does an import whose name the code uses. Comments (Javadoc included) and string literals do not
 * count, nor does an import that only Javadoc needs: as in the compiled classes, a link in a comment is no use.
 * Used by {@link PackageCycleTest}.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);

    /** The package each edge goes to, with the first file (in path order) that makes it. */
    private final Map<String, Map<String, String>> edges = new TreeMap<>();
    private final String prefix;
    /** A name at or under the prefix: the prefix, then any further segments (class and member names included). */
    private final Pattern uses;

    private PackageGraph(String prefix) {
        this.prefix = prefix;
        this.uses = Pattern.compile("(?<![\\w.])" + Pattern.quote(prefix) + "(?!\\w)((?:\\.\\w+)*)");
    }

    /**
     * @param sourceRoot a source folder such as {@code src/main/java}
     * @param prefix     the packages to follow, e.g. {@code io.github.fiffkit.anonymize}; others are ignored
     * @return the graph of the packages at or under the prefix
     * @throws IOException when a source file cannot be read
     */
    static PackageGraph read(Path sourceRoot, String prefix) throws IOException {
        PackageGraph g = new PackageGraph(prefix);
        List<Path> files;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            g.add(sourceRoot.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
        return g;
    }

    /** A graph of the given sources: file name to text. */
    static PackageGraph of(String prefix, Map<String, String> sources) {
        PackageGraph g = new PackageGraph(prefix);
        new TreeMap<>(sources).forEach(g::add);
        return g;
    }

    private void add(String file, String source) {
        String code = code(source);
        Matcher pm = PACKAGE.matcher(code);
        if (!pm.find()) {
            return; // module-info.java
        }
        String from = pm.group(1);
        if (!within(from)) {
            return;
        }
        Map<String, String> out = edges.computeIfAbsent(from, k -> new TreeMap<>());
        // the code after the package declaration and the imports: what the compiled classes refer to
        String body = IMPORT.matcher(code.substring(pm.end())).replaceAll(" ");
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            String name = im.group(2);
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String pkg = packageOf(name.endsWith(".*") ? name.substring(0, name.length() - 2) : name);
            // an import that only Javadoc uses is no use (the compiled classes do not refer to it): comments are
            // gone from the body
            if (within(pkg) && (simple.equals("*")
                    || Pattern.compile("(?<![\\w.])" + Pattern.quote(simple) + "(?!\\w)").matcher(body).find())) {
                use(out, from, pkg, file);
            }
        }
        Matcher m = uses.matcher(body);
        while (m.find()) {
            use(out, from, packageOf(prefix + m.group(1)), file);
        }
    }

    private static void use(Map<String, String> out, String from, String to, String file) {
        if (!to.equals(from)) {
            out.putIfAbsent(to, file);
        }
    }

    private boolean within(String pkg) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }

    /** The package part of a qualified name: the segments up to the first one that starts with a capital. */
    static String packageOf(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        StringBuilder pkg = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && !Character.isUpperCase(parts[i].charAt(0)); i++) {
            pkg.append('.').append(parts[i]);
        }
        return pkg.toString();
    }

    /**
     * The source text with comments (Javadoc included) blanked and string, text block and character literals
     * emptied, so that only code is left.
     */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfLiteral(source, i + 3, "\"\"\"");
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i + 1, String.valueOf(c));
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the closing delimiter of a literal whose text starts at {@code from}. */
    private static int endOfLiteral(String source, int from, String delimiter) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(delimiter, i)) {
                return i + delimiter.length();
            } else {
                i++;
            }
        }
        return i;
    }

    /** @return every package found, each with the packages it uses */
    Map<String, Set<String>> edges() {
        Map<String, Set<String>> m = new TreeMap<>();
        edges.forEach((from, to) -> m.put(from, new TreeSet<>(to.keySet())));
        return m;
    }

    /**
     * @return one cycle per group of packages that use each other, each written as {@code a -> b -> a} with the
     *         file that makes each step; empty when the graph has no cycle
     */
    List<String> cycles() {
        List<String> found = new ArrayList<>();
        for (List<String> component : new Tarjan().components()) {
            if (component.size() > 1) {
                found.add(describe(cycleThrough(component)));
            }
        }
        return found;
    }

    /** A path that starts and ends at the first package of a strongly connected component, inside it. */
    private List<String> cycleThrough(List<String> component) {
        Set<String> inside = new TreeSet<>(component);
        String start = component.stream().sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>(List.of(start));
        if (!search(start, start, inside, path, new TreeSet<>())) {
            throw new IllegalStateException("no cycle through " + component);
        }
        return path;
    }

    private boolean search(String at, String goal, Set<String> inside, List<String> path, Set<String> seen) {
        for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
            if (!inside.contains(next)) {
                continue;
            }
            if (next.equals(goal)) {
                path.add(next);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (search(next, goal, inside, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private String describe(List<String> cycle) {
        StringBuilder sb = new StringBuilder(String.join(" -> ", cycle.stream().map(this::shortName).toList()));
        for (int i = 0; i + 1 < cycle.size(); i++) {
            sb.append("\n    ").append(edges.get(cycle.get(i)).get(cycle.get(i + 1))).append(" uses ")
                    .append(cycle.get(i + 1));
        }
        return sb.toString();
    }

    private String shortName(String pkg) {
        return pkg.equals(prefix) ? "(root)" : pkg.substring(prefix.length() + 1);
    }

    /** Tarjan's strongly connected components. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();

        List<List<String>> components() {
            Set<String> nodes = new TreeSet<>(edges.keySet());
            edges.values().forEach(to -> nodes.addAll(to.keySet()));
            for (String v : nodes) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return Collections.unmodifiableList(components);
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
