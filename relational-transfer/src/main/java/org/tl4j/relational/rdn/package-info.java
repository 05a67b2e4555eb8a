/**
 * Relational dependency networks learned by functional-gradient boosting of relational regression trees
 * (RDN-Boost): S. Natarajan, T. Khot, K. Kersting, B. Gutmann and J. Shavlik, "Gradient-based boosting for
 * statistical relational learning: the relational dependency network case", Machine Learning 86(1), 2012.
 * <p>
 * {@link org.tl4j.relational.rdn.Query} proves conjunctions against a {@link org.tl4j.relational.data.FactStore};
 * {@link org.tl4j.relational.rdn.TreeGrower} fits one TILDE-style tree to functional gradients, free or guided by a
 * template tree; {@link org.tl4j.relational.rdn.RdnBoostLearner} boosts them into an immutable
 * {@link org.tl4j.relational.rdn.RdnBoostModel}.
 */
package org.tl4j.relational.rdn;
