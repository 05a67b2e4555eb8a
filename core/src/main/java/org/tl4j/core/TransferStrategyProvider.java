package org.tl4j.core;

import org.tribuo.Output;
import org.tribuo.OutputFactory;

/**
 * Service-provider interface through which modules contribute strategies. Register an implementation with a line
 * naming its class in {@code META-INF/services/org.tl4j.core.TransferStrategyProvider}; it needs a public no-arg
 * constructor. {@link StrategyRegistry} discovers providers, refuses duplicate names and finds them by name.
 */
public interface TransferStrategyProvider {

    /** The strategy's name, approach, settings, module and description. */
    StrategyDescriptor descriptor();

    /** Whether the strategy can produce outputs of this factory's type (e.g. classification only). */
    default boolean supports(OutputFactory<?> outputFactory) {
        return true;
    }

    /**
     * A new strategy with default settings for outputs of {@code outputFactory}'s type.
     *
     * @throws IllegalArgumentException if {@link #supports(OutputFactory)} is false
     */
    <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory);
}
