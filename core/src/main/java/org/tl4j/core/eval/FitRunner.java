package org.tl4j.core.eval;

import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tribuo.Output;
import org.tribuo.Prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one {@link FitJob}: creates the strategy with its options ({@link StrategyFactory}), fits it with the job's
 * seed, predicts the target test set, computes the job's metrics and keeps the model's one-line
 * {@linkplain TransferModel#summary() summary}. A fit that throws becomes a failed
 * {@link RunRecord} carrying the message, so one bad strategy does not stop an evaluation. Stateless apart from the
 * factory; one runner serves any number of threads.
 */
public final class FitRunner {
    private static final Logger logger = Logger.getLogger(FitRunner.class.getName());

    private final String suite;
    private final StrategyFactory factory;

    /**
     * @param suite   the suite's name, recorded in every run
     * @param factory makes the strategies
     */
    public FitRunner(String suite, StrategyFactory factory) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The suite recorded in every run. */
    public String suite() {
        return suite;
    }

    /** The factory strategies come from. */
    public StrategyFactory factory() {
        return factory;
    }

    /** Runs the job; never throws for a failing strategy (the record carries the error). */
    public RunRecord run(FitJob job) {
        return runTyped(job.problem(), job);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T extends Output<T>> RunRecord runTyped(TransferProblem<T> problem, FitJob job) {
        String name = job.strategy();
        StrategyDescriptor d = factory.registry().provider(name).descriptor();
        long start = System.nanoTime();
        try {
            TransferStrategy<T, ?> s = factory.create(name, problem);
            TransferModel<T> model = ((TransferStrategy) s).fit(problem, job.seed());
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            List<Prediction<T>> predictions = model.predictTargetTest(problem);
            Map<String, Double> values = new LinkedHashMap<>();
            Metrics.compute(job.metrics(), problem.outputFactory(), problem.targetTestTruth(), predictions)
                    .forEach((m, v) -> values.put(m.name(), v));
            return new RunRecord(suite, problem.name(), name, d.approachLabel(), job.seed(), values, fitMillis, null,
                    model.summary());
        } catch (RuntimeException | LinkageError e) {
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            logger.log(Level.WARNING, "Strategy " + name + " failed on task " + problem.name() + " (seed "
                    + job.seed() + ")", e);
            String msg = e.getClass().getSimpleName() + ": " + Objects.requireNonNullElse(e.getMessage(), "(no message)");
            return new RunRecord(suite, problem.name(), name, d.approachLabel(), job.seed(), Map.of(), fitMillis, msg);
        }
    }
}
