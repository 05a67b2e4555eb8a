package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceException;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Tribuo;
import org.tribuo.provenance.TrainerProvenance;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a {@link TransferStrategy}: every {@code @Config} field (the inner trainer's own provenance
 * included) plus the strategy's name, approach and settings. It is a Tribuo {@link TrainerProvenance}, so a
 * {@link TransferModel}'s {@link org.tribuo.provenance.ModelProvenance} holds it where Tribuo tools expect the
 * trainer.
 */
public final class StrategyProvenance extends SkeletalConfiguredObjectProvenance implements TrainerProvenance {
    private static final long serialVersionUID = 1L;

    /** Key of the strategy's registry name. */
    public static final String STRATEGY_NAME = "strategy-name";
    /** Key of the strategy's approach label ({@code baseline} for baselines). */
    public static final String APPROACH = "approach";
    /** Key of the supported settings, {@code ;}-separated. */
    public static final String SETTINGS = "settings";

    private final StringProvenance strategyName;
    private final StringProvenance approach;
    private final StringProvenance settings;
    private final StringProvenance version;
    private final BooleanProvenance isSequence;
    private final IntProvenance invocationCount;

    /** Records the configuration of {@code host}. */
    public StrategyProvenance(TransferStrategy<?, ?> host) {
        super(host, "TransferStrategy");
        StrategyDescriptor d = host.descriptor();
        this.strategyName = new StringProvenance(STRATEGY_NAME, d.name());
        this.approach = new StringProvenance(APPROACH, d.approachLabel());
        this.settings = new StringProvenance(SETTINGS, d.settingsLabel());
        this.version = new StringProvenance(TRIBUO_VERSION_STRING, Tribuo.VERSION);
        this.isSequence = new BooleanProvenance(IS_SEQUENCE, false);
        this.invocationCount = new IntProvenance(TRAIN_INVOCATION_COUNT, 0);
    }

    /** Used by OLCUT's provenance unmarshalling. */
    public StrategyProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private StrategyProvenance(ExtractedInfo info) {
        super(info);
        this.strategyName = checkAndExtractProvenance(info, STRATEGY_NAME, StringProvenance.class, info.className);
        this.approach = checkAndExtractProvenance(info, APPROACH, StringProvenance.class, info.className);
        this.settings = checkAndExtractProvenance(info, SETTINGS, StringProvenance.class, info.className);
        this.version = checkAndExtractProvenance(info, TRIBUO_VERSION_STRING, StringProvenance.class, info.className);
        this.isSequence = checkAndExtractProvenance(info, IS_SEQUENCE, BooleanProvenance.class, info.className);
        this.invocationCount = checkAndExtractProvenance(info, TRAIN_INVOCATION_COUNT, IntProvenance.class, info.className);
    }

    /** The strategy's registry name. */
    public String strategyName() {
        return strategyName.getValue();
    }

    /** The approach label. */
    public String approach() {
        return approach.getValue();
    }

    /** The configured parameters ({@code @Config} fields), by field name. */
    public Map<String, Provenance> parameters() {
        return getConfiguredParameters();
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> m = super.getInstanceValues();
        m.put(STRATEGY_NAME, strategyName);
        m.put(APPROACH, approach);
        m.put(SETTINGS, settings);
        m.put(TRIBUO_VERSION_STRING, version);
        m.put(IS_SEQUENCE, isSequence);
        m.put(TRAIN_INVOCATION_COUNT, invocationCount);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StrategyProvenance other) || !super.equals(o)) {
            return false;
        }
        return strategyName.equals(other.strategyName) && approach.equals(other.approach)
                && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), strategyName, approach, settings);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> params = new HashMap<>(map);
        Provenance cls = params.remove(ObjectProvenance.CLASS_NAME);
        Provenance host = params.remove(HOST_SHORT_NAME);
        if (cls == null || host == null) {
            throw new ProvenanceException("StrategyProvenance needs " + ObjectProvenance.CLASS_NAME + " and "
                    + HOST_SHORT_NAME + " entries");
        }
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        for (String key : new String[]{STRATEGY_NAME, APPROACH, SETTINGS, TRIBUO_VERSION_STRING, IS_SEQUENCE,
                TRAIN_INVOCATION_COUNT}) {
            Provenance p = params.remove(key);
            if (!(p instanceof PrimitiveProvenance<?> pp)) {
                throw new ProvenanceException("StrategyProvenance is missing the primitive entry '" + key + "'");
            }
            instance.put(key, pp);
        }
        return new ExtractedInfo(cls.toString(), host.toString(), params, instance);
    }
}
