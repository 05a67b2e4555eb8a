package org.tl4j.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tl bench}: speed measurements printed as ratios against a baseline measured in the same run. Each
 * subcommand benchmarks one area.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed; every figure is printed beside a baseline measured in the same run.",
        subcommands = {InstanceBenchCommand.class, FeatureBenchCommand.class, BackboneBenchCommand.class,
                SpeedBenchCommand.class, DeepBenchCommand.class, FineTuneBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: see tl bench --help");
    }
}
