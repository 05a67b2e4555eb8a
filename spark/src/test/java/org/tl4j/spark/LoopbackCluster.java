package org.tl4j.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster for tests: a master and a worker in their own JVMs, bound to 127.0.0.1 only
 * ({@code SPARK_LOCAL_IP}), whose executors are further JVMs launched by the worker — so what crosses to them really is
 * serialized. Spark's launcher wants a Spark home; an empty {@code jars/} folder stands in for it, and executors get
 * the test class path through {@code spark.executor.extraClassPath} ({@link #driverConf()}).
 */
final class LoopbackCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final Path home;
    private final int port;
    private final Process master;
    private final Process worker;

    private LoopbackCluster(Path home, int port, Process master, Process worker) {
        this.home = home;
        this.port = port;
        this.master = master;
        this.worker = worker;
    }

    /**
     * Starts a master and one worker offering {@code cores} cores and {@code memory} (e.g. {@code 1g}).
     *
     * @throws IllegalStateException with the logs' tails if they do not come up within two minutes
     */
    static LoopbackCluster start(int cores, String memory) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("tl4j-spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("work"));
        int port = freePort();
        Process master = launch(home, "master.log", List.of("org.apache.spark.deploy.master.Master", "--host", HOST,
                "--port", String.valueOf(port), "--webui-port", "0"));
        Process worker = null;
        try {
            await(home.resolve("master.log"), "I have been elected leader", master);
            worker = launch(home, "worker.log", List.of("org.apache.spark.deploy.worker.Worker", "--host", HOST,
                    "--cores", String.valueOf(cores), "--memory", memory, "--webui-port", "0", "--work-dir",
                    home.resolve("work").toString(), "spark://" + HOST + ":" + port));
            await(home.resolve("worker.log"), "Successfully registered with master", worker);
            return new LoopbackCluster(home, port, master, worker);
        } catch (RuntimeException | IOException | InterruptedException e) {
            stop(worker);
            stop(master);
            throw e;
        }
    }

    /** The master's URL. */
    String url() {
        return "spark://" + HOST + ":" + port;
    }

    /** Driver settings for this cluster: loopback, the test class path for executors, small executors. */
    Map<String, String> driverConf(int executorCores, String executorMemory) {
        return Map.of("spark.driver.host", HOST, "spark.driver.bindAddress", HOST,
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.cores", String.valueOf(executorCores), "spark.executor.memory", executorMemory,
                "spark.ui.enabled", "false");
    }

    /** Whether an executor log holds {@code text} (for diagnostics in assertions). */
    String executorLogs() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var s = Files.walk(home.resolve("work"))) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                b.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    private static Process launch(Path home, String log, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(SparkSessions.JAVA_MODULE_OPTIONS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve(log).toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", HOST);
        pb.environment().remove("SPARK_CONF_DIR");
        return pb.start();
    }

    private static void await(Path log, String line, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        throw new IllegalStateException("Spark did not log '" + line + "' (alive: " + p.isAlive() + "); log tail:\n"
                + text.substring(Math.max(0, text.length() - 3000)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return s.getLocalPort();
        }
    }

    /** Whether the master's port answers. */
    boolean up() {
        try (Socket s = new Socket(HOST, port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process p) {
        if (p == null) {
            return;
        }
        // The worker's executors are its children: end them first, then the process itself.
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(worker);
        stop(master);
    }
}
