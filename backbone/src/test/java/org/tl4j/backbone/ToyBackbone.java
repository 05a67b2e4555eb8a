package org.tl4j.backbone;

import java.util.concurrent.atomic.AtomicInteger;

/** A backbone whose embedding is (mean, min, max) of {@link #SPEC}'s tensor; counts images and can fail on a call. */
final class ToyBackbone implements Backbone {
    /** 4×4 images, three features, no normalisation. */
    static final EmbeddingSpec SPEC = EmbeddingSpec.builder("toy").size(4, 4).embeddingDim(3).l2Normalise(false)
            .build();

    final AtomicInteger images = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final int failOnCall;

    ToyBackbone(int failOnCall) {
        this.failOnCall = failOnCall;
    }

    @Override
    public EmbeddingSpec spec() {
        return SPEC;
    }

    @Override
    public String sha256() {
        return "toy";
    }

    @Override
    public String describe() {
        return "toy";
    }

    @Override
    public float[][] embed(float[] input, int n) {
        if (calls.incrementAndGet() == failOnCall) {
            throw new IllegalStateException("simulated crash");
        }
        int size = SPEC.imageSize();
        float[][] out = new float[n][3];
        for (int i = 0; i < n; i++) {
            float s = 0;
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int j = 0; j < size; j++) {
                float v = input[i * size + j];
                s += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            out[i] = new float[]{s / size, lo, hi};
        }
        images.addAndGet(n);
        return out;
    }

    @Override
    public void close() {
    }
}
