package org.tl4j.core.eval;

/**
 * Domain-discrepancy measures between one source domain and the target's training data (labelled and
 * unlabelled; the test features when there are none), computed before any training.
 *
 * @param task           task name
 * @param seed           seed of the task draw (and of the subsampling)
 * @param source         source domain name
 * @param target         what the target sample was, e.g. {@code target(train+unlabelled)}
 * @param mmdLinear      squared MMD, linear kernel
 * @param mmdRbf         unbiased squared MMD, Gaussian kernel
 * @param rbfSigma       the Gaussian kernel width (median heuristic)
 * @param proxyADistance proxy A-distance
 * @param coral          CORAL covariance distance
 */
public record DiscrepancyRecord(String task, long seed, String source, String target, double mmdLinear,
                                double mmdRbf, double rbfSigma, double proxyADistance, double coral) {
}
