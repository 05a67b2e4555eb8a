/**
 * Transfer of boosted relational dependency networks between domains with different vocabularies by predicate
 * mapping and theory revision: TreeBoostler (R. Azevedo Santos, A. Paes and G. Zaverucha, "Transfer learning by
 * mapping and revising boosted relational dependency networks", Machine Learning 109, 2020), which follows TAMAR
 * (L. Mihalkova, T. Huynh and R. J. Mooney, "Mapping and revising Markov logic networks for transfer learning",
 * AAAI 2007).
 * <p>
 * {@link org.tl4j.relational.transfer.MappingSearch} chooses a type-consistent predicate mapping node by node on the
 * target data; {@link org.tl4j.relational.transfer.TreeBoostler} refits the mapped trees' leaves and revises them
 * (prunes impure nodes, grows new ones); {@link org.tl4j.relational.transfer.MappedSourceModel} applies the mapping
 * to the source model unchanged (the source-only baseline).
 */
package org.tl4j.relational.transfer;
