package org.tl4j.feature;

import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.SharedData;
import org.tl4j.datasets.RealDataSuites;
import org.tl4j.core.suite.SuiteContext;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real-data tasks of the {@code office-caltech} and {@code digits} suites for golden-number tests, read once per
 * test JVM from the shared data folder (the calling test is skipped when it is absent).
 */
public final class RealData {
    /**
     * Half a test example on the smallest target (DSLR, 157 images) is 0.0032; the reproductions are exact, so
     * golden values are checked to this tolerance (a single flipped prediction fails the test).
     */
    public static final double EXACT = 0.0005;

    private static final Map<String, List<? extends TransferProblem<?>>> CACHE = new ConcurrentHashMap<>();

    private RealData() {
    }

    /** An Office-Caltech10 SURF task, e.g. {@code W->D}, with the suite's default preprocessing. */
    public static TransferTask<Label> officeCaltech(String pair) {
        SharedData.require("data/office-caltech10-surf");
        return find(CACHE.computeIfAbsent("office-caltech",
                k -> new RealDataSuites.OfficeCaltechSuite().tasks(SuiteContext.defaults(), 0)), pair);
    }

    /** A digits task, {@code USPS->MNIST} or {@code MNIST->USPS}, with the suite's default preprocessing. */
    public static TransferTask<Label> digits(String pair) {
        SharedData.require("data/digits");
        return find(CACHE.computeIfAbsent("digits",
                k -> new RealDataSuites.DigitsSuite().tasks(SuiteContext.defaults(), 0)), pair);
    }

    @SuppressWarnings("unchecked")
    private static TransferTask<Label> find(List<? extends TransferProblem<?>> tasks, String name) {
        for (TransferProblem<?> t : tasks) {
            if (t.name().equals(name)) {
                return (TransferTask<Label>) t;
            }
        }
        throw new IllegalArgumentException("No task " + name);
    }

    /** Target test accuracy of {@code strategy} fitted on {@code task} with seed 0. */
    public static double accuracy(TransferStrategy<Label, TransferTask<Label>> strategy, TransferTask<Label> task) {
        TransferModel<Label> m = strategy.fit(task, 0L);
        List<Prediction<Label>> p = m.predictTargetTest(task);
        int ok = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).getOutput().getLabel().equals(task.targetTestTruth().get(i).getLabel())) {
                ok++;
            }
        }
        return ok / (double) p.size();
    }
}
