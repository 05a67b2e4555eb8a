package org.tl4j.relational.rdn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of RDN-Boost, named as in BoostSRL where it has them.
 *
 * @param trees               the number of boosted trees (BoostSRL {@code -trees}; 10 as in srlearn and
 *                            TreeBoostler's experiments)
 * @param maxTreeDepth        the most interior nodes on a path from the root (BoostSRL {@code maxTreeDepth}; 3 in
 *                            TreeBoostler's experiments)
 * @param maxLeaves           the most leaves, i.e. clauses, per tree (BoostSRL {@code numOfClauses}; 8)
 * @param maxLiteralsPerNode  the most literals one interior node adds (BoostSRL {@code nodeSize}; 2)
 * @param negativesPerPositive training negatives kept per positive, drawn with the seed when there are more
 *                            (BoostSRL {@code -negPosRatio}, default 2); 0 keeps all
 * @param beamWidth           how many one-literal tests are extended by a second literal when
 *                            {@code maxLiteralsPerNode ≥ 2}: this many of those introducing a new variable and this
 *                            many of the others, best first
 * @param minPositivesCovered the fewest positive examples a learned test must hold for (as in BoostSRL, whose
 *                            clauses must cover a positive example); forced template nodes are exempt
 * @param minVarianceToSplit  a node whose gradients' variance is at most this becomes a leaf (0.0025, the
 *                            purity threshold TreeBoostler's revision uses)
 * @param seed                the seed of every random choice (the negative sample)
 */
public record RdnBoostSettings(int trees, int maxTreeDepth, int maxLeaves, int maxLiteralsPerNode,
                               double negativesPerPositive, int beamWidth, int minPositivesCovered,
                               double minVarianceToSplit, long seed) {

    /** Validates; the messages name the bad setting. */
    public RdnBoostSettings {
        positive("trees", trees);
        positive("maxTreeDepth", maxTreeDepth);
        if (maxLeaves < 2) {
            throw new IllegalArgumentException("Invalid maxLeaves: " + maxLeaves + " (a tree needs at least 2)");
        }
        positive("maxLiteralsPerNode", maxLiteralsPerNode);
        if (maxLiteralsPerNode > 2) {
            throw new IllegalArgumentException("Invalid maxLiteralsPerNode: " + maxLiteralsPerNode
                    + " (tl4j searches nodes of 1 or 2 literals, BoostSRL's nodeSize 2)");
        }
        if (!(negativesPerPositive >= 0) || Double.isInfinite(negativesPerPositive)) {
            throw new IllegalArgumentException("Invalid negativesPerPositive: " + negativesPerPositive
                    + " (0 keeps all negatives)");
        }
        positive("beamWidth", beamWidth);
        if (minPositivesCovered < 0) {
            throw new IllegalArgumentException("Invalid minPositivesCovered: " + minPositivesCovered);
        }
        if (!(minVarianceToSplit >= 0)) {
            throw new IllegalArgumentException("Invalid minVarianceToSplit: " + minVarianceToSplit);
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("Invalid " + name + ": " + v + " (must be at least 1)");
        }
    }

    /** TreeBoostler's experimental settings: 10 trees, depth 3, 8 clauses, 2 literals per node, 2 negatives per positive. */
    public static RdnBoostSettings defaults(long seed) {
        return new RdnBoostSettings(10, 3, 8, 2, 2.0, 10, 1, 0.0025, seed);
    }

    /** A copy with another number of trees. */
    public RdnBoostSettings withTrees(int n) {
        return new RdnBoostSettings(n, maxTreeDepth, maxLeaves, maxLiteralsPerNode, negativesPerPositive, beamWidth,
                minPositivesCovered, minVarianceToSplit, seed);
    }

    /** A copy with another seed. */
    public RdnBoostSettings withSeed(long s) {
        return new RdnBoostSettings(trees, maxTreeDepth, maxLeaves, maxLiteralsPerNode, negativesPerPositive,
                beamWidth, minPositivesCovered, minVarianceToSplit, s);
    }

    /** A copy with another number of literals per node. */
    public RdnBoostSettings withMaxLiteralsPerNode(int n) {
        return new RdnBoostSettings(trees, maxTreeDepth, maxLeaves, n, negativesPerPositive, beamWidth,
                minPositivesCovered, minVarianceToSplit, seed);
    }

    /** The settings as ordered name–value pairs, for provenance. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trees", Integer.toString(trees));
        m.put("maxTreeDepth", Integer.toString(maxTreeDepth));
        m.put("maxLeaves", Integer.toString(maxLeaves));
        m.put("maxLiteralsPerNode", Integer.toString(maxLiteralsPerNode));
        m.put("negativesPerPositive", String.format(Locale.ROOT, "%s", negativesPerPositive));
        m.put("beamWidth", Integer.toString(beamWidth));
        m.put("minPositivesCovered", Integer.toString(minPositivesCovered));
        m.put("minVarianceToSplit", String.format(Locale.ROOT, "%s", minVarianceToSplit));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
