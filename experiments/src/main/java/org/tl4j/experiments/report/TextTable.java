package org.tl4j.experiments.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for the terminal. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column names. */
    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row (one cell per column). */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("Expected " + header.size() + " cells, found " + row.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    /** The table as text, columns separated by two spaces, header underlined. */
    public String render() {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(sb, rule, w);
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            sb.append(v);
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(w[c] - v.length() + 2));
            }
        }
        sb.append(System.lineSeparator());
    }
}
