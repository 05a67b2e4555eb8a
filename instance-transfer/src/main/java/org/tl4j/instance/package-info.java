/**
 * Instance transfer (Pan &amp; Yang): labelled source instances re-weighted or re-selected for the target domain,
 * one sub-package per algorithm. Importance-weighting strategies ({@link org.tl4j.instance.ImportanceWeightingStrategy})
 * estimate {@code p_target(x)/p_source(x)} at every source example and pass it to the inner Tribuo learner as an
 * example weight ({@link org.tl4j.instance.WeightedFits}); the TrAdaBoost family reweights by boosting. Inner
 * learners that honour weights: {@code logistic}, {@code logistic-sgd}, {@code linear-svm-sgd}, {@code least-squares}, {@code ridge:<λ>};
 * {@code 1nn} and {@code knn:<k>} ignore them and receive importance-resampled data instead
 * ({@link org.tl4j.instance.WeightUse}).
 */
package org.tl4j.instance;
