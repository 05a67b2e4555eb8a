package org.tl4j.core.learn;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeastSquaresTrainerTest {
    private static final double EXACT = 1e-9;
    private static final RegressionFactory F = new RegressionFactory();

    private static MutableDataset<Regressor> line(double[] xs, double slope, double intercept, double[] weights) {
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("line", F), F);
        for (int i = 0; i < xs.length; i++) {
            Example<Regressor> e = new ArrayExample<>(new Regressor("y", intercept + slope * xs[i]), new String[]{"x"},
                    new double[]{xs[i]});
            e.setWeight((float) weights[i]);
            ds.add(e);
        }
        return ds;
    }

    @Test
    void recoversANoiselessLine() {
        LeastSquaresModel m = new LeastSquaresTrainer().train(line(new double[]{-1, 0, 2, 3}, 2.5, -1, new double[]{1, 1, 1, 1}));
        assertEquals(2.5, m.coefficient(0, 0), EXACT);
        assertEquals(-1, m.intercept(0), EXACT);
    }

    @Test
    void zeroWeightExamplesDoNotInfluenceTheFit() {
        MutableDataset<Regressor> ds = line(new double[]{0, 1, 2}, 1, 0, new double[]{1, 1, 1});
        Example<Regressor> outlier = new ArrayExample<>(new Regressor("y", 100), new String[]{"x"}, new double[]{5});
        outlier.setWeight(0f);
        ds.add(outlier);
        LeastSquaresModel m = new LeastSquaresTrainer().train(ds);
        assertEquals(1, m.coefficient(0, 0), EXACT);
        assertEquals(0, m.intercept(0), EXACT);
    }

    @Test
    void weightsShiftTheFitTowardHeavyPoints() {
        double[] xs = {-1, 0, 1};
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("v", F), F);
        double[] ys = {1, 0, 1}; // a parabola: the weighted line depends on where the weight is
        double[] w = {1, 1, 8};
        for (int i = 0; i < 3; i++) {
            Example<Regressor> e = new ArrayExample<>(new Regressor("y", ys[i]), new String[]{"x"}, new double[]{xs[i]});
            e.setWeight((float) w[i]);
            ds.add(e);
        }
        LeastSquaresModel m = new LeastSquaresTrainer().train(ds);
        // Weighted normal equations solved by hand: slope = Sxy/Sxx with weighted means.
        double sw = 10;
        double mx = (-1 + 0 + 8) / sw;
        double my = (1 + 0 + 8) / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < 3; i++) {
            sxx += w[i] * (xs[i] - mx) * (xs[i] - mx);
            sxy += w[i] * (xs[i] - mx) * (ys[i] - my);
        }
        assertEquals(sxy / sxx, m.coefficient(0, 0), 1e-6);
        assertEquals(my - sxy / sxx * mx, m.intercept(0), 1e-6);
    }

    @Test
    void ridgeShrinksTheSlope() {
        MutableDataset<Regressor> ds = line(new double[]{-1, 1}, 1, 0, new double[]{1, 1});
        LeastSquaresModel m = new LeastSquaresTrainer(2.0).train(ds);
        assertEquals(0.5, m.coefficient(0, 0), EXACT); // Sxx = 2, slope = Sxy/(Sxx + λ) = 2/4
    }

    @Test
    void invalidSettingsAndDataAreReported() {
        assertThrows(IllegalArgumentException.class, () -> new LeastSquaresTrainer(-1));
        MutableDataset<Regressor> ds = line(new double[]{0, 1}, 1, 0, new double[]{0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeastSquaresTrainer().train(ds));
        assertTrue(e.getMessage().contains("weights are zero"), e.getMessage());
        MutableDataset<Regressor> collinear = new MutableDataset<>(new SimpleDataSourceProvenance("c", F), F);
        for (int i = 0; i < 4; i++) {
            collinear.add(new ArrayExample<>(new Regressor("y", i), new String[]{"a", "b"}, new double[]{i, 2 * i}));
        }
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> new LeastSquaresTrainer(0).train(collinear));
        assertTrue(s.getMessage().contains("singular"), s.getMessage());
    }
}
