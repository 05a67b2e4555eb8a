package org.tl4j.core.learn;

import org.junit.jupiter.api.Test;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.Datasets;
import org.tl4j.core.TransferTask;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestNeighbourTrainerTest {

    @Test
    void agreesWithABruteForceSearch() {
        TransferTask<Label> t = TinyTasks.classification(3);
        var train = Datasets.union("s", t.outputFactory(), t.sources());
        NearestNeighbourModel<Label> m = new NearestNeighbourTrainer<Label>(1).train(train, java.util.Map.of());
        List<Example<Label>> tr = new ArrayList<>();
        train.forEach(tr::add);
        List<Prediction<Label>> batch = m.predict(t.targetTest().data());
        int i = 0;
        for (Example<Label> q : t.targetTest().data()) {
            double best = Double.POSITIVE_INFINITY;
            String label = null;
            for (Example<Label> e : tr) {
                double d = 0;
                for (String f : t.featureSpace().names()) {
                    double v = q.lookup(f).getValue() - e.lookup(f).getValue();
                    d += v * v;
                }
                if (d < best) {
                    best = d;
                    label = e.getOutput().getLabel();
                }
            }
            assertEquals(label, batch.get(i).getOutput().getLabel(), "example " + i);
            assertEquals(label, m.predict(q).getOutput().getLabel());
            i++;
        }
    }

    @Test
    void exactTiesGoToTheEarlierTrainingExampleAndKnnVotes() {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("t", f), f);
        ds.add(new ArrayExample<>(new Label("first"), new String[]{"x"}, new double[]{-1}));
        ds.add(new ArrayExample<>(new Label("second"), new String[]{"x"}, new double[]{1}));
        ds.add(new ArrayExample<>(new Label("second"), new String[]{"x"}, new double[]{1.5}));
        Example<Label> q = new ArrayExample<>(f.getUnknownOutput(), new String[]{"x"}, new double[]{0});
        assertEquals("first", new NearestNeighbourTrainer<Label>(1).train(ds).predict(q).getOutput().getLabel());
        assertEquals("second", new NearestNeighbourTrainer<Label>(3).train(ds).predict(q).getOutput().getLabel());
    }

    @Test
    void regressionAveragesTheNeighbours() {
        RegressionFactory f = new RegressionFactory();
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("t", f), f);
        for (double x : new double[]{0, 1, 10}) {
            ds.add(new ArrayExample<>(new Regressor("y", 2 * x), new String[]{"x"}, new double[]{x}));
        }
        Example<Regressor> q = new ArrayExample<>(f.getUnknownOutput(), new String[]{"x"}, new double[]{0.4});
        assertEquals(1.0, new NearestNeighbourTrainer<Regressor>(2).train(ds).predict(q).getOutput().getValues()[0], 1e-12);
    }
}
