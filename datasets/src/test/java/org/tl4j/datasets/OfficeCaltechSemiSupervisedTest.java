package org.tl4j.datasets;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Setting;
import org.tl4j.core.TransferTask;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The semi-supervised Office-Caltech protocol on a generated sample (no shared data needed). */
class OfficeCaltechSemiSupervisedTest {

    /** 10 classes, {@code perClass} rows each; row i's first feature is i, so rows are told apart. */
    private static LabelledSample sample(String name, int perClass) {
        int n = 10 * perClass;
        double[][] x = new double[n][OfficeCaltech.DIMENSION];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1 + i % 7] = 1;
            y[i] = 1 + i % 10;
        }
        return new LabelledSample(name, x, y, new SimpleDataSourceProvenance(name, new LabelFactory()));
    }

    private static Map<String, Integer> counts(Iterable<Example<Label>> data) {
        Map<String, Integer> m = new HashMap<>();
        for (Example<Label> e : data) {
            m.merge(e.getOutput().getLabel(), 1, Integer::sum);
        }
        return m;
    }

    private static Set<Double> ids(Iterable<Example<Label>> data) {
        Set<Double> s = new HashSet<>();
        for (Example<Label> e : data) {
            s.add(e.lookup("f000") == null ? 0.0 : e.lookup("f000").getValue());
        }
        return s;
    }

    @Test
    void threeLabelledTargetImagesPerClassDisjointFromTheTestSet() {
        OfficeCaltech.Pair pair = new OfficeCaltech.Pair(OfficeCaltech.Site.AMAZON, OfficeCaltech.Site.WEBCAM);
        TransferTask<Label> t = OfficeCaltech.semiSupervisedTask(pair, sample("amazon", 30), sample("webcam", 9), 3,
                20, 4L);
        assertEquals(Setting.INDUCTIVE, t.setting());
        counts(t.targetTrain().data()).values().forEach(c -> assertEquals(3, c));
        assertEquals(10, counts(t.targetTrain().data()).size());
        counts(t.sources().get(0).data()).values().forEach(c -> assertEquals(20, c));
        assertEquals(60, t.targetTest().size());
        Set<Double> train = ids(t.targetTrain().data());
        Set<Double> test = ids(t.targetTest().data());
        train.retainAll(test);
        assertTrue(train.isEmpty(), "labelled target images are not tested on");
        assertEquals(60, t.targetUnlabelled().size());

        TransferTask<Label> same = OfficeCaltech.semiSupervisedTask(pair, sample("amazon", 30), sample("webcam", 9), 3,
                20, 4L);
        assertEquals(ids(t.targetTrain().data()), ids(same.targetTrain().data()), "same seed, same draw");
        TransferTask<Label> other = OfficeCaltech.semiSupervisedTask(pair, sample("amazon", 30), sample("webcam", 9),
                3, 20, 5L);
        assertNotEquals(ids(t.targetTrain().data()), ids(other.targetTrain().data()), "another seed, another draw");
    }

    @Test
    void aClassTooSmallToKeepATestImageIsRefused() {
        OfficeCaltech.Pair pair = new OfficeCaltech.Pair(OfficeCaltech.Site.AMAZON, OfficeCaltech.Site.DSLR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                OfficeCaltech.semiSupervisedTask(pair, sample("amazon", 5), sample("dslr", 3), 3, 0, 1L));
        assertTrue(e.getMessage().contains("leave none to test on"), e.getMessage());
    }
}
