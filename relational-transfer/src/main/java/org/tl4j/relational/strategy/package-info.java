/**
 * The relational strategies of the {@code tl4j} harness: every learner of the module behind the one
 * {@link org.tl4j.core.TransferStrategy} SPI, over {@link org.tl4j.relational.problem.RelationalTransferProblem}s.
 * <ul>
 *   <li>{@code rdn-boost} ({@link org.tl4j.relational.strategy.RdnBoostStrategy}): RDN-Boost learned from scratch
 *   on the target, the target-only baseline;</li>
 *   <li>{@code mapped-source} ({@link org.tl4j.relational.strategy.MappedSourceStrategy}): the source model read
 *   through the predicate mapping with its source leaf values, the source-only baseline;</li>
 *   <li>{@code treeboostler} ({@link org.tl4j.relational.strategy.TreeBoostlerStrategy}): mapping, parameter
 *   learning and revision;</li>
 *   <li>{@code treeboostler-no-revision} ({@link org.tl4j.relational.strategy.TreeBoostlerNoRevisionStrategy}):
 *   mapping and parameter learning only ("TreeBoostler*").</li>
 * </ul>
 * Fitted models are {@link org.tl4j.relational.strategy.RelationalTransferModel}s; the source model of a pair is
 * learned once per JVM ({@link org.tl4j.relational.strategy.SourceModels}).
 */
package org.tl4j.relational.strategy;
