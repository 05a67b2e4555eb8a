package org.tl4j.core.eval;

/**
 * Receives progress of a long evaluation; the command line shows a progress bar on a terminal and plain log lines
 * otherwise.
 */
public interface ProgressListener {

    /** Work of {@code total} steps begins. */
    void start(String what, long total);

    /** One step finished; {@code message} says which. */
    void step(String message);

    /** A step was taken from the run store instead of being recomputed. */
    default void resumed(String message) {
        step(message);
    }

    /** All work finished. */
    void finish();

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String what, long total) {
        }

        @Override
        public void step(String message) {
        }

        @Override
        public void finish() {
        }
    };
}
