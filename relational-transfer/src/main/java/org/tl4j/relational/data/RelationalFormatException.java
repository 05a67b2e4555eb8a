package org.tl4j.relational.data;

/**
 * A malformed line in a relational data file. The message names the file, the 1-based line number, what is wrong
 * and what the format expects.
 */
public final class RelationalFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * @param source  the file (or other source) name
     * @param line    the 1-based line number
     * @param problem what is wrong, including the fix
     */
    public RelationalFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) the line came from. */
    public String source() {
        return source;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
