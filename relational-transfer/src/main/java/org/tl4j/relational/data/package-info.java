/**
 * The relational data model: {@link org.tl4j.relational.data.GroundAtom ground atoms} read from the BoostSRL/srlearn
 * text format ({@link org.tl4j.relational.data.AtomFile}), a {@link org.tl4j.relational.data.Schema} of typed
 * predicates (declared by modes or inferred from shared constants), and a {@link org.tl4j.relational.data.FactStore}
 * indexed by predicate and argument position.
 */
package org.tl4j.relational.data;
