package org.tl4j.relational.transfer;

import org.junit.jupiter.api.Test;
import org.tl4j.relational.data.ModeDeclaration;
import org.tl4j.relational.data.PredicateSignature;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Guide;
import org.tl4j.relational.rdn.Literal;
import org.tl4j.relational.rdn.RelationalRegressionTree;
import org.tl4j.relational.rdn.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingSearchTest {
    private static Schema schema(String... modes) {
        List<ModeDeclaration> m = new ArrayList<>();
        for (String s : modes) {
            m.add(ModeDeclaration.parse(s, "test", 0));
        }
        return Schema.fromModes(m);
    }

    private static final Schema SOURCE = schema("workedunder(+person,+person)", "director(+person)",
            "movie(+movie,+person)", "genre(+person,+genre)");
    private static final Schema TARGET = schema("advisedby(+person,+person)", "professor(+person)",
            "student(+person)", "publication(+title,+person)", "ta(+course,+person,+quarter)",
            "inphase(+person,+phase)");

    /** Scores every assignment equally and records what it was offered. */
    private static final class Recorder implements Guide.Context {
        final List<List<Literal>> seen = new ArrayList<>();
        final Map<String, Double> score;

        Recorder(Map<String, Double> score) {
            this.score = score;
        }

        @Override
        public List<Literal> apply(List<Translation> translations) {
            List<Literal> out = new ArrayList<>();
            for (Translation t : translations) {
                if (t != null) {
                    int[] args = new int[t.arity()];
                    for (int j = 0; j < args.length; j++) {
                        args[j] = t.sourcePosition(j);
                    }
                    out.add(new Literal(t.predicate(), args));
                }
            }
            seen.add(out);
            return out;
        }

        @Override
        public double weightedVariance(List<Literal> conjunction) {
            return score.getOrDefault(Literal.toString(conjunction), 10.0);
        }

        @Override
        public double direction(List<Literal> conjunction) {
            return 1.0;
        }

        @Override
        public int examples() {
            return 10;
        }
    }

    private static RelationalRegressionTree.Split node(Literal... test) {
        return new RelationalRegressionTree.Split(List.of(test), 2, new RelationalRegressionTree.Leaf(1, 1, 0),
                new RelationalRegressionTree.Leaf(-1, 1, 0), 2);
    }

    @Test
    void offersOnlyTypeConsistentTargetsOfTheSameArityAndPicksTheLowestVariance() {
        MappingSearch search = new MappingSearch(SOURCE, TARGET, "workedunder", "advisedby",
                TARGET.predicates(), true, false);
        Recorder r = new Recorder(Map.of("student(A)", 3.0, "professor(A)", 2.0));
        List<Translation> tr = search.translate(node(new Literal("director", 0)), r);
        assertEquals("professor", tr.get(0).predicate());
        Set<String> offered = new java.util.TreeSet<>();
        for (List<Literal> c : r.seen) {
            if (!c.isEmpty()) {
                offered.add(c.get(0).predicate());
            }
        }
        // director(person) may map onto the unary person predicates only: never onto the target predicate itself.
        assertEquals(Set.of("professor", "student"), offered);
    }

    @Test
    void typesStayConsistentAcrossDecisions() {
        MappingSearch search = new MappingSearch(SOURCE, TARGET, "workedunder", "advisedby",
                TARGET.predicates(), true, false);
        // movie(movie,person) may go to publication(title,person) or, reversed, to inphase(person,phase); the
        // lower variance decides and fixes movie -> title, person -> person.
        Recorder first = new Recorder(Map.of("publication(A,B)", 1.0));
        List<Translation> tr = search.translate(node(new Literal("movie", 2, 0)), first);
        assertEquals(new Translation("publication", new int[] {0, 1}), tr.get(0));
        assertTrue(first.seen.stream().anyMatch(c -> !c.isEmpty() && c.get(0).predicate().equals("inphase")));
        // genre(person,genre): inphase(person,phase) in its own order is legal (genre -> phase is new); the
        // reversed order would need person -> phase, which the head already fixed to person, so it is not offered.
        Recorder second = new Recorder(Map.of("inphase(A,B)", 1.0));
        search.translate(node(new Literal("genre", 0, 2)), second);
        assertTrue(second.seen.stream().noneMatch(c -> c.toString().equals("[inphase(B,A)]")), second.seen.toString());
        PredicateMapping m = search.result(List.of("director", "movie", "genre"));
        for (var e : m.mapped().entrySet()) {
            PredicateSignature s = SOURCE.signature(e.getKey());
            PredicateSignature t = TARGET.signature(e.getValue().predicate());
            for (int j = 0; j < t.arity(); j++) {
                assertEquals(t.type(j), m.types().get(s.type(e.getValue().sourcePosition(j))),
                        e.getKey() + " -> " + e.getValue() + " breaks the type map " + m.types());
            }
        }
        assertEquals("title", m.types().get("movie"));
        assertEquals("phase", m.types().get("genre"));
        assertEquals(List.of("director"), m.unreached());
    }

    @Test
    void withoutSameTargetMapATargetPredicateIsUsedOnce() {
        MappingSearch search = new MappingSearch(SOURCE, TARGET, "workedunder", "advisedby",
                TARGET.predicates(), true, false);
        Schema src2 = schema("workedunder(+person,+person)", "director(+person)", "actor(+person)");
        MappingSearch s2 = new MappingSearch(src2, TARGET, "workedunder", "advisedby", TARGET.predicates(), true,
                false);
        s2.translate(node(new Literal("director", 1)), new Recorder(Map.of("professor(B)", 1.0)));
        Recorder r = new Recorder(Map.of("professor(A)", 0.5));
        s2.translate(node(new Literal("actor", 0)), r);
        for (List<Literal> c : r.seen) {
            assertTrue(c.isEmpty() || !c.get(0).predicate().equals("professor"), "professor is taken: " + c);
        }
        assertEquals("student", s2.result(List.of("director", "actor")).translation("actor").orElseThrow()
                .predicate());
        assertTrue(search.assignmentsScored() == 0);
    }

    @Test
    void headsWithInconsistentTypesCannotBeMapped() {
        Schema t = schema("accounttype(+account,+type)", "follows(+account,+account)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MappingSearch(SOURCE, t,
                "workedunder", "accounttype", t.predicates(), true, false));
        assertTrue(e.getMessage().contains("person"), e.getMessage());
    }
}
