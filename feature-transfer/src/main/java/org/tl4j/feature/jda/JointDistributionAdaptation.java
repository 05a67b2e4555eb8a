package org.tl4j.feature.jda;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.mmd.MmdEmbedding;
import org.tl4j.feature.mmd.MmdMatrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Joint Distribution Adaptation: an embedding that reduces both the marginal MMD between source and target and
 * the class-conditional MMDs, the target's classes taken from pseudo-labels that are refined over iterations,
 * <pre>
 *   min Σ_{c=0..C} tr(Aᵀ Φ M_c Φᵀ A) + λ‖A‖²_F   subject to   Aᵀ Φ H Φᵀ A = I,
 * </pre>
 * where {@code M_0} is the marginal MMD matrix and {@code M_c} contrasts source class {@code c} with the target
 * samples (pseudo-)labelled {@code c}. Each iteration solves the generalised eigenproblem, embeds all samples, and
 * relabels the target with a classifier trained on the embedded source (1-NN in the paper).
 * <p>
 * Details follow the released code, which produced the published table: each sample is scaled to unit length,
 * {@code M_0} is weighted by the number of classes {@code C} and {@code M = Σ M_c} is divided by its Frobenius
 * norm, the first iteration uses {@code M_0} only, each embedding vector is scaled to unit length before the
 * classifier, the eigenvectors have unit length, and the result is that of the last of {@code T} iterations. Target
 * samples whose labels are known (inductive tasks) enter {@code M_c} with their true labels.
 * <p>
 * Reference: M. Long, J. Wang, G. Ding, J. Sun and P. S. Yu, "Transfer Feature Learning with Joint Distribution
 * Adaptation", ICCV 2013, eq. (9) and Algorithm 1.
 *
 * @see org.tl4j.feature.tca.TransferComponentAnalysis
 * @see org.tl4j.feature.bda.BalancedDistributionAdaptation
 */
public final class JointDistributionAdaptation {
    private JointDistributionAdaptation() {
    }

    /**
     * Settings.
     *
     * @param components the number of components {@code k ≥ 1}
     * @param lambda     the regulariser {@code λ > 0}
     * @param iterations the number of pseudo-label iterations {@code T ≥ 1}
     * @param kernel     the parameterisation
     * @param gamma      the RBF inverse width
     */
    public record Options(int components, double lambda, int iterations, EmbeddingKernel kernel, double gamma) {
        /** Validates the settings. */
        public Options {
            if (components < 1) {
                throw new IllegalArgumentException("Invalid number of JDA components k: " + components + " (must be at least 1)");
            }
            if (!(lambda > 0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("Invalid JDA regularisation lambda: " + lambda + " (must be positive and finite)");
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("Invalid number of JDA iterations: " + iterations + " (must be at least 1)");
            }
            if (kernel == null) {
                throw new IllegalArgumentException("JDA needs a kernel: primal, linear or rbf");
            }
            if (kernel == EmbeddingKernel.RBF && !(gamma > 0 && Double.isFinite(gamma))) {
                throw new IllegalArgumentException("Invalid RBF kernel width gamma: " + gamma + " (must be positive and finite)");
            }
        }
    }

    /** Labels the target embedding from the labelled source embedding (class ids {@code 0 … C−1}). */
    @FunctionalInterface
    public interface PseudoLabeller {
        /**
         * @param source       embedded source samples, rows
         * @param sourceLabels their class ids
         * @param target       embedded target samples to label, rows
         * @return one class id per target row
         */
        int[] label(DMatrixRMaj source, int[] sourceLabels, DMatrixRMaj target);
    }

    /**
     * The fitted embedding.
     *
     * @param solution     the last iteration's map and training embedding (sources first)
     * @param pseudoLabels the last iteration's labels of the unlabelled target samples
     * @param changes      per iteration after the first, how many pseudo-labels changed
     */
    public record Result(MmdEmbedding.Solution solution, int[] pseudoLabels, List<Integer> changes) {
    }

    /**
     * Fits JDA.
     *
     * @param source         source samples, rows
     * @param sourceLabels   their class ids {@code 0 … C−1}
     * @param targetLabelled labelled target samples, rows (possibly none)
     * @param targetLabels   their class ids
     * @param targetUnlabelled unlabelled target samples, rows
     * @param classes        {@code C}
     * @param labeller       the classifier that produces pseudo-labels
     */
    public static Result fit(DMatrixRMaj source, int[] sourceLabels, DMatrixRMaj targetLabelled, int[] targetLabels,
                             DMatrixRMaj targetUnlabelled, int classes, Options o, PseudoLabeller labeller) {
        int present = countPresent(sourceLabels, classes);
        return iterate(source, sourceLabels, targetLabelled, targetLabels, targetUnlabelled, classes, o.components(),
                o.lambda(), o.iterations(), o.kernel(), o.gamma(), labeller, "JDA", (targetClasses, ns, nt) -> {
                    MmdMatrix m = MmdMatrix.marginal(ns, nt, present);
                    return targetClasses == null ? m
                            : m.plus(MmdMatrix.conditional(sourceLabels, targetClasses, classes, null, 1.0));
                }, false);
    }

    /** Builds the MMD matrix of one iteration. */
    @FunctionalInterface
    public interface MmdSchedule {
        /**
         * @param targetClasses class ids of all target rows (labelled rows first; {@code -1} where unknown), or
         *                      {@code null} when no target row has a label yet
         * @param ns            source rows
         * @param nt            target rows
         */
        MmdMatrix matrix(int[] targetClasses, int ns, int nt);
    }

    /**
     * The pseudo-label iteration shared by JDA and BDA.
     *
     * @param initialLabels whether to label the target in the input space before the first iteration (W-BDA)
     */
    public static Result iterate(DMatrixRMaj source, int[] sourceLabels, DMatrixRMaj targetLabelled, int[] targetLabels,
                                 DMatrixRMaj targetUnlabelled, int classes, int components, double lambda,
                                 int iterations, EmbeddingKernel kernel, double gamma, PseudoLabeller labeller,
                                 String name, MmdSchedule schedule, boolean initialLabels) {
        int ns = source.numRows;
        int nl = targetLabelled.numRows;
        int nu = targetUnlabelled.numRows;
        int nt = nl + nu;
        if (sourceLabels.length != ns || targetLabels.length != nl) {
            throw new IllegalArgumentException(name + ": " + ns + " source rows with " + sourceLabels.length
                    + " labels, " + nl + " labelled target rows with " + targetLabels.length + " labels");
        }
        if (ns < 1 || nt < 1) {
            throw new IllegalArgumentException(name + " needs source and target samples, found " + ns + " source and "
                    + nt + " target");
        }
        DMatrixRMaj target = TaskMatrices.stackRows(targetLabelled, targetUnlabelled);
        MmdEmbedding problem = MmdEmbedding.prepare(TaskMatrices.stackRows(source, target), kernel, gamma, true);
        int[] pseudo = null;
        if (initialLabels && nu > 0) {
            pseudo = labeller.label(normalisedRows(source), sourceLabels, normalisedRows(targetUnlabelled));
        }
        List<Integer> changes = new ArrayList<>();
        MmdEmbedding.Solution solution = null;
        for (int t = 0; t < iterations; t++) {
            int[] targetClasses;
            if (pseudo != null) {
                targetClasses = concat(targetLabels, pseudo);
            } else if (nl > 0) {
                int[] unknown = new int[nu];
                java.util.Arrays.fill(unknown, -1);
                targetClasses = concat(targetLabels, unknown);
            } else {
                targetClasses = null;
            }
            solution = problem.solve(schedule.matrix(targetClasses, ns, nt).normalised(), lambda, components, true, name);
            if (nu == 0) {
                break;
            }
            DMatrixRMaj z = solution.embedding();
            int[] next = labeller.label(TaskMatrices.rows(z, 0, ns), sourceLabels, TaskMatrices.rows(z, ns + nl, ns + nt));
            if (next.length != nu) {
                throw new IllegalStateException(name + ": the pseudo-labeller returned " + next.length + " labels for "
                        + nu + " target samples");
            }
            if (pseudo != null) {
                int changed = 0;
                for (int i = 0; i < nu; i++) {
                    if (pseudo[i] != next[i]) {
                        changed++;
                    }
                }
                changes.add(changed);
            }
            pseudo = next;
        }
        return new Result(solution, pseudo == null ? new int[0] : pseudo, Collections.unmodifiableList(changes));
    }

    private static int countPresent(int[] labels, int classes) {
        boolean[] seen = new boolean[classes];
        int c = 0;
        for (int l : labels) {
            if (!seen[l]) {
                seen[l] = true;
                c++;
            }
        }
        return c;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static DMatrixRMaj normalisedRows(DMatrixRMaj x) {
        DMatrixRMaj out = x.copy();
        double[] r = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(out.data, i * x.numCols, r, 0, x.numCols);
            org.tl4j.feature.mapping.VectorMap.normalise(r);
            System.arraycopy(r, 0, out.data, i * x.numCols, x.numCols);
        }
        return out;
    }
}
