package org.tl4j.core.matrix;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The column of each feature of successive examples, for filling dense rows from Tribuo examples. Examples of one
 * dataset hold their features in the same order under the very same name strings (a dataset canonicalises them), so
 * the column found for the feature at position {@code p} of one example is remembered with its name, and the next
 * example's feature at {@code p} is placed by comparing references instead of hashing the name again. A different
 * string at that position is looked up and remembered in turn, so the columns are always those of the lookup.
 * Not thread-safe: one instance per loop.
 */
public final class FeatureColumns {
    private final ToIntFunction<String> lookup;
    private String[] names = new String[0];
    private int[] columns = new int[0];

    /** @param lookup the column of a feature name, or a negative number for a feature without a column */
    public FeatureColumns(ToIntFunction<String> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * The column of {@code name}, the feature at {@code position} of the current example.
     *
     * @return what the lookup returns for {@code name}
     */
    public int column(int position, String name) {
        if (position < names.length && names[position] == name) {
            return columns[position];
        }
        int c = lookup.applyAsInt(name);
        if (position >= names.length) {
            int size = Math.max(position + 1, 2 * names.length);
            names = Arrays.copyOf(names, size);
            columns = Arrays.copyOf(columns, size);
        }
        names[position] = name;
        columns[position] = c;
        return c;
    }
}
