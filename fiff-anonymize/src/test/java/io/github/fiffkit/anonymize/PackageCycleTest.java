package io.github.fiffkit.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No package of the library uses a package that uses it back, directly or through others: each package can be
 * read, tested and changed with only the packages below it in mind. The graph comes from the main source tree,
 * so a new import that closes a cycle fails the build, and the message names the cycle and the files that make it.
 */
class PackageCycleTest {
    private static final String LIBRARY = "io.github.fiffkit.anonymize";
    /** The library's sources, from this module's folder (Maven runs the tests there). */
    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void theLibrarysPackagesHaveNoCycle() throws IOException {
        PackageGraph graph = PackageGraph.read(MAIN, LIBRARY);
        assertTrue(graph.edges().getOrDefault(LIBRARY, Set.of()).contains(LIBRARY + ".internal"),
                "the scan sees that the Anonymizer uses the engine: " + graph.edges());
        List<String> cycles = graph.cycles();
        assertEquals(List.of(), cycles, "package cycles:\n" + String.join("\n", cycles) + "\nall uses: "
                + graph.edges());
    }

    @Test
    void aCycleIsFoundAndNamedWithTheFilesThatMakeIt() {
        PackageGraph graph = PackageGraph.of("x", Map.of(
                "x/a/A.java", "package x.a;\nimport x.b.B;\nclass A { B b; }",
                "x/b/B.java", "package x.b;\nclass B { x.c.C c; }",
                "x/c/C.java", "package x.c;\nimport static x.a.A.make;\nclass C { Object o = make(); }",
                "x/d/D.java", "package x.d;\nimport x.a.A;\nclass D { A a; }"));
        assertEquals(List.of("a -> b -> c -> a\n    x/a/A.java uses x.b\n    x/b/B.java uses x.c\n"
                + "    x/c/C.java uses x.a"), graph.cycles());
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        PackageGraph graph = PackageGraph.of("x", Map.of(
                "x/Root.java", "package x;\nimport x.policy.Policy;\nclass Root { Policy p; }",
                "x/policy/Policy.java", "package x.policy;\nclass Policy { Object o = new x.Root(); }"));
        assertEquals(List.of("(root) -> policy -> (root)\n    x/Root.java uses x.policy\n"
                + "    x/policy/Policy.java uses x"), graph.cycles());
    }

    @Test
    void commentsJavadocAndStringsAreNotUses() {
        PackageGraph graph = PackageGraph.of("x", Map.of(
                "x/a/A.java", "package x.a;\nimport x.b.B;\nclass A { B b; }",
                "x/b/B.java", """
                        package x.b;
                        // import x.a.A;
                        /** See {@link x.a.A}. */
                        class B {
                            /* x.a.A */
                            String s = "x.a.A";
                            String t = \"""
                                x.a.A
                                \""";
                            char q = '"';
                            String u = "\\" x.a.A";
                        }
                        """));
        assertEquals(Map.of("x.a", Set.of("x.b"), "x.b", Set.of()), graph.edges());
        assertEquals(List.of(), graph.cycles());
    }

    @Test
    void anImportCountsWhenTheCodeUsesItsNameNotWhenOnlyJavadocDoes() {
        PackageGraph graph = PackageGraph.of("x", Map.of(
                "x/a/A.java", "package x.a;\nimport x.b.B;\nimport x.c.C;\nimport static x.d.D.make;\n"
                        + "import x.e.*;\nimport static x.f.F.*;\n"
                        + "/** Made by {@link C} and {@link make}, kept in a {@link B}. */\nclass A { B b; }",
                "x/b/B.java", "package x.b;\nimport x.a.A;\n/** See {@link A}. */\nclass B {}"));
        assertEquals(Map.of("x.a", Set.of("x.b", "x.e", "x.f"), "x.b", Set.of()), graph.edges());
        assertEquals(List.of(), graph.cycles());
    }

    @Test
    void aQualifiedNameCountsForItsPackageNotItsClass() {
        assertEquals("x.policy", PackageGraph.packageOf("x.policy.Rule.Builder"));
        assertEquals("x", PackageGraph.packageOf("x.Anonymizer"));
        assertEquals("x.actions", PackageGraph.packageOf("x.actions"));
    }
}
