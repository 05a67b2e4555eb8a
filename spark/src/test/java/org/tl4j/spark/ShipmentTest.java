package org.tl4j.spark;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.junit.jupiter.api.Test;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.TransferTask;
import org.tl4j.core.eval.FitJob;
import org.tl4j.core.eval.FitRunner;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.StrategyFactory;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the driver sends to executors: tasks, strategies and metrics that cannot travel fail before anything runs,
 * with a message naming the class; those that can come back as the same computation.
 */
class ShipmentTest {

    static FitRunner runner(StrategyRegistry registry) {
        return new FitRunner("test", new StrategyFactory(registry, new StrategyFactory.Settings(List.of(), Map.of(),
                Map.of(), null, LabelFreeSelection.DEFAULT_FOLDS)));
    }

    /** A problem whose class is not serializable at all. */
    static class PlainProblem implements TransferProblem<Label> {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public String description() {
            return "a problem that cannot be serialized";
        }

        @Override
        public String dataKind() {
            return "test";
        }

        @Override
        public OutputFactory<Label> outputFactory() {
            return new LabelFactory();
        }

        @Override
        public Setting setting() {
            return Setting.INDUCTIVE;
        }

        @Override
        public List<String> sourceNames() {
            return List.of("s");
        }

        @Override
        public String targetName() {
            return "t";
        }

        @Override
        public List<Label> targetTestTruth() {
            return List.of(new Label("a"));
        }

        @Override
        public Map<String, Provenance> domainProvenance() {
            return Map.of();
        }
    }

    /** Something a task might hold that has no serialized form. */
    static final class Handle {
    }

    /** A serializable problem class holding something that is not. */
    static final class HoldingProblem extends PlainProblem implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Handle handle = new Handle();

        @Override
        public String name() {
            return "holding";
        }
    }

    @Test
    void aTaskWhoseClassIsNotSerializableIsRefusedNamingTheClass() {
        FitJob job = new FitJob(new PlainProblem(), "pooled", 0, List.of(Metrics.ACCURACY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shipment.of(runner(StrategyRegistry.load()), List.of(job)));
        assertTrue(e.getMessage().contains("Task 'plain' (" + PlainProblem.class.getName() + ") cannot be sent to "
                + "Spark executors"), e.getMessage());
        assertTrue(e.getMessage().contains("is not Serializable"), e.getMessage());
    }

    @Test
    void aTaskHoldingSomethingUnserializableIsRefusedNamingBothClasses() {
        FitJob job = new FitJob(new HoldingProblem(), "pooled", 0, List.of(Metrics.ACCURACY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shipment.of(runner(StrategyRegistry.load()), List.of(job)));
        assertTrue(e.getMessage().contains("Task 'holding' (" + HoldingProblem.class.getName() + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("holds an instance of " + Handle.class.getName()), e.getMessage());
    }

    /** A provider registered only in a program's registry, as a lambda-backed, non-serializable object. */
    static final class LocalOnlyProvider implements TransferStrategyProvider {
        @Override
        public StrategyDescriptor descriptor() {
            return new StrategyDescriptor("local-only", null, java.util.EnumSet.allOf(Setting.class), "test",
                    TransferTask.DATA_KIND, "pooled under another name");
        }

        @Override
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            return StrategyRegistry.load().create("pooled", outputFactory, Map.of());
        }
    }

    static StrategyRegistry withExtra(TransferStrategyProvider extra) {
        List<TransferStrategyProvider> all = new ArrayList<>(StrategyRegistry.load().providers());
        all.add(extra);
        return StrategyRegistry.of(all);
    }

    @Test
    void aStrategyExecutorsCannotRebuildIsRefusedNamingItsProvider() {
        TransferTask<Label> task = new RotatedMoons(30).generate(1L);
        FitJob job = new FitJob(task, "local-only", 0, List.of(Metrics.ACCURACY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shipment.of(runner(withExtra(new LocalOnlyProvider())), List.of(job)));
        assertTrue(e.getMessage().contains("Strategy 'local-only' (provider " + LocalOnlyProvider.class.getName()
                + ") cannot be sent to Spark executors"), e.getMessage());
        assertTrue(e.getMessage().contains("is not Serializable"), e.getMessage());
    }

    /** The same provider, serializable: it travels with the shipment. */
    static final class ShippableProvider implements TransferStrategyProvider, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public StrategyDescriptor descriptor() {
            return new StrategyDescriptor("shipped-pooled", null, java.util.EnumSet.allOf(Setting.class), "test",
                    TransferTask.DATA_KIND, "pooled under another name, sent to executors");
        }

        @Override
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            return StrategyRegistry.load().create("pooled", outputFactory, Map.of());
        }
    }

    /** A metric executors cannot rebuild from its name. */
    static final class CustomMetric implements Metric {
        @Override
        public String name() {
            return "custom_hits";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double error(double value) {
            return 1 - value;
        }

        @Override
        public boolean appliesTo(OutputFactory<?> factory) {
            return true;
        }

        @Override
        public <T extends Output<T>> double compute(OutputFactory<T> factory, List<T> truth,
                                                    List<Prediction<T>> predictions) {
            return 0;
        }
    }

    @Test
    void aMetricExecutorsCannotRebuildIsRefusedNamingIt() {
        TransferTask<Label> task = new RotatedMoons(30).generate(1L);
        FitJob job = new FitJob(task, "pooled", 0, List.of(new CustomMetric()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shipment.of(runner(StrategyRegistry.load()), List.of(job)));
        assertTrue(e.getMessage().contains("Metric 'custom_hits' (" + CustomMetric.class.getName() + ")"),
                e.getMessage());
    }

    @Test
    void aShippedFitIsTheSameComputationAsTheLocalOne() {
        TransferTask<Label> task = new RotatedMoons(30).generate(3L);
        StrategyRegistry registry = withExtra(new ShippableProvider());
        List<FitJob> jobs = List.of(new FitJob(task, "shipped-pooled", 3, List.of(Metrics.ACCURACY, Metrics.MACRO_F1)),
                new FitJob(task, "coral", 3, List.of(Metrics.ACCURACY)));
        Shipment s = Shipment.fromBytes(Shipment.of(runner(registry), jobs).toBytes());
        Shipment.Remote remote = s.open();
        assertEquals(1, remote.problems().size(), "a task used by two fits travels once");
        for (int i = 0; i < jobs.size(); i++) {
            var local = runner(registry).run(jobs.get(i));
            var shipped = remote.runner().run(remote.job(i));
            assertEquals(local.metrics(), shipped.metrics());
            assertEquals(local.error(), shipped.error());
        }
    }
}
