package org.tl4j.relational.rdn;

import java.util.Arrays;

/**
 * The substitutions under which one example satisfies the clause path leading to a tree node: rows of constant ids,
 * one column per slot bound on the path. Immutable once built.
 */
public final class BindingTable {
    private final int width;
    private final int rows;
    private final int[] data;

    BindingTable(int width, int rows, int[] data) {
        this.width = width;
        this.rows = rows;
        this.data = data;
    }

    /** A table holding one row: the head's arguments. */
    public static BindingTable of(int[] head) {
        return new BindingTable(head.length, 1, head.clone());
    }

    /** The number of bound slots. */
    public int width() {
        return width;
    }

    /** The number of substitutions. */
    public int rows() {
        return rows;
    }

    /** The constant of a slot in a row. */
    public int get(int row, int slot) {
        return data[row * width + slot];
    }

    void copyRow(int row, int[] into) {
        System.arraycopy(data, row * width, into, 0, width);
    }

    @Override
    public String toString() {
        return "BindingTable(" + rows + "×" + width + ": " + Arrays.toString(Arrays.copyOf(data,
                Math.min(data.length, 12))) + (data.length > 12 ? "…" : "") + ")";
    }
}
