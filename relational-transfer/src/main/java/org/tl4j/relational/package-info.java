/**
 * Relational-knowledge transfer (Pan &amp; Yang's fourth approach): first-order knowledge learned in a source domain
 * of multi-relational facts is mapped onto the target domain's predicates and revised there.
 * <ul>
 *   <li>{@link org.tl4j.relational.data}: typed predicates, ground atoms, the BoostSRL/srlearn text format,
 *   type inference and an indexed fact store;</li>
 *   <li>{@link org.tl4j.relational.rdn}: relational dependency networks learned by functional-gradient boosting of
 *   relational regression trees (RDN-Boost; Natarajan et al., MLJ 2012);</li>
 *   <li>{@link org.tl4j.relational.transfer}: transfer by predicate mapping and theory revision (TreeBoostler;
 *   Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020, after TAMAR; Mihalkova, Huynh &amp; Mooney, AAAI 2007);</li>
 *   <li>{@link org.tl4j.relational.problem}: the transfer problems, the standard pairs of the literature and the
 *   {@code relational} suite;</li>
 *   <li>{@link org.tl4j.relational.strategy}: the strategies and baselines of the harness ({@code rdn-boost},
 *   {@code mapped-source}, {@code treeboostler}, {@code treeboostler-no-revision});</li>
 *   <li>{@link org.tl4j.relational.eval}: the evidence runner that reproduces the published comparison;</li>
 *   <li>{@link org.tl4j.relational.synthetic}: seeded domains with a known mapping.</li>
 * </ul>
 */
package org.tl4j.relational;
