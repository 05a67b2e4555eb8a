package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.WeightedExamples;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.ImmutableRegressionInfo;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Weighted linear least squares with an optional ridge penalty, solved in closed form.
 * <p>
 * Minimises {@code Σ_i w_i (y_i − b − β·x_i)² + λ‖β‖²} for each output dimension, with the example weights
 * {@code w_i} ({@link Example#getWeight()}) and an unpenalised intercept {@code b}. The weighted-centred normal
 * equations {@code (X_cᵀ W X_c + λI) β = X_cᵀ W y_c} are solved by Cholesky decomposition; a singular system is
 * reported, never papered over. This is the importance-weighted least squares of Shimodaira (2000) when the weights
 * are density ratios, and the default regression learner of tl4j's baselines.
 * <p>
 * {@link #withPrior(LeastSquaresModel)} replaces the penalty's zero centre by a source model's coefficients,
 * {@code λ‖β − β_source‖²} (the normal equations gain {@code λβ_source} on the right): regularised parameter transfer
 * for linear regression (Chelba &amp; Acero 2006; ADAPT's RegularTransferLR), the least-squares counterpart of
 * {@link LogisticRegressionTrainer#withPrior(LogisticRegressionModel)}. The intercept stays unpenalised.
 */
public final class LeastSquaresTrainer extends DeterministicTrainer<Regressor, LeastSquaresModel> implements WeightedExamples {

    @Config(description = "Ridge penalty λ on the coefficients (not the intercept); 0 gives ordinary least squares")
    private double ridge = 0.0;

    private final transient LeastSquaresModel prior;

    /** Ordinary least squares (no ridge): a singular system is reported, suggesting a ridge penalty. */
    public LeastSquaresTrainer() {
        this.prior = null;
    }

    /**
     * @param ridge the ridge penalty λ ≥ 0
     */
    public LeastSquaresTrainer(double ridge) {
        this(ridge, null);
    }

    private LeastSquaresTrainer(double ridge, LeastSquaresModel prior) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("Invalid ridge: " + ridge + " (must be finite and >= 0)");
        }
        this.ridge = ridge;
        this.prior = prior;
    }

    /** The ridge penalty λ. */
    public double ridge() {
        return ridge;
    }

    /**
     * This trainer with the penalty centred on {@code source}'s coefficients: {@code λ‖β − β_source‖²} (regularised
     * transfer, Chelba &amp; Acero 2006). Coefficients are matched by output dimension and feature name; those the
     * source model lacks get a zero centre. With {@code λ = 0} the prior has no effect. The source model's provenance
     * is recorded in every model this trainer fits.
     */
    public LeastSquaresTrainer withPrior(LeastSquaresModel source) {
        return new LeastSquaresTrainer(ridge, java.util.Objects.requireNonNull(source, "source"));
    }

    /** This trainer's settings with another ridge penalty (and the same prior, if any). */
    public LeastSquaresTrainer withRidge(double ridge) {
        return new LeastSquaresTrainer(ridge, prior);
    }

    @Override
    public void postConfig() {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new PropertyException("", "ridge", "Invalid ridge: " + ridge + " (must be finite and >= 0)");
        }
    }

    @Override
    protected LeastSquaresModel fit(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        ImmutableFeatureMap fmap = examples.getFeatureIDMap();
        ImmutableRegressionInfo outInfo = (ImmutableRegressionInfo) examples.getOutputIDInfo();
        String[] dims = Regressor.extractNames(outInfo);
        int n = examples.size();
        int d = fmap.size();
        int k = dims.length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        DMatrixRMaj y = new DMatrixRMaj(n, k);
        double[] w = new double[n];
        double wSum = 0;
        int i = 0;
        for (Example<Regressor> e : examples) {
            w[i] = e.getWeight();
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("Example " + i + " has weight " + w[i] + ": weights must be finite and >= 0");
            }
            wSum += w[i];
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    x.unsafe_set(i, id, f.getValue());
                }
            }
            Regressor r = e.getOutput();
            for (int j = 0; j < k; j++) {
                int jj = j;
                double v = r.getDimension(dims[j]).orElseThrow(() -> new IllegalArgumentException(
                        "Example has no output dimension '" + dims[jj] + "'")).getValue();
                y.unsafe_set(i, j, v);
            }
            i++;
        }
        if (!(wSum > 0)) {
            throw new IllegalArgumentException("All example weights are zero: least squares needs positive total weight");
        }
        double[] xMean = new double[d];
        double[] yMean = new double[k];
        for (int r = 0; r < n; r++) {
            double wr = w[r] / wSum;
            for (int c = 0; c < d; c++) {
                xMean[c] += wr * x.unsafe_get(r, c);
            }
            for (int c = 0; c < k; c++) {
                yMean[c] += wr * y.unsafe_get(r, c);
            }
        }
        // Rows scaled by sqrt(w) turn the weighted problem into an ordinary one.
        DMatrixRMaj xs = new DMatrixRMaj(n, d);
        DMatrixRMaj ys = new DMatrixRMaj(n, k);
        for (int r = 0; r < n; r++) {
            double sw = Math.sqrt(w[r]);
            for (int c = 0; c < d; c++) {
                xs.unsafe_set(r, c, sw * (x.unsafe_get(r, c) - xMean[c]));
            }
            for (int c = 0; c < k; c++) {
                ys.unsafe_set(r, c, sw * (y.unsafe_get(r, c) - yMean[c]));
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(xs, xs, a);
        for (int c = 0; c < d; c++) {
            a.add(c, c, ridge);
        }
        DMatrixRMaj b = new DMatrixRMaj(d, k);
        CommonOps_DDRM.multTransA(xs, ys, b);
        if (prior != null) {
            for (int c = 0; c < d; c++) {
                String feature = fmap.get(c).getName();
                for (int j = 0; j < k; j++) {
                    b.add(c, j, ridge * prior.coefficient(dims[j], feature));
                }
            }
        }
        DMatrixRMaj beta = new DMatrixRMaj(d, k);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
        if (!solver.setA(a)) {
            throw new IllegalStateException("Least squares normal equations are singular (" + d + " features, " + n
                    + " examples, ridge " + ridge + "): use a ridge penalty (inner learner ridge:<lambda>) or remove "
                    + "collinear features");
        }
        solver.solve(b, beta);
        double[][] coef = new double[k][d];
        double[] intercept = new double[k];
        for (int j = 0; j < k; j++) {
            double bias = yMean[j];
            for (int c = 0; c < d; c++) {
                coef[j][c] = beta.get(c, j);
                bias -= coef[j][c] * xMean[c];
                if (!Double.isFinite(coef[j][c])) {
                    throw new IllegalStateException("Least squares produced a non-finite coefficient for feature '"
                            + fmap.get(c).getName() + "': the system is ill-conditioned; increase the ridge penalty");
                }
            }
            intercept[j] = bias;
        }
        Map<String, Provenance> run = runProvenance;
        if (prior != null) {
            run = new java.util.HashMap<>(runProvenance);
            run.put("prior-model", prior.getProvenance());
        }
        ModelProvenance prov = new ModelProvenance(LeastSquaresModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), getProvenance(), run);
        return new LeastSquaresModel("least-squares", prov, fmap, outInfo, dims, coef, intercept);
    }

    @Override
    public String toString() {
        return "LeastSquaresTrainer(ridge=" + ridge + (prior != null ? ",prior=" + prior.getName() : "") + ")";
    }
}
