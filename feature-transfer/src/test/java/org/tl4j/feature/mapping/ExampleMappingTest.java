package org.tl4j.feature.mapping;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.FeatureSpace;
import org.tl4j.feature.linalg.Kernel;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleMappingTest {

    private static final LinearMap MAP = new LinearMap("test", new DMatrixRMaj(new double[][]{{1, 0}, {0, 2}, {1, 1}}),
            new double[]{1, 0, 0}, false, false);

    @Test
    void mapsByFeatureNameKeepingOutputAndWeight() {
        ExampleMapping m = new ExampleMapping(FeatureSpace.of("a", "b", "c"), ExampleMapping.outputSpace("t", 2), MAP);
        ArrayExample<Label> e = new ArrayExample<>(new Label("yes"), new String[]{"c", "a"}, new double[]{3, 2});
        e.setWeight(0.25f);
        Example<Label> out = m.apply(e);
        assertEquals("yes", out.getOutput().getLabel());
        assertEquals(0.25f, out.getWeight());
        double[] values = new double[2];
        for (Feature f : out) {
            values[f.getName().equals("t.0") ? 0 : 1] = f.getValue();
        }
        // (x - c) = (1, 0, 3): z = (1 + 3, 0 + 3)
        assertArrayEquals(new double[]{4, 3}, values, 1e-15);
    }

    @Test
    void unknownFeaturesAreNamed() {
        ExampleMapping m = new ExampleMapping(FeatureSpace.of("a", "b", "c"), ExampleMapping.outputSpace("t", 2), MAP);
        ArrayExample<Label> e = new ArrayExample<>(new Label("yes"), new String[]{"zz"}, new double[]{1});
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> m.apply(e));
        assertTrue(ex.getMessage().contains("'zz'"), ex.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ExampleMapping(FeatureSpace.of("a", "b"), ExampleMapping.outputSpace("t", 2), MAP));
    }

    @Test
    void mapsSurviveSerialisationAndNormaliseWhenAsked() throws Exception {
        KernelMap k = new KernelMap("k", Kernel.rbf(0.5), new DMatrixRMaj(new double[][]{{0, 0}, {1, 1}}),
                new DMatrixRMaj(new double[][]{{1, 0}, {0.5, 2}}), true, true);
        VectorMap copy = roundTrip(k);
        double[] x = {3, 4};
        assertArrayEquals(k.apply(x), copy.apply(x), 0.0);
        double[] z = k.apply(x);
        assertEquals(1.0, z[0] * z[0] + z[1] * z[1], 1e-12, "unit-length output");
        assertArrayEquals(MAP.apply(new double[]{1, 2, 3}), roundTrip(MAP).apply(new double[]{1, 2, 3}), 0.0);
    }

    private static VectorMap roundTrip(VectorMap m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (VectorMap) in.readObject();
        }
    }
}
