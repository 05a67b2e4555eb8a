/**
 * Parameter transfer (Pan &amp; Yang's third approach): the target model re-uses the parameters of a model learned
 * on the source — as the centre of a prior ({@code regular}: Chelba &amp; Acero 2006), as a shared part of jointly
 * fitted task models ({@code mtl}: Evgeniou &amp; Pontil 2004), as a hypothesis mixed with the target's
 * ({@code linint}) or as the starting point of a fine-tune ({@code warmstart} for linear models, {@code finetune}
 * for networks: a head on frozen embeddings, or the last layers of a pretrained ONNX backbone, with L2-SP and
 * progressive unfreezing). Shared here: the linear-task matrices ({@link org.tl4j.parameter.LinearData}) and the
 * choice of the transfer strength by cross-validation on the labelled target
 * ({@link org.tl4j.parameter.TargetCrossValidation}).
 */
package org.tl4j.parameter;
