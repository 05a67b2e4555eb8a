package org.tl4j.core;

import org.tribuo.Dataset;
import org.tribuo.VariableInfo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An ordered set of feature names shared by all domains of a {@link TransferTask}. The order fixes the column
 * order whenever examples are turned into matrices.
 */
public final class FeatureSpace implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final Map<String, Integer> index;

    private FeatureSpace(List<String> names) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        Map<String, Integer> idx = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            String n = Objects.requireNonNull(names.get(i), "feature name");
            if (idx.put(n, i) != null) {
                throw new IllegalArgumentException("Duplicate feature name '" + n + "' at position " + i
                        + ": every feature of a feature space needs a distinct name");
            }
        }
        this.index = idx;
    }

    /** A feature space with the given names, in the given order. */
    public static FeatureSpace of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A feature space needs at least one feature");
        }
        return new FeatureSpace(names);
    }

    /** A feature space with the given names, in the given order. */
    public static FeatureSpace of(String... names) {
        return of(Arrays.asList(names));
    }

    /**
     * {@code prefix} followed by a zero-padded index, e.g. {@code x00 … x15}: padding keeps the lexicographic
     * order Tribuo uses for feature ids equal to the numeric order.
     */
    public static FeatureSpace indexed(String prefix, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("Invalid feature count: " + size + " (must be positive)");
        }
        int width = String.valueOf(size - 1).length();
        List<String> n = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            n.add(prefix + String.format("%0" + width + "d", i));
        }
        return new FeatureSpace(n);
    }

    /** The features observed in a Tribuo dataset, in Tribuo's id order (sorted by name). */
    public static FeatureSpace observedIn(Dataset<?> dataset) {
        List<String> n = new ArrayList<>(dataset.getFeatureIDMap().size());
        for (VariableInfo info : dataset.getFeatureIDMap()) {
            n.add(info.getName());
        }
        Collections.sort(n);
        return of(n);
    }

    /** Number of features. */
    public int size() {
        return names.size();
    }

    /** The feature names in column order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** The name of column {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** The column of {@code name}, if present. */
    public OptionalInt indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Whether {@code name} belongs to this space. */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** The names as a new array. */
    public String[] toArray() {
        return names.toArray(new String[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpace f && f.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        if (names.size() <= 6) {
            return "FeatureSpace" + names;
        }
        return "FeatureSpace[" + names.get(0) + ", " + names.get(1) + ", …, " + names.get(names.size() - 1)
                + "] (" + names.size() + " features)";
    }
}
