package org.tl4j.feature.feda;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Approach;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * "Frustratingly easy" domain adaptation (FEDA): every sample is augmented with a shared copy of its features and
 * a copy in its own domain's block ({@link AugmentMap}), and the inner learner is trained on the augmented labelled
 * source and target samples, so it can learn weights common to all domains and weights specific to each (with an
 * L2-regularised learner the shared weights are preferred, which is what transfers). Target samples are augmented
 * with the target block at prediction time. Each source domain gets its own block. Inductive: needs labelled
 * target data. The augmented features are collinear by construction (the shared copy is the sum of the domain
 * copies), so the inner learner must be regularised: the provider's default for regression is ridge least squares
 * ({@value #DEFAULT_RIDGE}); unregularised least squares is refused by the learner with a message saying so.
 * <p>
 * Reference: H. Daumé III, "Frustratingly Easy Domain Adaptation", ACL 2007, Section 3 (eq. (1)).
 *
 * @param <T> output type
 */
public final class FedaStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("feda", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.INDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Frustratingly easy domain adaptation (Daume III 2007): shared + per-domain feature copies");

    /** The ridge penalty of the default regression learner (the regulariser that makes shared weights preferred). */
    public static final double DEFAULT_RIDGE = 1.0;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private FedaStrategy() {
    }

    /** FEDA with the given inner learner. */
    public FedaStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && ((TransferTask<?>) problem).targetTrain().isEmpty()) {
            why = "feda trains on labelled target data, but problem '" + problem.name() + "' has none";
        }
        return why;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        FeatureSpace in = task.featureSpace();
        int d = in.size();
        int domains = task.sources().size() + 1;
        List<String> names = new ArrayList<>(d * (domains + 1));
        for (String n : in.names()) {
            names.add("feda.shared." + n);
        }
        for (int k = 0; k < domains; k++) {
            String block = k < domains - 1 ? "source" + k : "target";
            for (String n : in.names()) {
                names.add("feda." + block + "." + n);
            }
        }
        FeatureSpace out = FeatureSpace.of(names);
        DMatrixRMaj sources = new DMatrixRMaj(0, out.size());
        int k = 0;
        for (Domain<T> s : task.sources()) {
            sources = TaskMatrices.stackRows(sources,
                    new AugmentMap(d, domains, k++).applyRows(TribuoMatrices.features(s, in)));
        }
        AugmentMap target = new AugmentMap(d, domains, domains - 1);
        return finish(task, seed, data, sources, target.applyRows(data.targetLabelled()), out,
                new ExampleMapping(in, out, target), Map.of());
    }

    /** Registers {@code feda}. */
    public static final class Provider implements TransferStrategyProvider {
        @Override
        public StrategyDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public boolean supports(OutputFactory<?> outputFactory) {
            return outputFactory instanceof LabelFactory || outputFactory instanceof RegressionFactory;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            if (outputFactory instanceof RegressionFactory) {
                return new FedaStrategy<>((Trainer<T>) (Trainer<?>) new LeastSquaresTrainer(DEFAULT_RIDGE));
            }
            return new FedaStrategy<>(InnerLearners.defaultFor(outputFactory));
        }
    }
}
