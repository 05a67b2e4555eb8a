package org.tl4j.feature.tca;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.mmd.MmdEmbedding;
import org.tl4j.feature.mmd.MmdMatrix;

/**
 * Transfer Component Analysis (unsupervised TCA): the {@code k} "transfer components" along which the source and
 * target samples have the smallest maximum mean discrepancy while their variance is kept,
 * <pre>
 *   min tr(Wᵀ K L K W) + μ tr(WᵀW)   subject to   Wᵀ K H K W = I,
 * </pre>
 * solved by the {@code k} leading eigenvectors of {@code (KLK + μI)⁻¹ KHK}; {@code L = eeᵀ} with
 * {@code e = [1/nₛ …; −1/nₜ …]} is the MMD matrix and {@code H} the centring matrix. The embedding of a sample is
 * {@code Wᵀ k(X, x)}. With the linear kernel, {@code μ = 1} and {@code k = 100} on z-scored SURF features this is the
 * TCA column of Long et al.'s JDA table, reproduced exactly (see the module README).
 * <p>
 * Reference: S. J. Pan, I. W. Tsang, J. T. Kwok and Q. Yang, "Domain Adaptation via Transfer Component Analysis",
 * IEEE Transactions on Neural Networks 22(2), 2011, Section IV (eq. (8)–(10)).
 *
 * @see SemiSupervisedTca
 * @see org.tl4j.feature.jda.JointDistributionAdaptation
 * @see MmdEmbedding
 */
public final class TransferComponentAnalysis {
    private TransferComponentAnalysis() {
    }

    /**
     * Settings.
     *
     * @param components the number of transfer components {@code k ≥ 1} (fewer when the data have lower rank)
     * @param mu         the trade-off {@code μ > 0} between MMD and the complexity of {@code W}
     * @param kernel     the kernel ({@link EmbeddingKernel#LINEAR} in the paper's experiments on text; PRIMAL
     *                   regularises a projection of the inputs instead)
     * @param gamma      the RBF inverse width
     */
    public record Options(int components, double mu, EmbeddingKernel kernel, double gamma) {
        /** Validates the settings. */
        public Options {
            if (components < 1) {
                throw new IllegalArgumentException("Invalid number of TCA components: " + components + " (must be at least 1)");
            }
            if (!(mu > 0) || !Double.isFinite(mu)) {
                throw new IllegalArgumentException("Invalid TCA trade-off mu: " + mu + " (must be positive and finite)");
            }
            if (kernel == null) {
                throw new IllegalArgumentException("TCA needs a kernel: primal, linear or rbf");
            }
            if (kernel == EmbeddingKernel.RBF && !(gamma > 0 && Double.isFinite(gamma))) {
                throw new IllegalArgumentException("Invalid RBF kernel width gamma: " + gamma + " (must be positive and finite)");
            }
        }
    }

    /**
     * Fits TCA on source and target samples (rows; not modified).
     *
     * @return the fitted map (inputs in the original feature order) and the training embedding, sources first
     */
    public static MmdEmbedding.Solution fit(DMatrixRMaj source, DMatrixRMaj target, Options o) {
        if (source.numRows < 1 || target.numRows < 1) {
            throw new IllegalArgumentException("TCA needs source and target samples, found " + source.numRows
                    + " source and " + target.numRows + " target");
        }
        DMatrixRMaj x = TaskMatrices.stackRows(source, target);
        MmdEmbedding problem = MmdEmbedding.prepare(x, o.kernel(), o.gamma(), false);
        return problem.solve(MmdMatrix.marginal(source.numRows, target.numRows, 1.0), o.mu(), o.components(), false,
                "TCA");
    }
}
