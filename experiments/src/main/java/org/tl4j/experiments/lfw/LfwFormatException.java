package org.tl4j.experiments.lfw;

/** A malformed LFW list file; the message names the file, the line and what was expected. */
public final class LfwFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    LfwFormatException(String file, int line, String message) {
        super(file + " line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line number the problem was found on. */
    public int line() {
        return line;
    }
}
