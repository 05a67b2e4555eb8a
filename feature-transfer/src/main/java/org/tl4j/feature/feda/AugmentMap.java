package org.tl4j.feature.feda;

import org.tl4j.feature.mapping.VectorMap;

/**
 * Daumé III's feature augmentation for one of {@code K} domains: a sample {@code x} of domain {@code j} becomes
 * {@code [x, 0, …, x, …, 0]}, a shared copy followed by {@code K} domain-specific blocks of which only block
 * {@code j} holds {@code x}. Immutable.
 */
public final class AugmentMap implements VectorMap {
    private static final long serialVersionUID = 1L;

    private final int d;
    private final int domains;
    private final int domain;

    /**
     * @param d       input dimension
     * @param domains {@code K}, the number of domains (sources plus the target)
     * @param domain  {@code j}, this map's domain, {@code 0 ≤ j < K}
     */
    public AugmentMap(int d, int domains, int domain) {
        if (d < 1 || domains < 2 || domain < 0 || domain >= domains) {
            throw new IllegalArgumentException("Invalid augmentation: " + d + " features, domain " + domain + " of "
                    + domains + " (need at least 1 feature and 2 domains)");
        }
        this.d = d;
        this.domains = domains;
        this.domain = domain;
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public int outputDimension() {
        return d * (domains + 1);
    }

    @Override
    public double[] apply(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("FEDA maps vectors of " + d + " features, found " + x.length);
        }
        double[] z = new double[outputDimension()];
        System.arraycopy(x, 0, z, 0, d);
        System.arraycopy(x, 0, z, d * (domain + 1), d);
        return z;
    }

    @Override
    public String describe() {
        return "FEDA(augment " + d + " -> " + outputDimension() + ", domain " + domain + " of " + domains + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
