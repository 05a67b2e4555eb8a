package org.tl4j.core.contract;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.Regressor;
import org.tl4j.core.TransferModel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link TransferStrategyContract} for strategies over feature vectors ({@link TransferTask}), plus the input
 * checks that make bad tasks impossible to hand to them: an empty target test set, mismatched feature spaces and
 * NaN features are rejected with messages that name the problem, and a task the strategy cannot handle is refused
 * with the reason.
 *
 * @param <T> output type
 */
public abstract class FeatureTaskStrategyContract<T extends Output<T>> extends TransferStrategyContract<T, TransferTask<T>> {

    @Override
    protected Object snapshot(TransferTask<T> problem) {
        return TaskSnapshot.of(problem);
    }

    /** Class labels rotated to the next class (sorted by name); regression targets shifted by one. */
    @Override
    @SuppressWarnings("unchecked")
    protected TransferTask<T> withOtherTestLabels(TransferTask<T> t) {
        Domain<T> d = t.targetTest();
        List<String> classes = new ArrayList<>();
        if (t.outputFactory() instanceof LabelFactory) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            for (Example<T> e : d.data()) {
                names.add(((Label) e.getOutput()).getLabel());
            }
            for (Domain<T> s : t.sources()) {
                for (Example<T> e : s.data()) {
                    names.add(((Label) e.getOutput()).getLabel());
                }
            }
            classes.addAll(names);
        }
        double[][] x = new double[d.size()][];
        List<T> y = new ArrayList<>();
        int i = 0;
        for (Example<T> e : d.data()) {
            x[i++] = TribuoMatrices.row(TribuoMatrices.features(List.of(e), 1, t.featureSpace()), 0);
            T out = e.getOutput();
            if (out instanceof Label l) {
                y.add((T) new Label(classes.get((classes.indexOf(l.getLabel()) + 1) % classes.size())));
            } else if (out instanceof Regressor r) {
                double[] v = r.getValues().clone();
                for (int k = 0; k < v.length; k++) {
                    v[k] += 1.0;
                }
                y.add((T) new Regressor(r.getNames(), v));
            } else {
                throw new IllegalArgumentException("No label change defined for outputs of type "
                        + out.getClass().getSimpleName());
            }
        }
        return rebuild(t, Domain.fromArrays(d.name(), d.data().getOutputFactory(), t.featureSpace(), x, y,
                new SimpleDataSourceProvenance("relabelled copy of " + d.name(), d.data().getOutputFactory())));
    }

    @Test
    public void modelRecordsItsInnerModel() {
        TransferTask<T> p = problem(4);
        TransferModel<T> m = strategy().fit(p, seed());
        assertNotNull(m.getProvenance().getInstanceProvenance().getMap().get(TransferModel.INNER_MODEL),
                "a feature-vector model records its inner Tribuo model's provenance");
    }

    @Test
    public void emptyTargetTestSetIsRejected() {
        TransferTask<T> t = problem(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rebuild(t,
                Domain.empty("empty-test", t.outputFactory())));
        assertTrue(e.getMessage().contains("target test set") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    public void mismatchedFeatureSpacesAreRejected() {
        TransferTask<T> t = problem(7);
        List<String> renamed = new ArrayList<>(t.featureSpace().names());
        renamed.set(0, renamed.get(0) + "_renamed");
        Domain<T> test = copyWithSpace(t.targetTest(), t.featureSpace(), FeatureSpace.of(renamed), -1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rebuild(t, test));
        assertTrue(e.getMessage().contains(renamed.get(0)) && e.getMessage().contains("feature space"), e.getMessage());
    }

    @Test
    public void nanFeaturesAreRejected() {
        TransferTask<T> t = problem(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> copyWithSpace(t.targetTest(), t.featureSpace(), t.featureSpace(), 3));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("row 3"), e.getMessage());
    }

    @Test
    public void tasksOutsideItsSettingsAreRefusedWithTheReason() {
        TransferTask<T> t = problem(9);
        TransferTask<T> transductive = TransferTask.builder(t.name() + "-transductive", t.outputFactory())
                .source(t.sources().get(0)).targetName(t.targetName())
                .targetUnlabelled(t.targetUnlabelled().isEmpty() ? t.targetTest() : t.targetUnlabelled())
                .targetTest(t.targetTest()).build();
        TransferStrategy<T, TransferTask<T>> s = strategy();
        if (s.appliesTo(transductive)) {
            assertDoesNotThrow(() -> s.fit(transductive, seed()));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(transductive, seed()));
            assertTrue(e.getMessage().contains(s.descriptor().name()), e.getMessage());
        }
    }

    private TransferTask<T> rebuild(TransferTask<T> t, Domain<T> test) {
        TransferTask.Builder<T> b = TransferTask.builder(t.name(), t.outputFactory()).targetName(t.targetName());
        t.sources().forEach(b::source);
        return b.targetTrain(t.targetTrain()).targetUnlabelled(t.targetUnlabelled()).targetTest(test).build();
    }

    /** A copy of {@code d} under new feature names, with row {@code nanRow}'s first value set to NaN if ≥ 0. */
    private Domain<T> copyWithSpace(Domain<T> d, FeatureSpace from, FeatureSpace to, int nanRow) {
        double[][] x = new double[d.size()][];
        List<T> y = new ArrayList<>();
        int i = 0;
        for (Example<T> e : d.data()) {
            x[i] = TribuoMatrices.row(TribuoMatrices.features(List.of(e), 1, from), 0);
            y.add(e.getOutput());
            i++;
        }
        if (nanRow >= 0) {
            x[nanRow][0] = Double.NaN;
        }
        return Domain.fromArrays(d.name(), d.data().getOutputFactory(), to, x, y,
                new SimpleDataSourceProvenance("copy of " + d.name(), d.data().getOutputFactory()));
    }
}
