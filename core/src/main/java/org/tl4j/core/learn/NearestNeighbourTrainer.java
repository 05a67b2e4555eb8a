package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tl4j.core.matrix.FeatureColumns;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k-nearest-neighbour learner with Euclidean distance, the classifier of the domain-adaptation benchmark tables
 * (1-NN). The model stores the training examples as a dense matrix and answers batches with matrix products
 * ({@code ‖x−y‖² = ‖x‖² + ‖y‖² − 2x·y}, native BLAS where it loads), re-checking near-ties with exact distances, so
 * results equal a direct search whichever backend multiplies; ties are broken by the lower training index.
 * Classification votes by majority (ties: the nearest of the tied classes); regression averages. Example weights are
 * ignored.
 *
 * @param <T> output type ({@link org.tribuo.classification.Label} or {@link org.tribuo.regression.Regressor})
 */
public final class NearestNeighbourTrainer<T extends Output<T>> extends DeterministicTrainer<T, NearestNeighbourModel<T>> {

    @Config(description = "Number of neighbours")
    private int k = 1;


    /** For OLCUT. */
    @SuppressWarnings("unused")
    private NearestNeighbourTrainer() {
    }

    /**
     * @param k number of neighbours ≥ 1
     */
    public NearestNeighbourTrainer(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid neighbour count: " + k + " (must be at least 1)");
        }
        this.k = k;
    }

    @Override
    public void postConfig() {
        if (k < 1) {
            throw new PropertyException("", "k", "Invalid neighbour count: " + k + " (must be at least 1)");
        }
    }

    @Override
    protected NearestNeighbourModel<T> fit(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        ImmutableFeatureMap fmap = examples.getFeatureIDMap();
        int n = examples.size();
        int d = fmap.size();
        double[] x = new double[n * d];
        List<T> outputs = new ArrayList<>(n);
        FeatureColumns columns = new FeatureColumns(fmap::getID);
        int i = 0;
        for (Example<T> e : examples) {
            int p = 0;
            for (Feature f : e) {
                int id = columns.column(p++, f.getName());
                if (id >= 0) {
                    x[i * d + id] = f.getValue();
                }
            }
            outputs.add(e.getOutput());
            i++;
        }
        ModelProvenance prov = new ModelProvenance(NearestNeighbourModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), getProvenance(), runProvenance);
        return new NearestNeighbourModel<>(k + "-nn", prov, fmap, examples.getOutputIDInfo(), k, n, d, x, outputs);
    }




    @Override
    public String toString() {
        return "NearestNeighbourTrainer(k=" + k + ")";
    }
}
