package org.tl4j.instance;

import org.tl4j.core.Datasets;
import org.tl4j.core.learn.SeededTrainers;
import org.tl4j.core.learn.Seeds;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fits an inner Tribuo learner to examples with weights, as example weights or by importance resampling
 * ({@link WeightUse}), under an explicit seed: the one place where instance weights reach a learner.
 */
public final class WeightedFits {
    private static final Logger logger = Logger.getLogger(WeightedFits.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private WeightedFits() {
    }

    /**
     * How {@code use} applies to {@code inner}: {@link WeightUse#AUTO} becomes example weights for learners that
     * implement {@link WeightedExamples} and resampling otherwise (logging one warning per strategy and learner).
     *
     * @param strategy names the strategy in messages
     * @throws IllegalArgumentException if {@code use} is {@link WeightUse#EXAMPLE_WEIGHTS} and the learner ignores
     *                                  weights
     */
    public static WeightUse resolve(WeightUse use, Trainer<?> inner, String strategy) {
        boolean weighted = inner instanceof WeightedExamples;
        String learner = inner.getClass().getSimpleName();
        if (use == WeightUse.EXAMPLE_WEIGHTS && !weighted) {
            throw new IllegalArgumentException(ignoresWeights(strategy, learner));
        }
        if (use != WeightUse.AUTO) {
            return use;
        }
        if (weighted) {
            return WeightUse.EXAMPLE_WEIGHTS;
        }
        if (WARNED.add(strategy + "|" + learner)) {
            logger.warning("Strategy '" + strategy + "': inner learner " + learner + " ignores example weights, so "
                    + "instance weights are applied by importance resampling. Use a weighted learner (-o "
                    + "inner=logistic, logistic-sgd, linear-svm-sgd or least-squares) to pass them as example weights, or set "
                    + "weighting=resample to silence this warning.");
        }
        return WeightUse.RESAMPLE;
    }

    /** The message for a weight-ignoring learner configured with {@code weighting=example-weights}. */
    public static String ignoresWeights(String strategy, String learner) {
        return "Strategy '" + strategy + "' was told to pass instance weights as example weights "
                + "(weighting=example-weights), but inner learner " + learner + " ignores example weights: choose "
                + "logistic, logistic-sgd, linear-svm-sgd, least-squares or ridge:<lambda>, or set weighting=resample (or auto)";
    }

    /**
     * Trains {@code inner} on {@code data} weighted by {@code weights}.
     *
     * @param use     {@link WeightUse#EXAMPLE_WEIGHTS} or {@link WeightUse#RESAMPLE} (resolved)
     * @param label   describes the training set in its provenance
     * @param weights one finite, non-negative weight per example (any scale; scaled to mean 1, so learners whose
     *                step sizes depend on the weight scale, such as SGD, see the usual scale)
     * @param seed    seeds the learner and the resampling
     */
    public static <T extends Output<T>> Model<T> train(Trainer<T> inner, WeightUse use, String label, Dataset<T> data,
                                                       double[] weights, long seed) {
        double[] w = InstanceWeights.normalise(weights, label + " weights");
        if (use == WeightUse.EXAMPLE_WEIGHTS) {
            return SeededTrainers.train(inner, Datasets.reweighted(label, data, w), Seeds.derive(seed, "inner"));
        }
        if (use != WeightUse.RESAMPLE) {
            throw new IllegalArgumentException("Resolve the weight use first: " + use);
        }
        int[] rows = InstanceWeights.resample(w, data.size(), Seeds.derive(seed, "resample"));
        MutableDataset<T> drawn = new MutableDataset<>(new SimpleDataSourceProvenance(label
                + " (importance-resampled " + data.getSourceDescription() + ")", data.getOutputFactory()),
                data.getOutputFactory());
        List<Example<T>> examples = new ArrayList<>(data.size());
        for (Example<T> ex : data) {
            examples.add(ex);
        }
        for (int r : rows) {
            Example<T> c = examples.get(r).copy();
            c.setWeight(1.0f);
            drawn.add(c);
        }
        return SeededTrainers.train(inner, drawn, Seeds.derive(seed, "inner"));
    }
}
