package org.tl4j.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starting Spark for tl4j: the master ({@code local[*]} by default: embedded, nothing to install), quiet logs
 * (warnings only unless verbose), the driver on the loopback interface in local mode, and descriptions of the
 * cluster for provenance.
 * <p>
 * The driver JVM needs Spark's {@code --add-opens} list ({@link #JAVA_MODULE_OPTIONS}, from Spark's
 * {@code JavaModuleOptions}); the {@code tl} launcher and the module's tests pass it, and Spark adds it to the
 * executors it launches itself.
 */
public final class SparkSessions {

    /** The JVM options Spark 4.1 needs on Java 17 (Kryo and Netty reach into these packages). */
    public static final List<String> JAVA_MODULE_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /** The default master: every core of this machine, in this JVM. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /**
     * Sets Spark's (log4j 2) log level: warnings and errors only, or Spark's INFO lines when {@code verbose}.
     * Call before the session starts to silence its start-up lines too.
     */
    public static void quiet(boolean verbose) {
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        if (!verbose) {
            // Start-up notices that are not problems for tl: the hostname resolving to loopback, no native Hadoop.
            Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
            Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        }
    }

    /**
     * Starts (or joins) a session.
     *
     * @param master  {@code local[*]}, {@code local[N]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}
     * @param appName the application's name in Spark's UI
     * @param conf    further Spark settings ({@code spark.executor.memory=4g}, ...), applied last
     * @param jars    jars executors must fetch from the driver (tl4j's own, for a cluster started without them);
     *                empty in local mode
     */
    public static SparkSession start(String master, String appName, Map<String, String> conf, List<String> jars) {
        Objects.requireNonNull(master, "master");
        SparkConf c = new SparkConf().setMaster(master).setAppName(appName)
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            // Embedded: nothing listens beyond the loopback interface, and no web UI.
            c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
        }
        if (!jars.isEmpty()) {
            c.set("spark.jars", String.join(",", jars));
        }
        conf.forEach(c::set);
        return SparkSession.builder().config(c).getOrCreate();
    }

    /** The context of a session, for the RDD API. */
    public static JavaSparkContext context(SparkSession s) {
        return JavaSparkContext.fromSparkContext(s.sparkContext());
    }

    /**
     * Where work runs, for provenance: the master, the number of executors and their cores, e.g.
     * {@code spark local[2] (1 executor: the driver JVM, 2 cores)} or
     * {@code spark spark://10.0.0.1:7077 (4 executors, 32 cores)}.
     */
    public static String describe(JavaSparkContext sc) {
        int infos = sc.sc().statusTracker().getExecutorInfos().length;
        int cores = sc.defaultParallelism();
        if (sc.isLocal()) {
            return "spark " + sc.master() + " (1 executor: the driver JVM, " + cores + (cores == 1 ? " core)" : " cores)");
        }
        int executors = Math.max(0, infos - 1);
        return "spark " + sc.master() + " (" + executors + (executors == 1 ? " executor, " : " executors, ") + cores
                + (cores == 1 ? " core)" : " cores)");
    }

    /** The most specific message of a failure: Spark's wrapping stripped, the first line of the cause. */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        if (c instanceof SparkException || m == null) {
            m = Objects.requireNonNullElse(t.getMessage(), t.toString());
            // Spark's "Job aborted due to stage failure: ... most recent failure: Lost task ...: <exception>: <msg>"
            int at = m.indexOf("): ");
            if (at > 0) {
                m = m.substring(at + 3);
            }
        } else {
            m = c.getClass().getSimpleName() + ": " + m;
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
