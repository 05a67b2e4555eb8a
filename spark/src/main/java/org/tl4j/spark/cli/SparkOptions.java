package org.tl4j.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.tl4j.spark.SparkSessions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options every {@code tl spark} command shares: where Spark runs and its settings. */
public final class SparkOptions {
    /** System property with the jars executors of a cluster fetch from the driver (set by the tl launcher). */
    public static final String JARS_PROPERTY = "tl4j.spark.jars";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default: every core of this machine, embedded), local[N], "
                    + "spark://HOST:PORT, yarn or k8s://...; under spark-submit, its --master.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. spark.executor.memory=4g. Repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    /** The master: {@code --master}, else spark-submit's ({@code spark.master}), else {@code local[*]}. */
    public String master() {
        if (master != null) {
            return master;
        }
        return System.getProperty("spark.master", SparkSessions.DEFAULT_MASTER);
    }

    /** Seconds the last {@link #start} took (Spark's fixed start-up cost). */
    double startSeconds = Double.NaN;

    /**
     * Starts the session, reporting its start-up time on {@code err}; a cluster started from {@code tl} gets tl4j's
     * jars through {@code spark.jars}.
     */
    public SparkSession start(String appName, java.io.PrintWriter err) {
        long t0 = System.nanoTime();
        SparkSession s = start(appName);
        startSeconds = (System.nanoTime() - t0) / 1e9;
        err.printf(java.util.Locale.ROOT, "spark: %s started in %.1f s%n", SparkSessions.describe(
                SparkSessions.context(s)), startSeconds);
        err.flush();
        return s;
    }

    /** Starts the session; a cluster started from {@code tl} gets tl4j's jars through {@code spark.jars}. */
    public SparkSession start(String appName) {
        String m = master();
        List<String> jars = new ArrayList<>();
        String listed = System.getProperty(JARS_PROPERTY);
        if (!m.startsWith("local") && listed != null && !conf.containsKey("spark.jars")
                && System.getProperty("spark.jars") == null) {
            jars.addAll(Arrays.asList(listed.split(",")));
        }
        return SparkSessions.start(m, appName, conf, jars);
    }
}
