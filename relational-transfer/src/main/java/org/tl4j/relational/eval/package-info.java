/**
 * The evidence runner: reproduces TreeBoostler's comparison on the shared folds and a synthetic pair with a known
 * mapping, as a markdown report ({@link org.tl4j.relational.eval.RelationalEvidence}).
 */
package org.tl4j.relational.eval;
