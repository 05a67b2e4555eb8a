package org.tl4j.core.eval;

import org.junit.jupiter.api.Test;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.synthetic.AdversarialSource;
import org.tl4j.core.synthetic.GaussianCovariateShift;
import org.tl4j.core.synthetic.ShimodairaRegression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private static final StrategyRegistry REGISTRY = StrategyRegistry.load();

    @Test
    void pooledIsFlaggedOnAdversarialSources() {
        for (AdversarialSource.Mode mode : AdversarialSource.Mode.values()) {
            AdversarialSource g = new AdversarialSource(mode);
            EvaluationReport r = Evaluator.builder("test", REGISTRY).strategies(List.of("pooled")).seeds(5)
                    .discrepancies(false).build().run(seed -> List.of(g.generate(seed)));
            SummaryRow s = r.summary(g.name(), "pooled", Metrics.ACCURACY).orElseThrow();
            assertEquals(NegativeTransferTest.Verdict.NEGATIVE, s.verdict(), mode + ": " + s);
            assertTrue(s.test().meanGap() > 0.2, mode + ": pooled loses clearly to target-only: " + s);
        }
    }

    @Test
    void pooledIsNotFlaggedOnBenignCovariateShiftWithPlentifulSourceData() {
        GaussianCovariateShift g = new GaussianCovariateShift(GaussianCovariateShift.Boundary.LINEAR);
        EvaluationReport r = Evaluator.builder("test", REGISTRY).strategies(List.of("pooled")).seeds(5)
                .discrepancies(false).build().run(seed -> List.of(g.generate(seed)));
        SummaryRow s = r.summary(g.name(), "pooled", Metrics.ACCURACY).orElseThrow();
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, s.verdict(), s.toString());
        assertTrue(s.mean() > s.targetOnlyMean(), "plentiful related source data help: " + s);
    }

    @Test
    void negativeTransferGapArithmeticOnAHandMadeCase() {
        // Runs are preloaded into the store, so nothing is fitted: the rows are pure arithmetic on these numbers.
        double[] target = {0.70, 0.80, 0.75};
        double[] source = {0.50, 0.55, 0.60};
        double[] pooled = {0.60, 0.65, 0.70};
        List<RunRecord> runs = new ArrayList<>();
        String task = TinyTasks.classification(0).name();
        for (int s = 0; s < 3; s++) {
            runs.add(run(task, "target-only", s, target[s]));
            runs.add(run(task, "source-only", s, source[s]));
            runs.add(run(task, "pooled", s, pooled[s]));
        }
        EvaluationReport r = Evaluator.builder("hand", REGISTRY).strategies(List.of("pooled")).seeds(3)
                .store(RunStore.inMemory(runs)).discrepancies(false).build()
                .run(seed -> List.of(TinyTasks.classification(seed)));
        for (ResultRow row : r.rows()) {
            if (row.strategy().equals("pooled") && row.metric() == Metrics.ACCURACY) {
                int s = (int) row.seed();
                assertEquals((1 - pooled[s]) - (1 - target[s]), row.ntg(), 1e-12);
                assertEquals(target[s], row.targetOnly(), 0);
                assertEquals(source[s], row.sourceOnly(), 0);
            }
        }
        SummaryRow p = r.summary(task, "pooled", Metrics.ACCURACY).orElseThrow();
        assertEquals(0.10, p.test().meanGap(), 1e-12); // gaps 0.10, 0.15, 0.05
        assertEquals(0.05, p.test().sdGap(), 1e-12);
        assertEquals(NegativeTransferTest.Verdict.NEGATIVE, p.verdict()); // t = 3.46, p = 0.037
        SummaryRow so = r.summary(task, "source-only", Metrics.ACCURACY).orElseThrow();
        assertEquals(0.20, so.test().meanGap(), 1e-12);
        SummaryRow to = r.summary(task, "target-only", Metrics.ACCURACY).orElseThrow();
        assertEquals(0.0, to.test().meanGap(), 0);
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, to.verdict());
    }

    @Test
    void regressionTasksUseMseAndR2AndTheGapIsInMseUnits() {
        ShimodairaRegression g = new ShimodairaRegression();
        EvaluationReport r = Evaluator.builder("test", REGISTRY).strategies(List.of("pooled")).seeds(2)
                .build().run(seed -> List.of(g.generate(seed)));
        for (ResultRow row : r.rows()) {
            if (row.metric() == Metrics.MSE) {
                assertEquals(row.value() - row.targetOnly(), row.ntg(), 1e-12);
            }
        }
        assertFalse(r.discrepancies().isEmpty());
        assertTrue(r.summary(g.name(), "pooled", Metrics.R2).isPresent());
    }

    @Test
    void unknownStrategiesFailBeforeAnyWork() {
        NamedProviders.UnknownNameException e = assertThrows(NamedProviders.UnknownNameException.class,
                () -> Evaluator.builder("x", REGISTRY).strategies(List.of("poled")).build());
        assertEquals(List.of("pooled"), e.suggestions());
    }

    @Test
    void finishedRunsAreNotRefitted() {
        RunStore store = RunStore.inMemory();
        List<String> steps = new ArrayList<>();
        ProgressListener l = new ProgressListener() {
            @Override
            public void start(String what, long total) {
                steps.add("start " + total);
            }

            @Override
            public void step(String message) {
                steps.add("fit");
            }

            @Override
            public void resumed(String message) {
                steps.add("resumed");
            }

            @Override
            public void finish() {
            }
        };
        Evaluator.Builder b = Evaluator.builder("x", REGISTRY).strategies(List.of("pooled")).seeds(2).store(store)
                .listener(l).discrepancies(false);
        EvaluationReport first = b.build().run(seed -> List.of(TinyTasks.classification(seed)));
        steps.clear();
        EvaluationReport second = b.build().run(seed -> List.of(TinyTasks.classification(seed)));
        assertEquals(List.of("start 6", "resumed", "resumed", "resumed", "resumed", "resumed", "resumed"), steps);
        assertEquals(first.rows(), second.rows());
    }

    @Test
    void parallelFitsGiveTheSameRunsInTheSameOrderAsOneThread() {
        List<String> sequentialSteps = new ArrayList<>();
        List<String> parallelSteps = new ArrayList<>();
        Evaluator.TaskSource tasks = seed -> List.of(TinyTasks.classification(seed), TinyTasks.regression(seed),
                new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC).generate(seed));
        EvaluationReport one = Evaluator.builder("x", REGISTRY).seeds(3).discrepancies(false)
                .listener(stepsInto(sequentialSteps)).build().run(tasks);
        RunStore store = RunStore.inMemory();
        EvaluationReport three = Evaluator.builder("x", REGISTRY).seeds(3).discrepancies(false).threads(3).store(store)
                .listener(stepsInto(parallelSteps)).build().run(tasks);
        assertEquals(withoutTimes(one), withoutTimes(three), "same bits, same order");
        assertEquals(sequentialSteps, parallelSteps, "progress reported in submission order");
        assertEquals(one.runs().size(), three.runs().size());
        for (RunRecord r : three.runs()) {
            assertTrue(store.find(r.task(), r.strategy(), r.seed()).isPresent(), "every fit saved: " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder("x", REGISTRY).threads(0));
    }

    /** Everything of the rows but the fit times, which are wall-clock measurements. */
    private static List<String> withoutTimes(EvaluationReport r) {
        List<String> out = new ArrayList<>();
        for (ResultRow x : r.rows()) {
            out.add(x.task() + "|" + x.strategy() + "|" + x.seed() + "|" + x.metric() + "|" + Double.doubleToLongBits(x.value())
                    + "|" + x.ntg() + "|" + x.negativeTransfer() + "|" + x.error());
        }
        for (SummaryRow x : r.summary()) {
            out.add(x.task() + "|" + x.strategy() + "|" + x.metric() + "|" + x.mean() + "|" + x.std() + "|" + x.test());
        }
        return out;
    }

    private static ProgressListener stepsInto(List<String> out) {
        return new ProgressListener() {
            @Override
            public void start(String what, long total) {
                out.add("start " + total);
            }

            @Override
            public void step(String message) {
                out.add(message);
            }

            @Override
            public void resumed(String message) {
                out.add(message);
            }

            @Override
            public void finish() {
            }
        };
    }

    @Test
    void globalOptionsReachEveryStrategyThatHasThem() {
        EvaluationReport r = Evaluator.builder("x", REGISTRY).strategies(List.of("pooled")).seeds(1)
                .options(Evaluator.ALL_STRATEGIES, Map.of("inner", "1nn")).discrepancies(false).build()
                .run(seed -> List.of(TinyTasks.classification(seed)));
        assertTrue(r.failures().isEmpty());
        assertEquals(3, r.runs().size());
    }

    private static RunRecord run(String task, String strategy, long seed, double accuracy) {
        return new RunRecord("hand", task, strategy, "baseline", seed,
                Map.of(Metrics.ACCURACY.name(), accuracy, Metrics.MACRO_F1.name(), accuracy), 1, null);
    }

    @Test
    void checkRefusesAnOptionValueThatDoesNotSuitATaskBeforeAnythingIsFitted() {
        RunStore store = RunStore.inMemory();
        Evaluator e = Evaluator.builder("mixed", REGISTRY).strategies(List.of("pooled")).seeds(1)
                .options("pooled", Map.of("inner", "linear-svm")).store(store).discrepancies(false).build();
        List<org.tl4j.core.TransferProblem<?>> tasks = List.of(TinyTasks.classification(0),
                new ShimodairaRegression().generate(0));
        RequestException x = assertThrows(RequestException.class, () -> e.check(tasks));
        assertTrue(x.getMessage().startsWith("Invalid options for strategy 'pooled' on task 'shimodaira-regression' "
                + "(Regressor outputs): Unknown inner learner 'linear-svm' for regression"), x.getMessage());
        assertTrue(x.getMessage().endsWith("(they suit its Label tasks, but an option applies to every task its "
                + "strategy runs on: choose a value that suits every task of the suite)"), x.getMessage());
        RequestException inRun = assertThrows(RequestException.class, () -> e.run(seed -> tasks));
        assertEquals(x.getMessage(), inRun.getMessage(), "run makes the same check");
        assertTrue(store.find(tasks.get(0).name(), "target-only", 0).isEmpty(), "nothing was fitted");
    }

    @Test
    void checkAcceptsAValueEveryTaskTakes() {
        Evaluator e = Evaluator.builder("mixed", REGISTRY).strategies(List.of("pooled")).seeds(1)
                .options("pooled", Map.of("inner", "1nn")).discrepancies(false).build();
        e.check(List.of(TinyTasks.classification(0), new ShimodairaRegression().generate(0)));
    }

    @Test
    void aValueNoTaskTakesIsRefusedWithoutTheOutputTypeHint() {
        Evaluator e = Evaluator.builder("bad", REGISTRY).strategies(List.of("pooled")).seeds(1)
                .options("pooled", Map.of("inner", "foo")).discrepancies(false).build();
        RequestException x = assertThrows(RequestException.class, () -> e.check(List.of(TinyTasks.classification(0))));
        assertTrue(x.getMessage().contains("Unknown inner learner 'foo' for classification"), x.getMessage());
        assertFalse(x.getMessage().contains("they suit"), x.getMessage());
        Evaluator grid = Evaluator.builder("bad", REGISTRY).strategies(List.of("pooled")).seeds(1)
                .selection(org.tl4j.core.selection.LabelFreeSelection.Criterion.IWCV, 2)
                .grid("pooled", "inner", List.of("1nn", "foo")).discrepancies(false).build();
        RequestException g = assertThrows(RequestException.class,
                () -> grid.check(List.of(TinyTasks.classification(0))));
        assertTrue(g.getMessage().contains("Unknown inner learner 'foo' for classification"), g.getMessage());
        assertFalse(g.getMessage().contains("they suit"), "a grid value no output type takes: " + g.getMessage());
    }
}
