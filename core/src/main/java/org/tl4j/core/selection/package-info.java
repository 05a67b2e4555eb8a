/**
 * Label-free model selection for transfer strategies: importance-weighted cross-validation (Sugiyama et al. 2007),
 * Deep Embedded Validation (You et al. 2019) and reverse validation (Zhong et al. 2010)
 * ({@link org.tl4j.core.selection.LabelFreeSelection}), applied to any feature-vector strategy by the evaluation
 * harness through {@link org.tl4j.core.selection.SelectedStrategy}; plus the discriminative importance weights they
 * use ({@link org.tl4j.core.selection.DomainClassifierWeigher}, an L2 logistic-regression domain classifier,
 * {@link org.tl4j.core.learn.LogisticRegression} on standardised features). None of it reads target test labels.
 */
package org.tl4j.core.selection;
