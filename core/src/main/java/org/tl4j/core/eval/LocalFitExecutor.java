package org.tl4j.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Fits on local threads. Every fit has its own strategy instance, seed and inner trainer, so results are the same
 * bits for any number of threads; they are delivered in submission order.
 */
final class LocalFitExecutor implements FitExecutor {
    private final int threads;

    LocalFitExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid thread count: " + threads + " (must be >= 1)");
        }
        this.threads = threads;
    }

    @Override
    public void execute(FitRunner runner, List<FitJob> jobs, Consumer<RunRecord> inOrder) {
        if (threads == 1) {
            for (FitJob j : jobs) {
                inOrder.accept(runner.run(j));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tl4j-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunRecord>> pending = new ArrayList<>(jobs.size());
            for (FitJob j : jobs) {
                pending.add(pool.submit(() -> runner.run(j)));
            }
            for (Future<RunRecord> f : pending) {
                inOrder.accept(join(f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunRecord join(Future<RunRecord> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a fit; finished fits are saved and "
                    + "--resume continues", e);
        } catch (ExecutionException e) {
            // FitRunner records strategy failures itself; anything else is a bug worth surfacing as it is.
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public String describe() {
        return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
    }
}
