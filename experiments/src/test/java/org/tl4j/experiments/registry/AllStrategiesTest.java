package org.tl4j.experiments.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.suite.SuiteRegistry;
import org.tribuo.Output;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the ServiceLoader with every module on the class path: each provider is discoverable, names are unique,
 * every expected strategy is registered (a missing META-INF/services line fails here) and every feature-vector
 * strategy fits a tiny synthetic task.
 */
class AllStrategiesTest {

    /** Strategies that must be registered; each module's issue adds its names. */
    static final Set<String> EXPECTED = Set.of("pooled", "source-only", "target-only",
            "kmm", "kliep", "ulsif", "rulsif", "discriminative-ratio", "nn-weighting",
            "tradaboost", "tradaboost-r2", "two-stage-tradaboost-r2",
            "pca", "tca", "sstca", "jda", "bda", "coral", "sa", "gfk", "feda", "pretrained-embedding");

    static Stream<String> names() {
        return StrategyRegistry.load().names().stream();
    }

    @Test
    void everyExpectedStrategyIsRegisteredOnce() {
        StrategyRegistry r = StrategyRegistry.load();
        assertTrue(r.names().containsAll(EXPECTED), "registered: " + r.names());
        assertEquals(r.names().size(), Set.copyOf(r.names()).size());
        assertTrue(SuiteRegistry.load().names().contains("synthetic"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void fitsATinySyntheticTask(String name) {
        TransferStrategyProvider p = StrategyRegistry.load().provider(name);
        StrategyDescriptor d = p.descriptor();
        if (!d.dataKind().equals(TransferTask.DATA_KIND)) {
            return; // other data kinds are exercised by their own modules' contract tests
        }
        int fitted = 0;
        for (TransferTask<?> t : List.of(TinyTasks.classification(0), TinyTasks.covariateShift(0), TinyTasks.regression(0))) {
            fitted += tryFit(p, t);
        }
        assertTrue(fitted > 0, name + " applies to none of the tiny tasks");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Output<T>> int tryFit(TransferStrategyProvider p, TransferProblem<T> t) {
        if (!p.supports(t.outputFactory())) {
            return 0;
        }
        TransferStrategy<T, ?> s = p.create(t.outputFactory());
        if (!s.appliesTo(t)) {
            return 0;
        }
        TransferModel<T> m = ((TransferStrategy) s).fit(t, 1L);
        assertEquals(t.targetTestTruth().size(), m.predictTargetTest(t).size());
        return 1;
    }
}
