package org.tl4j.parameter;

import org.tl4j.core.learn.Lbfgs;

/** Central finite differences against an objective's analytic gradient. */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * The largest relative difference {@code |g − ĝ| / max(1, |ĝ|)} over the coordinates, {@code ĝ} the central
     * difference with step {@code h}.
     */
    public static double maxRelativeError(Lbfgs.Objective f, double[] theta, double h) {
        double[] g = new double[theta.length];
        f.evaluate(theta, g);
        double[] scratch = new double[theta.length];
        double worst = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] p = theta.clone();
            p[k] += h;
            double up = f.evaluate(p, scratch);
            p[k] -= 2 * h;
            double down = f.evaluate(p, scratch);
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(g[k] - numeric) / Math.max(1, Math.abs(numeric)));
        }
        return worst;
    }
}
