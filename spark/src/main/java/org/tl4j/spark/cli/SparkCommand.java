package org.tl4j.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tl spark}: the commands that run on Apache Spark. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run on Apache Spark: sweeps as Spark tasks (tl spark run, the same results as tl run), image "
                + "sets embedded into Parquet (tl spark embed), the LFW protocols on Spark-embedded vectors "
                + "(tl spark lfw). --master defaults to local[*] (embedded, nothing to install).",
        subcommands = {SparkRunCommand.class, SparkEmbedCommand.class, SparkLfwCommand.class,
                CommandLine.HelpCommand.class})
public final class SparkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use one of run, embed, lfw (see tl spark --help)");
    }
}
