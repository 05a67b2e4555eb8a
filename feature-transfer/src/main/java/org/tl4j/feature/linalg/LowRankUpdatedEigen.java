package org.tl4j.feature.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.tl4j.core.learn.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The leading eigenpairs of a symmetric matrix given as a diagonal plus a symmetric low-rank update,
 * {@code T = diag(ω) + F C Fᵀ} ({@code F} is {@code n×r}, {@code C} a symmetric {@code r×r} core, {@code r ≪ n}),
 * without forming or factorising {@code T}.
 * <p>
 * This is the shape every MMD-embedding method (TCA, JDA, BDA) reduces to once the data scatter has been
 * diagonalised: each pseudo-label iteration changes only the low-rank part, so an iteration costs {@code O(n r)}
 * per matrix-vector product instead of a dense {@code O(n³)} eigen-decomposition.
 * <p>
 * Method: Lanczos with full re-orthogonalisation (classical Gram–Schmidt, repeated when it cancels, after Daniel,
 * Gragg, Kaufman and Stewart) from a fixed pseudo-random start vector, restarted with a fresh vector on breakdown,
 * stopped when the {@code k} leading Ritz pairs have
 * residuals below {@code 1e-10·‖T‖}. The result is then <em>verified</em>: Sylvester's law of inertia applied to
 * the bordered matrix {@code [[diag(ω)−x, F], [Fᵀ, −C⁻¹]]} (Haynsworth) counts the eigenvalues of {@code T} above
 * {@code x} just below the {@code k}-th Ritz value in {@code O(n r²)}; if Lanczos missed one (possible in theory for
 * multiple eigenvalues) the dense symmetric eigen-decomposition of {@code T} is used instead. Small problems go to
 * the dense solver directly. Results follow {@link SymmetricEigen}'s canonical form; both paths agree to the
 * residual tolerance.
 *
 * @see SymmetricEigen
 */
public final class LowRankUpdatedEigen {

    /** Relative residual below which a Ritz pair counts as converged. */
    public static final double TOLERANCE = 1e-10;
    /** Problems this small are decomposed densely. */
    public static final int DENSE_BELOW = 96;
    private static final long START_SEED = 0x5eed_1a2c_205eL;

    private final double[] omega;
    private final DMatrixRMaj f;
    private final double[] core;
    private final int n;
    private final int r;

    /** How a result was obtained. */
    public enum Method {
        /** Verified Lanczos. */
        LANCZOS,
        /** Dense symmetric eigen-decomposition (small problem). */
        DENSE,
        /** Dense, because the Lanczos result failed the inertia check. */
        DENSE_AFTER_CHECK
    }

    /**
     * The leading eigenpairs and how they were found.
     *
     * @param eigen  eigenvalues (descending) and unit eigenvectors
     * @param method the path taken
     * @param steps  Lanczos steps taken (0 for the dense path)
     */
    public record Result(SymmetricEigen eigen, Method method, int steps) {
    }

    /**
     * @param omega the diagonal, length {@code n}; copied
     * @param f     the {@code n×r} factor; copied
     * @param core  the symmetric {@code r×r} core (its diagonal eigen-decomposition is taken); not modified
     * @throws IllegalArgumentException if the shapes disagree
     */
    public LowRankUpdatedEigen(double[] omega, DMatrixRMaj f, DMatrixRMaj core) {
        Objects.requireNonNull(omega, "omega");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(core, "core");
        if (f.numRows != omega.length) {
            throw new IllegalArgumentException("The low-rank factor has " + f.numRows + " rows but the diagonal has "
                    + omega.length + " entries");
        }
        if (core.numRows != f.numCols || core.numCols != f.numCols) {
            throw new IllegalArgumentException("The core is " + core.numRows + "x" + core.numCols + " but the factor has "
                    + f.numCols + " columns");
        }
        for (int i = 0; i < omega.length; i++) {
            if (!Double.isFinite(omega[i])) {
                throw new ArithmeticException("Diagonal entry " + i + " is " + omega[i]);
            }
        }
        this.omega = omega.clone();
        this.n = omega.length;
        // Scale the factor's columns to unit length (into the core), then diagonalise the core so that
        // T = diag(ω) + F' diag(c) F'ᵀ, and drop its null directions. Scaling first matters: a tiny core eigenvalue
        // can carry a large term when its factor columns are long.
        int r0 = f.numCols;
        DMatrixRMaj fs = f.copy();
        double[] norms = new double[r0];
        for (int j = 0; j < r0; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += f.unsafe_get(i, j) * f.unsafe_get(i, j);
            }
            norms[j] = Math.sqrt(s);
            if (!Double.isFinite(norms[j])) {
                throw new ArithmeticException("The low-rank factor holds non-finite values in column " + j);
            }
            for (int i = 0; i < n; i++) {
                fs.unsafe_set(i, j, norms[j] > 0 ? f.unsafe_get(i, j) / norms[j] : 0);
            }
        }
        if (r0 == 0) {
            this.f = new DMatrixRMaj(n, 0);
            this.core = new double[0];
        } else {
            DMatrixRMaj scaled = new DMatrixRMaj(r0, r0);
            for (int a = 0; a < r0; a++) {
                for (int b = 0; b < r0; b++) {
                    scaled.unsafe_set(a, b, norms[a] * core.unsafe_get(a, b) * norms[b]);
                }
            }
            SymmetricEigen ce = SymmetricEigen.of(scaled, "low-rank core");
            double big = 0;
            for (double v : ce.values()) {
                big = Math.max(big, Math.abs(v));
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < ce.size(); i++) {
                if (Math.abs(ce.values()[i]) > 1e-14 * big) {
                    keep.add(i);
                }
            }
            DMatrixRMaj z = new DMatrixRMaj(r0, keep.size());
            double[] c = new double[keep.size()];
            for (int j = 0; j < keep.size(); j++) {
                c[j] = ce.values()[keep.get(j)];
                for (int i = 0; i < r0; i++) {
                    z.unsafe_set(i, j, ce.vectors().unsafe_get(i, keep.get(j)));
                }
            }
            DMatrixRMaj fz = new DMatrixRMaj(n, keep.size());
            CommonOps_DDRM.mult(fs, z, fz);
            this.f = fz;
            this.core = c;
        }
        this.r = this.core.length;
    }

    /** The dimension {@code n}. */
    public int dimension() {
        return n;
    }

    /** {@code out = T v}. */
    public void multiply(double[] v, double[] out) {
        double[] t = new double[r];
        for (int i = 0; i < n; i++) {
            double vi = v[i];
            int row = i * r;
            for (int j = 0; j < r; j++) {
                t[j] += f.data[row + j] * vi;
            }
        }
        for (int j = 0; j < r; j++) {
            t[j] *= core[j];
        }
        for (int i = 0; i < n; i++) {
            double s = omega[i] * v[i];
            int row = i * r;
            for (int j = 0; j < r; j++) {
                s += f.data[row + j] * t[j];
            }
            out[i] = s;
        }
    }

    /** {@code T} as a dense matrix. */
    public DMatrixRMaj dense() {
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = i == j ? omega[i] : 0;
                for (int c = 0; c < r; c++) {
                    s += f.unsafe_get(i, c) * core[c] * f.unsafe_get(j, c);
                }
                t.unsafe_set(i, j, s);
                t.unsafe_set(j, i, s);
            }
        }
        return t;
    }

    /**
     * The number of eigenvalues of {@code T} greater than {@code x}, by Sylvester's law of inertia on the bordered
     * matrix (exact up to rounding when {@code x} is not within rounding of an eigenvalue or a diagonal entry).
     */
    public int countGreaterThan(double x) {
        int count = 0;
        for (double w : omega) {
            if (w > x) {
                count++;
            }
        }
        if (r == 0) {
            return count;
        }
        // N = -C^{-1} - F' (Ω - x)^{-1} F
        DMatrixRMaj nm = new DMatrixRMaj(r, r);
        for (int i = 0; i < n; i++) {
            double inv = 1.0 / (omega[i] - x);
            int row = i * r;
            for (int a = 0; a < r; a++) {
                double fa = f.data[row + a] * inv;
                for (int b = a; b < r; b++) {
                    nm.data[a * r + b] -= fa * f.data[row + b];
                }
            }
        }
        int negativeCore = 0;
        for (int a = 0; a < r; a++) {
            nm.data[a * r + a] -= 1.0 / core[a];
            if (core[a] < 0) {
                negativeCore++;
            }
            for (int b = a + 1; b < r; b++) {
                nm.data[b * r + a] = nm.data[a * r + b];
            }
        }
        int positive = 0;
        for (double v : SymmetricEigen.of(nm, "inertia test matrix").values()) {
            if (v > 0) {
                positive++;
            }
        }
        return count + positive - negativeCore;
    }

    /**
     * The {@code k} largest eigenpairs.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code [1, n]}
     * @throws ArithmeticException      if the dense fallback fails
     */
    public Result top(int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("Cannot take " + k + " eigenpairs of a " + n + "-dimensional matrix");
        }
        if (n < DENSE_BELOW || k > n / 2) {
            return new Result(SymmetricEigen.top(dense(), k, "reduced eigenproblem"), Method.DENSE, 0);
        }
        Lanczos l = new Lanczos(k);
        SymmetricEigen e = l.run();
        if (e != null && verified(e, l)) {
            return new Result(e, Method.LANCZOS, l.m);
        }
        return new Result(SymmetricEigen.top(dense(), k, "reduced eigenproblem"), Method.DENSE_AFTER_CHECK, l.m);
    }

    private double scale() {
        double s = 0;
        for (double w : omega) {
            s = Math.max(s, Math.abs(w));
        }
        double lr = 0;
        for (int c = 0; c < r; c++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += f.unsafe_get(i, c) * f.unsafe_get(i, c);
            }
            lr += Math.abs(core[c]) * col;
        }
        return Math.max(s + lr, Double.MIN_NORMAL);
    }

    private boolean verified(SymmetricEigen e, Lanczos l) {
        int k = e.size();
        double thetaK = e.values()[k - 1];
        double margin = Math.max(10 * l.maxResidual, 1e-12 * l.scale);
        double x = thetaK - margin;
        x = awayFromDiagonal(x, margin);
        int ritzAbove = 0;
        for (double v : l.ritzValues) {
            if (v > x) {
                ritzAbove++;
            }
        }
        return countGreaterThan(x) == ritzAbove;
    }

    private double awayFromDiagonal(double x, double margin) {
        double step = Math.max(margin * 1e-3, Math.ulp(x) * 64);
        for (int tries = 0; tries < 64; tries++) {
            boolean clash = false;
            for (double w : omega) {
                if (Math.abs(w - x) <= step) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                return x;
            }
            x -= 3 * step;
        }
        return x;
    }

    /** Lanczos with full re-orthogonalisation; holds its state for the verification. */
    private final class Lanczos {
        private final int k;
        private final double scale = scale();
        private final List<double[]> basis = new ArrayList<>();
        private final double[] alpha = new double[n];
        private final double[] beta = new double[n];
        private final UniformRandomProvider rng = Seeds.rng(START_SEED);
        private int m;
        private double maxResidual;
        private double[] ritzValues = new double[0];

        Lanczos(int k) {
            this.k = k;
        }

        SymmetricEigen run() {
            double[] v = fresh();
            if (v == null) {
                return null;
            }
            double[] w = new double[n];
            int check = Math.min(n, k + Math.max(40, k / 2));
            while (true) {
                basis.add(v);
                multiply(v, w);
                double a = dot(v, w);
                axpy(-a, v, w);
                if (m > 0) {
                    axpy(-beta[m - 1], basis.get(m - 1), w);
                }
                double before = Math.sqrt(dot(w, w));
                orthogonalise(w);
                double b = Math.sqrt(dot(w, w));
                if (b < 0.7071 * before) {
                    // Cancellation lost orthogonality: a second pass restores it (Daniel, Gragg, Kaufman, Stewart).
                    orthogonalise(w);
                    b = Math.sqrt(dot(w, w));
                }
                alpha[m] = a;
                m++;
                if (m == n) {
                    beta[m - 1] = 0;
                    return ritz(true);
                }
                if (b <= 1e-12 * scale) {
                    beta[m - 1] = 0;
                    v = fresh();
                    if (v == null) {
                        return ritz(true);
                    }
                } else {
                    beta[m - 1] = b;
                    v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = w[i] / b;
                    }
                }
                if (m >= check) {
                    SymmetricEigen e = ritz(false);
                    if (e != null) {
                        return e;
                    }
                    check = Math.min(n, m + Math.max(20, m / 4));
                }
            }
        }

        /**
         * The top-k Ritz pairs if converged (or {@code force}), else {@code null}. The tridiagonal matrix's
         * eigenvalues come from the implicit QR algorithm without vectors, the k leading eigenvectors from inverse
         * iteration ({@link #topTridiagonal}, verified by their residuals; the QR algorithm with vectors is the
         * fallback), the residuals of the Ritz pairs from their last components.
         */
        private SymmetricEigen ritz(boolean force) {
            double last = beta[m - 1];
            double[] theta = tridiagonalEigenvalues(alpha, beta, m);
            SymmetricEigen s = topTridiagonal(alpha, beta, m, theta, k);
            if (s == null) {
                SymmetricEigen all = tridiagonalEigen(alpha, beta, m);
                s = new SymmetricEigen(Arrays.copyOf(all.values(), k),
                        CommonOps_DDRM.extract(all.vectors(), 0, m, 0, k));
            }
            double worst = 0;
            for (int i = 0; i < k; i++) {
                worst = Math.max(worst, Math.abs(last * s.vectors().unsafe_get(m - 1, i)));
            }
            if (!force && worst > TOLERANCE * scale) {
                return null;
            }
            maxResidual = worst;
            ritzValues = theta;
            double[] values = Arrays.copyOf(s.values(), k);
            DMatrixRMaj vectors = new DMatrixRMaj(n, k);
            double[] y = new double[n];
            for (int c = 0; c < k; c++) {
                Arrays.fill(y, 0);
                for (int j = 0; j < m; j++) {
                    axpy(s.vectors().unsafe_get(j, c), basis.get(j), y);
                }
                SymmetricEigen.canonicalise(y);
                for (int i = 0; i < n; i++) {
                    vectors.unsafe_set(i, c, y[i]);
                }
            }
            return new SymmetricEigen(values, vectors);
        }

        /** A unit vector orthogonal to the basis, or {@code null} if the basis already spans the space. */
        private double[] fresh() {
            for (int attempt = 0; attempt < 8; attempt++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rng.nextDouble() - 0.5;
                }
                double before = Math.sqrt(dot(v, v));
                orthogonalise(v);
                orthogonalise(v);
                double norm = Math.sqrt(dot(v, v));
                if (norm > 1e-8 * before) {
                    for (int i = 0; i < n; i++) {
                        v[i] /= norm;
                    }
                    return v;
                }
            }
            return null;
        }

        private void orthogonalise(double[] w) {
            int size = basis.size();
            double[] c = new double[size];
            for (int j = 0; j < size; j++) {
                c[j] = dot(basis.get(j), w);
            }
            for (int j = 0; j < size; j++) {
                axpy(-c[j], basis.get(j), w);
            }
        }
    }

    /**
     * All eigenpairs of the {@code m×m} symmetric tridiagonal matrix with diagonal {@code a} and off-diagonal
     * {@code b}, by EJML's implicit symmetric QR algorithm applied to the tridiagonal form directly (no Householder
     * reduction), in {@link SymmetricEigen}'s canonical form.
     */
    static SymmetricEigen tridiagonalEigen(double[] a, double[] b, int m) {
        SymmetricQREigenHelper_DDRM helper = new SymmetricQREigenHelper_DDRM();
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        DMatrixRMaj q = CommonOps_DDRM.identity(m);
        helper.init(Arrays.copyOf(a, m), Arrays.copyOf(b, Math.max(1, m - 1)), m);
        helper.setQ(q);
        qr.setFastEigenvalues(false);
        qr.setMaxIterations(Math.max(1000, 30 * m));
        if (!qr.process(-1, null, null)) {
            throw new ArithmeticException("The QR algorithm did not converge on a " + m + "x" + m + " tridiagonal matrix");
        }
        double[] ev = helper.copyEigenvalues(new double[m]);
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[] values = new double[m];
        DMatrixRMaj vectors = new DMatrixRMaj(m, m);
        double[] v = new double[m];
        for (int c = 0; c < m; c++) {
            values[c] = ev[order[c]];
            System.arraycopy(q.data, order[c] * m, v, 0, m);
            SymmetricEigen.canonicalise(v);
            for (int r = 0; r < m; r++) {
                vectors.unsafe_set(r, c, v[r]);
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The eigenvalues (descending) of the {@code m×m} symmetric tridiagonal matrix with diagonal {@code a}, off-diagonal {@code b}. */
    static double[] tridiagonalEigenvalues(double[] a, double[] b, int m) {
        SymmetricQREigenHelper_DDRM helper = new SymmetricQREigenHelper_DDRM();
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        helper.init(Arrays.copyOf(a, m), Arrays.copyOf(b, Math.max(1, m - 1)), m);
        qr.setFastEigenvalues(true);
        qr.setMaxIterations(Math.max(1000, 30 * m));
        if (!qr.process(-1, null, null)) {
            throw new ArithmeticException("The QR algorithm did not converge on a " + m + "x" + m + " tridiagonal matrix");
        }
        double[] ev = helper.copyEigenvalues(new double[m]);
        Arrays.sort(ev);
        for (int i = 0; i < m / 2; i++) {
            double t = ev[i];
            ev[i] = ev[m - 1 - i];
            ev[m - 1 - i] = t;
        }
        return ev;
    }

    /**
     * The eigenvectors of the {@code k} largest eigenvalues {@code theta[0..k)} of the tridiagonal matrix
     * ({@code a}, {@code b}) by inverse iteration (three steps, each vector orthogonalised against those of nearby
     * eigenvalues, as LAPACK's {@code dstein} does), in canonical sign; {@code null} when a vector's residual
     * {@code ‖Tx − θx‖} exceeds {@code 1e-11·‖T‖}, so the caller falls back to the QR algorithm.
     */
    static SymmetricEigen topTridiagonal(double[] a, double[] b, int m, double[] theta, int k) {
        double norm = 0;
        for (int i = 0; i < m; i++) {
            norm = Math.max(norm, Math.abs(a[i]) + (i > 0 ? Math.abs(b[i - 1]) : 0) + (i + 1 < m ? Math.abs(b[i]) : 0));
        }
        norm = Math.max(norm, Double.MIN_NORMAL);
        double cluster = 1e-3 * norm;
        DMatrixRMaj vectors = new DMatrixRMaj(m, k);
        double[][] found = new double[k][];
        double[] x = new double[m];
        double[] tx = new double[m];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                x[i] = 1.0 + 0.5 * Math.sin(0.7 * i + c);
            }
            for (int step = 0; step < 3; step++) {
                if (!solveShifted(a, b, m, theta[c], norm, x)) {
                    return null;
                }
                for (int j = 0; j < c; j++) {
                    if (Math.abs(theta[j] - theta[c]) <= cluster) {
                        axpy(-dot(found[j], x), found[j], x);
                    }
                }
                double s = Math.sqrt(dot(x, x));
                if (!(s > 0) || !Double.isFinite(s)) {
                    return null;
                }
                for (int i = 0; i < m; i++) {
                    x[i] /= s;
                }
            }
            for (int i = 0; i < m; i++) {
                tx[i] = a[i] * x[i] - theta[c] * x[i] + (i > 0 ? b[i - 1] * x[i - 1] : 0) + (i + 1 < m ? b[i] * x[i + 1] : 0);
            }
            if (Math.sqrt(dot(tx, tx)) > 1e-11 * norm) {
                return null;
            }
            double[] v = x.clone();
            SymmetricEigen.canonicalise(v);
            found[c] = v;
            for (int i = 0; i < m; i++) {
                vectors.unsafe_set(i, c, v[i]);
            }
        }
        return new SymmetricEigen(Arrays.copyOf(theta, k), vectors);
    }

    /**
     * Solves {@code (T − shift·I) y = x} in place for the tridiagonal {@code T} ({@code a}, {@code b}) by Gaussian
     * elimination with partial pivoting (as LAPACK's {@code dgtsv}); a zero pivot, expected when the shift is an
     * eigenvalue, is replaced by {@code 1e-14·‖T‖}. Returns {@code false} on a non-finite result.
     */
    static boolean solveShifted(double[] a, double[] b, int m, double shift, double norm, double[] x) {
        double tiny = Math.max(Double.MIN_NORMAL, 1e-14 * norm);
        double[] dl = new double[m];
        double[] d = new double[m];
        double[] du = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = a[i] - shift;
            if (i + 1 < m) {
                dl[i] = b[i];
                du[i] = b[i];
            }
        }
        for (int i = 0; i + 1 < m; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                if (d[i] == 0) {
                    d[i] = tiny;
                }
                double fact = dl[i] / d[i];
                d[i + 1] -= fact * du[i];
                x[i + 1] -= fact * x[i];
                dl[i] = 0;
            } else {
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                double temp = d[i + 1];
                d[i + 1] = du[i] - fact * temp;
                if (i + 2 < m) {
                    dl[i] = du[i + 1];
                    du[i + 1] = -fact * dl[i];
                } else {
                    dl[i] = 0;
                }
                du[i] = temp;
                double bt = x[i];
                x[i] = x[i + 1];
                x[i + 1] = bt - fact * x[i + 1];
            }
        }
        if (d[m - 1] == 0) {
            d[m - 1] = tiny;
        }
        x[m - 1] /= d[m - 1];
        if (m > 1) {
            x[m - 2] = (x[m - 2] - du[m - 2] * x[m - 1]) / d[m - 2];
        }
        for (int i = m - 3; i >= 0; i--) {
            x[i] = (x[i] - du[i] * x[i + 1] - dl[i] * x[i + 2]) / d[i];
        }
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
