package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.BlasBackend;
import org.tl4j.core.matrix.FeatureColumns;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted k-nearest-neighbour model (see {@link NearestNeighbourTrainer}). Immutable; batch prediction through
 * {@link #predict(Iterable)} uses blocked matrix products on the preferred {@link BlasBackend} (native OpenBLAS where
 * it loads). Those products only shortlist: every row within a tolerance of the {@code k}-th smallest approximate
 * distance is re-ranked by its exact distance, summed in index order in Java, and ties go to the lower training
 * index. The tolerance, {@code 1e-9 (‖q‖² + ‖x‖²)}, is more than a thousand times the rounding error of any order
 * of summation of an 800-term product ({@code ≈ d·2⁻⁵³ (‖q‖² + ‖x‖²)}), so the neighbours, and the predictions, are
 * the same on both backends and equal those of a direct search.
 */
public final class NearestNeighbourModel<T extends Output<T>> extends Model<T> {
    private static final long serialVersionUID = 1L;
    /** Query rows per product: a block of products is {@code BLOCK × n} doubles. */
    private static final int BLOCK = 512;

    private final int k;
    private final int n;
    private final int d;
    private final double[] x;
    private final double[] norms;
    private final List<T> outputs;

    NearestNeighbourModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                          ImmutableOutputInfo<T> outputIDInfo, int k, int n, int d, double[] x, List<T> outputs) {
        super(name, provenance, featureIDMap, outputIDInfo, outputs.get(0) instanceof Label);
        this.k = Math.min(k, n);
        this.n = n;
        this.d = d;
        this.x = x;
        this.outputs = List.copyOf(outputs);
        this.norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            norms[i] = s;
        }
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return predict(List.of(example)).get(0);
    }

    @Override
    public List<Prediction<T>> predict(Iterable<Example<T>> examples) {
        return predict(examples, BlasBackend.preferred());
    }

    /** {@link #predict(Iterable)} with the products on {@code backend}; the predictions do not depend on it. */
    List<Prediction<T>> predict(Iterable<Example<T>> examples, BlasBackend backend) {
        List<Example<T>> list = new ArrayList<>();
        examples.forEach(list::add);
        List<Prediction<T>> out = new ArrayList<>(list.size());
        DMatrixRMaj train = DMatrixRMaj.wrap(n, d, x);
        FeatureColumns columns = new FeatureColumns(featureIDMap::getID);
        for (int start = 0; start < list.size(); start += BLOCK) {
            int m = Math.min(BLOCK, list.size() - start);
            DMatrixRMaj q = new DMatrixRMaj(m, d);
            int[] used = new int[m];
            for (int r = 0; r < m; r++) {
                int p = 0;
                for (Feature f : list.get(start + r)) {
                    int id = columns.column(p++, f.getName());
                    if (id >= 0) {
                        q.unsafe_set(r, id, f.getValue());
                        used[r]++;
                    }
                }
                if (used[r] == 0) {
                    throw new IllegalArgumentException("Example " + (start + r) + " has no features this model knows");
                }
            }
            DMatrixRMaj dots = backend.multTransB(q, train);
            for (int r = 0; r < m; r++) {
                out.add(vote(list.get(start + r), q, r, dots, used[r]));
            }
        }
        return out;
    }

    @Override
    public List<Prediction<T>> predict(org.tribuo.Dataset<T> examples) {
        return predict((Iterable<Example<T>>) examples);
    }

    private Prediction<T> vote(Example<T> e, DMatrixRMaj q, int r, DMatrixRMaj dots, int used) {
        double qn = 0;
        for (int j = 0; j < d; j++) {
            qn += q.unsafe_get(r, j) * q.unsafe_get(r, j);
        }
        double[] approx = new double[n];
        for (int i = 0; i < n; i++) {
            approx[i] = qn + norms[i] - 2 * dots.unsafe_get(r, i);
        }
        int[] nn = nearest(approx, q, r, qn);
        if (outputs.get(0) instanceof Label) {
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (int i : nn) {
                votes.merge(((Label) outputs.get(i)).getLabel(), 1, Integer::sum);
            }
            String best = null;
            int bestVotes = -1;
            for (int i : nn) { // in distance order: ties go to the nearest class
                String l = ((Label) outputs.get(i)).getLabel();
                if (votes.get(l) > bestVotes) {
                    best = l;
                    bestVotes = votes.get(l);
                }
            }
            Map<String, T> scores = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> v : votes.entrySet()) {
                scores.put(v.getKey(), cast(new Label(v.getKey(), v.getValue() / (double) nn.length)));
            }
            return new Prediction<>(cast(new Label(best, bestVotes / (double) nn.length)), scores, used, e, true);
        }
        Regressor first = (Regressor) outputs.get(nn[0]);
        String[] names = first.getNames();
        double[] mean = new double[names.length];
        for (int i : nn) {
            Regressor o = (Regressor) outputs.get(i);
            for (int j = 0; j < names.length; j++) {
                mean[j] += o.getDimension(names[j]).orElseThrow().getValue() / nn.length;
            }
        }
        return new Prediction<>(cast(new Regressor(names, mean)), used, e);
    }

    /** Indices of the k nearest rows, nearest first; near-ties re-checked with exact distances. */
    private int[] nearest(double[] approx, DMatrixRMaj q, int r, double qn) {
        // The k smallest rows by (approximate distance, index), kept in a bounded max-heap: O(n log k), no boxing.
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, approx);
            } else if (before(i, heap[0], approx)) {
                heap[0] = i;
                siftDown(heap, size, approx);
            }
        }
        int kthRow = heap[0];
        double kth = approx[kthRow];
        double tol = 1e-9 * (qn + norms[kthRow]) + 1e-12;
        List<Integer> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (approx[i] <= kth + tol) {
                cand.add(i);
            }
        }
        double[] exact = new double[n];
        for (int i : cand) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = q.unsafe_get(r, j) - x[i * d + j];
                s += v * v;
            }
            exact[i] = s;
        }
        cand.sort((a, b) -> {
            int c = Double.compare(exact[a], exact[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = cand.get(i);
        }
        return out;
    }

    /** Whether row {@code a} comes before row {@code b} by (approximate distance, index). */
    private static boolean before(int a, int b, double[] approx) {
        int c = Double.compare(approx[a], approx[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private static void siftUp(int[] heap, int i, double[] approx) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(heap[parent], heap[i], approx)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] approx) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int largest = i;
            if (l < size && before(heap[largest], heap[l], approx)) {
                largest = l;
            }
            if (r < size && before(heap[largest], heap[r], approx)) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            int t = heap[largest];
            heap[largest] = heap[i];
            heap[i] = t;
            i = largest;
        }
    }

    @SuppressWarnings("unchecked")
    private T cast(Object o) {
        return (T) o;
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int count) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected NearestNeighbourModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new NearestNeighbourModel<>(newName, newProvenance, featureIDMap, outputIDInfo, k, n, d, x, outputs);
    }
}
