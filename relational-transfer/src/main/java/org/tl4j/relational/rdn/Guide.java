package org.tl4j.relational.rdn;

import java.util.List;

/**
 * Decides how the tests of a template tree read in the target vocabulary while {@link TreeGrower} refits the
 * template on target data: the identity for a target-vocabulary template (theory revision), a predicate mapping for
 * a source-domain tree (transfer), possibly chosen at the node by comparing alternatives on the examples there.
 */
@FunctionalInterface
public interface Guide {

    /**
     * Translates a template node's test. Called once per template node reached by at least one example, in
     * pre-order (true subtree first), trees in boosting order.
     *
     * @param node    the template node; its test is to be translated
     * @param context the node being fitted: translates candidate choices and scores them on its examples
     * @return one entry per literal of the node's test: its translation, or {@code null} to drop the literal
     */
    List<Translation> translate(RelationalRegressionTree.Split node, Context context);

    /** The node being fitted, as a guide sees it. */
    interface Context {
        /** The target conjunction the translations would give here (dropped literals omitted). */
        List<Literal> apply(List<Translation> translations);

        /**
         * The weighted variance of splitting the node's examples by a target conjunction: the sum over both
         * branches of squared deviations of the gradients from their branch mean. Lower is better; an empty
         * conjunction does not split.
         */
        double weightedVariance(List<Literal> conjunction);

        /**
         * The mean gradient of the examples a conjunction holds for minus that of the others: the direction of
         * the split (NaN when one side is empty).
         */
        double direction(List<Literal> conjunction);

        /** The number of examples at the node. */
        int examples();
    }

    /** The guide that keeps every literal as it is. */
    static Guide identity() {
        return (node, context) -> {
            java.util.ArrayList<Translation> out = new java.util.ArrayList<>();
            for (Literal l : node.test()) {
                out.add(Translation.identity(l));
            }
            return out;
        };
    }
}
