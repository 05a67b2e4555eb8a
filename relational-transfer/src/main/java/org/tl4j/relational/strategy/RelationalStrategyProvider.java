package org.tl4j.relational.strategy;

import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.LabelFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The provider of a relational strategy: relational problems have {@code "true"}/{@code "false"} labels, so it
 * supports Tribuo {@link org.tribuo.classification.Label} outputs only and creates the strategy with its default
 * settings. A strategy registers a subclass with a public no-arg constructor in
 * {@code META-INF/services/org.tl4j.core.TransferStrategyProvider}.
 */
public abstract class RelationalStrategyProvider implements TransferStrategyProvider {
    private final StrategyDescriptor descriptor;
    private final Supplier<? extends AbstractRelationalStrategy> make;

    /**
     * @param descriptor the strategy's registry entry
     * @param make       a new strategy with default settings
     */
    protected RelationalStrategyProvider(StrategyDescriptor descriptor,
                                         Supplier<? extends AbstractRelationalStrategy> make) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.make = Objects.requireNonNull(make, "make");
    }

    @Override
    public final StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean supports(OutputFactory<?> outputFactory) {
        return outputFactory instanceof LabelFactory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
        if (!supports(outputFactory)) {
            throw new IllegalArgumentException("Strategy '" + descriptor.name() + "' predicts true/false labels of "
                    + "relational queries, not " + outputFactory.getUnknownOutput().getClass().getSimpleName());
        }
        return (TransferStrategy<T, ?>) make.get();
    }
}
