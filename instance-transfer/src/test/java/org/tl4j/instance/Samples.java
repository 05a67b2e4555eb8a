package org.tl4j.instance;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.learn.Seeds;

/** Seeded Gaussian samples for the math tests. */
public final class Samples {
    private Samples() {
    }

    /** {@code n} rows of {@code N(mean·e₁, sd² I_d)}. */
    public static DMatrixRMaj gaussian(int n, int d, double mean, double sd, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (i % d == 0 ? mean : 0) + sd * g.sample();
        }
        return m;
    }
}
