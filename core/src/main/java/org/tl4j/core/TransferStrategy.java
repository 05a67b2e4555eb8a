package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import org.tribuo.Output;

/**
 * A transfer-learning algorithm, shaped like Tribuo's {@link org.tribuo.Trainer}: it holds its settings as OLCUT
 * {@code @Config} fields (validated in {@code postConfig()}), reports them as provenance, and fits a
 * {@link TransferModel} from a problem and an explicit seed. The same problem and seed give the same model, bit
 * for bit; the problem is never mutated.
 * <p>
 * Each approach module adds narrow contracts on top (instance weights, a fitted feature mapping, a source model
 * to start from, a relational mapping). Strategies are found by name through {@link StrategyRegistry}; baselines
 * (a {@link StrategyDescriptor#role() role}) are found by role and problem kind. {@link AbstractStrategy} is the base
 * class for any problem kind, {@link AbstractTransferStrategy} the one for feature vectors with an inner learner.
 *
 * @param <T> output type
 * @param <P> the kind of problem the strategy accepts, e.g. {@link TransferTask}
 */
public interface TransferStrategy<T extends Output<T>, P extends TransferProblem<T>>
        extends Configurable, Provenancable<StrategyProvenance> {

    /** The strategy's registry entry: name, approach, settings, module, data kind. */
    StrategyDescriptor descriptor();

    /**
     * The problem class this strategy accepts (e.g. {@code TransferTask.class}); {@link #fit} takes problems of
     * this class, {@link StrategyRegistry#create(String, TransferProblem, java.util.Map)} checks it.
     */
    Class<P> problemType();

    /**
     * Whether this strategy can fit {@code problem}: it is of {@link #problemType()}, and its
     * {@linkplain TransferProblem#setting() setting} is one the strategy accepts. Implementations add their own
     * requirements (e.g. labelled target data) and explain them in {@link #whyNotApplicable(TransferProblem)}.
     */
    default boolean appliesTo(TransferProblem<?> problem) {
        return whyNotApplicable(problem) == null;
    }

    /**
     * Why {@code problem} cannot be fitted, or {@code null} when it can.
     */
    default String whyNotApplicable(TransferProblem<?> problem) {
        if (!problemType().isInstance(problem)) {
            return "strategy '" + descriptor().name() + "' accepts " + problemType().getSimpleName() + " ("
                    + descriptor().dataKind() + ") problems, not " + problem.dataKind();
        }
        if (!descriptor().acceptsSetting(problem.setting())) {
            return "strategy '" + descriptor().name() + "' supports " + descriptor().settingsLabel()
                    + " transfer, but problem '" + problem.name() + "' is " + problem.setting().label();
        }
        return null;
    }

    /**
     * Fits a model.
     *
     * @param problem the problem; not modified; its target test labels must not be read
     * @param seed    the seed for every random choice the fit makes
     * @return a fitted model whose provenance names the source and target data and this configuration
     * @throws IllegalArgumentException if the strategy does not apply to the problem (with the reason)
     */
    TransferModel<T> fit(P problem, long seed);
}
