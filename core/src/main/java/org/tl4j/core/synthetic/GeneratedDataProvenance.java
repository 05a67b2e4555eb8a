package org.tl4j.core.synthetic;

import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.OutputFactoryProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a synthetic sample: the generator, its parameters, the seed and the domain's role. It holds no
 * timestamp, so two draws with the same seed have equal provenance.
 */
public final class GeneratedDataProvenance implements DataSourceProvenance {
    private static final long serialVersionUID = 1L;

    /** Key of the generator name. */
    public static final String GENERATOR = "generator";
    /** Key of the domain role (e.g. {@code source}, {@code target-test}). */
    public static final String ROLE = "role";
    /** Key of the seed. */
    public static final String SEED = "seed";
    /** Key of the generator parameters. */
    public static final String PARAMETERS = "parameters";

    private final StringProvenance generator;
    private final StringProvenance role;
    private final LongProvenance seed;
    private final MapProvenance<StringProvenance> parameters;
    private final OutputFactoryProvenance outputFactory;

    /**
     * @param generator  generator name
     * @param role       the domain's role in the task
     * @param seed       seed of this sample
     * @param parameters generator parameters as text
     * @param factory    output factory of the sample
     */
    public <T extends Output<T>> GeneratedDataProvenance(String generator, String role, long seed,
                                                         Map<String, String> parameters, OutputFactory<T> factory) {
        this.generator = new StringProvenance(GENERATOR, generator);
        this.role = new StringProvenance(ROLE, role);
        this.seed = new LongProvenance(SEED, seed);
        Map<String, StringProvenance> p = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            p.put(e.getKey(), new StringProvenance(e.getKey(), e.getValue()));
        }
        this.parameters = new MapProvenance<>(p);
        this.outputFactory = factory.getProvenance();
    }

    /** Used by OLCUT's provenance unmarshalling. */
    @SuppressWarnings("unchecked")
    public GeneratedDataProvenance(Map<String, Provenance> map) {
        String host = GeneratedDataProvenance.class.getSimpleName();
        this.generator = ObjectProvenance.checkAndExtractProvenance(map, GENERATOR, StringProvenance.class, host);
        this.role = ObjectProvenance.checkAndExtractProvenance(map, ROLE, StringProvenance.class, host);
        this.seed = ObjectProvenance.checkAndExtractProvenance(map, SEED, LongProvenance.class, host);
        this.parameters = ObjectProvenance.checkAndExtractProvenance(map, PARAMETERS, MapProvenance.class, host);
        this.outputFactory = ObjectProvenance.checkAndExtractProvenance(map, OUTPUT_FACTORY, OutputFactoryProvenance.class, host);
    }

    /** The generator name. */
    public String generator() {
        return generator.getValue();
    }

    /** The domain's role. */
    public String role() {
        return role.getValue();
    }

    /** The seed of this sample. */
    public long seed() {
        return seed.getValue();
    }

    @Override
    public String getClassName() {
        return GeneratedDataProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> l = new ArrayList<>();
        l.add(new Pair<>(GENERATOR, generator));
        l.add(new Pair<>(ROLE, role));
        l.add(new Pair<>(SEED, seed));
        l.add(new Pair<>(PARAMETERS, parameters));
        l.add(new Pair<>(OUTPUT_FACTORY, outputFactory));
        return l.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedDataProvenance g && generator.equals(g.generator) && role.equals(g.role)
                && seed.equals(g.seed) && parameters.equals(g.parameters) && outputFactory.equals(g.outputFactory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generator, role, seed, parameters, outputFactory);
    }

    @Override
    public String toString() {
        return generateString("GeneratedData");
    }
}
