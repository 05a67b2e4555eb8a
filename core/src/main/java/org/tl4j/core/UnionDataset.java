package org.tl4j.core;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfo;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;

import java.util.List;

/**
 * The union of domains as a {@link MutableDataset}, holding exactly what adding copies of their examples one by one
 * would give (examples, feature and output maps, density), built faster: while nothing has been added yet, a domain
 * that remembers its own observation ({@link Domain#observedFeatures()}) contributes that feature map instead of
 * being observed again example by example, and its examples — valid, since a domain's dataset refused invalid ones
 * — are not re-validated. That observation and validation were most of the time of a source-only fit. Later domains
 * are added the ordinary way. Its provenance names {@link MutableDataset}, as before this shortcut existed; the
 * dataset stays mutable like any other.
 *
 * @param <T> the output type
 */
final class UnionDataset<T extends Output<T>> extends MutableDataset<T> {
    private static final long serialVersionUID = 1L;

    UnionDataset(DataProvenance provenance, OutputFactory<T> factory, List<Domain<T>> domains) {
        super(provenance, factory);
        for (Domain<T> d : domains) {
            MutableFeatureMap known = data.isEmpty() && featureMap.size() == 0 ? d.observedFeatures() : null;
            if (known == null) {
                for (Example<T> e : d.data()) {
                    add(e.copy());
                }
                continue;
            }
            for (VariableInfo v : known) {
                featureMap.put(v);
            }
            // MutableDataset.add keeps the dataset dense while every example after the first has as many features
            // as the map after it and brings no new one; from an empty start, that is: every example has them all.
            int all = featureMap.size();
            for (Example<T> e : d.data()) {
                Example<T> copy = e.copy();
                outputMap.observe(copy.getOutput());
                data.add(copy);
                if (copy.size() != all) {
                    dense = false;
                }
            }
        }
    }

    /** The provenance a {@link MutableDataset} of the same examples has (its class name included). */
    @Override
    public DatasetProvenance getProvenance() {
        return DomainDataset.namedAs(super.getProvenance(), MutableDataset.class);
    }
}
