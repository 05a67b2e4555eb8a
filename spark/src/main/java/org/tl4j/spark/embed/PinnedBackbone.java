package org.tl4j.spark.embed;

import org.tl4j.backbone.Backbone;
import org.tl4j.backbone.EmbeddingSpec;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A backbone whose session is created, run and closed on one dedicated thread. ONNX Runtime flushes subnormal floats
 * to zero ({@code session.set_denormal_as_zero}) only on its pool threads and on the thread that created the session;
 * a run called from any other thread computes with subnormals, measured 6× slower on MobileFaceNet (85 against
 * 14.5 images/s at batch 32, one intra-op thread). Spark calls from whichever task thread runs a partition, so the
 * executor's one session is pinned to its own thread and the tasks' batches queue for it (decoding stays parallel
 * in the tasks); its intra-op threads use the executor's cores.
 */
final class PinnedBackbone implements Backbone {
    private final ExecutorService thread;
    private final Backbone inner;

    private PinnedBackbone(ExecutorService thread, Backbone inner) {
        this.thread = thread;
        this.inner = inner;
    }

    /** Runs {@code opener} on a new dedicated thread and keeps the backbone there. */
    static PinnedBackbone open(Callable<Backbone> opener) throws java.io.IOException {
        ExecutorService t = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "tl4j-onnx-session");
            th.setDaemon(true);
            return th;
        });
        try {
            return new PinnedBackbone(t, await(t.submit(opener)));
        } catch (RuntimeException | java.io.IOException e) {
            t.shutdownNow();
            throw e;
        }
    }

    private static <V> V await(Future<V> f) throws java.io.IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the ONNX Runtime session", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.io.IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public EmbeddingSpec spec() {
        return inner.spec();
    }

    @Override
    public String sha256() {
        return inner.sha256();
    }

    @Override
    public String describe() {
        return inner.describe() + ", pinned to one thread";
    }

    @Override
    public int maxBatch() {
        return inner.maxBatch();
    }

    @Override
    public float[][] embed(float[] input, int n) {
        try {
            return await(thread.submit(() -> inner.embed(input, n)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            await(thread.submit(() -> {
                inner.close();
                return null;
            }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.shutdown();
        }
    }
}
