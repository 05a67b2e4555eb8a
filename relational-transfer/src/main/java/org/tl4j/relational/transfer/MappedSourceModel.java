package org.tl4j.relational.transfer;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Literal;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RelationalModel;
import org.tl4j.relational.rdn.RelationalRegressionTree;
import org.tl4j.relational.rdn.TemplateTranslator;
import org.tl4j.relational.rdn.Translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source model read in the target vocabulary through a predicate mapping, with the source's leaf values
 * unchanged: no parameter learning and no revision. This is the {@code source-only} baseline of relational
 * transfer: all it takes from the target data is the mapping. Literals of dropped or unreached predicates are
 * removed; a node left without literals is replaced as TreeBoostler does ({@link TemplateTranslator#promote}).
 * Immutable.
 */
public final class MappedSourceModel implements RelationalModel {
    private final RdnBoostModel model;
    private final PredicateMapping mapping;

    private MappedSourceModel(RdnBoostModel model, PredicateMapping mapping) {
        this.model = model;
        this.mapping = mapping;
    }

    /**
     * Translates a source model.
     *
     * @param source       the source model
     * @param targetSchema the target's typed predicates
     * @param mapping      the mapping (its heads must be the models' targets)
     * @param provenance   extra description entries (e.g. how the mapping was found), appended in order
     */
    public static MappedSourceModel of(RdnBoostModel source, Schema targetSchema, PredicateMapping mapping,
                                       Map<String, String> provenance) {
        if (!source.target().equals(mapping.sourceHead())) {
            throw new IllegalArgumentException("Mapping of " + mapping.sourceHead() + " applied to a model of "
                    + source.target());
        }
        var head = targetSchema.signature(mapping.targetHead());
        List<RelationalRegressionTree> trees = new ArrayList<>();
        int[] identity = new int[head.arity()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        for (RelationalRegressionTree t : source.trees()) {
            RelationalRegressionTree.Node root = translate(t.root(), TemplateTranslator.headMap(identity, 64),
                    head.argTypes(), targetSchema, mapping);
            trees.add(new RelationalRegressionTree(mapping.targetHead(), head.arity(), root));
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("method", "mapped-source");
        d.put("reference", "source model under TreeBoostler's predicate mapping (Azevedo Santos, Paes & Zaverucha,"
                + " MLJ 2020), leaves unchanged");
        d.put("target", head.toString());
        int i = 0;
        for (String line : mapping.types().isEmpty() ? List.<String>of() : mappingLines(mapping)) {
            d.put("mapping." + i++, line);
        }
        source.description().forEach((k, v) -> d.put("source." + k, v));
        d.putAll(provenance);
        return new MappedSourceModel(new RdnBoostModel(mapping.targetHead(), head.arity(), trees, d), mapping);
    }

    private static List<String> mappingLines(PredicateMapping m) {
        List<String> out = new ArrayList<>();
        out.add(m.sourceHead() + " -> " + m.targetHead());
        m.mapped().forEach((k, v) -> out.add(k + " -> " + v.predicate() + java.util.Arrays.toString(
                v.sourcePositionOf())));
        m.dropped().forEach(p -> out.add(p + " -> (none)"));
        m.unreached().forEach(p -> out.add(p + " -> (unreached)"));
        return out;
    }

    private static RelationalRegressionTree.Node translate(RelationalRegressionTree.Node n, int[] slots,
                                                           List<String> types, Schema targetSchema,
                                                           PredicateMapping mapping) {
        if (n instanceof RelationalRegressionTree.Leaf l) {
            return l;
        }
        RelationalRegressionTree.Split s = (RelationalRegressionTree.Split) n;
        List<Translation> tr = new ArrayList<>();
        for (Literal l : s.test()) {
            tr.add(mapping.translation(l.predicate()).orElse(null));
        }
        TemplateTranslator.Result r = TemplateTranslator.apply(s.test(), tr, slots, types, targetSchema);
        if (r.conjunction().isEmpty()) {
            return translate(TemplateTranslator.promote(s), slots, types, targetSchema, mapping);
        }
        return new RelationalRegressionTree.Split(r.conjunction(), types.size(),
                translate(s.ifTrue(), r.slots(), r.types(), targetSchema, mapping),
                translate(s.ifFalse(), slots, types, targetSchema, mapping), s.examples());
    }

    /** The mapping applied. */
    public PredicateMapping mapping() {
        return mapping;
    }

    /** The translated trees as a model. */
    public RdnBoostModel model() {
        return model;
    }

    @Override
    public String target() {
        return model.target();
    }

    @Override
    public double[] probabilities(FactStore world, List<GroundAtom> queries) {
        return model.probabilities(world, queries);
    }

    @Override
    public Map<String, String> description() {
        return Collections.unmodifiableMap(model.description());
    }

    @Override
    public String toString() {
        return "MappedSourceModel(" + mapping + ")\n" + model;
    }
}
