package org.tl4j.core;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferTaskTest {
    private static final LabelFactory F = new LabelFactory();
    private static final Label A = new Label("a");
    private static final Label B = new Label("b");

    private static Domain<Label> domain(String name, FeatureSpace space, double[][] x, List<Label> y) {
        return Domain.fromArrays(name, F, space, x, y, new SimpleDataSourceProvenance(name, F));
    }

    private static Domain<Label> twoPoints(String name, FeatureSpace space) {
        double[][] x = new double[2][space.size()];
        x[0][0] = 1;
        x[1][0] = -1;
        return domain(name, space, x, List.of(A, B));
    }

    @Test
    void settingFollowsTheLabelsAvailable() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        TransferTask<Label> inductive = TransferTask.builder("t", F).source(twoPoints("src", s))
                .targetTrain(twoPoints("tt", s)).targetTest(twoPoints("test", s)).build();
        TransferTask<Label> transductive = TransferTask.builder("t", F).source(twoPoints("src", s))
                .targetUnlabelled(twoPoints("tu", s)).targetTest(twoPoints("test", s)).build();
        TransferTask<Label> unsupervised = TransferTask.builder("t", F).source(twoPoints("src", s).withoutLabels())
                .targetTest(twoPoints("test", s)).build();
        assertEquals(Setting.INDUCTIVE, inductive.setting());
        assertEquals(Setting.TRANSDUCTIVE, transductive.setting());
        assertEquals(Setting.UNSUPERVISED, unsupervised.setting());
    }

    @Test
    void unlabelledTargetDataLoseTheirLabels() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        TransferTask<Label> t = TransferTask.builder("t", F).source(twoPoints("src", s))
                .targetUnlabelled(twoPoints("tu", s)).targetTest(twoPoints("test", s)).build();
        for (Example<Label> e : t.targetUnlabelled().data()) {
            assertEquals(LabelFactory.UNKNOWN_LABEL, e.getOutput());
        }
        assertTrue(t.targetUnlabelled().isUnlabelled());
    }

    @Test
    void laterChangesToTheInputDatasetDoNotReachTheTask() {
        FeatureSpace s = FeatureSpace.of("f0", "f1");
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("src", F), F);
        ds.add(new ArrayExample<>(A, new String[]{"f0", "f1"}, new double[]{1, 2}));
        ds.add(new ArrayExample<>(B, new String[]{"f0", "f1"}, new double[]{3, 4}));
        TransferTask<Label> t = TransferTask.builder("t", F).source("src", ds).targetTest(twoPoints("test", s)).build();
        ds.getExample(0).setWeight(7f);
        ds.add(new ArrayExample<>(B, new String[]{"f0", "f1"}, new double[]{5, 6}));
        assertEquals(2, t.sources().get(0).size());
        assertEquals(1f, t.sources().get(0).data().getExample(0).getWeight());
    }

    @Test
    void emptyTargetTestSetIsRejected() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source(twoPoints("src", s)).targetTest(Domain.empty("test", F)).build());
        assertTrue(e.getMessage().contains("target test set 'test' is empty"), e.getMessage());
    }

    @Test
    void emptySourceIsRejected() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source(Domain.empty("amazon", F)).targetTest(twoPoints("test", s)).build());
        assertTrue(e.getMessage().contains("source domain 'amazon' is empty"), e.getMessage());
    }

    @Test
    void missingSourceIsRejected() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferTask.builder("t", F).targetTest(twoPoints("test", s)).build());
        assertTrue(e.getMessage().contains("no source domain"), e.getMessage());
    }

    @Test
    void differingFeatureSpacesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source(twoPoints("src", FeatureSpace.of("a", "b", "c")))
                .targetTest(twoPoints("test", FeatureSpace.of("a", "b", "d"))).build());
        assertTrue(e.getMessage().contains("lacks 1 feature(s) [c]"), e.getMessage());
        assertTrue(e.getMessage().contains("[d]"), e.getMessage());
    }

    @Test
    void aDeclaredFeatureSpaceAcceptsDomainsThatNeverObserveSomeFeatures() {
        FeatureSpace declared = FeatureSpace.of("a", "b", "c");
        TransferTask<Label> t = TransferTask.builder("t", F).featureSpace(declared)
                .source(twoPoints("src", FeatureSpace.of("a", "b", "c")))
                .targetTest(twoPoints("test", FeatureSpace.of("a", "b"))).build();
        assertEquals(declared, t.featureSpace());
        assertEquals(3, t.featureMap().size());
    }

    @Test
    void mixedLabelledAndUnlabelledSourceIsRejected() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        Domain<Label> mixed = domain("mixed", s, new double[][]{{1, 0}, {0, 1}}, List.of(A, LabelFactory.UNKNOWN_LABEL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source(mixed).targetTest(twoPoints("test", s)).build());
        assertTrue(e.getMessage().contains("mixes labelled and unlabelled"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreRejectedWithRowAndFeature() {
        FeatureSpace s = FeatureSpace.of("x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> domain("d", s, new double[][]{{1, 2}, {Double.POSITIVE_INFINITY, 0}}, List.of(A, B)));
        assertTrue(e.getMessage().contains("row 1 feature 'x' is Infinity"), e.getMessage());
    }

    @Test
    void duplicateSourceNamesAreRejected() {
        FeatureSpace s = FeatureSpace.indexed("f", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source(twoPoints("src", s)).source(twoPoints("src", s)).targetTest(twoPoints("test", s)).build());
        assertTrue(e.getMessage().contains("two source domains named 'src'"), e.getMessage());
    }

    @Test
    void featureSpaceIndexingPadsNamesSoTribuoOrderEqualsNumericOrder() {
        FeatureSpace s = FeatureSpace.indexed("x", 12);
        assertEquals("x00", s.name(0));
        assertEquals("x11", s.name(11));
        List<String> sorted = new java.util.ArrayList<>(s.names());
        java.util.Collections.sort(sorted);
        assertEquals(s.names(), sorted);
        assertThrows(IllegalArgumentException.class, () -> FeatureSpace.of("a", "a"));
    }
}
