package org.tl4j.feature.jda;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Base of the strategies that refine target pseudo-labels between embeddings (JDA, BDA): the pseudo-labeller is the
 * strategy's own inner learner, trained on the embedded source rows at each iteration with a seed derived from the
 * fit's seed and the iteration, and the returned model is that learner trained on the last embedding.
 *
 * @see JdaStrategy
 * @see org.tl4j.feature.bda.BdaStrategy
 */
public abstract class PseudoLabelStrategy extends MappingStrategy<Label> {

    /** For OLCUT configuration. */
    protected PseudoLabelStrategy() {
    }

    /** A strategy composed with {@code inner}. */
    protected PseudoLabelStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** One run of an iterative algorithm, given how to build its pseudo-labeller. */
    @FunctionalInterface
    protected interface IterativeFit {
        /**
         * @param data     the task's matrices
         * @param labeller the pseudo-labeller (the inner learner on embedded rows) for a class index
         */
        JointDistributionAdaptation.Result fit(TaskMatrices<Label> data,
                                               Function<ClassIndex, JointDistributionAdaptation.PseudoLabeller> labeller);
    }

    /**
     * Runs {@code fit} and builds the model from its last embedding.
     *
     * @param prefix the mapped features' name prefix, e.g. {@code jda}
     */
    protected final TransferModel<Label> fitIterative(TransferTask<Label> task, long seed, String prefix, IterativeFit fit) {
        TaskMatrices<Label> data = TaskMatrices.of(task);
        int[] round = {0};
        JointDistributionAdaptation.Result r = fit.fit(data, classes -> (zs, ys, zt) -> {
            FeatureSpace space = ExampleMapping.outputSpace(prefix, zs.numCols);
            List<Label> labels = new ArrayList<>(ys.length);
            for (int y : ys) {
                labels.add(classes.label(y));
            }
            Model<Label> m = trainInner(dataset(descriptor().name() + " pseudo-labelling round " + round[0],
                    task.outputFactory(), space, zs, labels), Seeds.derive(seed, "pseudo-labels", round[0]));
            round[0]++;
            return classes.ids(predictRows(m, task.outputFactory(), space, zt));
        });
        int used = r.solution().components();
        FeatureSpace out = ExampleMapping.outputSpace(prefix, used);
        DMatrixRMaj z = r.solution().embedding();
        int ns = data.sourceSize();
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("components", new IntProvenance("components", used));
        extra.put("pseudo-label-changes", new StringProvenance("pseudo-label-changes", r.changes().toString()));
        return finish(task, seed, data, TaskMatrices.rows(z, 0, ns),
                TaskMatrices.rows(z, ns, ns + data.targetLabelledSize()), out,
                new ExampleMapping(task.featureSpace(), out, r.solution().map()), extra);
    }
}
