package org.tl4j.core.learn;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.List;
import java.util.Locale;

/**
 * The inner Tribuo learners a strategy can be composed with, by name, and the defaults:
 * logistic regression ({@code tribuo-classification-sgd}) for classification and weighted least squares
 * ({@link LeastSquaresTrainer}) for regression.
 * <p>
 * Names: {@code logistic}, {@code linear-svm} (classification), {@code least-squares} and
 * {@code ridge:<λ>} (regression), {@code 1nn} and {@code knn:<k>} (both, {@link NearestNeighbourTrainer}). Logistic regression and the linear SVM
 * honour example weights (Tribuo's {@link org.tribuo.WeightedExamples}); the nearest-neighbour learners ignore
 * them.
 */
public final class InnerLearners {

    /** Epochs of the default SGD learners. */
    public static final int SGD_EPOCHS = 10;

    private InnerLearners() {
    }

    /** The learner names, for help text. */
    public static List<String> names() {
        return List.of("logistic", "linear-svm", "least-squares", "ridge:<lambda>", "1nn", "knn:<k>");
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
     * @throws IllegalArgumentException for unknown names or a learner that does not fit the output type
     */
    public static <T extends Output<T>> Trainer<T> named(String name, OutputFactory<T> factory) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        boolean classification = factory instanceof LabelFactory;
        boolean regression = factory instanceof RegressionFactory;
        if (n.equals("default")) {
            return defaultFor(factory);
        }
        if (n.equals("1nn") || n.startsWith("knn:")) {
            int k = n.equals("1nn") ? 1 : parsePositiveInt(n.substring(4), name);
            if (classification || regression) {
                return new NearestNeighbourTrainer<>(k);
            }
        } else if (n.equals("logistic") && classification) {
            return cast(logistic());
        } else if (n.equals("linear-svm") && classification) {
            return cast(new LinearSGDTrainer(new Hinge(), new AdaGrad(1.0, 0.1), SGD_EPOCHS, -1, 1, Trainer.DEFAULT_SEED));
        } else if (n.equals("least-squares") && regression) {
            return cast(new LeastSquaresTrainer());
        } else if (n.startsWith("ridge:") && regression) {
            double lambda;
            try {
                lambda = Double.parseDouble(n.substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid ridge penalty in learner '" + name + "': expected ridge:<number>");
            }
            return cast(new LeastSquaresTrainer(lambda));
        }
        String kind = classification ? "classification" : regression ? "regression" : factory.getClass().getSimpleName();
        throw new IllegalArgumentException("Unknown inner learner '" + name + "' for " + kind + ": expected one of "
                + (classification ? "logistic, linear-svm, 1nn, knn:<k>" : regression ? "least-squares, ridge:<lambda>, 1nn, knn:<k>" : "(none)"));
    }

    /** Tribuo's logistic regression (AdaGrad, {@value #SGD_EPOCHS} epochs, no progress logging). */
    public static LinearSGDTrainer logistic() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), SGD_EPOCHS, -1, 1, Trainer.DEFAULT_SEED);
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
