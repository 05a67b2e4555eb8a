package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k-nearest-neighbour learner with Euclidean distance, the classifier of the domain-adaptation benchmark tables
 * (1-NN). The model stores the training examples as a dense matrix and answers batches with matrix products
 * ({@code ‖x−y‖² = ‖x‖² + ‖y‖² − 2x·y}), re-checking near-ties with exact distances, so results equal a direct
 * search; ties are broken by the lower training index. Classification votes by majority (ties: the nearest of the
 * tied classes); regression averages. Example weights are ignored.
 *
 * @param <T> output type ({@link org.tribuo.classification.Label} or {@link org.tribuo.regression.Regressor})
 */
public final class NearestNeighbourTrainer<T extends Output<T>> implements Trainer<T> {

    @Config(description = "Number of neighbours")
    private int k = 1;

    private int invocationCount = 0;

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
    public NearestNeighbourModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized NearestNeighbourModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance,
                                                       int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        if (examples.size() == 0) {
            throw new IllegalArgumentException("Cannot fit nearest neighbours to an empty dataset");
        }
        ImmutableFeatureMap fmap = examples.getFeatureIDMap();
        int n = examples.size();
        int d = fmap.size();
        double[] x = new double[n * d];
        List<T> outputs = new ArrayList<>(n);
        int i = 0;
        for (Example<T> e : examples) {
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    x[i * d + id] = f.getValue();
                }
            }
            outputs.add(e.getOutput());
            i++;
        }
        this.invocationCount++;
        ModelProvenance prov = new ModelProvenance(NearestNeighbourModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), getProvenance(), runProvenance);
        return new NearestNeighbourModel<>(k + "-nn", prov, fmap, examples.getOutputIDInfo(), k, n, d, x, outputs);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("Invalid invocation count: " + invocationCount);
        }
        this.invocationCount = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "NearestNeighbourTrainer(k=" + k + ")";
    }
}
