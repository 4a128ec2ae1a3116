package io.github.fiffkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.testkit.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job on a real standalone cluster (a Master, two Workers of one core and 1 GB, the driver; separate JVMs
 * started as {@code bin/spark-class} starts them, see {@link StandaloneCluster}), submitted as
 * {@code spark-submit} submits it, over corpus and generated files (a split recording among them) with a policy
 * file and its pseudonym table and secret shipped with {@code --files}: in client mode with an executor killed
 * (SIGKILL) while the units run, in client mode with a whole Worker killed, and once in cluster mode. After each:
 * the job ended 0, every output is the library's, one report row per input, and nothing of ours is left beside
 * the outputs or on the nodes (their temporary, local and work folders). Run by {@code -Pspark,spark-cluster}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Pattern DRIVER_ID = Pattern.compile("driver-\\d{14}-\\d{4}");

    private static StandaloneCluster cluster;
    private static Path data;
    private static Path in;
    private static Path policyDir;
    private static Path ref;
    private static Map<String, Integer> expected;
    private static Path jobJar;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of(System.getProperty("cluster.work", "target/cluster-it"))
                .resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
        jobJar = Path.of(System.getProperty("job.jar", "target/fiffkit-spark.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jobJar), jobJar + ": build the job jar first (package)");
        cluster = new StandaloneCluster(Path.of(System.getProperty("spark.home", "target/spark-home")), work);
        data = Files.createDirectories(work.resolve("data"));
        in = inputs(data.resolve("in"));
        policyDir = Files.createDirectories(data.resolve("policy"));
        Files.writeString(policyDir.resolve("policy.json"), """
                {"fiffPolicy": 1, "name": "cluster-test", "extends": "mne-anonymize", "options": {"brute": true},
                 "rules": [{"tag": "FIFF_SUBJ_HIS_ID", "action": "pseudonym", "table": "subjects.csv",
                            "missing": "hash", "secret": "file:secret.txt"}]}
                """);
        Files.writeString(policyDir.resolve("subjects.csv"), "original,pseudonym\nHIS-778812,sub-001\n"
                + "HIS-778813,sub-002\nHIS-778814,sub-003\n");
        Files.writeString(policyDir.resolve("secret.txt"), "a cluster test's secret\n");
        List<Path> files = Folders.tree(in).stream().map(in::resolve).toList();
        PolicySettings settings = new PolicySettings(null, policyDir.resolve("policy.json").toString(), null, null,
                false, false, false, false, null, null, null, null, null, true, true);
        ref = data.resolve("ref");
        expected = LocalReference.run(in, files, settings.builder().build(), ref);
        cluster.startMaster();
        cluster.startWorker("worker1");
        cluster.startWorker("worker2");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Generated files (200 singles, some gzip-compressed, a split recording) and the corpus's small files. */
    private static Path inputs(Path dir) throws IOException {
        for (int i = 0; i < 200; i++) {
            String name = String.format("gen/g%02d/s%03d_raw.fif", i % 10, i) + (i % 25 == 0 ? ".gz" : "");
            PhiFiles.write(dir.resolve(name), "Subject" + i, i);
        }
        PhiFiles.writeSplit(dir.resolve("gen/split"), "run_raw.fif", 3, "Haddad", 7);
        String corpus = System.getProperty("fiff.corpus", "");
        if (!corpus.isBlank() && Files.isDirectory(Path.of(corpus))) {
            Path c = Path.of(corpus);
            try (Stream<Path> s = Files.walk(c)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString();
                    boolean split = p.getParent().getFileName().toString().equals("mne-synthetic")
                            && name.startsWith("phi_split_raw");
                    if (Units.isFiffName(name) && !SplitRecording.isAnonymizedName(name)
                            && (Files.size(p) < 2_000_000 || split)) {
                        Path target = dir.resolve("corpus").resolve(c.relativize(p).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
            }
        }
        return dir;
    }

    private List<String> submitArgs(String mode, Path out, boolean shippedNames) {
        List<String> a = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", mode, "--class",
                AnonymizeArchive.class.getName(), "--driver-memory", "512m",
                "--conf", "spark.executor.memory=512m", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
                "--files", shippedNames ? "policy.json,subjects.csv,secret.txt"
                        : String.join(",", policyDir.resolve("policy.json").toString(),
                                policyDir.resolve("subjects.csv").toString(),
                                policyDir.resolve("secret.txt").toString()),
                jobJar.toString(), "--input", in.toString(), "--output", out.toString(), "--policy",
                shippedNames ? "policy.json" : policyDir.resolve("policy.json").toString()));
        return a;
    }

    /** The outputs written so far (not the job's own folder, not temporary files). */
    private static long outputs(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        // the job renames files while this walks: a walk that meets a vanished file counts as none
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> !p.startsWith(out.resolve(ArchiveJob.STATE_FOLDER)))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static long written() {
        return expected.values().stream().filter(s -> s == 0 || s == 4).count();
    }

    /** Runs a client-mode job, doing {@code fault} once a fifth of the outputs are written, and checks it. */
    private void clientRun(String name, Fault fault) throws Exception {
        clientRun(name, fault, () -> { });
    }

    /**
     * As {@link #clientRun(String, Fault)}, doing {@code beforeChecks} once the driver has ended and before the
     * outputs and the nodes are checked.
     */
    private void clientRun(String name, Fault fault, Fault beforeChecks) throws Exception {
        Path out = data.resolve(name);
        Path driverTmp = Files.createDirectories(cluster.root().resolve("driver-" + name).resolve("tmp"));
        List<Path> before = executorFolders();
        List<String> args = submitArgs("client", out, true);
        args.add(args.indexOf("--files"), "--conf");
        args.add(args.indexOf("--files"), "spark.driver.extraJavaOptions=-Djava.io.tmpdir=" + driverTmp);
        Process driver = cluster.launch("driver-" + name, "org.apache.spark.deploy.SparkSubmit", args, Map.of(),
                policyDir);
        StandaloneCluster.await(Duration.ofMinutes(3), "a fifth of the outputs of " + name,
                () -> outputs(out) >= written() / 5 || !driver.isAlive());
        long at = outputs(out);
        assertTrue(driver.isAlive() && at < written(), "the fault must come while the units run: " + at);
        fault.inject();
        assertTrue(driver.waitFor(5, TimeUnit.MINUTES), name + ": the driver did not end");
        assertEquals(0, driver.exitValue(), name + ": " + Files.readString(cluster.log("driver-" + name)));
        beforeChecks.inject();
        checkOutputs(out);
        checkNodes(List.of(driverTmp), before);
    }

    /** A fault to inject. */
    interface Fault {
        void inject() throws Exception;
    }

    @Test
    @Order(1)
    void clientModeWithAnExecutorKilled() throws Exception {
        clientRun("out-executor-killed", () -> {
            List<ProcessHandle> execs = new ArrayList<>();
            for (StandaloneCluster.Worker w : cluster.workers()) {
                execs.addAll(StandaloneCluster.executors(w));
            }
            assertFalse(execs.isEmpty(), "no executor runs");
            ProcessHandle victim = execs.get(0);
            assertTrue(victim.destroyForcibly(), "SIGKILL");
            victim.onExit().get(30, TimeUnit.SECONDS);
        });
    }

    @Test
    @Order(2)
    void clientModeWithAWorkerKilled() throws Exception {
        StandaloneCluster.Worker w2 = cluster.worker("worker2");
        List<ProcessHandle> orphans = new ArrayList<>();
        try {
            clientRun("out-worker-killed", () -> {
                orphans.addAll(StandaloneCluster.executors(w2));
                assertFalse(orphans.isEmpty(), "worker2 runs no executor");
                cluster.adopt(orphans);
                assertTrue(w2.process().toHandle().destroyForcibly(), "SIGKILL");
                w2.process().waitFor(30, TimeUnit.SECONDS);
            }, () -> {
                for (ProcessHandle o : orphans) {
                    // an orphaned executor notices its Worker is gone and stops by itself; the nodes are checked
                    // once it has (a spool it still uses is deleted when it exits)
                    o.onExit().get(60, TimeUnit.SECONDS);
                }
            });
        } finally {
            // the next run needs two Workers
            cluster.startWorker("worker2");
        }
    }

    @Test
    @Order(3)
    void clusterMode() throws Exception {
        Path out = data.resolve("out-cluster-mode");
        List<Path> before = executorFolders();
        Process submit = cluster.launch("submit-cluster", "org.apache.spark.deploy.SparkSubmit",
                submitArgs("cluster", out, false), Map.of(), policyDir);
        assertTrue(submit.waitFor(3, TimeUnit.MINUTES), "spark-submit did not end");
        String log = Files.readString(cluster.log("submit-cluster"));
        assertEquals(0, submit.exitValue(), log);
        Matcher m = DRIVER_ID.matcher(log);
        assertTrue(m.find(), log);
        String id = m.group();
        // spark-submit exits 0 once the driver is submitted: its outcome is the driver's state at the Master
        String[] state = new String[1];
        StandaloneCluster.await(Duration.ofMinutes(5), "the driver " + id + " to end", () -> {
            JsonNode s = cluster.masterState();
            for (JsonNode d : s == null ? List.<JsonNode>of() : List.of(s)) {
                for (JsonNode done : d.path("completeddrivers")) {
                    if (done.path("id").asText().equals(id)) {
                        state[0] = done.path("state").asText();
                        return true;
                    }
                }
            }
            return false;
        });
        assertEquals("FINISHED", state[0], "the driver " + id + " ended " + state[0]);
        checkOutputs(out);
        checkNodes(List.of(), before);
    }

    /** Every output the library's, one row per input, no temporary file among the outputs. */
    private static void checkOutputs(Path out) throws IOException {
        List<JsonNode> rows = SparkTests.report(out.resolve(ArchiveJob.STATE_FOLDER).resolve("report.jsonl"));
        Map<String, JsonNode> got = new TreeMap<>();
        for (JsonNode r : rows) {
            got.put(LocalReference.rel(in, SparkTests.local(r.path("input").asText())), r);
        }
        assertEquals(expected.size(), rows.size(), "one row per input");
        assertEquals(expected.keySet(), got.keySet());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            JsonNode row = got.get(e.getKey());
            assertEquals(e.getValue().intValue(), row.path("exitStatus").asInt(), e.getKey() + ": " + row);
            Path o = out.resolve(e.getKey());
            if (e.getValue() == 0 || e.getValue() == 4) {
                assertArrayEquals(Files.readAllBytes(ref.resolve(e.getKey())), Files.readAllBytes(o), e.getKey());
            } else {
                assertFalse(Files.exists(o), e.getKey());
            }
        }
        for (String rel : Folders.tree(out)) {
            assertFalse(rel.contains(".fiffkit-"), "a temporary file is left: " + rel);
        }
    }

    /**
     * The executors' folders in the Workers' local folders (a Worker's own empty {@code spark-*} folder stays, and
     * so do the folders of a Worker that was killed: they are Spark's, and no Worker deletes them).
     */
    private static List<Path> executorFolders() throws IOException {
        List<Path> all = new ArrayList<>();
        for (StandaloneCluster.Worker w : cluster.workers()) {
            try (Stream<Path> s = Files.walk(w.local())) {
                s.filter(p -> p.getFileName().toString().startsWith("executor-")
                        || p.getFileName().toString().startsWith("blockmgr-")).forEach(all::add);
            } catch (java.io.UncheckedIOException e) {
                all.add(w.local());
            }
        }
        return all;
    }

    /**
     * Nothing of ours on the nodes once the application has ended: each live Worker has deleted the application's
     * local folders, and no spool folder or file of ours is in any Worker's temporary, local or work folder, nor in
     * the other folders given.
     */
    private static void checkNodes(List<Path> more, List<Path> before) throws Exception {
        List<Path> places = new ArrayList<>(more);
        boolean allAlive = cluster.workers().stream().allMatch(w -> w.process().isAlive());
        if (allAlive) {
            StandaloneCluster.await(Duration.ofSeconds(60), "the Workers to delete the application's folders",
                    () -> before.containsAll(executorFolders()));
        }
        for (StandaloneCluster.Worker w : cluster.workers()) {
            places.addAll(List.of(w.tmp(), w.local(), w.work()));
        }
        for (Path p : places) {
            try (Stream<Path> all = Files.walk(p)) {
                for (Path f : all.toList()) {
                    String name = f.getFileName().toString();
                    // our spool folders (fiffkit-spool-*, fiffkit-stream-*), temporary files; Spark's copy of the job
                    // jar in an executor's work folder is Spark's
                    assertFalse(name.startsWith("fiffkit-spool-") || name.startsWith("fiffkit-stream-")
                            || name.contains(".fiffkit-"), "left on a node: " + f);
                }
            }
        }
    }
}
