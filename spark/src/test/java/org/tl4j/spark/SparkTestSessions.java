package org.tl4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;

/**
 * One Spark session per test JVM at a time (Spark allows one context per JVM): {@link #session(String, Map)}
 * returns the running one when the master matches and replaces it otherwise. Start-up costs several seconds, so
 * test classes share it; Spark's own shutdown hook stops the last one.
 */
public final class SparkTestSessions {
    private static SparkSession current;
    private static String currentKey;

    private SparkTestSessions() {
    }

    /** A local session with two cores. */
    public static synchronized SparkSession local() {
        return session("local[2]", Map.of());
    }

    /** A session on {@code master} with {@code conf}. */
    public static synchronized SparkSession session(String master, Map<String, String> conf) {
        String key = master + conf;
        if (current != null && key.equals(currentKey) && !current.sparkContext().isStopped()) {
            return current;
        }
        stop();
        SparkSessions.quiet(false);
        current = SparkSessions.start(master, "tl4j-test", conf, List.of());
        currentKey = key;
        return current;
    }

    /** The context of {@code s}. */
    public static JavaSparkContext context(SparkSession s) {
        return SparkSessions.context(s);
    }

    /** Stops the running session, if any. */
    public static synchronized void stop() {
        if (current != null) {
            current.stop();
            current = null;
            currentKey = null;
        }
    }
}
