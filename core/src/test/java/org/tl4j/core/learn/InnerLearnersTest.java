package org.tl4j.core.learn;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learner names, their settings, and that the exact SVMs separate what is separable. */
class InnerLearnersTest {
    private static final LabelFactory L = new LabelFactory();

    @Test
    void logisticIsTheConvergedDefaultAndTheSgdLearnersKeepExplicitNames() {
        assertInstanceOf(LogisticRegressionTrainer.class, InnerLearners.defaultFor(L));
        assertInstanceOf(LogisticRegressionTrainer.class, InnerLearners.named("logistic", L));
        assertInstanceOf(LinearSGDTrainer.class, InnerLearners.named("logistic-sgd", L));
        assertInstanceOf(LinearSGDTrainer.class, InnerLearners.named("linear-svm-sgd", L));
        assertInstanceOf(LibLinearClassificationTrainer.class, InnerLearners.named("linear-svm:C=0.5:loss=hinge", L));
        assertInstanceOf(SupportVectorTrainer.class, InnerLearners.named("svm:kernel=linear:C=10", L));
        assertTrue(InnerLearners.named("logistic:C=0.25", L).toString().contains("C=0.25"));
    }

    @Test
    void badNamesAndSettingsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InnerLearners.named("svm:kernel=poly", L))
                .getMessage().contains("expected rbf or linear"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InnerLearners.named("logistic:gamma=1", L))
                .getMessage().contains("Invalid setting 'gamma=1'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InnerLearners.named("logistic:C=x", L))
                .getMessage().contains("Invalid c 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InnerLearners.named("svm:C=-1", L))
                .getMessage().contains("Invalid SVM cost"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InnerLearners.named("svm", new RegressionFactory()))
                .getMessage().contains("Unknown inner learner 'svm' for regression"));
    }

    @Test
    void theExactSvmsSeparateSeparableClasses() {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("rings", L), L);
        for (int i = 0; i < 40; i++) {
            double a = 2 * Math.PI * i / 40;
            double r = i % 2 == 0 ? 1 : 3; // two rings: only the RBF kernel separates them
            ds.add(new ArrayExample<>(new Label(i % 2 == 0 ? "in" : "out"), new String[]{"x", "y"},
                    new double[]{r * Math.cos(a), r * Math.sin(a)}));
        }
        Model<Label> rbf = InnerLearners.named("svm:C=100:gamma=0.5", L).train(ds);
        assertEquals(1.0, accuracy(rbf, ds), 0, "the RBF SVM separates concentric rings");
        MutableDataset<Label> halves = new MutableDataset<>(new SimpleDataSourceProvenance("halves", L), L);
        for (int i = 0; i < 40; i++) {
            double x = (i % 2 == 0 ? 1 : -1) * (0.5 + i / 40.0);
            halves.add(new ArrayExample<>(new Label(x > 0 ? "right" : "left"), new String[]{"x", "y"},
                    new double[]{x, Math.sin(i)}));
        }
        for (String name : new String[]{"linear-svm:C=10", "svm:kernel=linear:C=10", "logistic"}) {
            Trainer<Label> t = InnerLearners.named(name, L);
            assertEquals(1.0, accuracy(SeededTrainers.train(t, halves, 3), halves), 0, name);
        }
    }

    private static double accuracy(Model<Label> m, MutableDataset<Label> ds) {
        int right = 0;
        var p = m.predict(ds);
        for (int i = 0; i < ds.size(); i++) {
            right += p.get(i).getOutput().getLabel().equals(ds.getExample(i).getOutput().getLabel()) ? 1 : 0;
        }
        return right / (double) ds.size();
    }
}
