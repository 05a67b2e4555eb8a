package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

import java.util.Map;

/**
 * A C-support vector classifier solved exactly by LIBSVM (Chang &amp; Lin, <i>LIBSVM: a library for support vector
 * machines</i>, ACM TIST 2(3), 2011; SMO with second-order working-set selection, Fan, Chen &amp; Lin, JMLR 2005)
 * through Tribuo's {@code tribuo-classification-libsvm}: the {@code svm} inner learner, the SVM of the
 * domain-adaptation literature's tables. Multi-class problems are solved one-against-one, as LIBSVM does.
 * <p>
 * Kernels: linear {@code xᵀy} or Gaussian {@code exp(−γ‖x − y‖²)}; {@code γ = 0} means LIBSVM's own default
 * {@code 1/d} ({@code d} = number of features), resolved when the data are seen, which is why this thin trainer
 * wraps Tribuo's (Tribuo passes {@code γ = 0} to LIBSVM unchanged, which would make the Gaussian kernel constant).
 * The fitted model is Tribuo's {@code LibSVMModel}, whose provenance records the resolved parameters. LIBSVM's
 * solver is deterministic without probability estimates, so the trainer has no seed. Example weights are not
 * supported by LIBSVM (strategies that weight examples resample instead).
 */
public final class SupportVectorTrainer extends DeterministicTrainer<Label, Model<Label>> {

    static {
        // LIBSVM prints its progress to standard output unless told otherwise; tl4j reports through its own channels.
        libsvm.svm.svm_set_print_string_function(s -> { });
    }

    /** The kernels offered. */
    public enum Kernel {
        /** {@code xᵀy}. */
        LINEAR,
        /** {@code exp(−γ‖x − y‖²)}. */
        RBF
    }

    @Config(description = "Kernel: LINEAR or RBF")
    private Kernel kernel = Kernel.RBF;

    @Config(description = "Soft-margin cost C > 0")
    private double c = 1.0;

    @Config(description = "RBF width γ > 0, or 0 for LIBSVM's default 1/(number of features)")
    private double gamma = 0.0;

    @Config(description = "LIBSVM stopping tolerance on the KKT violation (LIBSVM's default 0.001)")
    private double tolerance = 1e-3;

    /** For OLCUT. */
    @SuppressWarnings("unused")
    private SupportVectorTrainer() {
    }

    /**
     * @param kernel the kernel
     * @param c      cost {@code C > 0}
     * @param gamma  RBF width {@code γ ≥ 0} (0: {@code 1/d}); ignored by the linear kernel
     * @throws IllegalArgumentException on an invalid setting
     */
    public SupportVectorTrainer(Kernel kernel, double c, double gamma) {
        this.kernel = kernel;
        this.c = c;
        this.gamma = gamma;
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public void postConfig() {
        String problem = problem();
        if (problem != null) {
            throw new PropertyException("", "c", problem);
        }
    }

    private String problem() {
        if (kernel == null) {
            return "The SVM kernel must be LINEAR or RBF";
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            return "Invalid SVM cost C: " + c + " (must be finite and > 0)";
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            return "Invalid RBF width gamma: " + gamma + " (must be finite and >= 0; 0 means 1/features)";
        }
        if (!(tolerance > 0)) {
            return "Invalid SVM tolerance: " + tolerance + " (must be > 0)";
        }
        return null;
    }

    @Override
    protected Model<Label> fit(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                kernel == Kernel.LINEAR ? KernelType.LINEAR : KernelType.RBF);
        p.setCost(c);
        p.getParameters().eps = tolerance;
        if (kernel == Kernel.RBF) {
            p.setGamma(gamma > 0 ? gamma : 1.0 / examples.getFeatureIDMap().size());
        }
        return new LibSVMClassificationTrainer(p).train(examples, runProvenance);
    }

    @Override
    public String toString() {
        return "SupportVectorTrainer(kernel=" + kernel + ",C=" + c + ",gamma=" + gamma + ")";
    }
}
