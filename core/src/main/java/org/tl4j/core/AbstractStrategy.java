package org.tl4j.core;

import org.tribuo.Output;

import java.util.Objects;

/**
 * Base class of strategies over any problem kind {@code P}: it declares the problem class, checks applicability
 * before every fit (throwing with the reason from {@link #whyNotApplicable(TransferProblem)}), records the
 * configuration as {@link StrategyProvenance}, and leaves the fit itself to {@link #fitProblem}. Subclasses hold
 * their settings as OLCUT {@code @Config} fields and add requirements by overriding
 * {@link #whyNotApplicable(TransferProblem)} (calling {@code super}).
 *
 * @param <T> output type
 * @param <P> the problem kind
 */
public abstract class AbstractStrategy<T extends Output<T>, P extends TransferProblem<T>> implements TransferStrategy<T, P> {

    private final Class<P> problemType;

    /**
     * @param problemType the problem class the strategy accepts; a raw class such as {@code TransferTask.class}
     *                    stands for every parameterisation of it
     */
    @SuppressWarnings("unchecked")
    protected AbstractStrategy(Class<?> problemType) {
        Objects.requireNonNull(problemType, "problemType");
        if (!TransferProblem.class.isAssignableFrom(problemType)) {
            throw new IllegalArgumentException(problemType.getName() + " is not a TransferProblem");
        }
        this.problemType = (Class<P>) problemType;
    }

    @Override
    public final Class<P> problemType() {
        return problemType;
    }

    @Override
    public final TransferModel<T> fit(P problem, long seed) {
        Objects.requireNonNull(problem, "problem");
        String why = whyNotApplicable(problem);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        checkConfigured();
        return fitProblem(problem, seed);
    }

    /**
     * Throws {@link IllegalStateException} naming the setting when the strategy is not fully configured (e.g. a
     * mandatory inner learner missing after OLCUT configuration). Nothing by default.
     */
    protected void checkConfigured() {
    }

    /**
     * Fits the model; called after the applicability and configuration checks.
     *
     * @param problem the problem; not modified, and its target test labels must not be read
     * @param seed    the fit's seed; derive sub-seeds with {@link org.tl4j.core.learn.Seeds#derive(long, String)}
     */
    protected abstract TransferModel<T> fitProblem(P problem, long seed);

    @Override
    public StrategyProvenance getProvenance() {
        return new StrategyProvenance(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + descriptor().name() + ")";
    }
}
