package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SourceModelsTest {

    @Test
    void concurrentFitsShareOneSourceModelLearnedOnce() throws Exception {
        RelationalDataset source = SyntheticRelationalDomains.source(60, 3);
        var schema = SyntheticRelationalDomains.sourceSchema();
        RdnBoostSettings settings = RdnBoostSettings.defaults(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SourceModels.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> SourceModels.get(source, schema, settings)));
            }
            int learned = 0;
            for (Future<SourceModels.Result> f : results) {
                assertSame(results.get(0).get().model(), f.get().model());
                learned += f.get().learnedNow() ? 1 : 0;
            }
            assertEquals(1, learned, "learned by one fit, waited for by the others");
            assertEquals(new RdnBoostLearner(settings).fit(source, schema).trees().toString(),
                    results.get(0).get().model().trees().toString(), "the cached model is the learner's");
        } finally {
            pool.shutdownNow();
        }
        assertNotSame(SourceModels.get(source, schema, settings.withSeed(1)).model(),
                SourceModels.get(source, schema, settings).model(), "other settings, another model");
        RelationalDataset sameContent = SyntheticRelationalDomains.source(60, 3);
        assertEquals(true, SourceModels.get(sameContent, schema, settings).learnedNow(),
                "worlds are keyed by identity");
    }
}
