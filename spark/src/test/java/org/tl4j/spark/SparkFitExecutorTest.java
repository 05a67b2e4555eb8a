package org.tl4j.spark;

import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.FitExecutor;
import org.tl4j.core.eval.ResultRow;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.RunStore;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fits as Spark tasks in local mode give the records of local threads, in the same order. */
class SparkFitExecutorTest {

    static final List<String> STRATEGIES = List.of("coral", "kliep");

    static EvaluationReport evaluate(FitExecutor executor, RunStore store, List<String> strategies, int seeds) {
        SuiteProvider suite = SuiteRegistry.load().get("synthetic");
        SuiteContext ctx = SuiteContext.defaults();
        return Evaluator.builder("synthetic", StrategyRegistry.load()).strategies(strategies).seeds(seeds)
                .discrepancies(false).executor(executor).store(store).build()
                .run(seed -> suite.tasks(ctx, seed).subList(0, 3));
    }

    /** The records without their fit times. */
    static List<String> withoutTimes(List<RunRecord> runs) {
        List<String> out = new ArrayList<>();
        for (RunRecord r : runs) {
            out.add(new RunRecord(r.suite(), r.task(), r.strategy(), r.approach(), r.seed(), r.metrics(), 0, r.error())
                    .toString());
        }
        return out;
    }

    @Test
    void sparkRunsGiveTheRecordsAndRowsOfLocalThreads() {
        EvaluationReport local = evaluate(FitExecutor.local(1), RunStore.inMemory(), STRATEGIES, 2);
        SparkFitExecutor spark = new SparkFitExecutor(SparkTestSessions.context(SparkTestSessions.local()));
        EvaluationReport remote = evaluate(spark, RunStore.inMemory(), STRATEGIES, 2);
        assertTrue(local.runs().size() >= 3 * 2 * 4, "expected a real sweep, got " + local.runs().size() + " runs");
        assertEquals(withoutTimes(local.runs()), withoutTimes(remote.runs()));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (ResultRow r : local.rows()) {
            a.add(r.toString().replaceAll("fitMillis=[0-9.]+", ""));
        }
        for (ResultRow r : remote.rows()) {
            b.add(r.toString().replaceAll("fitMillis=[0-9.]+", ""));
        }
        assertEquals(a, b);
        assertTrue(remote.executor().startsWith("spark local[2] (1 executor: the driver JVM, 2 cores)"),
                remote.executor());
    }

    @Test
    void aNewSparkContextInTheSameJvmDoesNotReuseAnEarlierShipment() {
        // Broadcast ids restart with every context; executors must not serve the earlier context's tasks.
        evaluate(new SparkFitExecutor(SparkTestSessions.context(SparkTestSessions.local())), RunStore.inMemory(),
                List.of("coral"), 1);
        SparkTestSessions.stop();
        EvaluationReport local = evaluate(FitExecutor.local(1), RunStore.inMemory(), List.of("coral", "kliep"), 2);
        EvaluationReport again = evaluate(new SparkFitExecutor(SparkTestSessions.context(SparkTestSessions.local())),
                RunStore.inMemory(), List.of("coral", "kliep"), 2);
        assertEquals(withoutTimes(local.runs()), withoutTimes(again.runs()));
    }

    @Test
    void resumedRunsAreNotRecomputedAndRecordsArriveInSubmissionOrder() {
        EvaluationReport first = evaluate(FitExecutor.local(1), RunStore.inMemory(), List.of("pooled"), 1);
        // Keep the first half as if an interrupted run had saved them; Spark must compute only the rest.
        List<RunRecord> saved = first.runs().subList(0, first.runs().size() / 2);
        List<RunRecord> computed = new ArrayList<>();
        RunStore store = new RunStore() {
            final RunStore inner = RunStore.inMemory(saved);

            @Override
            public java.util.Optional<RunRecord> find(String task, String strategy, long seed) {
                return inner.find(task, strategy, seed);
            }

            @Override
            public void save(RunRecord record) {
                computed.add(record);
                inner.save(record);
            }
        };
        EvaluationReport resumed = evaluate(new SparkFitExecutor(SparkTestSessions.context(SparkTestSessions.local())), store,
                List.of("pooled"), 1);
        assertEquals(first.runs().size() - saved.size(), computed.size());
        assertEquals(withoutTimes(first.runs().subList(saved.size(), first.runs().size())), withoutTimes(computed));
        assertEquals(withoutTimes(first.runs()), withoutTimes(resumed.runs()));
        for (RunRecord r : computed) {
            assertTrue(saved.stream().noneMatch(s -> s.key().equals(r.key())), "recomputed " + r.key());
        }
    }
}
