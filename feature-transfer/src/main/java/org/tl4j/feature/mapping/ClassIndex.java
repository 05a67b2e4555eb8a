package org.tl4j.feature.mapping;

import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class labels as integer ids {@code 0 … C−1}, in sorted label-name order, for the class-conditional algorithms
 * (JDA, BDA) whose math layer works on integer labels. Immutable.
 */
public final class ClassIndex {
    private final List<String> names;
    private final Map<String, Integer> ids;

    private ClassIndex(List<String> names) {
        this.names = Collections.unmodifiableList(names);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), i);
        }
        this.ids = m;
    }

    /** The classes present in {@code labels}. */
    public static ClassIndex of(List<Label> labels) {
        TreeSet<String> s = new TreeSet<>();
        for (Label l : labels) {
            s.add(l.getLabel());
        }
        return new ClassIndex(new ArrayList<>(s));
    }

    /** Number of classes. */
    public int size() {
        return names.size();
    }

    /** The label of class id {@code i}. */
    public Label label(int i) {
        return new Label(names.get(i));
    }

    /**
     * The ids of {@code labels}.
     *
     * @throws IllegalArgumentException naming a label that is not one of the classes
     */
    public int[] ids(List<Label> labels) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(labels.get(i).getLabel());
            if (id == null) {
                throw new IllegalArgumentException("Label '" + labels.get(i).getLabel() + "' is not one of the source classes "
                        + names + ": the target can only be labelled with classes seen in the source");
            }
            out[i] = id;
        }
        return out;
    }
}
