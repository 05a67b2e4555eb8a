/**
 * The Gaussian (RBF) kernel of tl4j and its width heuristic, shared by the domain-discrepancy measures, the
 * kernel density-ratio estimators of instance transfer and the kernelised embeddings of feature transfer.
 */
package org.tl4j.core.kernel;
