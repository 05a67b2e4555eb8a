package org.tl4j.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.tl4j.core.eval.FitExecutor;
import org.tl4j.experiments.cli.RunCommand;
import org.tl4j.spark.SparkFitExecutor;
import org.tl4j.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;

/**
 * {@code tl spark run}: {@code tl run} with every fit a Spark task. All of {@code tl run}'s arguments and outputs
 * are inherited (this class overrides only where fits run, through {@link RunCommand#executor}); results.csv is the
 * same bits apart from fit_ms, and provenance.json records the master and the executors.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "tl run on Apache Spark: each fit is a Spark task; the same arguments and outputs as tl run "
                + "(results.csv identical apart from fit_ms).")
public final class SparkRunCommand extends RunCommand {

    @CommandLine.Mixin
    SparkOptions spark = new SparkOptions();

    private SparkSession session;

    @Override
    protected FitExecutor executor(CommandLine cl, int threads) {
        if (threads != 1) {
            throw new CommandLine.ParameterException(cl, "--threads sets local threads of tl run; on Spark the "
                    + "cores come from --master (local[N]) or the cluster's executors");
        }
        session = spark.start("tl spark run", cl.getErr());
        return new SparkFitExecutor(SparkSessions.context(session));
    }

    @Override
    public Integer call() throws IOException {
        try {
            return super.call();
        } finally {
            if (session != null) {
                session.stop();
            }
        }
    }
}
