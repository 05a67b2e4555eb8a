package org.tl4j.backbone;

import java.nio.charset.StandardCharsets;

/**
 * Test-time flip augmentation: the embedding of an image is the sum of the embeddings of the image and of its
 * left-right mirror image (then L2-normalised when the spec says so), as in InsightFace's LFW evaluation and
 * FaceNet's {@code validate_on_lfw --use_flipped_images}. Costs two forward passes per image.
 */
public final class FlipAveragedBackbone implements Backbone {
    private final Backbone inner;
    private final String sha256;

    /** Wraps {@code inner} (closed with this backbone). */
    public FlipAveragedBackbone(Backbone inner) {
        this.inner = inner;
        this.sha256 = flippedSha(inner.sha256());
    }

    /** The checksum identifying flip-averaged embeddings of a backbone with checksum {@code sha}. */
    public static String flippedSha(String sha) {
        return OnnxGraphs.sha256(("flip-sum\n" + sha).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public EmbeddingSpec spec() {
        return inner.spec();
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String describe() {
        return inner.describe() + ", flip-averaged";
    }

    @Override
    public int maxBatch() {
        return Math.max(1, inner.maxBatch() / 2);
    }

    @Override
    public float[][] embed(float[] input, int n) {
        EmbeddingSpec s = inner.spec();
        int size = s.imageSize();
        float[] both = new float[2 * n * size];
        System.arraycopy(input, 0, both, 0, n * size);
        for (int i = 0; i < n; i++) {
            mirror(input, i * size, both, (n + i) * size, s);
        }
        float[][] e = inner.embed(both, 2 * n);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] a = e[i];
            float[] b = e[n + i];
            float[] sum = new float[a.length];
            for (int j = 0; j < a.length; j++) {
                sum[j] = s.l2Normalise() ? a[j] + b[j] : (a[j] + b[j]) / 2;
            }
            if (s.l2Normalise()) {
                OnnxBackbone.l2Normalise(sum);
            }
            out[i] = sum;
        }
        return out;
    }

    /** Writes the left-right mirror image of the image at {@code from} into {@code to}. */
    static void mirror(float[] src, int from, float[] dst, int to, EmbeddingSpec s) {
        int w = s.width();
        int h = s.height();
        if (s.layout() == TensorLayout.NCHW) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    int row = c * w * h + y * w;
                    for (int x = 0; x < w; x++) {
                        dst[to + row + x] = src[from + row + (w - 1 - x)];
                    }
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        dst[to + 3 * (y * w + x) + c] = src[from + 3 * (y * w + (w - 1 - x)) + c];
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
