package org.tl4j.instance.discriminative;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.selection.DomainClassifierWeigher;
import org.tl4j.instance.DensityRatioSamples;
import org.tl4j.instance.kernel.RandomFourierFeatures;

/**
 * Discriminative density-ratio estimation (Bickel, Brückner &amp; Scheffer, <i>Discriminative learning for differing
 * training and test distributions</i>, ICML 2007): a probabilistic domain classifier separates target from source
 * points and the importance weight of a source point is its odds of belonging to the target,
 * {@code w(x) = P(target|x)/P(source|x)} under equal class priors, which equals {@code p_t(x)/p_s(x)} when the
 * classifier is well specified.
 * <p>
 * Bickel et al. use kernel logistic regression; here the logistic regression ({@link DomainClassifierWeigher},
 * L2 penalty chosen by cross-validated domain log-loss) runs on one of three feature maps: the raw features
 * ({@link Features#LINEAR}: log-linear ratios, e.g. Gaussians with equal covariances), the features and their
 * squares ({@link Features#QUADRATIC}: exact for Gaussians with diagonal covariances, the default), or
 * {@code D} random Fourier features of a Gaussian kernel ({@link Features#RANDOM_FOURIER}: an approximation of
 * Bickel's kernel logistic regression whose cost is linear in the number of points).
 *
 * @see org.tl4j.instance.kliep.Kliep
 * @see org.tl4j.instance.kmm.KernelMeanMatching
 */
public final class DiscriminativeRatio {

    private DiscriminativeRatio() {
    }

    /** The domain classifier's input features. */
    public enum Features {
        /** The raw features. */
        LINEAR,
        /** The raw features and their squares. */
        QUADRATIC,
        /** Random Fourier features of a Gaussian kernel (median-heuristic width). */
        RANDOM_FOURIER
    }

    /**
     * Settings.
     *
     * @param features       the feature map
     * @param randomFeatures the number {@code D} of random Fourier features
     * @param classifier     the logistic regression's settings ({@code quadratic} is set from {@code features})
     */
    public record Options(Features features, int randomFeatures, DomainClassifierWeigher.Options classifier) {
        /** Validates. */
        public Options {
            if (features == null) {
                throw new IllegalArgumentException("features must be linear, quadratic or random-fourier");
            }
            if (randomFeatures < 1) {
                throw new IllegalArgumentException("Invalid randomFeatures: " + randomFeatures + " (must be >= 1)");
            }
        }

        /** Quadratic features, the classifier's defaults, 200 random features if chosen. */
        public static Options defaults() {
            return new Options(Features.QUADRATIC, 200, DomainClassifierWeigher.Options.defaults());
        }
    }

    /**
     * Fitted weights.
     *
     * @param weights one weight per source row
     * @param lambda  the chosen penalty
     * @param sigma   the kernel width of random Fourier features ({@code NaN} for the other maps)
     */
    public record Result(double[] weights, double lambda, double sigma) {
        /** A copy of the weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * Estimates the weights of the source rows.
     *
     * @param source {@code n × d}; not modified
     * @param target {@code m × d}; not modified
     * @param seed   seeds the folds and the random features
     * @throws IllegalArgumentException on empty or non-finite input
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, Options options, long seed) {
        if (source.numRows == 0 || target.numRows == 0) {
            throw new IllegalArgumentException("Discriminative weighting needs both samples: " + source.numRows
                    + " source and " + target.numRows + " target points (pass unlabelled target data)");
        }
        DensityRatioSamples.checkFinite(source, "source");
        DensityRatioSamples.checkFinite(target, "target");
        DMatrixRMaj s = source;
        DMatrixRMaj t = target;
        double sigma = Double.NaN;
        if (options.features() == Features.RANDOM_FOURIER) {
            sigma = GaussianKernel.medianWidth(source, target, seed);
            RandomFourierFeatures rff = new RandomFourierFeatures(source.numCols, options.randomFeatures(), sigma, seed);
            s = rff.transform(source);
            t = rff.transform(target);
        }
        DomainClassifierWeigher.Result r = DomainClassifierWeigher.fit(s, t,
                options.classifier().withQuadratic(options.features() == Features.QUADRATIC), seed);
        return new Result(r.weights(), r.lambda(), sigma);
    }
}
