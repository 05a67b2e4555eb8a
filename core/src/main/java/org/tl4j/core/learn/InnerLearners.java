package org.tl4j.core.learn;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The inner Tribuo learners a strategy can be composed with, by name, and the defaults: L2-regularised
 * multinomial logistic regression solved to convergence ({@link LogisticRegressionTrainer}, scikit-learn's
 * {@code LogisticRegression()} objective) for classification and weighted least squares ({@link LeastSquaresTrainer})
 * for regression.
 * <p>
 * Names, each optionally followed by {@code :key=value} settings:
 * <ul>
 *   <li>{@code logistic[:C=<c>]} — {@link LogisticRegressionTrainer}, {@code C = 1} by default (honours example
 *       weights);</li>
 *   <li>{@code linear-svm[:C=<c>][:loss=squared-hinge|hinge]} — a linear SVM solved exactly by LIBLINEAR's dual
 *       coordinate descent (Hsieh et al., ICML 2008; Fan et al., JMLR 2008) through
 *       {@code tribuo-classification-liblinear}, one-vs-rest; LIBLINEAR's defaults: squared hinge loss,
 *       {@code C = 1}, tolerance 0.1 (scikit-learn's {@code LinearSVC} objective, whose bias is penalised too);</li>
 *   <li>{@code svm[:kernel=rbf|linear][:C=<c>][:gamma=<γ>]} — a kernel SVM solved exactly by LIBSVM
 *       ({@link SupportVectorTrainer}), RBF with {@code γ = 1/d} and {@code C = 1} by default;</li>
 *   <li>{@code logistic-sgd}, {@code linear-svm-sgd} — Tribuo's SGD learners (AdaGrad, {@value #SGD_EPOCHS} epochs,
 *       no penalty; the defaults before exact solvers, fast but not converged; honour example weights);</li>
 *   <li>{@code least-squares}, {@code ridge:<λ>} (regression, {@link LeastSquaresTrainer});</li>
 *   <li>{@code 1nn}, {@code knn:<k>} (both output types, {@link NearestNeighbourTrainer}, ignore example weights).</li>
 * </ul>
 * LIBLINEAR and LIBSVM do not take example weights; the instance-transfer strategies resample for them.
 */
public final class InnerLearners {

    /** Epochs of the SGD learners. */
    public static final int SGD_EPOCHS = 10;

    private InnerLearners() {
    }

    /** The learner names, for help text. */
    public static List<String> names() {
        return List.of("logistic[:C=<c>]", "linear-svm[:C=<c>][:loss=squared-hinge|hinge]",
                "svm[:kernel=rbf|linear][:C=<c>][:gamma=<g>]", "logistic-sgd", "linear-svm-sgd", "least-squares",
                "ridge:<lambda>", "1nn", "knn:<k>");
    }

    /**
     * The default learner for {@code factory}'s output type.
     *
     * @throws IllegalArgumentException for output types other than {@link Label} and {@link Regressor}
     */
    public static <T extends Output<T>> Trainer<T> defaultFor(OutputFactory<T> factory) {
        if (factory instanceof LabelFactory) {
            return cast(logistic());
        } else if (factory instanceof RegressionFactory) {
            return cast(new LeastSquaresTrainer());
        }
        throw new IllegalArgumentException("No default inner learner for outputs of type "
                + factory.getUnknownOutput().getClass().getSimpleName() + ": pass a Tribuo trainer explicitly");
    }

    /**
     * The learner called {@code name} for {@code factory}'s output type.
     *
     * @throws IllegalArgumentException for unknown names, bad settings or a learner that does not fit the output type
     */
    public static <T extends Output<T>> Trainer<T> named(String name, OutputFactory<T> factory) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        boolean classification = factory instanceof LabelFactory;
        boolean regression = factory instanceof RegressionFactory;
        if (n.equals("default")) {
            return defaultFor(factory);
        }
        int colon = n.indexOf(':');
        String base = colon < 0 ? n : n.substring(0, colon);
        String rest = colon < 0 ? "" : n.substring(colon + 1);
        if (n.equals("1nn") || base.equals("knn") && colon > 0) {
            int k = n.equals("1nn") ? 1 : parsePositiveInt(rest, name);
            if (classification || regression) {
                return new NearestNeighbourTrainer<>(k);
            }
        } else if (base.equals("logistic") && classification) {
            Map<String, String> s = settings(rest, name, Set.of("c"));
            return cast(new LogisticRegressionTrainer(number(s, "c", 1.0, name)));
        } else if (base.equals("linear-svm") && classification) {
            Map<String, String> s = settings(rest, name, Set.of("c", "loss"));
            String loss = s.getOrDefault("loss", "squared-hinge");
            LinearClassificationType.LinearType type = switch (loss) {
                case "squared-hinge" -> LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL;
                case "hinge" -> LinearClassificationType.LinearType.L2R_L1LOSS_SVC_DUAL;
                default -> throw new IllegalArgumentException("Invalid loss '" + loss + "' in learner '" + name
                        + "': expected squared-hinge or hinge");
            };
            return cast(linearSvm(type, number(s, "c", 1.0, name)));
        } else if (base.equals("svm") && classification) {
            Map<String, String> s = settings(rest, name, Set.of("c", "gamma", "kernel"));
            String kernel = s.getOrDefault("kernel", "rbf");
            SupportVectorTrainer.Kernel k = switch (kernel) {
                case "rbf" -> SupportVectorTrainer.Kernel.RBF;
                case "linear" -> SupportVectorTrainer.Kernel.LINEAR;
                default -> throw new IllegalArgumentException("Invalid kernel '" + kernel + "' in learner '" + name
                        + "': expected rbf or linear");
            };
            return cast(new SupportVectorTrainer(k, number(s, "c", 1.0, name), number(s, "gamma", 0.0, name)));
        } else if (n.equals("logistic-sgd") && classification) {
            return cast(logisticSgd());
        } else if (n.equals("linear-svm-sgd") && classification) {
            return cast(new LinearSGDTrainer(new Hinge(), new AdaGrad(1.0, 0.1), SGD_EPOCHS, -1, 1, Trainer.DEFAULT_SEED));
        } else if (n.equals("least-squares") && regression) {
            return cast(new LeastSquaresTrainer());
        } else if (base.equals("ridge") && colon > 0 && regression) {
            double lambda;
            try {
                lambda = Double.parseDouble(rest);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid ridge penalty in learner '" + name + "': expected ridge:<number>");
            }
            return cast(new LeastSquaresTrainer(lambda));
        }
        String kind = classification ? "classification" : regression ? "regression" : factory.getClass().getSimpleName();
        throw new IllegalArgumentException("Unknown inner learner '" + name + "' for " + kind + ": expected one of "
                + (classification ? "logistic[:C=<c>], linear-svm[:C=<c>], svm[:kernel=rbf|linear][:C=<c>][:gamma=<g>], "
                + "logistic-sgd, linear-svm-sgd, 1nn, knn:<k>"
                : regression ? "least-squares, ridge:<lambda>, 1nn, knn:<k>" : "(none)"));
    }

    /** The default classifier: logistic regression solved to convergence with scikit-learn's defaults. */
    public static LogisticRegressionTrainer logistic() {
        return new LogisticRegressionTrainer();
    }

    /** Tribuo's SGD logistic regression (AdaGrad, {@value #SGD_EPOCHS} epochs, no progress logging): {@code logistic-sgd}. */
    public static LinearSGDTrainer logisticSgd() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), SGD_EPOCHS, -1, 1, Trainer.DEFAULT_SEED);
    }

    /** LIBLINEAR with the given solver and cost, LIBLINEAR's default tolerance 0.1 and 1,000 iterations. */
    private static LibLinearClassificationTrainer linearSvm(LinearClassificationType.LinearType type, double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("Invalid linear SVM cost C: " + c + " (must be finite and > 0)");
        }
        return new LibLinearClassificationTrainer(new LinearClassificationType(type), c, 1000, 0.1);
    }

    /** {@code key=value} settings separated by colons; keys are checked against {@code allowed}. */
    private static Map<String, String> settings(String text, String name, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String part : text.split(":")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq).trim();
            if (eq < 0 || !allowed.contains(key)) {
                throw new IllegalArgumentException("Invalid setting '" + part + "' in learner '" + name
                        + "': expected key=value with a key in " + allowed.stream().sorted().toList());
            }
            if (out.put(key, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("Setting '" + key + "' given twice in learner '" + name + "'");
            }
        }
        return out;
    }

    private static double number(Map<String, String> s, String key, double fallback, String name) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + key + " '" + v + "' in learner '" + name + "': expected a number");
        }
    }

    private static int parsePositiveInt(String s, String name) {
        try {
            int k = Integer.parseInt(s);
            if (k > 0) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid neighbour count in learner '" + name + "': expected knn:<positive integer>");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> Trainer<T> cast(Trainer<?> t) {
        return (Trainer<T>) t;
    }
}
