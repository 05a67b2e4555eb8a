package org.tl4j.core;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domains built from dense rows skip Tribuo's per-example re-validation: they must hold exactly what a
 * {@link MutableDataset} observing the same rows would hold, and tasks over them must see the same feature map.
 */
class DomainTest {
    private static final LabelFactory F = new LabelFactory();

    /** {@code n} rows of sparse-ish random values (about a third exactly zero), labels from three classes. */
    private static double[][] rows(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextInt(3) == 0 ? 0.0 : r.nextGaussian();
            }
        }
        return x;
    }

    private static List<Label> labels(int n, long seed) {
        Random r = new Random(seed);
        List<Label> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y.add(new Label("c" + r.nextInt(3)));
        }
        return y;
    }

    /** The same rows added one by one to a Tribuo dataset, as domains were built before. */
    private static Dataset<Label> viaMutableDataset(String name, FeatureSpace s, double[][] x, List<Label> y) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(name, F), F);
        String[] names = s.toArray();
        for (int i = 0; i < x.length; i++) {
            ds.add(new ArrayExample<>(y.get(i), names, x[i]));
        }
        return ds;
    }

    private static Domain<Label> fromArrays(String name, FeatureSpace s, double[][] x, List<Label> y) {
        return Domain.fromArrays(name, F, s, x, y, new SimpleDataSourceProvenance(name, F));
    }

    private static void assertSameData(Dataset<Label> expected, Dataset<Label> actual) {
        assertEquals(expected.getFeatureIDMap(), actual.getFeatureIDMap());
        assertEquals(expected.getOutputIDInfo().getDomain(), actual.getOutputIDInfo().getDomain());
        for (Label l : expected.getOutputIDInfo().getDomain()) {
            assertEquals(expected.getOutputIDInfo().getID(l), actual.getOutputIDInfo().getID(l), l.getLabel());
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Example<Label> e = expected.getExample(i);
            Example<Label> a = actual.getExample(i);
            assertEquals(e.getOutput(), a.getOutput());
            assertEquals(e.size(), a.size());
            var ei = e.iterator();
            var ai = a.iterator();
            while (ei.hasNext()) {
                assertEquals(ei.next(), ai.next(), "example " + i);
            }
        }
    }

    @Test
    void aDomainFromArraysHoldsWhatAMutableDatasetOfTheRowsHolds() {
        FeatureSpace s = FeatureSpace.indexed("f", 7);
        double[][] x = rows(40, 7, 1);
        List<Label> y = labels(40, 2);
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance("d", F);
        Domain<Label> fast = Domain.fromArrays("d", F, s, x, y, provenance);
        MutableDataset<Label> ds = new MutableDataset<>(provenance, F);
        for (int i = 0; i < x.length; i++) {
            ds.add(new ArrayExample<>(y.get(i), s.toArray(), x[i]));
        }
        Domain<Label> slow = Domain.of("d", ds);
        assertSameData(slow.data(), fast.data());
        assertEquals(slow.provenance(), fast.provenance());
        assertSameData(slow.withoutLabels().data(), fast.withoutLabels().data());
    }

    @Test
    void theDomainCopiesTheRows() {
        FeatureSpace s = FeatureSpace.indexed("f", 3);
        double[][] x = rows(5, 3, 3);
        double before = x[2][1];
        Domain<Label> d = fromArrays("d", s, x, labels(5, 4));
        x[2][1] = before + 100;
        assertEquals(before, d.data().getExample(2).lookup(s.name(1)) == null ? 0.0
                : d.data().getExample(2).lookup(s.name(1)).getValue());
    }

    @Test
    void aTaskSeesTheSameFeatureMapWhetherOrNotItsDomainsRememberTheirObservation() {
        FeatureSpace s = FeatureSpace.indexed("f", 6);
        double[][] xs = rows(30, 6, 5);
        double[][] xt = rows(20, 6, 6);
        List<Label> ys = labels(30, 7);
        List<Label> yt = labels(20, 8);
        TransferTask<Label> fast = TransferTask.builder("t", F).source(fromArrays("src", s, xs, ys))
                .targetUnlabelled(fromArrays("tu", s, xt, yt)).targetTest(fromArrays("test", s, xt, yt)).build();
        TransferTask<Label> slow = TransferTask.builder("t", F)
                .source("src", viaMutableDataset("src", s, xs, ys))
                .targetUnlabelled(Domain.of("tu", viaMutableDataset("tu", s, xt, yt)))
                .targetTest(Domain.of("test", viaMutableDataset("test", s, xt, yt))).build();
        assertEquals(slow.featureMap(), fast.featureMap());
        assertEquals(slow.featureMap().size(), 6);
    }

    @Test
    void nonFiniteValuesInADatasetAreStillFoundByTheTask() {
        FeatureSpace s = FeatureSpace.of("x", "y");
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("src", F), F);
        ds.add(new ArrayExample<>(new Label("a"), new String[]{"x", "y"}, new double[]{1, 2}));
        ds.add(new ArrayExample<>(new Label("b"), new String[]{"x", "y"}, new double[]{3, Double.NEGATIVE_INFINITY}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransferTask.builder("t", F)
                .source("src", ds).targetTest(fromArrays("test", s, new double[][]{{1, 1}}, labels(1, 9))).build());
        assertTrue(e.getMessage().contains("example 1 feature 'y' is -Infinity"), e.getMessage());
    }

    @Test
    void aDomainsMatrixIsComputedOnceButHandedOutAsAFreshCopy() {
        FeatureSpace s = FeatureSpace.indexed("f", 4);
        double[][] x = rows(6, 4, 10);
        Domain<Label> d = fromArrays("d", s, x, labels(6, 11));
        DMatrixRMaj first = TribuoMatrices.features(d, s);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(x[i][j], first.get(i, j));
            }
        }
        first.set(0, 0, 1e9);
        DMatrixRMaj second = TribuoMatrices.features(d, s);
        assertNotSame(first, second);
        assertEquals(x[0][0], second.get(0, 0));
        // A reordered space is a different matrix, not the remembered one.
        FeatureSpace reversed = FeatureSpace.of(s.name(3), s.name(2), s.name(1), s.name(0));
        DMatrixRMaj other = TribuoMatrices.features(d, reversed);
        assertEquals(x[1][0], other.get(1, 3));
        assertFalse(reversed.equals(s));
    }

    /** What {@link Datasets#union} gave before its shortcut: copies added one by one to a new dataset. */
    private static MutableDataset<Label> unionOneByOne(Dataset<Label> like, List<Domain<Label>> domains) {
        MutableDataset<Label> out = new MutableDataset<>(like.getSourceProvenance(), F);
        for (Domain<Label> d : domains) {
            for (Example<Label> e : d.data()) {
                out.add(e.copy());
            }
        }
        return out;
    }

    private static void assertSameUnion(List<Domain<Label>> domains) {
        MutableDataset<Label> fast = Datasets.union("u", F, domains);
        MutableDataset<Label> slow = unionOneByOne(fast, domains);
        assertSameData(slow, fast);
        assertEquals(slow.getFeatureMap(), fast.getFeatureMap());
        assertEquals(slow.isDense(), fast.isDense());
        assertEquals(slow.getProvenance(), fast.getProvenance());
        for (int i = 0; i < slow.size(); i++) {
            assertEquals(slow.getExample(i).getWeight(), fast.getExample(i).getWeight());
        }
    }

    @Test
    void aUnionHoldsWhatAddingTheExamplesOneByOneGives() {
        FeatureSpace s = FeatureSpace.indexed("f", 5);
        Domain<Label> a = fromArrays("a", s, rows(25, 5, 12), labels(25, 13));
        Domain<Label> b = fromArrays("b", s, rows(15, 5, 14), labels(15, 15));
        assertSameUnion(List.of(a));
        assertSameUnion(List.of(a, b));
        assertSameUnion(List.of(Domain.empty("e", F), b, a));
        // A domain that does not know its observation (built from a dataset), first and later.
        Domain<Label> c = Domain.of("c", viaMutableDataset("c", s, rows(10, 5, 16), labels(10, 17)));
        assertSameUnion(List.of(c, a));
        assertSameUnion(List.of(a, c));
    }

    @Test
    void aUnionOfSparseExamplesIsNotDenseAndStaysMutable() {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("sparse", F), F);
        ds.add(new ArrayExample<>(new Label("a"), new String[]{"x", "y"}, new double[]{1, 2}));
        ds.add(new ArrayExample<>(new Label("b"), new String[]{"x"}, new double[]{3}));
        ds.add(new ArrayExample<>(new Label("a"), new String[]{"y", "z"}, new double[]{4, 5}));
        Domain<Label> sparse = Domain.of("sparse", ds).withoutLabels();
        assertSameUnion(List.of(sparse));
        assertFalse(Datasets.union("u", F, List.of(sparse)).isDense());
        FeatureSpace s = FeatureSpace.of("x", "y", "z");
        Domain<Label> dense = fromArrays("d", s, rows(4, 3, 18), labels(4, 19));
        assertTrue(Datasets.union("u", F, List.of(dense)).isDense());
        MutableDataset<Label> grown = Datasets.union("u", F, List.of(dense));
        grown.add(new ArrayExample<>(new Label("c"), new String[]{"x", "w"}, new double[]{1, 1}));
        assertEquals(5, grown.size());
        assertEquals(4, grown.getFeatureMap().size());
        assertEquals(3, dense.data().getFeatureMap().size());
    }
}
