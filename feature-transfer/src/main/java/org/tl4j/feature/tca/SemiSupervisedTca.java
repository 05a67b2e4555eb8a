package org.tl4j.feature.tca;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.feature.linalg.GeneralizedEigen;
import org.tl4j.feature.linalg.Kernel;
import org.tl4j.feature.linalg.SymmetricEigen;
import org.tl4j.feature.mapping.KernelMap;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mapping.VectorMap;
import org.tl4j.feature.mmd.EmbeddingKernel;

import java.util.Arrays;

/**
 * Semi-supervised Transfer Component Analysis (SSTCA): TCA whose components also depend on the labels, by
 * maximising the dependence (HSIC) between the embedding and the labels, and preserve the local geometry of the
 * data with a manifold regulariser,
 * <pre>
 *   max tr{ (Wᵀ K (L + λ𝓛) K W + μI)⁻¹ Wᵀ K H K̃yy H K W },   K̃yy = γ K_l + (1 − γ) I,
 * </pre>
 * solved by the leading eigenvectors of the symmetric-definite pencil. {@code K_l} is the label kernel
 * ({@code 1} for two labelled samples of the same class, {@code 0} otherwise, and {@code 0} for unlabelled samples),
 * {@code γ} trades label dependence against variance, and {@code 𝓛 = D − A} is the Laplacian of the symmetric
 * {@code m}-nearest-neighbour graph ({@code A_ij = 1} when either sample is among the other's {@code m} nearest,
 * a binary simplification of the paper's heat weights) with weight {@code λ}. With the PRIMAL parameterisation
 * {@code K} is replaced by the data matrix and {@code W} is a projection of the inputs.
 * <p>
 * The pencil is not a low-rank update of the identity (the Laplacian is full rank), so this class solves it densely:
 * {@code O(d³)} for PRIMAL, {@code O(n³)} for the kernels.
 * <p>
 * Reference: S. J. Pan, I. W. Tsang, J. T. Kwok and Q. Yang, "Domain Adaptation via Transfer Component Analysis",
 * IEEE Transactions on Neural Networks 22(2), 2011, Section V (eq. (14)–(17)).
 *
 * @see TransferComponentAnalysis
 */
public final class SemiSupervisedTca {
    private SemiSupervisedTca() {
    }

    /**
     * Settings.
     *
     * @param components  the number of components {@code k ≥ 1}
     * @param mu          the regulariser {@code μ > 0}
     * @param kernel      the parameterisation
     * @param gamma       the RBF inverse width
     * @param labelWeight {@code γ ∈ [0, 1]}, the weight of the label kernel
     * @param manifold    {@code λ ≥ 0}, the weight of the manifold regulariser
     * @param neighbours  {@code m ≥ 1}, the neighbours of the graph
     */
    public record Options(int components, double mu, EmbeddingKernel kernel, double gamma, double labelWeight,
                          double manifold, int neighbours) {
        /** Validates the settings. */
        public Options {
            new TransferComponentAnalysis.Options(components, mu, kernel, gamma);
            if (!(labelWeight >= 0 && labelWeight <= 1)) {
                throw new IllegalArgumentException("Invalid SSTCA label weight gamma: " + labelWeight + " (must be in [0, 1])");
            }
            if (!(manifold >= 0) || !Double.isFinite(manifold)) {
                throw new IllegalArgumentException("Invalid SSTCA manifold weight lambda: " + manifold
                        + " (must be finite and non-negative)");
            }
            if (neighbours < 1) {
                throw new IllegalArgumentException("Invalid SSTCA neighbour count: " + neighbours + " (must be at least 1)");
            }
        }
    }

    /**
     * A fitted SSTCA map.
     *
     * @param map         maps a sample to its components
     * @param embedding   the training embedding (samples in input order: labelled, then unlabelled)
     * @param eigenvalues the generalised eigenvalues, descending
     */
    public record Result(VectorMap map, DMatrixRMaj embedding, double[] eigenvalues) {
    }

    /**
     * Fits SSTCA.
     *
     * @param labelled   the labelled samples (sources, then any labelled target samples), rows
     * @param labels     their class ids {@code 0 … C−1}
     * @param sourceSize how many of the labelled rows are source rows (the rest are target)
     * @param unlabelled the unlabelled target samples, rows
     */
    public static Result fit(DMatrixRMaj labelled, int[] labels, int sourceSize, DMatrixRMaj unlabelled, Options o) {
        if (labels.length != labelled.numRows) {
            throw new IllegalArgumentException(labelled.numRows + " labelled rows but " + labels.length + " labels");
        }
        int ns = sourceSize;
        int n = labelled.numRows + unlabelled.numRows;
        int nt = n - ns;
        if (ns < 1 || nt < 1) {
            throw new IllegalArgumentException("SSTCA needs source and target samples, found " + ns + " source and "
                    + nt + " target");
        }
        DMatrixRMaj x = TaskMatrices.stackRows(labelled, unlabelled);
        int d = x.numCols;
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        // Φ: columns are the samples' representations (d×n for PRIMAL, K for the kernels).
        Kernel kernel = o.kernel() == EmbeddingKernel.RBF ? Kernel.rbf(o.gamma()) : Kernel.linear();
        DMatrixRMaj phi;
        if (o.kernel() == EmbeddingKernel.PRIMAL) {
            phi = new DMatrixRMaj(d, n);
            CommonOps_DDRM.transpose(x, phi);
        } else {
            phi = kernel.gram(x);
        }
        int m = phi.numRows;
        // Centred Φ: Φ H.
        DMatrixRMaj phiH = phi.copy();
        for (int i = 0; i < m; i++) {
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += phi.unsafe_get(i, j);
            }
            mean /= n;
            for (int j = 0; j < n; j++) {
                phiH.unsafe_set(i, j, phiH.unsafe_get(i, j) - mean);
            }
        }
        // B = γ (ΦHY)(ΦHY)ᵀ + (1−γ) ΦHΦᵀ with Y the one-hot labels (zero rows for unlabelled samples).
        DMatrixRMaj b = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(phiH, phiH, b);
        CommonOps_DDRM.scale(1 - o.labelWeight(), b);
        if (o.labelWeight() > 0 && classes > 0) {
            DMatrixRMaj phiHy = new DMatrixRMaj(m, classes);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < labels.length; j++) {
                    phiHy.unsafe_set(i, labels[j], phiHy.unsafe_get(i, labels[j]) + phiH.unsafe_get(i, j));
                }
            }
            DMatrixRMaj lab = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(phiHy, phiHy, lab);
            CommonOps_DDRM.addEquals(b, o.labelWeight(), lab);
        }
        // A = Φ (L + λ𝓛) Φᵀ + μ I with L = eeᵀ.
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = i < ns ? 1.0 / ns : -1.0 / nt;
        }
        double[] phiE = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += phi.unsafe_get(i, j) * e[j];
            }
            phiE[i] = s;
        }
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a.unsafe_set(i, j, phiE[i] * phiE[j]);
            }
            a.unsafe_set(i, i, a.unsafe_get(i, i) + o.mu());
        }
        if (o.manifold() > 0) {
            DMatrixRMaj lap = laplacian(x, o.neighbours());
            DMatrixRMaj phiLap = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(phi, lap, phiLap);
            DMatrixRMaj term = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(phiLap, phi, term);
            CommonOps_DDRM.addEquals(a, o.manifold(), term);
        }
        int rank = Math.min(o.components(), Math.min(m, n - 1));
        SymmetricEigen eig = GeneralizedEigen.top(b, a, rank, "SSTCA pencil");
        int kk = 0;
        while (kk < rank && eig.values()[kk] > 1e-10 * eig.values()[0]) {
            kk++;
        }
        if (kk == 0) {
            throw new ArithmeticException("SSTCA found no component with positive variance: the samples are degenerate");
        }
        DMatrixRMaj w = CommonOps_DDRM.extract(eig.vectors(), 0, m, 0, kk);
        double[] mu = Arrays.copyOf(eig.values(), kk);
        VectorMap map;
        DMatrixRMaj z = new DMatrixRMaj(n, kk);
        if (o.kernel() == EmbeddingKernel.RBF) {
            map = new KernelMap("SSTCA", kernel, x, w, false, false);
            CommonOps_DDRM.mult(phi, w, z);
        } else {
            DMatrixRMaj proj = w;
            if (o.kernel() == EmbeddingKernel.LINEAR) {
                proj = new DMatrixRMaj(d, kk);
                CommonOps_DDRM.multTransA(x, w, proj);
            }
            map = new LinearMap("SSTCA", proj, null, false, false);
            CommonOps_DDRM.mult(x, proj, z);
        }
        return new Result(map, z, mu);
    }

    /** The Laplacian {@code D − A} of the symmetric binary {@code m}-nearest-neighbour graph of the rows of {@code x}. */
    static DMatrixRMaj laplacian(DMatrixRMaj x, int m) {
        int n = x.numRows;
        int neighbours = Math.min(m, n - 1);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, g);
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = g.unsafe_get(i, i);
        }
        DMatrixRMaj adj = new DMatrixRMaj(n, n);
        Integer[] idx = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                idx[j] = j;
                dist[j] = j == i ? Double.POSITIVE_INFINITY : norms[i] + norms[j] - 2 * g.unsafe_get(i, j);
            }
            Arrays.sort(idx, (p, q) -> {
                int c = Double.compare(dist[p], dist[q]);
                return c != 0 ? c : Integer.compare(p, q);
            });
            for (int t = 0; t < neighbours; t++) {
                adj.unsafe_set(i, idx[t], 1);
                adj.unsafe_set(idx[t], i, 1);
            }
        }
        DMatrixRMaj lap = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double deg = 0;
            for (int j = 0; j < n; j++) {
                double v = adj.unsafe_get(i, j);
                deg += v;
                lap.unsafe_set(i, j, -v);
            }
            lap.unsafe_set(i, i, lap.unsafe_get(i, i) + deg);
        }
        return lap;
    }
}
