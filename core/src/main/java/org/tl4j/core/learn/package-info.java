/**
 * Inner learners and seeding: named Tribuo trainers ({@link org.tl4j.core.learn.InnerLearners}), multinomial
 * logistic regression solved to convergence by L-BFGS with an optional prior mean
 * ({@link org.tl4j.core.learn.LogisticRegression}, {@link org.tl4j.core.learn.LogisticRegressionTrainer},
 * {@link org.tl4j.core.learn.Lbfgs}), exact SVMs through LIBLINEAR and LIBSVM
 * ({@link org.tl4j.core.learn.SupportVectorTrainer}), closed-form weighted least squares, nearest neighbours, and
 * explicit seeds for every random consumer.
 */
package org.tl4j.core.learn;
