package org.tl4j.experiments.table4;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.tl4j.core.learn.Seeds;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.Preprocessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training inputs for Inception-ResNet v1 from LFW, prepared exactly as the transfer side's backbone pipeline
 * prepares them for the {@code facenet-irv1} spec: decoded (gray replicated to RGB), the fixed face crop of LFW's
 * 250×250 framing ((61, 58) to (189, 186), 128 pixels) resized bilinearly to 160×160, {@code (x − 127.5) / 128}
 * (FaceNet's fixed image standardisation). Training batches add FaceNet's random horizontal flip.
 * <p>
 * Batches follow FaceNet's index queue: the training set shuffled, served in order, reshuffled when it runs out,
 * every shuffle and flip drawn from the seed. {@link #next} prepares the next micro-batch on a background thread
 * while the caller trains on the current one. Not thread-safe; close it.
 */
final class FaceTensors implements AutoCloseable {
    static final EmbeddingSpec SPEC = BuiltInModels.FACENET_IRV1;

    private final ImageSource images;
    private final List<IdentitySplit.Example> train;
    private final Preprocessor preprocessor = Preprocessor.cropping(SPEC);
    private final long seed;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tl4j-table4-prefetch");
        t.setDaemon(true);
        return t;
    });
    private int[] order;
    private int position;
    private int pass;
    private UniformRandomProvider flips;
    private Future<Micro> ahead;
    private int aheadSize;

    /** A prepared micro-batch. */
    record Micro(float[] x, int[] y, int n) {
    }

    FaceTensors(ImageSource images, List<IdentitySplit.Example> train, long seed) {
        this.images = images;
        this.train = List.copyOf(train);
        this.seed = seed;
        this.flips = Seeds.rng(Seeds.derive(seed, "table4-flips"));
        reshuffle();
    }

    private void reshuffle() {
        order = PermutationSampler.natural(train.size());
        PermutationSampler.shuffle(Seeds.rng(Seeds.derive(seed, "table4-shuffle", pass++)), order);
        position = 0;
    }

    /** The next {@code n} training images (flipped at random) and labels; prefetches the following {@code n}. */
    Micro next(int n) {
        Micro m;
        try {
            m = ahead != null && aheadSize == n ? ahead.get() : draw(n).call();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        var task = draw(n);
        ahead = pool.submit(task);
        aheadSize = n;
        return m;
    }

    /** Draws the keys and flips now (in order, so the stream is the same bits whatever the timing), decodes later. */
    private java.util.concurrent.Callable<Micro> draw(int n) {
        String[] keys = new String[n];
        int[] y = new int[n];
        boolean[] flip = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (position == order.length) {
                reshuffle();
            }
            IdentitySplit.Example e = train.get(order[position++]);
            keys[i] = e.key();
            y[i] = e.label();
            flip[i] = flips.nextBoolean();
        }
        return () -> {
            float[] x = new float[n * SPEC.imageSize()];
            for (int i = 0; i < n; i++) {
                prepare(keys[i], x, i, flip[i]);
            }
            return new Micro(x, y, n);
        };
    }

    /** Prepares {@code key} into image slot {@code slot} of {@code x}, mirrored when {@code flip}. */
    void prepare(String key, float[] x, int slot, boolean flip) {
        int off = slot * SPEC.imageSize();
        try {
            preprocessor.prepare(images.read(key), key, x, off);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare LFW image " + key + ": " + e.getMessage(), e);
        }
        if (flip) {
            int w = SPEC.width();
            for (int row = 0; row < 3 * SPEC.height(); row++) {
                int base = off + row * w;
                for (int a = 0, b = w - 1; a < b; a++, b--) {
                    float t = x[base + a];
                    x[base + a] = x[base + b];
                    x[base + b] = t;
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
