package org.tl4j.core.learn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds from one seed, so each random consumer of a fit (a bootstrap, a
 * cross-validation split, the inner trainer) gets its own stream and adding a consumer does not shift the others.
 */
public final class Seeds {
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

    /** The SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
