package org.tl4j.relational.rdn;

import java.util.ArrayList;
import java.util.List;

/**
 * Functional-gradient boosting of the conditional log-likelihood (Friedman, Ann. Stat. 2001; Natarajan et al., MLJ
 * 2012): start from the potential {@code ψ₀ = 0}; for each tree compute every training example's gradient
 * {@code Δ = I(y = true) − σ(ψ)}, fit a regression tree to the gradients, add its values to the potentials
 * (step length 1).
 */
public final class Boosting {
    private Boosting() {
    }

    /** One step: fits a tree to the gradients. */
    @FunctionalInterface
    public interface Stage {
        /**
         * @param index    the tree's position (0-based)
         * @param gradient the examples' current gradients
         * @return the fitted tree with its value at every example
         */
        TreeGrower.Grown fit(int index, double[] gradient);
    }

    /**
     * The trees and the training potentials they give.
     *
     * @param trees      the fitted trees in order
     * @param potentials each training example's final potential
     */
    public record Result(List<RelationalRegressionTree> trees, double[] potentials) {
    }

    /**
     * Runs boosting.
     *
     * @param labels the training labels
     * @param trees  the number of trees
     * @param stage  fits one tree
     */
    public static Result run(boolean[] labels, int trees, Stage stage) {
        double[] psi = new double[labels.length];
        double[] g = new double[labels.length];
        List<RelationalRegressionTree> out = new ArrayList<>(trees);
        for (int m = 0; m < trees; m++) {
            gradients(labels, psi, g);
            TreeGrower.Grown grown = stage.fit(m, g.clone());
            for (int i = 0; i < psi.length; i++) {
                psi[i] += grown.values()[i];
            }
            out.add(grown.tree());
        }
        return new Result(out, psi);
    }

    /** Fills {@code out} with {@code I(y) − σ(ψ)}. */
    public static void gradients(boolean[] labels, double[] psi, double[] out) {
        for (int i = 0; i < labels.length; i++) {
            out[i] = (labels[i] ? 1.0 : 0.0) - sigmoid(psi[i]);
        }
    }

    /** The logistic function {@code 1 / (1 + e^{−x})}. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
