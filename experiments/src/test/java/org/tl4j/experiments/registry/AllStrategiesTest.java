package org.tl4j.experiments.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.BaselineRole;
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
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;
import org.tribuo.Output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the ServiceLoader with every module on the class path: each provider is discoverable, names are unique,
 * every expected strategy is registered (a missing META-INF/services line fails here) and every strategy fits a
 * tiny problem of its data kind. A strategy of a data kind without tiny problems here fails: a new problem kind adds
 * its tiny problems to {@link #TINY}.
 */
class AllStrategiesTest {

    @TempDir
    static Path modelDir;

    /** Tiny problems per data kind. */
    static final Map<String, Function<Long, List<TransferProblem<?>>>> TINY = Map.of(
            TransferTask.DATA_KIND, seed -> List.of(TinyTasks.classification(seed), TinyTasks.covariateShift(seed),
                    TinyTasks.regression(seed)),
            ImageTransferTask.DATA_KIND, seed -> List.of(TinyImages.task(seed, TinyImages.source(modelDir)),
                    TinyImages.taskWithSourceImages(seed, TinyImages.source(modelDir))),
            RelationalTransferProblem.DATA_KIND, seed -> List.of(
                    SyntheticRelationalDomains.problem(true, 40, 16, 24, seed),
                    SyntheticRelationalDomains.problem(false, 40, 16, 24, seed)));

    /** Strategies that must be registered; each module's issue adds its names. */
    static final Set<String> EXPECTED = Set.of("pooled", "source-only", "target-only",
            "kmm", "kliep", "ulsif", "rulsif", "discriminative-ratio", "nn-weighting",
            "tradaboost", "tradaboost-r2", "two-stage-tradaboost-r2",
            "pca", "tca", "sstca", "jda", "bda", "coral", "sa", "gfk", "feda", "pretrained-embedding", "pixels",
            "regular-transfer", "mtl-shared", "lin-int", "fine-tune-linear", "fine-tune-head",
            "fine-tune-head-progressive", "fine-tune-tail", "fine-tune-tail-progressive",
            "rdn-boost", "mapped-source", "treeboostler", "treeboostler-no-revision");

    static Stream<String> names() {
        return StrategyRegistry.load().names().stream();
    }

    @Test
    void everyExpectedStrategyIsRegisteredOnce() {
        StrategyRegistry r = StrategyRegistry.load();
        assertTrue(r.names().containsAll(EXPECTED), "registered: " + r.names());
        assertEquals(r.names().size(), Set.copyOf(r.names()).size());
        assertTrue(SuiteRegistry.load().names().containsAll(List.of("synthetic", "relational")));
    }

    @ParameterizedTest
    @MethodSource("names")
    void fitsATinyProblemOfItsKind(String name) {
        TransferStrategyProvider p = StrategyRegistry.load().provider(name);
        StrategyDescriptor d = p.descriptor();
        Function<Long, List<TransferProblem<?>>> tiny = TINY.get(d.dataKind());
        assertNotNull(tiny, "strategy '" + name + "' accepts " + d.dataKind() + " problems, for which this test has "
                + "no tiny problem: add one to AllStrategiesTest.TINY");
        int fitted = 0;
        for (TransferProblem<?> t : tiny.apply(0L)) {
            fitted += tryFit(p, t);
        }
        assertTrue(fitted > 0, name + " applies to none of the tiny " + d.dataKind() + " problems");
    }

    @Test
    void everyProblemKindWithStrategiesHasATargetOnlyBaseline() {
        StrategyRegistry r = StrategyRegistry.load();
        for (Map.Entry<String, Function<Long, List<TransferProblem<?>>>> e : TINY.entrySet()) {
            for (TransferProblem<?> t : e.getValue().apply(1L)) {
                assertTrue(r.baseline(BaselineRole.TARGET_ONLY, t).isPresent(),
                        "no target-only baseline for " + e.getKey() + " problem " + t.name() + ": NTG undefined");
            }
        }
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
