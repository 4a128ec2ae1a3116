package io.github.fiffkit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine, for a test: a Master and Workers, each a JVM started with the java
 * command that Spark's own launcher ({@code org.apache.spark.launcher.Main}, what {@code bin/spark-class} runs)
 * prints for it, from a SPARK_HOME of the module's own jars; everything bound to 127.0.0.1. Each Worker has its
 * own folders under the test's folder (work, local = {@code SPARK_LOCAL_DIRS}, tmp = the {@code java.io.tmpdir}
 * of the Worker and of the executors it starts), so that the test can look at what a job left on the node.
 * {@link #close()} stops exactly the processes started here and the processes they started.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A Worker: its process and folders. */
    record Worker(String name, Process process, Path work, Path local, Path tmp, int webPort) {
    }

    private final Path sparkHome;
    private final Path root;
    private final List<ProcessHandle> started = new ArrayList<>();
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final int masterPort;
    private final int masterWebPort;

    StandaloneCluster(Path sparkHome, Path root) throws IOException {
        this.sparkHome = sparkHome.toAbsolutePath();
        this.root = Files.createDirectories(root.toAbsolutePath());
        Files.createDirectories(sparkHome.resolve("conf"));
        Files.createDirectories(root.resolve("logs"));
        this.masterPort = freePort();
        this.masterWebPort = freePort();
        // also when the test's JVM is stopped (a time-out of the build): no Spark process outlives it
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-standalone-cluster"));
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path root() {
        return root;
    }

    /** Starts the Master and waits until its web UI answers. */
    void startMaster() throws IOException, InterruptedException {
        Map<String, String> env = Map.of("SPARK_DAEMON_MEMORY", "256m");
        launch("master", "org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(masterWebPort)), env, root);
        await(Duration.ofSeconds(60), "the Master's web UI", () -> masterState() != null);
    }

    /** Starts a Worker of one core and 1 GB (again, under the same folders, after it was killed). */
    Worker startWorker(String name) throws IOException, InterruptedException {
        Path dir = root.resolve(name);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path local = Files.createDirectories(dir.resolve("local"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int webPort = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_DAEMON_MEMORY", "256m");
        env.put("SPARK_LOCAL_DIRS", local.toString());
        // inherited by the executors the Worker starts: their temporary folder is the node's, here its own
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        Process p = launch(name, "org.apache.spark.deploy.worker.Worker", List.of("--host", "127.0.0.1", "--cores",
                "1", "--memory", "1g", "--work-dir", work.toString(), "--webui-port", String.valueOf(webPort),
                masterUrl()), env, dir);
        Worker w = new Worker(name, p, work, local, tmp, webPort);
        workers.put(name, w);
        await(Duration.ofSeconds(60), name + " registered with the Master", () -> aliveWorkers(webPort));
        return w;
    }

    Worker worker(String name) {
        return workers.get(name);
    }

    List<Worker> workers() {
        return List.copyOf(workers.values());
    }

    /** @return the executor JVMs a Worker runs (their command lines read from Linux's /proc) */
    static List<ProcessHandle> executors(Worker w) {
        return w.process().descendants().filter(h -> commandLine(h)
                .contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")).toList();
    }

    private static String commandLine(ProcessHandle h) {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc", String.valueOf(h.pid()), "cmdline"));
            return new String(b, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Remembers processes to stop at the end (a killed Worker's executors, which no one else stops then). */
    void adopt(List<ProcessHandle> handles) {
        started.addAll(handles);
    }

    /**
     * Starts a process as {@code bin/spark-class CLASS ARGS} would.
     *
     * @param name     names its log file
     * @param cls      the main class
     * @param args     its arguments
     * @param extraEnv environment besides SPARK_HOME, SPARK_SCALA_VERSION, SPARK_LOCAL_IP and JAVA_HOME
     * @param cwd      its working folder
     * @return the process
     */
    Process launch(String name, String cls, List<String> args, Map<String, String> extraEnv, Path cwd)
            throws IOException, InterruptedException {
        List<String> command = command(cls, args, extraEnv);
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        environment(pb.environment(), extraEnv);
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    private void environment(Map<String, String> env, Map<String, String> extra) {
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extra);
    }

    /** The java command line Spark's launcher prints for a class. */
    private List<String> command(String cls, List<String> args, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", sparkHome.resolve("jars") + "/*",
                "org.apache.spark.launcher.Main", cls));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        environment(pb.environment(), extraEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("Spark's launcher failed for " + cls);
        }
        // as spark-class reads it: lines of messages, a NUL and a line break, then the command, NUL-separated
        String text = new String(out, StandardCharsets.UTF_8);
        int start = text.indexOf("\0\n");
        if (start < 0) {
            throw new IOException("Spark's launcher printed no command for " + cls + ": " + text);
        }
        List<String> parts = new ArrayList<>();
        for (String s : text.substring(start + 2).split("\0")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }

    /** @return the Master's state ({@code /json/}), or null while it does not answer */
    JsonNode masterState() {
        return json("http://127.0.0.1:" + masterWebPort + "/json/");
    }

    private boolean aliveWorkers(int webPort) {
        JsonNode s = masterState();
        if (s == null) {
            return false;
        }
        for (JsonNode w : s.path("workers")) {
            if (w.path("state").asText().equals("ALIVE") && w.path("webuiaddress").asText().endsWith(":" + webPort)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A condition to wait for. */
    interface Check {
        boolean ok() throws IOException;
    }

    static void await(Duration limit, String what, Check check) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new IOException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops every process started here (the drivers, Workers, Master) and what they started, last first. */
    @Override
    public synchronized void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            ProcessHandle h = started.get(i);
            h.descendants().forEach(all::add);
            all.add(h);
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
