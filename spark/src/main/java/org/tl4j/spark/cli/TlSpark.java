package org.tl4j.spark.cli;

import org.tl4j.experiments.cli.Tl;
import org.tl4j.spark.SparkSessions;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Entry point of {@code tl spark ...}: the {@code tl} command (every plain subcommand included) with the
 * {@link SparkCommand spark} group added, Spark's logs quieted to warnings unless {@code --verbose}. Also the main
 * class for {@code spark-submit}.
 */
public final class TlSpark {
    /** Spark's log4j 2 configuration under tl. */
    static final String LOG_CONFIG = "org/tl4j/spark/log4j2.properties";

    private TlSpark() {
    }

    /** Runs {@code tl} with the spark group and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs {@code tl} with the spark group; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("spark.master") == null) {
            // Under spark-submit (spark.master set) the cluster's own log configuration stays in charge.
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        SparkSessions.quiet(Arrays.asList(args).contains("--verbose"));
        CommandLine cl = new CommandLine(new Tl());
        cl.addSubcommand("spark", new SparkCommand());
        return Tl.execute(cl, out, err, args);
    }
}
