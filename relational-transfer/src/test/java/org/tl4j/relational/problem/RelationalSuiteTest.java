package org.tl4j.relational.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationalSuiteTest {

    private static SuiteContext context(Path root, Map<String, String> params) {
        return new SuiteContext(root, params);
    }

    @Test
    void isRegisteredWithTheTransferStrategiesAsDefaults() {
        var s = SuiteRegistry.load().get(RelationalSuite.NAME);
        assertTrue(s instanceof RelationalSuite, s.getClass().toString());
        assertEquals(List.of("treeboostler", "treeboostler-no-revision"), s.defaultStrategies());
    }

    @Test
    void badParametersAreUsageErrorsNamingTheFix(@TempDir Path dir) {
        RelationalSuite s = new RelationalSuite();
        RequestException e = assertThrows(RequestException.class, () -> s.tasks(context(dir, Map.of("pair",
                "imdb->uwcse")), 0));
        assertTrue(e.getMessage().contains("no parameter 'pair'") && e.getMessage().contains("pairs"), e.getMessage());
        e = assertThrows(RequestException.class, () -> s.tasks(context(dir, Map.of("protocol", "loo")), 0));
        assertTrue(e.getMessage().contains("cross-validation"), e.getMessage());
        e = assertThrows(RequestException.class, () -> s.tasks(context(dir, Map.of("pairs", "imdb->nell")), 0));
        assertTrue(e.getMessage().contains("uwcse->imdb"), e.getMessage());
        e = assertThrows(RequestException.class, () -> s.tasks(context(dir, Map.of("types", "guessed")), 0));
        assertTrue(e.getMessage().contains("inferred"), e.getMessage());
        e = assertThrows(RequestException.class, () -> s.tasks(context(dir, Map.of()), -1));
        assertTrue(e.getMessage().contains("seed -1"), e.getMessage());
    }

    @Test
    void missingDataAreNamedWithTheFix(@TempDir Path dir) {
        RelationalSuite s = new RelationalSuite();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.tasks(context(dir,
                Map.of()), 0));
        assertTrue(e.getMessage().contains(dir.resolve("data/relational").toAbsolutePath().normalize().toString())
                && e.getMessage().contains("--data"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.tasks(context(dir, Map.of("relational",
                dir.toString(), "pairs", "cora->imdb")), 0));
        assertTrue(e.getMessage().contains("'cora'") && e.getMessage().contains("--param pairs"), e.getMessage());
    }

    @Test
    void seedsBeyondAPairsFoldsSkipItAndBeyondEveryPairAreRefused() {
        SharedData.require(RelationalSuite.DATA + "/twitter");
        SharedData.require(RelationalSuite.DATA + "/yeast");
        RelationalSuite s = new RelationalSuite();
        SuiteContext c = context(SharedData.root(), Map.of("pairs", "yeast->twitter,twitter->yeast"));
        List<String> names = s.tasks(c, 1).stream().map(t -> t.name()).toList();
        assertEquals(List.of("yeast->twitter", "twitter->yeast"), names, "both have a fold 2");
        var seed3 = s.tasks(c, 3);
        assertEquals(List.of("twitter->yeast"), seed3.stream().map(t -> t.name()).toList(),
                "twitter has 2 folds: seed 3 skips yeast->twitter");
        assertEquals(4, ((RelationalTransferProblem) seed3.get(0)).fold());
        RequestException e = assertThrows(RequestException.class, () -> s.tasks(c, 4));
        assertTrue(e.getMessage().contains("yeast->twitter (2 folds)") && e.getMessage().contains(
                "twitter->yeast (4 folds)"), e.getMessage());
        RelationalTransferProblem a = (RelationalTransferProblem) s.tasks(c, 0).get(1);
        RelationalTransferProblem b = (RelationalTransferProblem) s.tasks(c, 2).get(0);
        assertSame(a.source(), b.source(), "the source world is read once per pair");
    }
}
