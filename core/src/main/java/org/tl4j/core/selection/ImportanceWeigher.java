package org.tl4j.core.selection;

import org.ejml.data.DMatrixRMaj;

/**
 * Estimates importance weights {@code w(x) ≈ p_target(x)/p_source(x)} of source points from unlabelled samples:
 * the ingredient of importance-weighted validation ({@link LabelFreeSelection}). Every density-ratio estimator of
 * the instance-transfer module can serve; {@link DomainClassifierWeigher} is the default.
 */
@FunctionalInterface
public interface ImportanceWeigher {

    /**
     * The weights of the source rows.
     *
     * @param source {@code n × d}; not modified
     * @param target {@code m × d}; not modified
     * @param seed   seed for any random choice
     * @return {@code n} finite, non-negative weights; IWCV accepts any positive scale, DEV needs calibrated weights
     *         ({@code E_source[w] = 1}, as density ratios are), since its control variate uses their sample mean
     */
    double[] weights(DMatrixRMaj source, DMatrixRMaj target, long seed);
}
