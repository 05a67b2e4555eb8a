package org.tl4j.experiments.run;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a suite run, shared by every command that runs one ({@code tl run}; a cluster command adds its
 * own executor options): include it with {@code @CommandLine.Mixin RunArguments run;} and pass it to
 * {@link RunSetup#prepare}. Values are only parsed here; {@link RunSetup} checks them.
 */
public final class RunArguments {

    @Option(names = "--suite", defaultValue = "synthetic", paramLabel = "NAME",
            description = "Suite to run (default: ${DEFAULT-VALUE}; see tl suites).")
    String suite = "synthetic";

    @Option(names = "--strategies", split = ",", paramLabel = "a,b,...",
            description = "Strategies to compare (default: every strategy that applies to each task; the baselines always run).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "Number of seeds 0..N-1, at most " + RunSetup.MAX_SEEDS + "; each seed draws the synthetic "
                    + "data and seeds every fit (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<suite>-<timestamp>); "
            + "an existing one must be empty, or hold the run to --resume, or be named with --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Discard the outputs of an earlier run in --out (other files are kept).")
    boolean overwrite;

    @Option(names = {"-o", "--option"}, paramLabel = "[STRATEGY.]KEY=VALUE", mapFallbackValue = "",
            description = "Strategy option, e.g. pooled.inner=1nn; without a strategy prefix it applies to every "
                    + "strategy that has the option (e.g. inner=linear-svm). Repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Suite parameter (see tl suites). Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ and models/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level of the negative-transfer test (default: ${DEFAULT-VALUE}).")
    double alpha = 0.05;

    @Option(names = "--resume", description = "Continue the run in --out (same arguments, same data), reusing the "
            + "fits recorded in its runs.csv.")
    boolean resume;

    @Option(names = "--no-discrepancy", description = "Skip the domain-discrepancy measures.")
    boolean noDiscrepancy;

    @Option(names = "--select", paramLabel = "CRITERION",
            description = "Label-free model selection for the options given by --grid, per task and seed: iwcv, dev "
                    + "or reverse-validation (target test labels are never read).")
    String select;

    @Option(names = "--grid", paramLabel = "[STRATEGY.]KEY=V1,V2,...", mapFallbackValue = "",
            description = "Candidate values of a strategy option for --select, e.g. kmm.bound=1,10,1000; several "
                    + "keys form a grid. Repeatable.")
    Map<String, String> grid = new LinkedHashMap<>();

    @Option(names = "--metrics", split = ",", paramLabel = "m1,m2,...",
            description = "Metrics of every task, primary first, instead of each problem's own (accuracy,macro_f1 "
                    + "for classes; mse,r2 for regression): accuracy, macro_f1, mse, r2, auc_roc, average_precision, "
                    + "log_loss, cll; auc_roc:CLASS for one positive class.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--select-folds", defaultValue = "5", paramLabel = "K",
            description = "Source folds of --select (default: ${DEFAULT-VALUE}).")
    int selectFolds = 5;

    /** The suite named. */
    public String suite() {
        return suite;
    }

    /** The output folder named, or {@code null} for the default. */
    public Path out() {
        return out;
    }
}
