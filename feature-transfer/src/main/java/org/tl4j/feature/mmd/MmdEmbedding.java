package org.tl4j.feature.mmd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.matrix.ColumnStatistics;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.linalg.Kernel;
import org.tl4j.feature.linalg.LowRankUpdatedEigen;
import org.tl4j.feature.linalg.SymmetricEigen;
import org.tl4j.feature.mapping.KernelMap;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.mapping.VectorMap;

import java.util.Objects;

/**
 * The embedding problem shared by TCA, JDA and BDA: find {@code k} directions that keep the data's variance while
 * making the MMD between sample sets small,
 * <pre>
 *   min tr(Wᵀ Φ M Φᵀ W) + λ‖W‖²_F   subject to   Wᵀ Φ H Φᵀ W = I,
 * </pre>
 * with {@code Φ = Xᵀ} ({@link EmbeddingKernel#PRIMAL}) or the kernel matrix {@code K} (LINEAR, RBF), {@code M} an
 * {@link MmdMatrix} and {@code H = I − 11ᵀ/n} the centring matrix (Pan et al., IEEE TNN 2011, eq. (8); Long et al.,
 * ICCV 2013, eq. (8)). The solution is the {@code k} leading generalised eigenvectors of
 * {@code (Φ H Φᵀ) w = μ (Φ M Φᵀ + λI) w}; as the MATLAB {@code eigs} used by the released code returns them, each is
 * scaled to unit Euclidean length.
 * <p>
 * {@link #prepare} diagonalises the data scatter once ({@code d×d} for PRIMAL and for LINEAR when {@code n > d},
 * {@code n×n} otherwise). Because {@code M} has low rank {@code r} (one marginal term plus at most one term per class)
 * and {@code λI + ΦMΦᵀ} is the identity plus a rank-{@code r} update, each {@link #solve} reduces exactly, by the
 * Woodbury identity, to the leading eigenvectors of a diagonal-plus-rank-{@code r} matrix, found by
 * {@link LowRankUpdatedEigen} without any {@code n×n} or dense {@code d×d} factorisation. JDA's ten pseudo-label
 * iterations therefore cost one eigen-decomposition plus ten cheap solves.
 * <p>
 * Immutable; a prepared problem can be solved for any number of MMD matrices (thread-safe).
 *
 * @see MmdMatrix
 */
public final class MmdEmbedding {
    /** Eigenvalues below this fraction of the largest are treated as zero (rank truncation). */
    public static final double RANK_TOLERANCE = 1e-10;

    private final EmbeddingKernel kernelType;
    private final Kernel kernel;
    private final boolean normaliseInput;
    private final DMatrixRMaj x;
    private final int n;
    private final int d;
    // PRIMAL: eigen-decomposition of the centred scatter XᵀHX = V diag(sigma) Vᵀ.
    // LINEAR/RBF: thin eigen-decomposition of K = P diag(lambda) Pᵀ, with P explicit (pExplicit) or, for the linear
    // kernel with n > d, implicit as P = X V diag(lambda)^(-1/2) from XᵀX = V diag(lambda) Vᵀ.
    private final DMatrixRMaj v;
    private final double[] spectrum;
    private final DMatrixRMaj p;
    private final double[] q;
    private final int rho;

    private MmdEmbedding(EmbeddingKernel kernelType, Kernel kernel, boolean normaliseInput, DMatrixRMaj x,
                         DMatrixRMaj v, double[] spectrum, DMatrixRMaj p) {
        this.kernelType = kernelType;
        this.kernel = kernel;
        this.normaliseInput = normaliseInput;
        this.x = x;
        this.n = x.numRows;
        this.d = x.numCols;
        this.v = v;
        this.spectrum = spectrum;
        this.p = p;
        this.rho = spectrum.length;
        this.q = kernelType == EmbeddingKernel.PRIMAL ? null : projectOnes();
    }

    /**
     * Prepares the problem for the rows of {@code rows} ({@code n×d}, sources first, then targets).
     *
     * @param rows           the samples; not modified
     * @param kernelType     the parameterisation
     * @param gamma          the RBF inverse width (ignored otherwise)
     * @param normaliseInput whether each sample is scaled to unit length first (the JDA/BDA code does this)
     * @throws IllegalArgumentException if there are fewer than two samples or a value is not finite
     * @throws ArithmeticException      if the data have no variance or an eigen-decomposition fails
     */
    public static MmdEmbedding prepare(DMatrixRMaj rows, EmbeddingKernel kernelType, double gamma, boolean normaliseInput) {
        Objects.requireNonNull(kernelType, "kernelType");
        if (rows.numRows < 2) {
            throw new IllegalArgumentException("An MMD embedding needs at least two samples, found " + rows.numRows);
        }
        DMatrixRMaj x = rows.copy();
        for (double val : x.data) {
            if (!Double.isFinite(val)) {
                throw new IllegalArgumentException("The samples hold " + val + ": remove non-finite values first");
            }
        }
        if (normaliseInput) {
            double[] r = new double[x.numCols];
            for (int i = 0; i < x.numRows; i++) {
                System.arraycopy(x.data, i * x.numCols, r, 0, x.numCols);
                VectorMap.normalise(r);
                System.arraycopy(r, 0, x.data, i * x.numCols, x.numCols);
            }
        }
        int n = x.numRows;
        int d = x.numCols;
        switch (kernelType) {
            case PRIMAL -> {
                DMatrixRMaj s = DenseProducts.gram(x);
                double[] mean = ColumnStatistics.means(x);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        s.data[a * d + b] -= n * mean[a] * mean[b];
                    }
                }
                SymmetricEigen e = truncated(SymmetricEigen.of(s, "centred data scatter"), "centred data scatter");
                return new MmdEmbedding(kernelType, null, normaliseInput, x, e.vectors(), e.values(), null);
            }
            case LINEAR -> {
                if (n > d) {
                    DMatrixRMaj s = DenseProducts.gram(x);
                    SymmetricEigen e = truncated(SymmetricEigen.of(s, "data scatter"), "data scatter");
                    return new MmdEmbedding(kernelType, Kernel.linear(), normaliseInput, x, e.vectors(), e.values(), null);
                }
                SymmetricEigen e = truncated(SymmetricEigen.of(Kernel.linear().gram(x), "linear kernel matrix"),
                        "linear kernel matrix");
                return new MmdEmbedding(kernelType, Kernel.linear(), normaliseInput, x, null, e.values(), e.vectors());
            }
            case RBF -> {
                Kernel k = Kernel.rbf(gamma);
                SymmetricEigen e = truncated(SymmetricEigen.of(k.gram(x), "RBF kernel matrix"), "RBF kernel matrix");
                return new MmdEmbedding(kernelType, k, normaliseInput, x, null, e.values(), e.vectors());
            }
            default -> throw new IllegalStateException(kernelType.toString());
        }
    }

    private static SymmetricEigen truncated(SymmetricEigen e, String what) {
        double top = e.size() == 0 ? 0 : e.values()[0];
        if (!(top > 0)) {
            throw new ArithmeticException("The " + what + " is zero: all samples are identical (or zero), so there is "
                    + "no variance to embed");
        }
        int keep = 0;
        while (keep < e.size() && e.values()[keep] > RANK_TOLERANCE * top) {
            keep++;
        }
        DMatrixRMaj vec = CommonOps_DDRM.extract(e.vectors(), 0, e.vectors().numRows, 0, keep);
        double[] val = java.util.Arrays.copyOf(e.values(), keep);
        return new SymmetricEigen(val, vec);
    }

    /** Number of samples. */
    public int samples() {
        return n;
    }

    /** Number of input features. */
    public int dimension() {
        return d;
    }

    /** The numerical rank of the scatter or kernel matrix: the most components a solution can have. */
    public int rank() {
        return rho;
    }

    /** The parameterisation. */
    public EmbeddingKernel kernelType() {
        return kernelType;
    }

    /**
     * A solution: the fitted map, the embedding of the training samples and the generalised eigenvalues.
     *
     * @param map         maps a sample (in input form, before any normalisation) to its embedding
     * @param embedding   the {@code n×k} embedding of the training samples, rows in input order
     * @param eigenvalues the generalised eigenvalues {@code μ} of the components, descending
     * @param method      how the reduced eigenproblem was solved
     * @param steps       Lanczos steps taken (0 for a dense solve)
     */
    public record Solution(VectorMap map, DMatrixRMaj embedding, double[] eigenvalues, LowRankUpdatedEigen.Method method,
                           int steps) {
        /** Number of components. */
        public int components() {
            return eigenvalues.length;
        }
    }

    /**
     * Solves the problem for one MMD matrix.
     *
     * @param m               the MMD matrix over the {@link #samples()} samples
     * @param lambda          the regularisation {@code λ > 0}
     * @param k               the number of components wanted; fewer are returned when the data have lower rank
     *                        (see {@link Solution#components()})
     * @param normaliseOutput whether each embedded sample is scaled to unit length (the JDA/BDA code does this)
     * @param name            a short name for the map's description, e.g. {@code JDA}
     * @throws IllegalArgumentException if {@code m} is over another number of samples, {@code λ ≤ 0} or {@code k < 1}
     */
    public Solution solve(MmdMatrix m, double lambda, int k, boolean normaliseOutput, String name) {
        if (m.samples() != n) {
            throw new IllegalArgumentException("The MMD matrix is over " + m.samples() + " samples but the problem has " + n);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("Invalid regularisation lambda: " + lambda + " (must be positive and finite)");
        }
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of components: " + k + " (must be at least 1)");
        }
        int want = Math.min(k, rho);
        return kernelType == EmbeddingKernel.PRIMAL
                ? solvePrimal(m, lambda, want, normaliseOutput, name)
                : solveKernel(m, lambda, want, normaliseOutput, name);
    }

    private Solution solvePrimal(MmdMatrix m, double lambda, int k, boolean normaliseOutput, String name) {
        int r = m.terms();
        // U = Xᵀ [sqrt(w_i) u_i]  (d×r)
        DMatrixRMaj u = new DMatrixRMaj(d, r);
        for (int t = 0; t < r; t++) {
            double[] xu = transposeTimes(m.scaledVector(t));
            for (int j = 0; j < d; j++) {
                u.unsafe_set(j, t, xu[j]);
            }
        }
        // F = Σ^(1/2) Vᵀ U  (ρ×r);  T = Σ − F (λI + UᵀU)⁻¹ Fᵀ
        DMatrixRMaj vtu = new DMatrixRMaj(rho, r);
        CommonOps_DDRM.multTransA(v, u, vtu);
        DMatrixRMaj f = vtu.copy();
        for (int i = 0; i < rho; i++) {
            double s = Math.sqrt(spectrum[i]);
            for (int t = 0; t < r; t++) {
                f.unsafe_set(i, t, f.unsafe_get(i, t) * s);
            }
        }
        DMatrixRMaj rinv = regularisedGram(u, lambda);
        DMatrixRMaj core = rinv.copy();
        CommonOps_DDRM.scale(-1, core);
        LowRankUpdatedEigen.Result res = new LowRankUpdatedEigen(spectrum, f, core).top(k);
        int kk = significant(res.eigen().values(), k);
        DMatrixRMaj c = CommonOps_DDRM.extract(res.eigen().vectors(), 0, rho, 0, kk);
        // a = V Σ^(1/2) c − U R (Fᵀ c), then unit length
        DMatrixRMaj sc = c.copy();
        for (int i = 0; i < rho; i++) {
            double s = Math.sqrt(spectrum[i]);
            for (int col = 0; col < kk; col++) {
                sc.unsafe_set(i, col, sc.unsafe_get(i, col) * s);
            }
        }
        DMatrixRMaj a = DenseProducts.mult(v, sc);
        if (r > 0) {
            DMatrixRMaj ftc = new DMatrixRMaj(r, kk);
            CommonOps_DDRM.multTransA(f, c, ftc);
            DMatrixRMaj rftc = new DMatrixRMaj(r, kk);
            CommonOps_DDRM.mult(rinv, ftc, rftc);
            DMatrixRMaj corr = new DMatrixRMaj(d, kk);
            CommonOps_DDRM.mult(u, rftc, corr);
            CommonOps_DDRM.subtractEquals(a, corr);
        }
        normaliseColumns(a, name);
        LinearMap map = new LinearMap(name, a, null, normaliseInput, normaliseOutput);
        return new Solution(map, embedLinear(a, normaliseOutput), generalised(res.eigen().values(), kk, lambda),
                res.method(), res.steps());
    }

    private Solution solveKernel(MmdMatrix m, double lambda, int k, boolean normaliseOutput, String name) {
        int r = m.terms();
        // Ũ = Pᵀ [sqrt(w_i) u_i]  (ρ×r)
        DMatrixRMaj ut = new DMatrixRMaj(rho, r);
        for (int t = 0; t < r; t++) {
            double[] pu = projectOnBasis(m.scaledVector(t));
            for (int i = 0; i < rho; i++) {
                ut.unsafe_set(i, t, pu[i]);
            }
        }
        double[] l2 = new double[rho];
        for (int i = 0; i < rho; i++) {
            l2[i] = spectrum[i] * spectrum[i];
        }
        // Centring in P coordinates: PᵀHP = I − qqᵀ/n = E², E = I − β q̂q̂ᵀ.
        double qq = 0;
        for (double val : q) {
            qq += val * val;
        }
        double cfrac = Math.min(1.0, qq / n);
        double beta = 1 - Math.sqrt(Math.max(0, 1 - cfrac));
        double[] qh = new double[rho];
        double qn = Math.sqrt(qq);
        for (int i = 0; i < rho; i++) {
            qh[i] = qn > 0 ? q[i] / qn : 0;
        }
        // Y = E Λ² Ũ (ρ×r);  UᵀU = Ũᵀ Λ² Ũ
        DMatrixRMaj l2u = new DMatrixRMaj(rho, r);
        for (int i = 0; i < rho; i++) {
            for (int t = 0; t < r; t++) {
                l2u.unsafe_set(i, t, l2[i] * ut.unsafe_get(i, t));
            }
        }
        DMatrixRMaj y = l2u.copy();
        for (int t = 0; t < r; t++) {
            double proj = 0;
            for (int i = 0; i < rho; i++) {
                proj += qh[i] * l2u.unsafe_get(i, t);
            }
            for (int i = 0; i < rho; i++) {
                y.unsafe_set(i, t, y.unsafe_get(i, t) - beta * qh[i] * proj);
            }
        }
        DMatrixRMaj utu = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(ut, l2u, utu);
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                double val = 0.5 * (utu.unsafe_get(a, b) + utu.unsafe_get(b, a));
                utu.unsafe_set(a, b, val);
                utu.unsafe_set(b, a, val);
            }
            utu.unsafe_set(a, a, utu.unsafe_get(a, a) + lambda);
        }
        DMatrixRMaj rinv = invertSpd(utu);
        // T = E Λ² E − Y R Yᵀ = Λ² + [q̂, Λ²q̂, Y] core [q̂, Λ²q̂, Y]ᵀ
        double s = 0;
        double[] l2q = new double[rho];
        for (int i = 0; i < rho; i++) {
            l2q[i] = l2[i] * qh[i];
            s += qh[i] * l2q[i];
        }
        DMatrixRMaj f = new DMatrixRMaj(rho, 2 + r);
        for (int i = 0; i < rho; i++) {
            f.unsafe_set(i, 0, qh[i]);
            f.unsafe_set(i, 1, l2q[i]);
            for (int t = 0; t < r; t++) {
                f.unsafe_set(i, 2 + t, y.unsafe_get(i, t));
            }
        }
        DMatrixRMaj core = new DMatrixRMaj(2 + r, 2 + r);
        core.unsafe_set(0, 0, beta * beta * s);
        core.unsafe_set(0, 1, -beta);
        core.unsafe_set(1, 0, -beta);
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                core.unsafe_set(2 + a, 2 + b, -rinv.unsafe_get(a, b));
            }
        }
        LowRankUpdatedEigen.Result res = new LowRankUpdatedEigen(l2, f, core).top(k);
        int kk = significant(res.eigen().values(), k);
        DMatrixRMaj c = CommonOps_DDRM.extract(res.eigen().vectors(), 0, rho, 0, kk);
        // ω = Λ (E c − Ũ R (Yᵀ c)), unit length; w = P ω
        DMatrixRMaj omega = c.copy();
        for (int col = 0; col < kk; col++) {
            double proj = 0;
            for (int i = 0; i < rho; i++) {
                proj += qh[i] * c.unsafe_get(i, col);
            }
            for (int i = 0; i < rho; i++) {
                omega.unsafe_set(i, col, omega.unsafe_get(i, col) - beta * qh[i] * proj);
            }
        }
        if (r > 0) {
            DMatrixRMaj ytc = new DMatrixRMaj(r, kk);
            CommonOps_DDRM.multTransA(y, c, ytc);
            DMatrixRMaj rytc = new DMatrixRMaj(r, kk);
            CommonOps_DDRM.mult(rinv, ytc, rytc);
            DMatrixRMaj corr = new DMatrixRMaj(rho, kk);
            CommonOps_DDRM.mult(ut, rytc, corr);
            CommonOps_DDRM.subtractEquals(omega, corr);
        }
        for (int i = 0; i < rho; i++) {
            for (int col = 0; col < kk; col++) {
                omega.unsafe_set(i, col, omega.unsafe_get(i, col) * spectrum[i]);
            }
        }
        normaliseColumns(omega, name);
        double[] mu = generalised(res.eigen().values(), kk, lambda);
        if (kernelType == EmbeddingKernel.LINEAR) {
            // The embedding K w = X (Xᵀ P ω) is linear in the input: A = Xᵀ P ω.
            DMatrixRMaj a;
            if (p == null) {
                // Xᵀ P = Xᵀ X V Λ^(-1/2) = V Λ^(1/2)
                DMatrixRMaj so = omega.copy();
                for (int i = 0; i < rho; i++) {
                    double sq = Math.sqrt(spectrum[i]);
                    for (int col = 0; col < kk; col++) {
                        so.unsafe_set(i, col, so.unsafe_get(i, col) * sq);
                    }
                }
                a = DenseProducts.mult(v, so);
            } else {
                a = DenseProducts.multTransA(x, DenseProducts.mult(p, omega));
            }
            LinearMap map = new LinearMap(name, a, null, normaliseInput, normaliseOutput);
            return new Solution(map, embedLinear(a, normaliseOutput), mu, res.method(), res.steps());
        }
        DMatrixRMaj coef = DenseProducts.mult(p, omega);
        KernelMap map = new KernelMap(name, kernel, x, coef, normaliseInput, normaliseOutput);
        // K P ω = P Λ ω for the training samples.
        DMatrixRMaj lo = omega.copy();
        for (int i = 0; i < rho; i++) {
            for (int col = 0; col < kk; col++) {
                lo.unsafe_set(i, col, lo.unsafe_get(i, col) * spectrum[i]);
            }
        }
        DMatrixRMaj z = DenseProducts.mult(p, lo);
        if (normaliseOutput) {
            normaliseRows(z);
        }
        return new Solution(map, z, mu, res.method(), res.steps());
    }

    /** The training embedding {@code X A} (rows normalised when asked), computed as the map computes it. */
    private DMatrixRMaj embedLinear(DMatrixRMaj a, boolean normaliseOutput) {
        DMatrixRMaj z = DenseProducts.mult(x, a);
        if (normaliseOutput) {
            normaliseRows(z);
        }
        return z;
    }

    /** Components whose eigenvalue is not negligible (null directions carry no information and are arbitrary). */
    private static int significant(double[] theta, int k) {
        double top = theta.length == 0 ? 0 : theta[0];
        int kk = 0;
        while (kk < k && theta[kk] > RANK_TOLERANCE * top) {
            kk++;
        }
        if (kk == 0) {
            throw new ArithmeticException("The embedding has no component with positive variance: the samples are "
                    + "degenerate (constant or collinear in every direction the regulariser allows)");
        }
        return kk;
    }

    private static double[] generalised(double[] theta, int k, double lambda) {
        double[] mu = new double[k];
        for (int i = 0; i < k; i++) {
            mu[i] = theta[i] / lambda;
        }
        return mu;
    }

    /** {@code (λI + UᵀU)⁻¹} for {@code U} (rows × r). */
    private static DMatrixRMaj regularisedGram(DMatrixRMaj u, double lambda) {
        int r = u.numCols;
        DMatrixRMaj g = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(u, u, g);
        for (int a = 0; a < r; a++) {
            g.unsafe_set(a, a, g.unsafe_get(a, a) + lambda);
        }
        return invertSpd(g);
    }

    private static DMatrixRMaj invertSpd(DMatrixRMaj g) {
        int r = g.numRows;
        if (r == 0) {
            return new DMatrixRMaj(0, 0);
        }
        DMatrixRMaj inv = new DMatrixRMaj(r, r);
        if (!CommonOps_DDRM.invertSPD(g.copy(), inv)) {
            throw new ArithmeticException("λI + UᵀU is not positive definite: the MMD terms or λ are not finite");
        }
        return inv;
    }

    private static void normaliseColumns(DMatrixRMaj a, String name) {
        for (int col = 0; col < a.numCols; col++) {
            double s = 0;
            for (int i = 0; i < a.numRows; i++) {
                s += a.unsafe_get(i, col) * a.unsafe_get(i, col);
            }
            s = Math.sqrt(s);
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new ArithmeticException(name + ": component " + col + " has norm " + s);
            }
            for (int i = 0; i < a.numRows; i++) {
                a.unsafe_set(i, col, a.unsafe_get(i, col) / s);
            }
        }
    }

    private static void normaliseRows(DMatrixRMaj z) {
        double[] r = new double[z.numCols];
        for (int i = 0; i < z.numRows; i++) {
            System.arraycopy(z.data, i * z.numCols, r, 0, z.numCols);
            VectorMap.normalise(r);
            System.arraycopy(r, 0, z.data, i * z.numCols, z.numCols);
        }
    }

    /** {@code Xᵀ u}. */
    private double[] transposeTimes(double[] u) {
        double[] out = new double[d];
        for (int i = 0; i < n; i++) {
            double ui = u[i];
            if (ui != 0) {
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    out[j] += ui * x.data[row + j];
                }
            }
        }
        return out;
    }

    /** {@code Pᵀ u} for an {@code n}-vector {@code u}. */
    private double[] projectOnBasis(double[] u) {
        double[] out = new double[rho];
        if (p != null) {
            for (int i = 0; i < n; i++) {
                double ui = u[i];
                if (ui != 0) {
                    int row = i * rho;
                    for (int c = 0; c < rho; c++) {
                        out[c] += ui * p.data[row + c];
                    }
                }
            }
            return out;
        }
        double[] xu = transposeTimes(u);
        for (int c = 0; c < rho; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += v.unsafe_get(j, c) * xu[j];
            }
            out[c] = s / Math.sqrt(spectrum[c]);
        }
        return out;
    }

    private double[] projectOnes() {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return projectOnBasis(ones);
    }
}
