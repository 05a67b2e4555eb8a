package org.tl4j.core.learn;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tl4j.core.matrix.BlasBackend;
import org.tl4j.core.matrix.NativeBlas;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The nearest-neighbour model's predictions do not depend on the backend that multiplies (native OpenBLAS or pure
 * Java) and equal a direct search by exact distances, ties going to the lower training index — on exact ties
 * (duplicated rows, integer coordinates) and on near-ties far below the products' rounding error.
 */
class NearestNeighbourBackendTest {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final int D = 40;

    private static NativeBlas nativeOrSkip() {
        Assumptions.assumeTrue(NativeBlas.instance().isPresent(),
                "OpenBLAS does not load on this platform: " + NativeBlas.unavailableReason());
        return NativeBlas.instance().orElseThrow();
    }

    private static String[] names() {
        String[] n = new String[D];
        for (int j = 0; j < D; j++) {
            n[j] = String.format("f%02d", j);
        }
        return n;
    }

    private static MutableDataset<Label> dataset(double[][] x, String[] labels) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("nn test", LABELS), LABELS);
        String[] names = names();
        for (int i = 0; i < x.length; i++) {
            ds.add(new ArrayExample<>(labels == null ? LABELS.getUnknownOutput() : new Label(labels[i]), names, x[i]));
        }
        return ds;
    }

    /**
     * Training rows in small integer coordinates, so that many distances tie exactly, each row repeated under
     * another label, plus copies of a few rows moved by one unit in the last place (near-ties).
     */
    private static double[][] trainingRows(UniformRandomProvider rng, String[] labels) {
        int base = 120;
        double[][] x = new double[3 * base + 20][];
        for (int i = 0; i < base; i++) {
            double[] r = new double[D];
            for (int j = 0; j < D; j++) {
                r[j] = rng.nextInt(3) - 1;
            }
            x[i] = r;
            x[base + i] = r.clone();
            labels[i] = "c" + rng.nextInt(4);
            labels[base + i] = "c" + rng.nextInt(4);
        }
        for (int i = 0; i < base; i++) {
            double[] r = new double[D];
            for (int j = 0; j < D; j++) {
                r[j] = 1000 + rng.nextDouble();
            }
            x[2 * base + i] = r;
            labels[2 * base + i] = "c" + rng.nextInt(4);
        }
        for (int i = 0; i < 20; i++) {
            double[] r = x[2 * base + i].clone();
            int j = rng.nextInt(D);
            r[j] = rng.nextBoolean() ? Math.nextUp(r[j]) : Math.nextDown(r[j]);
            x[3 * base + i] = r;
            labels[3 * base + i] = "c" + rng.nextInt(4);
        }
        return x;
    }

    private static double[][] queries(double[][] train, UniformRandomProvider rng) {
        double[][] q = new double[160][];
        for (int i = 0; i < q.length; i++) {
            if (i % 2 == 0) {
                double[] r = new double[D];
                for (int j = 0; j < D; j++) {
                    r[j] = rng.nextInt(3) - 1;
                }
                q[i] = r;
            } else {
                // Halfway between a far row and its one-ulp copy, or on it: distances that differ in the last bits.
                double[] r = train[240 + rng.nextInt(140)].clone();
                r[rng.nextInt(D)] += rng.nextBoolean() ? 0 : Math.ulp(1000.0) / 2;
                q[i] = r;
            }
        }
        return q;
    }

    /** The labels of the k nearest training rows by exact distance summed in index order, ties to the lower row. */
    private static List<String> directSearch(double[][] train, String[] labels, double[] q, int k) {
        List<Integer> rows = new ArrayList<>();
        double[] dist = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            double s = 0;
            for (int j = 0; j < D; j++) {
                double v = q[j] - train[i][j];
                s += v * v;
            }
            dist[i] = s;
            rows.add(i);
        }
        rows.sort((a, b) -> {
            int c = Double.compare(dist[a], dist[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(labels[rows.get(i)]);
        }
        return out;
    }

    private static void assertSamePredictions(List<Prediction<Label>> a, List<Prediction<Label>> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel(), "query " + i);
            assertEquals(a.get(i).getOutput().getScore(), b.get(i).getOutput().getScore(), 0, "query " + i);
            Map<String, Label> sa = a.get(i).getOutputScores();
            Map<String, Label> sb = b.get(i).getOutputScores();
            assertEquals(sa.keySet(), sb.keySet(), "query " + i);
            for (String l : sa.keySet()) {
                assertEquals(sa.get(l).getScore(), sb.get(l).getScore(), 0, "query " + i + " class " + l);
            }
        }
    }

    @Test
    void nativeAndJavaProductsGiveTheSameNeighboursAsADirectSearch() {
        NativeBlas blas = nativeOrSkip();
        UniformRandomProvider rng = Seeds.rng(15);
        String[] labels = new String[380];
        double[][] train = trainingRows(rng, labels);
        double[][] q = queries(train, rng);
        MutableDataset<Label> queries = dataset(q, null);
        List<Example<Label>> queryList = new ArrayList<>();
        queries.forEach(queryList::add);
        for (int k : new int[]{1, 3}) {
            NearestNeighbourModel<Label> m = new NearestNeighbourTrainer<Label>(k).train(dataset(train, labels));
            List<Prediction<Label>> java = m.predict(queryList, BlasBackend.java());
            List<Prediction<Label>> nat = m.predict(queryList, blas);
            assertSamePredictions(java, nat);
            for (int i = 0; i < q.length; i++) {
                List<String> nearest = directSearch(train, labels, q[i], k);
                if (k == 1) {
                    assertEquals(nearest.get(0), java.get(i).getOutput().getLabel(), "query " + i);
                } else {
                    long votes = nearest.stream().filter(java.get(i).getOutput().getLabel()::equals).count();
                    assertEquals(votes / (double) k, java.get(i).getOutput().getScore(), 0, "query " + i);
                }
            }
        }
    }

    @Test
    void blocksOfQueriesGiveWhatSingleQueriesGive() {
        UniformRandomProvider rng = Seeds.rng(16);
        String[] labels = new String[380];
        double[][] train = trainingRows(rng, labels);
        double[][] q = new double[1100][];
        double[][] some = queries(train, rng);
        for (int i = 0; i < q.length; i++) {
            q[i] = some[i % some.length];
        }
        NearestNeighbourModel<Label> m = new NearestNeighbourTrainer<Label>(1).train(dataset(train, labels));
        List<Example<Label>> queryList = new ArrayList<>();
        dataset(q, null).forEach(queryList::add);
        List<Prediction<Label>> batch = m.predict(queryList);
        for (int i = 0; i < q.length; i += 37) {
            assertEquals(m.predict(queryList.get(i)).getOutput().getLabel(), batch.get(i).getOutput().getLabel());
            assertEquals(directSearch(train, labels, q[i], 1).get(0), batch.get(i).getOutput().getLabel());
        }
    }
}
