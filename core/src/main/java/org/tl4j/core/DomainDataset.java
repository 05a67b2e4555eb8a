package org.tl4j.core;

import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Tribuo;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable dataset of a {@link Domain} built from examples known to be valid, with the feature and output maps
 * of observing them. Tribuo's public constructors re-validate every example as it is added (a hash set of its
 * feature names, then a map from each name to its positions to remove features outside the feature map, then one
 * more lookup per feature), about a hundred microseconds per 800-feature example — more than reading and
 * preprocessing the data. Here the examples are taken as they are; in every other respect this is an
 * {@link ImmutableDataset}: its provenance and Tribuo's protobuf form of it name {@code ImmutableDataset}, so models
 * trained on a domain record the same provenance as before this shortcut existed.
 *
 * @param <T> the output type
 */
final class DomainDataset<T extends Output<T>> extends ImmutableDataset<T> {
    private static final long serialVersionUID = 1L;
    /** {@link #getProvenance()}, once built. */
    private transient DatasetProvenance asImmutable;

    /**
     * @param provenance where the examples came from
     * @param factory    the output factory
     * @param features   the feature map of the examples (every feature of every example is in it)
     * @param outputs    the output map of the examples
     * @param examples   valid examples (no repeated feature, no NaN, at least one feature), taken as they are
     */
    DomainDataset(DataProvenance provenance, OutputFactory<T> factory, ImmutableFeatureMap features,
                  ImmutableOutputInfo<T> outputs, List<Example<T>> examples) {
        super(provenance, factory, Tribuo.VERSION, features, outputs, examples, false);
    }

    /** The provenance an {@link ImmutableDataset} of the same examples would have (its class name included). */
    @Override
    public synchronized DatasetProvenance getProvenance() {
        if (asImmutable == null) {
            asImmutable = namedAs(super.getProvenance(), ImmutableDataset.class);
        }
        return asImmutable;
    }

    /** {@code provenance} with its dataset class name replaced by {@code type}'s. */
    static DatasetProvenance namedAs(DatasetProvenance provenance, Class<?> type) {
        Map<String, Provenance> entries = new HashMap<>();
        for (Pair<String, Provenance> p : provenance) {
            entries.put(p.getA(), p.getB());
        }
        entries.put(ObjectProvenance.CLASS_NAME, new StringProvenance(ObjectProvenance.CLASS_NAME, type.getName()));
        return new DatasetProvenance(entries);
    }
}
