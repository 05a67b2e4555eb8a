package org.tl4j.core.learn;

import org.junit.jupiter.api.Test;
import org.tl4j.core.contract.Predictions;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.Datasets;
import org.tl4j.core.TransferTask;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeededTrainersTest {

    @Test
    void theSameSeedReplaysAndTheOriginalTrainerIsUntouched() {
        LinearSGDTrainer original = InnerLearners.logisticSgd();
        String before = original.toString();
        TransferTask<Label> t = TinyTasks.classification(1);
        var data = Datasets.union("s", t.outputFactory(), t.sources());
        Model<Label> a = SeededTrainers.train(original, data, 7);
        Model<Label> b = SeededTrainers.train(original, data, 7);
        Model<Label> c = SeededTrainers.train(original, data, 8);
        List<String> pa = Predictions.fingerprint(a.predict(t.targetTest().data()));
        assertEquals(pa, Predictions.fingerprint(b.predict(t.targetTest().data())));
        assertNotEquals(pa, Predictions.fingerprint(c.predict(t.targetTest().data())), "a different seed shuffles differently");
        assertEquals(before, original.toString());
        assertEquals(0, original.getInvocationCount());
    }

    @Test
    void withSeedRebuildsTrainersThatHaveASeedAndKeepsThoseThatDoNot() {
        LinearSGDTrainer t = InnerLearners.logisticSgd();
        Trainer<Label> seeded = SeededTrainers.withSeed(t, 99);
        assertNotSame(t, seeded);
        assertTrue(seeded.toString().contains("seed=99"), seeded.toString());
        LeastSquaresTrainer ls = new LeastSquaresTrainer();
        assertSame(ls, SeededTrainers.withSeed(ls, 99));
    }

    @Test
    void derivedSeedsAreStableAndDistinct() {
        assertEquals(Seeds.derive(1, "inner"), Seeds.derive(1, "inner"));
        assertNotEquals(Seeds.derive(1, "inner"), Seeds.derive(1, "bootstrap"));
        assertNotEquals(Seeds.derive(1, "inner"), Seeds.derive(2, "inner"));
        assertNotEquals(Seeds.derive(1, "round", 0), Seeds.derive(1, "round", 1));
        assertEquals(Seeds.rng(5).nextLong(), Seeds.rng(5).nextLong());
    }
}
