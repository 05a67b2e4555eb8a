package org.tl4j.relational.rdn;

import org.tl4j.relational.data.ModeDeclaration;
import org.tl4j.relational.data.PredicateSignature;
import org.tl4j.relational.data.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which literals may extend a clause: the refinement operator of the tree learner.
 * <p>
 * Body predicates are those of the schema except the target and its {@code recursion_<target>} copy (BoostSRL's
 * device for recursive targets, whose facts are the examples themselves and would leak the labels). Without mode
 * declarations a literal may place, at each argument, any clause variable of the argument's type or a new
 * variable, with at least one clause variable (the clause stays linked). With modes, each {@code +} argument takes
 * a clause variable of its type and each {@code -} argument a new variable. Literals already on the clause path are
 * not proposed again. Candidates come out in a fixed order: predicates by name, modes in declaration order,
 * argument choices with clause variables before new ones.
 */
public final class LanguageBias {
    private final Schema schema;
    private final List<PredicateSignature> body;

    /**
     * @param schema the typed predicates (and modes, if any)
     * @param body   the predicates literals may use; each must be in the schema
     */
    public LanguageBias(Schema schema, Collection<String> body) {
        this.schema = schema;
        List<PredicateSignature> b = new ArrayList<>();
        for (String p : new TreeSet<>(body)) {
            b.add(schema.signature(p));
        }
        this.body = List.copyOf(b);
    }

    /**
     * The bias for learning a target: every schema predicate but the target and {@code recursion_<target>}; with
     * modes, only predicates that have modes.
     */
    public static LanguageBias forTarget(Schema schema, String target) {
        List<String> b = new ArrayList<>();
        for (String p : schema.predicates()) {
            if (p.equals(target) || p.equals("recursion_" + target)) {
                continue;
            }
            if (schema.hasModes() && schema.modes(p).isEmpty()) {
                continue;
            }
            b.add(p);
        }
        return new LanguageBias(schema, b);
    }

    /** The schema. */
    public Schema schema() {
        return schema;
    }

    /** The body predicates, in name order. */
    public List<String> bodyPredicates() {
        List<String> out = new ArrayList<>();
        for (PredicateSignature s : body) {
            out.add(s.name());
        }
        return out;
    }

    /**
     * The single literals that may extend a clause.
     *
     * @param slotTypes the type of each bound slot, {@code slotTypes.length} being the number of bound slots
     * @param exclude   literals already on the path
     */
    public List<Literal> refinements(String[] slotTypes, Set<Literal> exclude) {
        java.util.LinkedHashSet<Literal> out = new java.util.LinkedHashSet<>();
        for (PredicateSignature s : body) {
            List<ModeDeclaration> modes = schema.modes(s.name());
            if (modes.isEmpty()) {
                enumerate(s, null, slotTypes, 0, new int[s.arity()], false, out, exclude);
            } else {
                for (ModeDeclaration m : modes) {
                    enumerate(s, m, slotTypes, 0, new int[s.arity()], false, out, exclude);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Choices per argument: -1 means a new variable. */
    private static void enumerate(PredicateSignature s, ModeDeclaration mode, String[] slotTypes, int position,
                                  int[] choice, boolean linked, Set<Literal> out, Set<Literal> exclude) {
        if (position == s.arity()) {
            if (!linked) {
                return;
            }
            int next = slotTypes.length;
            int[] args = new int[choice.length];
            for (int i = 0; i < choice.length; i++) {
                args[i] = choice[i] >= 0 ? choice[i] : next++;
            }
            Literal l = new Literal(s.name(), args);
            if (!exclude.contains(l)) {
                out.add(l);
            }
            return;
        }
        String type = s.type(position);
        boolean mayReuse = mode == null || mode.inputs().get(position);
        boolean mayCreate = mode == null || !mode.inputs().get(position);
        if (mayReuse) {
            for (int slot = 0; slot < slotTypes.length; slot++) {
                if (slotTypes[slot].equals(type)) {
                    choice[position] = slot;
                    enumerate(s, mode, slotTypes, position + 1, choice, true, out, exclude);
                }
            }
        }
        if (mayCreate) {
            choice[position] = -1;
            enumerate(s, mode, slotTypes, position + 1, choice, linked, out, exclude);
        }
    }
}
