package org.tl4j.core;

import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.Objects;
import java.util.function.Function;

/**
 * The provider of a strategy composed with an inner Tribuo learner, created with the output type's default learner
 * ({@link InnerLearners#defaultFor(OutputFactory)}). A strategy registers by subclassing it with a public no-arg
 * constructor:
 * <pre>{@code
 * public static final class Provider extends InnerLearnerProvider {
 *     public Provider() {
 *         super(DESCRIPTOR, Outputs.anyOf(KmmStrategy::new));      // classification and regression
 *     }
 * }
 * }</pre>
 * {@link Outputs#labels(Function)} and {@link Outputs#regression(Function)} declare strategies of one output type;
 * the provider then refuses the other with a message naming the strategy and the type it needs.
 */
public abstract class InnerLearnerProvider implements TransferStrategyProvider {

    private final StrategyDescriptor descriptor;
    private final Outputs outputs;

    /**
     * @param descriptor the strategy's registry entry
     * @param outputs    the output types it supports and how it is made from an inner learner
     */
    protected InnerLearnerProvider(StrategyDescriptor descriptor, Outputs outputs) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    @Override
    public final StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean supports(OutputFactory<?> outputFactory) {
        return outputs.supports(outputFactory);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
        if (!supports(outputFactory)) {
            throw new IllegalArgumentException("Strategy '" + descriptor.name() + "' needs " + outputs.describe()
                    + " outputs, not " + outputFactory.getUnknownOutput().getClass().getSimpleName());
        }
        return (TransferStrategy<T, ?>) outputs.make.apply(InnerLearners.defaultFor(outputFactory));
    }

    /** The output types a strategy supports and its constructor from an inner learner. */
    public static final class Outputs {
        private final boolean labels;
        private final boolean regression;
        private final Function<Trainer<?>, TransferStrategy<?, ?>> make;

        private Outputs(boolean labels, boolean regression, Function<Trainer<?>, TransferStrategy<?, ?>> make) {
            this.labels = labels;
            this.regression = regression;
            this.make = Objects.requireNonNull(make, "make");
        }

        /** Classification and regression: {@code make} receives the default learner of either type. */
        public static Outputs anyOf(Function<Trainer<?>, TransferStrategy<?, ?>> make) {
            return new Outputs(true, true, make);
        }

        /** Classification only ({@link Label} outputs). */
        @SuppressWarnings("unchecked")
        public static Outputs labels(Function<Trainer<Label>, ? extends TransferStrategy<Label, ?>> make) {
            return new Outputs(true, false, t -> make.apply((Trainer<Label>) t));
        }

        /** Regression only ({@link Regressor} outputs). */
        @SuppressWarnings("unchecked")
        public static Outputs regression(Function<Trainer<Regressor>, ? extends TransferStrategy<Regressor, ?>> make) {
            return new Outputs(false, true, t -> make.apply((Trainer<Regressor>) t));
        }

        boolean supports(OutputFactory<?> f) {
            return (labels && f instanceof LabelFactory) || (regression && f instanceof RegressionFactory);
        }

        String describe() {
            return labels && regression ? "Label or Regressor" : labels ? "Label (class)" : "Regressor";
        }
    }
}
