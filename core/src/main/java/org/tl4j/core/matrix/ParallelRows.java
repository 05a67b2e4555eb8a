package org.tl4j.core.matrix;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Row-parallel loops whose results do not depend on the thread count: each row is handled by exactly one thread,
 * so as long as the body writes only its own row, the output is the same bits as the sequential loop.
 */
public final class ParallelRows {

    /** Fewest rows for which {@link #forEach} splits the work over threads. */
    public static final int MIN_ROWS = 512;

    private ParallelRows() {
    }

    /**
     * Runs {@code body} for every row index in {@code [0, rows)}, in parallel blocks of rows (on the common
     * fork-join pool) when there are at least {@value #MIN_ROWS} rows, sequentially otherwise.
     */
    public static void forEach(int rows, IntConsumer body) {
        if (rows < MIN_ROWS) {
            for (int i = 0; i < rows; i++) {
                body.accept(i);
            }
            return;
        }
        int blocks = Math.min(rows, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int start = (int) ((long) rows * b / blocks);
            int end = (int) ((long) rows * (b + 1) / blocks);
            for (int i = start; i < end; i++) {
                body.accept(i);
            }
        });
    }
}
