package org.tl4j.core.eval;

import java.util.OptionalDouble;

/**
 * Published reference numbers a suite reproduces (e.g. a paper's table), looked up by task, strategy and metric.
 */
@FunctionalInterface
public interface PublishedValues {

    /** The published value, if the literature reports one. */
    OptionalDouble lookup(String task, String strategy, Metric metric);

    /** No published values. */
    PublishedValues NONE = (task, strategy, metric) -> OptionalDouble.empty();
}
