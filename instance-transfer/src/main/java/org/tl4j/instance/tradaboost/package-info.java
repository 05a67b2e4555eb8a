/**
 * The TrAdaBoost family: TrAdaBoost (Dai et al., ICML 2007), TrAdaBoost.R2 and two-stage TrAdaBoost.R2
 * (Pardoe &amp; Stone, ICML 2010), their weight arithmetic and their voting and weighted-median ensembles.
 */
package org.tl4j.instance.tradaboost;
