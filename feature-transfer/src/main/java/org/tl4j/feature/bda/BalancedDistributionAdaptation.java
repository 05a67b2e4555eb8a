package org.tl4j.feature.bda;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.feature.jda.JointDistributionAdaptation;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.mmd.MmdMatrix;

/**
 * Balanced Distribution Adaptation: JDA with the marginal and the class-conditional MMDs weighed against each other
 * by a balance factor {@code μ ∈ [0, 1]},
 * <pre>
 *   min (1 − μ) tr(Aᵀ Φ M₀ Φᵀ A) + μ Σ_c tr(Aᵀ Φ M_c Φᵀ A) + λ‖A‖²_F   subject to   Aᵀ Φ H Φᵀ A = I,
 * </pre>
 * ({@code μ → 0}: marginal only, like TCA; {@code μ = 0.5}: JDA's equal weighting); the weighted variant (W-BDA)
 * scales the target side of {@code M_c} by {@code α_c = Pₜ(c)/Pₛ(c)}, the ratio of the (pseudo-)label class priors,
 * to handle class imbalance. As in the authors' code the target is first labelled by the inner learner in the
 * input space (so {@code M_c} is present from the first iteration), samples and embeddings are scaled to unit
 * length, and {@code M} is divided by its Frobenius norm; unlike that code, {@code M} is recomputed from
 * {@code M₀} and the current {@code M_c} at every iteration, as the paper's objective states.
 * <p>
 * Reference: J. Wang, Y. Chen, S. Hao, W. Feng and Z. Shen, "Balanced Distribution Adaptation for Transfer
 * Learning", IEEE ICDM 2017, eq. (3) and (6).
 *
 * @see JointDistributionAdaptation
 */
public final class BalancedDistributionAdaptation {
    private BalancedDistributionAdaptation() {
    }

    /**
     * Settings.
     *
     * @param components the number of components {@code k ≥ 1}
     * @param lambda     the regulariser {@code λ > 0}
     * @param iterations the pseudo-label iterations {@code T ≥ 1}
     * @param kernel     the parameterisation
     * @param gamma      the RBF inverse width
     * @param mu         the balance factor {@code μ ∈ [0, 1]}
     * @param weighted   whether to use W-BDA's class-prior weights
     */
    public record Options(int components, double lambda, int iterations, EmbeddingKernel kernel, double gamma,
                          double mu, boolean weighted) {
        /** Validates the settings. */
        public Options {
            new JointDistributionAdaptation.Options(components, lambda, iterations, kernel, gamma);
            if (!(mu >= 0 && mu <= 1)) {
                throw new IllegalArgumentException("Invalid BDA balance factor mu: " + mu + " (must be in [0, 1])");
            }
        }
    }

    /**
     * Fits BDA; arguments as {@link JointDistributionAdaptation#fit}.
     */
    public static JointDistributionAdaptation.Result fit(DMatrixRMaj source, int[] sourceLabels,
                                                         DMatrixRMaj targetLabelled, int[] targetLabels,
                                                         DMatrixRMaj targetUnlabelled, int classes, Options o,
                                                         JointDistributionAdaptation.PseudoLabeller labeller) {
        double[] sourcePrior = prior(sourceLabels, classes);
        return JointDistributionAdaptation.iterate(source, sourceLabels, targetLabelled, targetLabels, targetUnlabelled,
                classes, o.components(), o.lambda(), o.iterations(), o.kernel(), o.gamma(), labeller, "BDA",
                (targetClasses, ns, nt) -> {
                    MmdMatrix m = MmdMatrix.marginal(ns, nt, 1 - o.mu());
                    if (targetClasses == null) {
                        return m;
                    }
                    double[] alpha = null;
                    if (o.weighted()) {
                        double[] targetPrior = prior(targetClasses, classes);
                        alpha = new double[classes];
                        for (int c = 0; c < classes; c++) {
                            alpha[c] = sourcePrior[c] > 0 ? targetPrior[c] / sourcePrior[c] : 0;
                        }
                    }
                    return m.plus(MmdMatrix.conditional(sourceLabels, targetClasses, classes, alpha, o.mu()));
                }, true);
    }

    /** Class frequencies among the known labels ({@code -1} entries are skipped). */
    static double[] prior(int[] labels, int classes) {
        double[] p = new double[classes];
        int known = 0;
        for (int l : labels) {
            if (l >= 0) {
                p[l]++;
                known++;
            }
        }
        for (int c = 0; c < classes && known > 0; c++) {
            p[c] /= known;
        }
        return p;
    }
}
