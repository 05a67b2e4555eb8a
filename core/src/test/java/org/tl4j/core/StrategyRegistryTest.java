package org.tl4j.core;

import org.junit.jupiter.api.Test;
import org.tl4j.core.baseline.BaselineProviders;
import org.tl4j.core.baseline.PooledStrategy;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tribuo.regression.RegressionFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyRegistryTest {

    @Test
    void serviceLoaderFindsTheCoreBaselines() {
        StrategyRegistry r = StrategyRegistry.load();
        assertTrue(r.names().containsAll(List.of("pooled", "source-only", "target-only")), r.names().toString());
        for (StrategyDescriptor d : r.descriptors()) {
            assertTrue(d.name().equals(d.name().trim()) && !d.module().isBlank() && !d.description().isBlank());
        }
    }

    @Test
    void duplicateNamesAreRefusedNamingBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StrategyRegistry.of(
                List.of(new BaselineProviders.Pooled(), new BaselineProviders.Pooled())));
        assertTrue(e.getMessage().contains("'pooled'") && e.getMessage().contains("BaselineProviders$Pooled"), e.getMessage());
    }

    @Test
    void unknownNamesListTheClosestKnownNames() {
        StrategyRegistry r = StrategyRegistry.load();
        NamedProviders.UnknownNameException e = assertThrows(NamedProviders.UnknownNameException.class,
                () -> r.provider("polled"));
        assertEquals(List.of("pooled"), e.suggestions());
        assertTrue(e.getMessage().startsWith("Unknown strategy 'polled'; did you mean pooled?"), e.getMessage());
        NamedProviders.UnknownNameException e2 = assertThrows(NamedProviders.UnknownNameException.class,
                () -> r.provider("target"));
        assertTrue(e2.suggestions().contains("target-only"), e2.getMessage());
    }

    @Test
    void editDistanceCountsTranspositionsOnce() {
        assertEquals(1, NamedProviders.editDistance("kmm", "mkm"));
        assertEquals(0, NamedProviders.editDistance("tca", "tca"));
        assertEquals(3, NamedProviders.editDistance("", "jda"));
    }

    @Test
    void createAppliesOptionsIncludingTheInnerLearnerByName() {
        StrategyRegistry r = StrategyRegistry.load();
        TransferStrategy<?, ?> s = r.create("pooled", new LabelFactory(), Map.of("inner", "1nn"));
        assertInstanceOf(NearestNeighbourTrainer.class, ((PooledStrategy<?>) s).innerTrainer());
        TransferStrategy<?, ?> reg = r.create("pooled", new RegressionFactory(), Map.of("inner", "ridge:0.5"));
        assertInstanceOf(LeastSquaresTrainer.class, ((PooledStrategy<?>) reg).innerTrainer());
    }

    @Test
    void badOptionsAreRefusedWithTheValidChoices() {
        StrategyRegistry r = StrategyRegistry.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.create("pooled", new LabelFactory(), Map.of("iner", "1nn")));
        assertTrue(e.getMessage().contains("no option 'iner'; did you mean inner?"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> r.create("pooled", new LabelFactory(), Map.of("inner", "least-squares")));
        assertTrue(e2.getMessage().contains("Unknown inner learner 'least-squares' for classification"), e2.getMessage());
    }

    /** The README's library example, verbatim: it compiles without a cast. */
    @Test
    void readmeExampleNeedsNoCast() {
        StrategyRegistry registry = StrategyRegistry.load();
        TransferTask<Label> task = new RotatedMoons(30).generate(42L);
        TransferStrategy<Label, TransferTask<Label>> pooled = registry.create("pooled", task, Map.of("inner", "1nn"));
        TransferModel<Label> model = pooled.fit(task, 42L);
        List<Prediction<Label>> p = model.predictTargetTest(task);
        assertEquals(task.targetTestTruth().size(), p.size());
        assertEquals(TransferTask.class, pooled.problemType());
    }

    @Test
    void baselinesAreFoundByRoleAndProblemKind() {
        StrategyRegistry r = StrategyRegistry.load();
        TransferTask<Label> t = new RotatedMoons(30).generate(1L);
        assertEquals("target-only", r.baseline(BaselineRole.TARGET_ONLY, t).orElseThrow());
        assertEquals("source-only", r.baseline(BaselineRole.SOURCE_ONLY, t).orElseThrow());
        assertEquals("pooled", r.baseline(BaselineRole.POOLED, t).orElseThrow());
        assertEquals(BaselineRole.TARGET_ONLY, r.provider("target-only").descriptor().role());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StrategyRegistry.of(List.of(
                new BaselineProviders.TargetOnly(), new SecondTargetOnly())).baseline(BaselineRole.TARGET_ONLY, t));
        assertTrue(e.getMessage().contains("target-only") && e.getMessage().contains("other-target-only"), e.getMessage());
    }

    @Test
    void onlyBaselinesPlayARole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StrategyDescriptor("x",
                Approach.INSTANCE, java.util.EnumSet.of(Setting.INDUCTIVE), "core", TransferTask.DATA_KIND, "x",
                BaselineRole.TARGET_ONLY));
        assertTrue(e.getMessage().contains("only baselines"), e.getMessage());
    }

    @Test
    void innerLearnerProvidersRefuseOutputTypesTheyDoNotSupport() {
        InnerLearnerProvider labelsOnly = new InnerLearnerProvider(new StrategyDescriptor("labels-only", null,
                java.util.EnumSet.of(Setting.INDUCTIVE), "core", TransferTask.DATA_KIND, "test"),
                InnerLearnerProvider.Outputs.labels(org.tl4j.core.baseline.TargetOnlyStrategy::new)) {
        };
        assertTrue(labelsOnly.supports(new LabelFactory()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> labelsOnly.create(new RegressionFactory()));
        assertTrue(e.getMessage().contains("'labels-only' needs Label (class) outputs, not Regressor"), e.getMessage());
        assertInstanceOf(org.tl4j.core.baseline.TargetOnlyStrategy.class, labelsOnly.create(new LabelFactory()));
    }

    /** A second target-only baseline for the same kind, to provoke the ambiguity error. */
    static final class SecondTargetOnly extends InnerLearnerProvider {
        SecondTargetOnly() {
            super(new StrategyDescriptor("other-target-only", null, java.util.EnumSet.of(Setting.INDUCTIVE), "core",
                    TransferTask.DATA_KIND, "test", BaselineRole.TARGET_ONLY),
                    Outputs.anyOf(org.tl4j.core.baseline.TargetOnlyStrategy::new));
        }
    }

    @Test
    void numbersThatAreNotFiniteAreRefused() {
        for (String v : List.of("NaN", "Infinity", "-Infinity")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyOptions.apply(
                    new org.tl4j.core.learn.LeastSquaresTrainer(), Map.of("ridge", v),
                    new org.tribuo.regression.RegressionFactory()));
            assertTrue(e.getMessage().contains("Option 'ridge'") && e.getMessage().contains("takes a finite number, not '"
                    + v + "'"), e.getMessage());
        }
    }

    @Test
    void optionsAreListedWithoutAProblem() {
        StrategyRegistry r = StrategyRegistry.load();
        assertEquals(List.of("inner"), List.copyOf(r.options("pooled").keySet()));
        assertThrows(NamedProviders.UnknownNameException.class, () -> r.options("poled"));
    }
}
