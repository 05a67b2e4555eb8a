package org.tl4j.instance;

/**
 * How importance weights reach the inner Tribuo learner.
 * <p>
 * Learners that implement Tribuo's {@link org.tribuo.WeightedExamples} ({@code logistic}, {@code logistic-sgd}, {@code linear-svm-sgd},
 * {@code least-squares}, {@code ridge:<λ>}) minimise the weighted empirical risk, which is what importance
 * weighting means. Learners that ignore example weights ({@code 1nn}, {@code knn:<k>}) would silently reduce every
 * weighting strategy to its unweighted baseline; for them the weights are applied by importance resampling: the
 * training set is redrawn with replacement, each example with probability proportional to its weight (the
 * resampling form of importance weighting; Zadrozny, Langford &amp; Abe, <i>Cost-sensitive learning by
 * cost-proportionate example weighting</i>, ICDM 2003), so near-zero-weight source points drop out of a
 * nearest-neighbour classifier.
 */
public enum WeightUse {
    /** Example weights when the inner learner honours them, otherwise resampling (with a warning). */
    AUTO,
    /** Example weights only; a learner that ignores them is rejected with an error. */
    EXAMPLE_WEIGHTS,
    /** Importance resampling, whatever the learner. */
    RESAMPLE
}
