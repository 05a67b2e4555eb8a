package org.tl4j.core.eval;

/**
 * An evaluation that cannot run as asked: a requested strategy applies to none of the suite's tasks, a requested
 * metric measures none of them, or a task is measured by none of the requested metrics. A command line reports it
 * as a usage error (exit code 2), naming what to change.
 */
public final class RequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A request that cannot be met, with the message naming the fix. */
    public RequestException(String message) {
        super(message);
    }
}
