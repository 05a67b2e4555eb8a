package org.tl4j.core.eval;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the harness's fits run: one after the other, on local threads ({@link #local(int)}), or on a cluster (the
 * {@code spark} module). Whatever the order fits finish in, results are delivered in submission order, so the runs,
 * {@code runs.csv} and the reports are the same for every executor.
 */
public interface FitExecutor {

    /**
     * Runs {@code jobs} with {@code runner} and hands each record to {@code inOrder}, in the order of {@code jobs},
     * as soon as it and every earlier one have finished (so finished work is saved early).
     */
    void execute(FitRunner runner, List<FitJob> jobs, Consumer<RunRecord> inOrder);

    /** A description for provenance, e.g. {@code local (2 threads)}. */
    String describe();

    /** Runs fits on {@code threads} local threads (1: in the calling thread). */
    static FitExecutor local(int threads) {
        return new LocalFitExecutor(threads);
    }
}
