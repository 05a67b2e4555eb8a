package org.tl4j.feature.mmd;

import org.tl4j.core.math.Vectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An MMD matrix {@code M = Σᵢ wᵢ uᵢuᵢᵀ} over the {@code n = nₛ + nₜ} training samples (sources first), held as its
 * weighted vectors rather than as an {@code n×n} matrix, so that {@code tr(Zᵀ M Z)} is the squared maximum mean
 * discrepancy of an embedding {@code Z} between the sets each {@code uᵢ} contrasts.
 * <ul>
 *   <li>{@link #marginal}: the marginal MMD of TCA and JDA, {@code u = [1/nₛ … ; −1/nₜ …]}
 *   (Pan et al., IEEE TNN 2011, eq. (3); Long et al., ICCV 2013, eq. (3)).</li>
 *   <li>{@link #conditional}: JDA's class-conditional terms {@code M_c}, one per class, contrasting source class
 *   {@code c} with target samples (pseudo-)labelled {@code c} (Long et al., eq. (6)); BDA's weighted form scales the
 *   target side by {@code α_c} (Wang et al., ICDM 2017).</li>
 * </ul>
 * Immutable.
 */
public final class MmdMatrix {
    private final int n;
    private final List<double[]> vectors;
    private final double[] weights;

    private MmdMatrix(int n, List<double[]> vectors, double[] weights) {
        this.n = n;
        this.vectors = vectors;
        this.weights = weights;
    }

    /** The empty matrix ({@code M = 0}): the embedding problem reduces to PCA. */
    public static MmdMatrix zero(int n) {
        return new MmdMatrix(n, List.of(), new double[0]);
    }

    /**
     * The marginal MMD term with weight {@code weight}.
     *
     * @throws IllegalArgumentException if a side is empty or the weight is negative
     */
    public static MmdMatrix marginal(int ns, int nt, double weight) {
        if (ns < 1 || nt < 1) {
            throw new IllegalArgumentException("The marginal MMD needs source and target samples, found " + ns
                    + " source and " + nt + " target");
        }
        double[] e = new double[ns + nt];
        for (int i = 0; i < ns; i++) {
            e[i] = 1.0 / ns;
        }
        for (int i = 0; i < nt; i++) {
            e[ns + i] = -1.0 / nt;
        }
        return new MmdMatrix(ns + nt, List.of(e), new double[]{checkWeight(weight)});
    }

    /**
     * The class-conditional MMD terms: for each class {@code c < classes} present in the source, a vector with
     * {@code 1/nₛ,c} on source samples of class {@code c} and {@code −α_c/nₜ,c} on target samples labelled
     * {@code c}; a class with no target sample contributes only its source side (as in the JDA code, where
     * {@code 1/0} entries are set to zero). Target samples labelled {@code -1} (unknown) are left out.
     *
     * @param sourceLabels class ids of the source samples
     * @param targetLabels class ids (true or pseudo) of the target samples
     * @param classes      number of classes
     * @param alpha        per-class target weights {@code α_c} (all 1 for JDA), or {@code null} for all 1
     * @param weight       the weight of every term
     */
    public static MmdMatrix conditional(int[] sourceLabels, int[] targetLabels, int classes, double[] alpha, double weight) {
        int ns = sourceLabels.length;
        int nt = targetLabels.length;
        int[] cs = counts(sourceLabels, classes, "source");
        int[] ct = counts(targetLabels, classes, "target");
        List<double[]> vs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (cs[c] == 0) {
                continue;
            }
            double a = alpha == null ? 1.0 : alpha[c];
            double[] u = new double[ns + nt];
            for (int i = 0; i < ns; i++) {
                if (sourceLabels[i] == c) {
                    u[i] = 1.0 / cs[c];
                }
            }
            if (ct[c] > 0) {
                for (int i = 0; i < nt; i++) {
                    if (targetLabels[i] == c) {
                        u[ns + i] = -a / ct[c];
                    }
                }
            }
            vs.add(u);
            ws.add(checkWeight(weight));
        }
        double[] w = new double[ws.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ws.get(i);
        }
        return new MmdMatrix(ns + nt, vs, w);
    }

    private static int[] counts(int[] labels, int classes, String side) {
        int[] c = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == -1 && side.equals("target")) {
                continue;
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(side + " sample " + i + " has class id " + labels[i]
                        + ", expected 0.." + (classes - 1));
            }
            c[labels[i]]++;
        }
        return c;
    }

    private static double checkWeight(double w) {
        if (!(w >= 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("Invalid MMD term weight: " + w + " (must be finite and non-negative)");
        }
        return w;
    }

    /** {@code this + other}. */
    public MmdMatrix plus(MmdMatrix other) {
        if (other.n != n) {
            throw new IllegalArgumentException("MMD matrices over " + n + " and " + other.n + " samples cannot be added");
        }
        List<double[]> vs = new ArrayList<>(vectors);
        vs.addAll(other.vectors);
        double[] w = new double[weights.length + other.weights.length];
        System.arraycopy(weights, 0, w, 0, weights.length);
        System.arraycopy(other.weights, 0, w, weights.length, other.weights.length);
        return new MmdMatrix(n, vs, w);
    }

    /** {@code factor · M}. */
    public MmdMatrix scaled(double factor) {
        double[] w = weights.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] = checkWeight(w[i] * factor);
        }
        return new MmdMatrix(n, vectors, w);
    }

    /** {@code M / ‖M‖_F} (the JDA and BDA code's normalisation), or {@code M} itself when it is zero. */
    public MmdMatrix normalised() {
        double f = frobeniusNorm();
        return f > 0 ? scaled(1.0 / f) : this;
    }

    /** {@code ‖M‖_F = sqrt(Σᵢⱼ wᵢwⱼ(uᵢ·uⱼ)²)}, without forming {@code M}. */
    public double frobeniusNorm() {
        double s = 0;
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = 0; j < vectors.size(); j++) {
                double d = Vectors.dot(vectors.get(i), vectors.get(j));
                s += weights[i] * weights[j] * d * d;
            }
        }
        return Math.sqrt(Math.max(0, s));
    }

    /** Number of samples {@code n}. */
    public int samples() {
        return n;
    }

    /** Number of rank-one terms. */
    public int terms() {
        return vectors.size();
    }

    /** Term {@code i}'s vector scaled by {@code sqrt(wᵢ)}, so that {@code M = Σ vᵢvᵢᵀ}. */
    public double[] scaledVector(int i) {
        double s = Math.sqrt(weights[i]);
        double[] u = vectors.get(i);
        double[] v = new double[n];
        for (int q = 0; q < n; q++) {
            v[q] = s * u[q];
        }
        return v;
    }

    /** The weights, as a list. */
    public List<Double> weights() {
        List<Double> l = new ArrayList<>();
        for (double w : weights) {
            l.add(w);
        }
        return Collections.unmodifiableList(l);
    }

    /** {@code tr(Zᵀ M Z)} for an {@code n×k} embedding given as rows. */
    public double trace(double[][] z) {
        double s = 0;
        for (int i = 0; i < vectors.size(); i++) {
            double[] u = vectors.get(i);
            int k = z.length == 0 ? 0 : z[0].length;
            for (int c = 0; c < k; c++) {
                double p = 0;
                for (int q = 0; q < n; q++) {
                    p += u[q] * z[q][c];
                }
                s += weights[i] * p * p;
            }
        }
        return s;
    }
}
