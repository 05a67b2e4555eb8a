package org.tl4j.core.learn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds from one seed, so each random consumer of a fit (a bootstrap, a
 * cross-validation split, the inner trainer) gets its own stream and adding a consumer does not shift the others.
 */
public final class Seeds {

    /**
     * The stream of a fit's seed that importance-weight estimators draw from (centres, random features and the
     * kernel width's subsample). The domain discrepancy derives its kernel width from the same stream, so the width
     * it reports is the width the kernel estimators choose on the same samples with the same seed.
     */
    public static final String IMPORTANCE_WEIGHTS = "importance-weights";

    private Seeds() {
    }

    /**
     * A seed for the consumer called {@code stream}, derived from {@code seed} with the SplitMix64 finaliser.
     * The same arguments always give the same value.
     */
    public static long derive(long seed, String stream) {
        long h = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** A seed derived from {@code seed} and an index (e.g. a boosting round). */
    public static long derive(long seed, String stream, long index) {
        return mix(derive(seed, stream) + 0x9e3779b97f4a7c15L * (index + 1));
    }

    /**
     * A random generator for {@code seed}: xoroshiro128++ from Apache Commons RNG, whose output is specified by the
     * algorithm, not by the JDK, so the same seed gives the same numbers on every platform and Java version.
     */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** The indices {@code 0..n−1} in a random order drawn from {@link #rng}{@code (seed)} (Fisher–Yates). */
    public static int[] permutation(int n, long seed) {
        int[] p = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng(seed), p);
        return p;
    }

    /**
     * Balanced random folds: the fold {@code 0..k−1} of each of {@code n} items, item {@code permutation[i]}
     * getting fold {@code i mod k}, so fold sizes differ by at most one.
     */
    public static int[] folds(int n, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of folds: " + k + " (must be at least 1)");
        }
        int[] perm = permutation(n, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k;
        }
        return fold;
    }

    /** The SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
