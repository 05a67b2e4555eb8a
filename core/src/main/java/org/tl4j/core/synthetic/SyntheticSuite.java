package org.tl4j.core.synthetic;

import org.tl4j.core.TransferProblem;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;

import java.nio.file.Path;
import java.util.List;

/**
 * The built-in {@code synthetic} suite: one task per kind of shift the four approaches address, plus adversarial
 * sources on which naive transfer must hurt. Every task is drawn anew for each seed.
 * <ul>
 *   <li>{@code gaussian-shift-linear}: benign covariate shift, well-specified linear concept;</li>
 *   <li>{@code gaussian-shift-quadratic}: covariate shift with a misspecified linear learner (instance weighting);</li>
 *   <li>{@code rotated-moons-30}: feature-space rotation by 30°;</li>
 *   <li>{@code drifting-linear-0.2}: regression weights drifted by 20 % (parameter transfer);</li>
 *   <li>{@code shimodaira-regression}: the classic importance-weighted regression toy;</li>
 *   <li>{@code adversarial-flipped-labels} and {@code adversarial-unrelated-concept}: negative-transfer checks.</li>
 * </ul>
 */
public final class SyntheticSuite implements SuiteProvider {

    /** The generators of the suite, in order. */
    public static List<SyntheticGenerator<?>> generators() {
        return List.of(
                new GaussianCovariateShift(GaussianCovariateShift.Boundary.LINEAR),
                new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC),
                new RotatedMoons(30),
                new DriftingLinearTasks(0.2),
                new ShimodairaRegression(),
                new AdversarialSource(AdversarialSource.Mode.FLIPPED_LABELS),
                new AdversarialSource(AdversarialSource.Mode.UNRELATED_CONCEPT));
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "Seeded synthetic shifts with known ground truth: covariate shift, rotated moons, drifting linear "
                + "tasks, Shimodaira's regression toy and adversarial sources";
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        return generators().stream().map(g -> g.generate(seed)).toList();
    }

    /** None: every task is generated from its seed. */
    @Override
    public List<Path> dataFiles(SuiteContext context) {
        return List.of();
    }
}
