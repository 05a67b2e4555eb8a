package org.tl4j.core.contract;

import org.tl4j.core.Domain;
import org.tl4j.core.TransferTask;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A complete, comparable copy of everything a strategy could mutate in a {@link TransferTask}. */
public final class TaskSnapshot {
    private TaskSnapshot() {
    }

    /** Domain names, sizes, and every example's output, weight, features (exact) and metadata. */
    public static <T extends Output<T>> List<String> of(TransferTask<T> task) {
        List<String> out = new ArrayList<>();
        for (Domain<T> d : task.allDomains()) {
            out.add("domain " + d.name() + " " + d.size());
            for (Example<T> e : d.data()) {
                StringBuilder sb = new StringBuilder(e.getOutput().getSerializableForm(true))
                        .append(" w=").append(e.getWeight());
                for (Feature f : e) {
                    sb.append(' ').append(f.getName()).append('=').append(f.getValue());
                }
                sb.append(" meta=").append(new TreeMap<>(e.getMetadata()));
                out.add(sb.toString());
            }
        }
        return out;
    }
}
