package org.tl4j.instance;

import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import org.junit.jupiter.api.Test;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.instance.kmm.KmmStrategy;
import org.tl4j.instance.tradaboost.TrAdaBoostStrategy;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tl4j.core.FeatureVectorModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input at the strategy level: an empty target, a single target point, an all-zero kernel, and a source class
 * missing from a bootstrap sample. (NaN features never reach a strategy: {@link TransferTask} rejects them, which
 * every strategy's contract test checks, and the math classes reject them too.)
 */
class BadInputTest {

    static final List<String> WEIGHTING = List.of("kmm", "kliep", "ulsif", "rulsif", "discriminative-ratio", "nn-weighting");

    @SuppressWarnings("unchecked")
    static TransferStrategy<Label, TransferTask<Label>> create(String name) {
        return (TransferStrategy<Label, TransferTask<Label>>) StrategyRegistry.load().create(name, new LabelFactory(), Map.of());
    }

    private static TransferTask<Label> withTarget(TransferTask<Label> t, Domain<Label> unlabelled) {
        return TransferTask.builder(t.name() + "-variant", t.outputFactory()).source(t.sources().get(0))
                .targetName(t.targetName()).targetUnlabelled(unlabelled).targetTest(t.targetTest()).build();
    }

    @Test
    void anEmptyTargetMakesWeightingInapplicableWithTheReason() {
        TransferTask<Label> t = TinyTasks.covariateShift(1);
        TransferTask<Label> empty = withTarget(t, Domain.empty("none", t.outputFactory()));
        for (String name : WEIGHTING) {
            TransferStrategy<Label, TransferTask<Label>> s = create(name);
            assertFalse(s.appliesTo(empty), name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(empty, 1));
            assertTrue(e.getMessage().contains("neither labelled nor unlabelled target training data"), e.getMessage());
        }
        TransferStrategy<Label, TransferTask<Label>> trada = create("tradaboost");
        assertTrue(trada.whyNotApplicable(empty).contains("inductive"), trada.whyNotApplicable(empty));
    }

    @Test
    void aSingleTargetPointIsFittedByEveryWeightingStrategy() {
        TransferTask<Label> t = TinyTasks.covariateShift(2);
        List<Label> unknown = List.of(LabelFactory.UNKNOWN_LABEL);
        double[][] x = {{1.0, 0.1, -0.2}};
        Domain<Label> one = Domain.fromArrays("one-point", t.outputFactory(), t.featureSpace(), x, unknown,
                new SimpleDataSourceProvenance("one point", t.outputFactory()));
        TransferTask<Label> single = withTarget(t, one);
        for (String name : WEIGHTING) {
            TransferModel<Label> m = create(name).fit(single, 3);
            assertEquals(t.targetTest().size(), m.predictTargetTest(single).size(), name);
        }
    }

    @Test
    void anAllZeroKernelIsReportedThroughTheStrategy() {
        KmmStrategy<Label> s = new KmmStrategy<>(InnerLearners.logistic());
        StrategyOptions.apply(s, Map.of("sigma", "1e-6"), new LabelFactory());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(TinyTasks.covariateShift(3), 1));
        assertTrue(e.getMessage().contains("is 0 at sigma = 1.0E-6"), e.getMessage());
    }

    @Test
    void aSourceClassMissingFromABootstrapSampleDoesNotBreakTrAdaBoost() {
        // One 'rare' source example among 60: most importance resamples miss it, so most members never see the class.
        FeatureSpace space = FeatureSpace.of("a", "b");
        LabelFactory f = new LabelFactory();
        List<double[]> xs = new ArrayList<>();
        List<Label> ys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double v = (i % 30) / 10.0;
            xs.add(new double[]{v, i % 2});
            ys.add(i == 0 ? new Label("rare") : new Label(v > 1.5 ? "hi" : "lo"));
        }
        double[][] xt = {{0.1, 0}, {2.5, 1}, {1.9, 0}, {0.4, 1}};
        List<Label> yt = List.of(new Label("lo"), new Label("hi"), new Label("hi"), new Label("lo"));
        Domain<Label> source = Domain.fromArrays("source", f, space, xs.toArray(new double[0][]), ys,
                new SimpleDataSourceProvenance("source", f));
        Domain<Label> target = Domain.fromArrays("target-train", f, space, xt, yt, new SimpleDataSourceProvenance("t", f));
        TransferTask<Label> task = TransferTask.builder("missing-class", f).source(source).targetName("target")
                .targetTrain(target).targetTest(target).build();
        TrAdaBoostStrategy s = new TrAdaBoostStrategy(new NearestNeighbourTrainer<>(1), 8);
        StrategyOptions.apply(s, Map.of("weighting", "resample"), f);
        for (long seed = 0; seed < 5; seed++) {
            TransferModel<Label> m = s.fit(task, seed);
            Model<Label> inner = assertInstanceOf(FeatureVectorModel.class, m).innerModel();
            assertEquals(Set.of("rare", "hi", "lo"), labels(inner), "the ensemble keeps every class of the data");
            for (Prediction<Label> p : m.predictTargetTest(task)) {
                assertTrue(Set.of("rare", "hi", "lo").contains(p.getOutput().getLabel()));
            }
        }
    }

    private static Set<String> labels(Model<Label> m) {
        Set<String> out = new java.util.TreeSet<>();
        m.getOutputIDInfo().getDomain().forEach(l -> out.add(l.getLabel()));
        return out;
    }

    @Test
    void severalSourcesArePooledAndTheCloserOneGetsMoreWeight() {
        LabelFactory f = new LabelFactory();
        FeatureSpace space = FeatureSpace.of("x0", "x1");
        TransferTask<Label> near = TinyTasks.covariateShift(4);
        double[][] far = new double[60][2];
        List<Label> y = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            far[i] = new double[]{-4 + 0.01 * i, (i % 7) / 7.0};
            y.add(new Label(i % 2 == 0 ? "pos" : "neg"));
        }
        TransferTask<Label> two = twoDimensional(near, f, space, far, y);
        for (String name : WEIGHTING) {
            TransferModel<Label> m = create(name).fit(two, 1);
            Map<String, ?> prov = m.getProvenance().getInstanceProvenance().getMap();
            double nearMean = ((DoubleProvenance) prov.get(name + ".weights.mean.near")).getValue();
            double farMean = ((DoubleProvenance) prov.get(name + ".weights.mean.far")).getValue();
            // Nearest-neighbour weighting's Laplace smoothing gives the far source its floor n/(n + m) = 140/180.
            double ratio = name.equals("nn-weighting") ? 1.4 : 3;
            assertTrue(nearMean > ratio * farMean, name + ": near " + nearMean + " vs far " + farMean);
        }
    }

    /** The first two features of a tiny covariate-shift task as source 'near', plus a distant source 'far'. */
    private static TransferTask<Label> twoDimensional(TransferTask<Label> t, LabelFactory f, FeatureSpace space,
                                                     double[][] far, List<Label> farY) {
        return TransferTask.builder("two-sources", f)
                .source(project("near", t.sources().get(0), space, f))
                .source(Domain.fromArrays("far", f, space, far, farY, new SimpleDataSourceProvenance("far", f)))
                .targetName("target")
                .targetUnlabelled(project("target-unlabelled", t.targetUnlabelled(), space, f))
                .targetTest(project("target-test", t.targetTest(), space, f))
                .build();
    }

    private static Domain<Label> project(String name, Domain<Label> d, FeatureSpace space, LabelFactory f) {
        double[][] x = new double[d.size()][];
        List<Label> y = new ArrayList<>();
        int i = 0;
        for (org.tribuo.Example<Label> e : d.data()) {
            x[i++] = new double[]{e.lookup("x0").getValue(), e.lookup("x1").getValue()};
            y.add(e.getOutput());
        }
        return Domain.fromArrays(name, f, space, x, y, new SimpleDataSourceProvenance(name, f));
    }
}
