package org.tl4j.relational.strategy;

import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RdnBoostSettings;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source models of the transfer strategies, learned once per source world, schema and settings in a JVM: the
 * source is learned on all its data with a fixed seed, so every target fold, seed and strategy of a pair transfers
 * the same model, and learning it again would only repeat the same bits. Worlds are keyed by identity (a suite
 * hands the same source world to every seed) and held weakly, so a world no problem refers to any more is dropped
 * with its models.
 * <p>
 * Thread-safe: when several fits ask for the same model at once ({@code tl run --threads T}), one learns it and the
 * others wait for it. A fit that fails is not cached. The result does not depend on which thread learns it
 * ({@link RdnBoostLearner} is deterministic under its settings).
 */
final class SourceModels {
    private static final Map<RelationalDataset, Map<Key, CompletableFuture<RdnBoostModel>>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private record Key(Schema schema, RdnBoostSettings settings) {
    }

    /** A source model and whether this call learned it. */
    record Result(RdnBoostModel model, boolean learnedNow) {
    }

    private SourceModels() {
    }

    /** The model of {@code source} under {@code schema} and {@code settings}, learned on first use. */
    static Result get(RelationalDataset source, Schema schema, RdnBoostSettings settings) {
        Objects.requireNonNull(source, "source");
        Key key = new Key(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(settings, "settings"));
        Map<Key, CompletableFuture<RdnBoostModel>> models;
        synchronized (CACHE) {
            models = CACHE.computeIfAbsent(source, k -> new ConcurrentHashMap<>());
        }
        CompletableFuture<RdnBoostModel> mine = new CompletableFuture<>();
        CompletableFuture<RdnBoostModel> known = models.putIfAbsent(key, mine);
        if (known == null) {
            try {
                mine.complete(new RdnBoostLearner(settings).fit(source, schema));
            } catch (RuntimeException | Error e) {
                models.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return new Result(mine.join(), true);
        }
        try {
            return new Result(known.join(), false);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
