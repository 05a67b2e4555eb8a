package org.tl4j.relational.synthetic;

import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.ModeDeclaration;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.problem.RelationalTransferProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded pair of relational domains with a known correct predicate mapping, and an unrelated source, for checking
 * relational transfer.
 * <p>
 * Both related domains have the same hidden structure under different names. In the <b>lab</b> (source),
 * {@code mentors(N,S)} holds for a novice and the supervisor who advises them, and advisor and advisee coauthor
 * papers: {@code coauthor(P,N), coauthor(P,S)}. In the <b>studio</b> (target), {@code assists(J,L)} holds for a
 * junior and the lead they assist, and both are credited on films — with the arguments the other way round:
 * {@code credit(J,F), credit(L,F)}. Each domain also has a distractor (random unary predicate: {@code tall},
 * {@code lefthanded}) and a random binary relation of the same types as the informative one ({@code reviewed},
 * {@code rented}). The correct mapping is therefore {@code mentors → assists}, {@code supervisor → lead},
 * {@code novice → junior}, {@code coauthor(A,B) → credit(B,A)}, and the search must find it from the target data
 * among type-consistent alternatives. The <b>unrelated</b> source (a shop) explains its target by a relation
 * between people that has no counterpart in the studio, so what a model learns there carries nothing over.
 * <p>
 * Negatives are all other (novice-or-anyone, anyone) pairs drawn at {@code negativesPerPositive} per positive; some
 * supervisor–novice pairs that coauthored by chance are negatives, so the rule is not perfect.
 */
public final class SyntheticRelationalDomains {
    /** The names of one domain's predicates. */
    private record Vocabulary(String target, String boss, String junior, String distractor, String relation,
                              boolean relationPersonFirst, String noise, String personType, String itemType) {
    }

    private static final Vocabulary LAB = new Vocabulary("mentors", "supervisor", "novice", "tall", "coauthor", false,
            "reviewed", "person", "paper");
    private static final Vocabulary STUDIO = new Vocabulary("assists", "lead", "junior", "lefthanded", "credit", true,
            "rented", "crew", "film");

    private SyntheticRelationalDomains() {
    }

    /** The source domain (lab): {@code mentors(N,S)} explained by supervisor, novice and shared papers. */
    public static RelationalDataset source(int people, long seed) {
        return world(LAB, "lab", people, seed, 2.0);
    }

    /** The target domain (studio) with {@code assists(J,L)}, the same structure under other names. */
    public static RelationalDataset target(int people, long seed) {
        return world(STUDIO, "studio", people, seed, 2.0);
    }

    /**
     * An unrelated source (shop): {@code buys(A,B)} holds when {@code B} is a {@code vip} and {@code A} is
     * {@code B}'s {@code neighbour}, a person–person relation the studio has no counterpart of; {@code member} is a
     * distractor. What a model learns here has no image in the target vocabulary.
     */
    public static RelationalDataset unrelatedSource(int people, long seed) {
        if (people < 8) {
            throw new IllegalArgumentException("A synthetic world needs at least 8 people: " + people);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        String[] shopper = new String[people];
        boolean[] vip = new boolean[people];
        List<GroundAtom> facts = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            shopper[i] = "s" + i;
            vip[i] = rng.nextDouble() < 0.3;
            if (vip[i]) {
                facts.add(GroundAtom.of("vip", shopper[i]));
            }
            if (rng.nextDouble() < 0.5) {
                facts.add(GroundAtom.of("member", shopper[i]));
            }
        }
        Set<GroundAtom> positives = new LinkedHashSet<>();
        List<GroundAtom> negatives = new ArrayList<>();
        for (int a = 0; a < people; a++) {
            for (int k = 0; k < 3; k++) {
                int b = rng.nextInt(people);
                if (b == a) {
                    continue;
                }
                facts.add(GroundAtom.of("neighbour", shopper[a], shopper[b]));
                if (vip[b] && rng.nextDouble() < 0.9) {
                    positives.add(GroundAtom.of("buys", shopper[a], shopper[b]));
                }
            }
        }
        for (int a = 0; a < people; a++) {
            for (int b = 0; b < people; b++) {
                GroundAtom g = GroundAtom.of("buys", shopper[a], shopper[b]);
                if (a != b && !positives.contains(g)) {
                    negatives.add(g);
                }
            }
        }
        List<GroundAtom> neg = new ArrayList<>();
        int keep = Math.min(negatives.size(), 2 * positives.size());
        for (int i = 0; i < keep; i++) {
            neg.add(negatives.remove(rng.nextInt(negatives.size())));
        }
        return new RelationalDataset("shop-" + seed, "buys", facts, new ArrayList<>(positives), neg,
                List.of("synthetic shop world (unrelated source): " + people + " shoppers, seed " + seed));
    }

    /**
     * A transfer problem on these domains: the source world ({@link #source} when {@code related}, else
     * {@link #unrelatedSource}) of {@code sourcePeople}, drawn with {@code seed}; the studio target trained on a
     * world of {@code trainPeople} and tested on another of {@code testPeople}, drawn with {@code 1000 + seed} and
     * {@code 2000 + seed} (the draws of the evidence runner). Named {@code lab->studio} or {@code shop->studio}.
     */
    public static RelationalTransferProblem problem(boolean related, int sourcePeople, int trainPeople,
                                                    int testPeople, long seed) {
        RelationalDataset source = related ? source(sourcePeople, seed) : unrelatedSource(sourcePeople, seed);
        String sourceName = related ? "lab" : "shop";
        String description = (related ? "Synthetic lab mentors(N,S) -> studio assists(J,L), the same structure under"
                + " other names (correct mapping supervisor -> lead, novice -> junior, coauthor(A,B) -> credit(B,A))"
                : "Synthetic shop buys(A,B) -> studio assists(J,L): an unrelated source, whose informative relation"
                + " has no counterpart in the studio") + "; " + sourcePeople + " source people, " + trainPeople
                + " target people to train, " + testPeople + " to test";
        return new RelationalTransferProblem(sourceName + "->studio", description, sourceName, source,
                related ? sourceSchema() : unrelatedSchema(), "studio", target(trainPeople, 1000 + seed),
                target(testPeople, 2000 + seed), targetSchema(), 0);
    }

    /** The unrelated source's typed predicates (type shopper). */
    public static Schema unrelatedSchema() {
        List<ModeDeclaration> modes = new ArrayList<>();
        for (String m : List.of("buys(+shopper,+shopper)", "vip(+shopper)", "member(+shopper)",
                "neighbour(+shopper,-shopper)", "neighbour(-shopper,+shopper)", "neighbour(+shopper,+shopper)")) {
            modes.add(ModeDeclaration.parse(m, "synthetic shop", 0));
        }
        return Schema.fromModes(modes);
    }

    /** The lab's typed predicates (modes with types person and paper). */
    public static Schema sourceSchema() {
        return schema(LAB);
    }

    /** The studio's typed predicates (types crew and film). */
    public static Schema targetSchema() {
        return schema(STUDIO);
    }

    /**
     * The correct mapping, as lines in the format of {@link org.tl4j.relational.transfer.PredicateMapping#lines}:
     * source predicate → target predicate with argument letters of the source positions.
     */
    public static Map<String, String> correctMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("supervisor", "lead[0]");
        m.put("novice", "junior[0]");
        m.put("coauthor", "credit[1, 0]");
        return m;
    }

    private static Schema schema(Vocabulary v) {
        String p = v.personType;
        String i = v.itemType;
        String rel = v.relationPersonFirst ? v.relation + "(+" + p + ",-" + i + ")" : v.relation + "(-" + i + ",+"
                + p + ")";
        String rel2 = v.relationPersonFirst ? v.relation + "(+" + p + ",+" + i + ")" : v.relation + "(+" + i + ",+"
                + p + ")";
        String noise = v.relationPersonFirst ? v.noise + "(+" + p + ",-" + i + ")" : v.noise + "(-" + i + ",+" + p
                + ")";
        String noise2 = v.relationPersonFirst ? v.noise + "(+" + p + ",+" + i + ")" : v.noise + "(+" + i + ",+" + p
                + ")";
        List<ModeDeclaration> modes = new ArrayList<>();
        for (String m : List.of(v.target + "(+" + p + ",+" + p + ")", v.boss + "(+" + p + ")",
                v.junior + "(+" + p + ")", v.distractor + "(+" + p + ")", rel, rel2, noise, noise2)) {
            modes.add(ModeDeclaration.parse(m, "synthetic " + v.target, 0));
        }
        return Schema.fromModes(modes);
    }

    private static RelationalDataset world(Vocabulary v, String name, int people, long seed,
                                           double negativesPerPositive) {
        if (people < 8) {
            throw new IllegalArgumentException("A synthetic world needs at least 8 people: " + people);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        String[] person = new String[people];
        boolean[] boss = new boolean[people];
        boolean[] junior = new boolean[people];
        List<GroundAtom> facts = new ArrayList<>();
        List<Integer> bosses = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            person[i] = (v.personType.charAt(0) + "") + i + "_" + name.charAt(0);
            boss[i] = i % 4 == 0;
            junior[i] = !boss[i] && rng.nextDouble() < 0.6;
            if (boss[i]) {
                facts.add(GroundAtom.of(v.boss, person[i]));
                bosses.add(i);
            }
            if (junior[i]) {
                facts.add(GroundAtom.of(v.junior, person[i]));
            }
            if (rng.nextDouble() < 0.5) {
                facts.add(GroundAtom.of(v.distractor, person[i]));
            }
        }
        int items = 0;
        Set<GroundAtom> positives = new LinkedHashSet<>();
        for (int i = 0; i < people; i++) {
            if (!junior[i] || rng.nextDouble() >= 0.85) {
                continue;
            }
            int b = bosses.get(rng.nextInt(bosses.size()));
            positives.add(GroundAtom.of(v.target, person[i], person[b]));
            // Most advisor–advisee pairs share one or two items; some share none (label noise for the rule).
            int shared = rng.nextDouble() < 0.15 ? 0 : 1 + rng.nextInt(2);
            for (int k = 0; k < shared; k++) {
                String item = v.itemType.charAt(0) + "" + items++ + "_" + name.charAt(0);
                facts.add(link(v, v.relation, person[i], item));
                facts.add(link(v, v.relation, person[b], item));
            }
        }
        // Unrelated items, each with three or four random people, so that shared items also occur by chance and
        // the rule needs the roles as well.
        for (int k = 0; k < people; k++) {
            String item = v.itemType.charAt(0) + "" + items++ + "_" + name.charAt(0);
            int authors = 3 + rng.nextInt(2);
            for (int a = 0; a < authors; a++) {
                facts.add(link(v, v.relation, person[rng.nextInt(people)], item));
            }
            facts.add(link(v, v.noise, person[rng.nextInt(people)], item));
            facts.add(link(v, v.noise, person[rng.nextInt(people)], item));
        }
        List<GroundAtom> negatives = new ArrayList<>();
        for (int a = 0; a < people; a++) {
            for (int b = 0; b < people; b++) {
                GroundAtom g = GroundAtom.of(v.target, person[a], person[b]);
                if (a != b && !positives.contains(g)) {
                    negatives.add(g);
                }
            }
        }
        int keep = (int) Math.min(negatives.size(), Math.round(negativesPerPositive * positives.size()));
        List<GroundAtom> pos = new ArrayList<>(positives);
        List<GroundAtom> neg = new ArrayList<>();
        for (int i = 0; i < keep; i++) {
            neg.add(negatives.remove(rng.nextInt(negatives.size())));
        }
        List<String> notes = List.of("synthetic " + name + " world: " + people + " people, seed " + seed);
        return new RelationalDataset(name + "-" + seed, v.target, facts, pos, neg, notes);
    }

    private static GroundAtom link(Vocabulary v, String predicate, String personName, String item) {
        return v.relationPersonFirst ? GroundAtom.of(predicate, personName, item)
                : GroundAtom.of(predicate, item, personName);
    }
}
