/**
 * Relational transfer problems: a source data set with its target predicate, a target fold to learn from and the
 * held-out target folds to be judged on, as {@link org.tl4j.core.TransferProblem}s of data kind
 * {@code relational-facts}; and the standard pairs of the literature ({@link org.tl4j.relational.problem.RelationalPair}).
 */
package org.tl4j.relational.problem;
