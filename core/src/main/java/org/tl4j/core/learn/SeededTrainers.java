package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.List;
import java.util.Map;

/**
 * Runs any Tribuo trainer under an explicit seed.
 * <p>
 * Tribuo trainers keep their seed as a {@code @Config} field named {@code seed} and advance an internal RNG with
 * every call. To make a fit depend only on the seed it is given, {@link #withSeed} rebuilds a fresh trainer from
 * the original's provenance with {@code seed} overridden (OLCUT's configuration system), so the original is never
 * touched and repeated calls replay exactly. Trainers without a {@code seed} field are deterministic already and
 * are used as they are.
 */
public final class SeededTrainers {
    private SeededTrainers() {
    }

    /**
     * A fresh copy of {@code trainer} whose {@code seed} is {@code seed}, or {@code trainer} itself if it has no
     * seed field.
     *
     * @throws IllegalStateException if the trainer cannot be rebuilt from its provenance
     */
    @SuppressWarnings("unchecked")
    public static <T extends Output<T>> Trainer<T> withSeed(Trainer<T> trainer, long seed) {
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(trainer.getProvenance());
        ConfigurationData top = config.get(0);
        if (!top.getProperties().containsKey("seed")) {
            return trainer;
        }
        top.add("seed", new SimpleProperty(Long.toString(seed)));
        try {
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            return (Trainer<T>) cm.lookup(top.getName());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not re-create trainer " + trainer.getClass().getName()
                    + " with seed " + seed + " from its provenance: " + e.getMessage()
                    + "; pass a trainer whose configuration OLCUT can rebuild", e);
        }
    }

    /** Trains a fresh copy of {@code trainer} seeded with {@code seed} (see {@link #withSeed}). */
    public static <T extends Output<T>> Model<T> train(Trainer<T> trainer, Dataset<T> data, long seed) {
        return train(trainer, data, seed, Map.of());
    }

    /** As {@link #train(Trainer, Dataset, long)}, recording {@code runProvenance} in the model. */
    public static <T extends Output<T>> Model<T> train(Trainer<T> trainer, Dataset<T> data, long seed,
                                                       Map<String, Provenance> runProvenance) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("Cannot train " + trainer.getClass().getSimpleName()
                    + " on an empty dataset");
        }
        Trainer<T> seeded = withSeed(trainer, seed);
        if (seeded == trainer) {
            synchronized (trainer) {
                return trainer.train(data, runProvenance);
            }
        }
        return seeded.train(data, runProvenance);
    }
}
