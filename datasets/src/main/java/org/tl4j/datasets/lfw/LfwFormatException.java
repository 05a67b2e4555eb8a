package org.tl4j.datasets.lfw;

/** A malformed LFW list file; the message names the file, the line and what was expected. */
public final class LfwFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /** A problem on {@code line} of {@code file}. */
    public LfwFormatException(String file, int line, String message) {
        super(file + " line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line number the problem was found on. */
    public int line() {
        return line;
    }
}
