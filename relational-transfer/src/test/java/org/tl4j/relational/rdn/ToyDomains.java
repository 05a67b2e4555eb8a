package org.tl4j.relational.rdn;

import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Small hand-checkable domains for the learner's tests. */
final class ToyDomains {
    private ToyDomains() {
    }

    /**
     * {@code father(X,Y)} holds exactly when {@code parent(X,Y)} and {@code male(X)}: positives are the fathers,
     * negatives the mothers and some pairs of unrelated men.
     */
    static RelationalDataset family(int families, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<GroundAtom> facts = new ArrayList<>();
        List<GroundAtom> pos = new ArrayList<>();
        List<GroundAtom> neg = new ArrayList<>();
        List<String> men = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            String dad = "dad" + f;
            String mum = "mum" + f;
            men.add(dad);
            facts.add(GroundAtom.of("male", dad));
            int kids = 1 + rng.nextInt(3);
            for (int k = 0; k < kids; k++) {
                String kid = "kid" + f + "_" + k;
                if (rng.nextBoolean()) {
                    facts.add(GroundAtom.of("male", kid));
                }
                facts.add(GroundAtom.of("parent", dad, kid));
                facts.add(GroundAtom.of("parent", mum, kid));
                pos.add(GroundAtom.of("father", dad, kid));
                neg.add(GroundAtom.of("father", mum, kid));
            }
        }
        for (int i = 0; i < families; i++) {
            String a = men.get(rng.nextInt(men.size()));
            String b = men.get(rng.nextInt(men.size()));
            GroundAtom g = GroundAtom.of("father", a, b);
            if (!a.equals(b) && !neg.contains(g)) {
                neg.add(g);
            }
        }
        return new RelationalDataset("family-" + seed, "father", facts, pos, neg, List.of("toy family, seed " + seed));
    }

    /**
     * {@code advisedby(S,P)}: each student is advised by one professor and they share a publication; students
     * also publish with each other, and professors with students they do not advise only by chance. The rule is
     * {@code publication(T,S), publication(T,P), professor(P)} with a new variable T.
     */
    static RelationalDataset university(int students, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int profs = Math.max(2, students / 3);
        List<GroundAtom> facts = new ArrayList<>();
        Set<GroundAtom> pos = new LinkedHashSet<>();
        int paper = 0;
        for (int p = 0; p < profs; p++) {
            facts.add(GroundAtom.of("professor", "prof" + p));
        }
        for (int s = 0; s < students; s++) {
            facts.add(GroundAtom.of("student", "stu" + s));
            int p = rng.nextInt(profs);
            pos.add(GroundAtom.of("advisedby", "stu" + s, "prof" + p));
            String t = "paper" + paper++;
            facts.add(GroundAtom.of("publication", t, "stu" + s));
            facts.add(GroundAtom.of("publication", t, "prof" + p));
            String u = "paper" + paper++;
            facts.add(GroundAtom.of("publication", u, "stu" + s));
            facts.add(GroundAtom.of("publication", u, "stu" + rng.nextInt(students)));
        }
        List<GroundAtom> neg = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            for (int p = 0; p < profs; p++) {
                GroundAtom g = GroundAtom.of("advisedby", "stu" + s, "prof" + p);
                if (!pos.contains(g)) {
                    neg.add(g);
                }
            }
            GroundAtom g = GroundAtom.of("advisedby", "stu" + s, "stu" + rng.nextInt(students));
            if (!neg.contains(g) && !g.arg(0).equals(g.arg(1))) {
                neg.add(g);
            }
        }
        return new RelationalDataset("university-" + seed, "advisedby", facts, new ArrayList<>(pos), neg,
                List.of("toy university, seed " + seed));
    }
}
