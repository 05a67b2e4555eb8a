package org.tl4j.backbone;

import java.io.Serializable;

/**
 * ONNX Runtime settings for CPU inference.
 *
 * @param intraOpThreads    threads one operator may use; {@code 0} means one per available processor
 * @param optimiseGraph     apply all of ONNX Runtime's graph optimisations (constant folding, operator fusion)
 * @param denormalAsZero    set the session entry {@code session.set_denormal_as_zero=1}: flushes subnormal floats to
 *                          zero; measured 7× faster on MobileFaceNet with identical outputs, since subnormal
 *                          arithmetic is slow on x86 CPUs
 * @param batchFixedModels  run models that declare a fixed batch of 1 in batches, by rewriting their graph's batch
 *                          dimension (verified against single-image runs when the backbone opens; falls back to one
 *                          image per run when the rewrite does not reproduce them)
 * @param spinning          let idle intra-op threads spin ({@code session.intra_op.allow_spinning}); off frees the
 *                          cores for image decoding between runs
 */
public record BackboneOptions(int intraOpThreads, boolean optimiseGraph, boolean denormalAsZero,
                              boolean batchFixedModels, boolean spinning) implements Serializable {

    /** Validates the values. */
    public BackboneOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("Invalid intra-op thread count: " + intraOpThreads
                    + " (use 0 for one per processor)");
        }
    }

    /** One thread per processor, full graph optimisation, denormals flushed, fixed-batch models batched, spinning. */
    public static BackboneOptions defaults() {
        return new BackboneOptions(0, true, true, true, true);
    }

    /** These options with {@code n} intra-op threads (0: one per processor). */
    public BackboneOptions withThreads(int n) {
        return new BackboneOptions(n, optimiseGraph, denormalAsZero, batchFixedModels, spinning);
    }

    /** These options with batching of fixed-batch models switched on or off. */
    public BackboneOptions withBatchFixedModels(boolean on) {
        return new BackboneOptions(intraOpThreads, optimiseGraph, denormalAsZero, on, spinning);
    }

    /** These options with thread spinning switched on or off. */
    public BackboneOptions withSpinning(boolean on) {
        return new BackboneOptions(intraOpThreads, optimiseGraph, denormalAsZero, batchFixedModels, on);
    }

    /** The intra-op thread count actually used. */
    public int threads() {
        return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
    }
}
