/**
 * Softmax classification training as FaceNet's {@code train_softmax.py}, with gradient accumulation
 * ({@link org.tl4j.deep.train.SoftmaxTrainer}), learning-rate schedules and the white paper's training schedule.
 */
package org.tl4j.deep.train;
