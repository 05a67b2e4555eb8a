package org.tl4j.core.contract;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyProvenance;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.eval.Metrics;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;

import java.util.List;
import java.util.Map;
import org.tl4j.core.Tl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link TransferStrategy} honours, whatever kind of problem it accepts. A strategy's tests
 * extend the kit of its problem kind ({@link FeatureTaskStrategyContract} for feature vectors; the backbone module's
 * {@code ImageStrategyContract} for images; a new kind adds its own by extending this class) and supply the strategy
 * and a small problem it applies to.
 * <ul>
 *   <li>the same seed gives identical predictions, bit for bit, from the same or a fresh strategy object;</li>
 *   <li>fitting does not mutate the problem;</li>
 *   <li>the fitted model predicts every target test example;</li>
 *   <li>the model's provenance names the strategy, its configuration, the seed, the tl4j version, every source and
 *   the target, and survives OLCUT marshalling;</li>
 *   <li>target test labels are never read: the same problem with other test labels gives the same predictions;</li>
 *   <li>the strategy is registered under its descriptor's name.</li>
 * </ul>
 *
 * @param <T> output type
 * @param <P> problem kind
 */
public abstract class TransferStrategyContract<T extends Output<T>, P extends TransferProblem<T>> {

    /** A fresh strategy under test with its default (or test) configuration. */
    protected abstract TransferStrategy<T, P> strategy();

    /** A small problem the strategy applies to, drawn with {@code seed}. */
    protected abstract P problem(long seed);

    /**
     * A value that changes whenever anything in {@code problem} a strategy could mutate changes (examples,
     * outputs, weights, metadata).
     */
    protected abstract Object snapshot(P problem);

    /**
     * The same problem with different target test labels (e.g. each label replaced by another class), everything
     * else identical; a strategy must predict it exactly as the original.
     */
    protected abstract P withOtherTestLabels(P problem);

    /** The seed used by the contract's fits. */
    protected long seed() {
        return 20261127L;
    }

    @Test
    public void sameSeedGivesIdenticalPredictions() {
        P p = problem(1);
        TransferStrategy<T, P> s = strategy();
        List<Prediction<T>> a = s.fit(p, seed()).predictTargetTest(p);
        List<Prediction<T>> b = s.fit(p, seed()).predictTargetTest(p);
        List<Prediction<T>> c = strategy().fit(problem(1), seed()).predictTargetTest(p);
        assertEquals(Predictions.fingerprint(a), Predictions.fingerprint(b), "refitting the same strategy object with the same seed");
        assertEquals(Predictions.fingerprint(a), Predictions.fingerprint(c), "a fresh strategy on a fresh draw with the same seeds");
    }

    @Test
    public void fittingDoesNotMutateTheProblem() {
        P p = problem(2);
        Object before = snapshot(p);
        strategy().fit(p, seed());
        assertEquals(before, snapshot(p), "the problem changed while the strategy was fitted");
    }

    @Test
    public void predictsEveryTargetTestExample() {
        P p = problem(3);
        TransferModel<T> m = strategy().fit(p, seed());
        List<Prediction<T>> preds = m.predictTargetTest(p);
        assertEquals(p.targetTestTruth().size(), preds.size());
        Map<?, Double> metrics = Metrics.compute(p.metrics(), p.outputFactory(), p.targetTestTruth(), preds);
        for (Double v : metrics.values()) {
            assertFalse(v.isNaN(), "the problem's metrics are defined for the predictions: " + metrics);
        }
    }

    @Test
    public void targetTestLabelsAreNeverRead() {
        P p = problem(6);
        P relabelled = withOtherTestLabels(p);
        assertNotEquals(p.targetTestTruth().stream().map(o -> o.getSerializableForm(true)).toList(),
                relabelled.targetTestTruth().stream().map(o -> o.getSerializableForm(true)).toList(),
                "the hook changes the test labels");
        List<Prediction<T>> a = strategy().fit(p, seed()).predictTargetTest(p);
        List<Prediction<T>> b = strategy().fit(relabelled, seed()).predictTargetTest(relabelled);
        assertEquals(Predictions.fingerprint(a), Predictions.fingerprint(b),
                "predictions changed with the test labels: the strategy read them");
    }

    @Test
    public void provenanceNamesStrategySeedAndBothDomains() {
        P p = problem(4);
        TransferStrategy<T, P> s = strategy();
        TransferModel<T> m = s.fit(p, seed());
        ModelProvenance prov = m.getProvenance();
        StrategyProvenance sp = assertInstanceOf(StrategyProvenance.class, prov.getTrainerProvenance());
        assertEquals(s.descriptor().name(), sp.strategyName());
        Map<String, ? extends Provenance> instance = prov.getInstanceProvenance().getMap();
        assertEquals(p.name(), ((StringProvenance) instance.get(TransferModel.TASK)).getValue());
        assertEquals(seed(), ((LongProvenance) instance.get(TransferModel.SEED)).getValue());
        for (int i = 0; i < p.sourceNames().size(); i++) {
            Provenance name = instance.get("source." + i + ".name");
            assertNotNull(name, "provenance names source " + i);
            assertEquals(p.sourceNames().get(i), ((StringProvenance) name).getValue());
            assertNotNull(instance.get("source." + i), "provenance holds source " + i + "'s data provenance");
        }
        assertEquals(p.targetName(), ((StringProvenance) instance.get("target.name")).getValue());
        assertEquals(Tl4j.VERSION, ((StringProvenance) instance.get(TransferModel.TL4J_VERSION)).getValue());
        List<ObjectMarshalledProvenance> marshalled = ProvenanceUtil.marshalProvenance(prov);
        assertEquals(prov, ProvenanceUtil.unmarshalProvenance(marshalled), "provenance round-trips through OLCUT marshalling");
    }

    @Test
    public void registeredUnderItsDescriptorName() {
        StrategyDescriptor d = strategy().descriptor();
        StrategyRegistry registry = StrategyRegistry.load();
        assertTrue(registry.contains(d.name()), "META-INF/services registers '" + d.name() + "'");
        assertEquals(d, registry.provider(d.name()).descriptor());
        assertTrue(strategy().appliesTo(problem(5)), "the contract problem suits the strategy");
        assertNull(strategy().whyNotApplicable(problem(5)));
    }
}
