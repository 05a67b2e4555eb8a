package org.tl4j.parameter;

import org.tl4j.core.TransferProblem;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.synthetic.DriftingLinearTasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code drifting-linear}: the test bed of parameter transfer over a grid of drift × labelled target size. Each task
 * is a {@link DriftingLinearTasks} draw: linear regression in {@code dim} dimensions, target weights
 * {@code w_t = w_s + drift·‖w_s‖·u} ({@code u} a random unit vector orthogonal to {@code w_s}), {@code source}
 * labelled source examples, {@code n} labelled target examples, {@code test} test examples, noise {@code noise}.
 * Small drift and a small target are where a source prior should help; a large drift is where transferring it
 * must hurt (and the harness should flag it). Tasks are named {@link #taskName}, e.g. {@code drift0.20-n20}.
 * <p>
 * Parameters ({@code tl run --param KEY=VALUE}): {@code drifts} (comma-separated, default
 * {@value #DEFAULT_DRIFTS}), {@code sizes} (default {@value #DEFAULT_SIZES}), {@code dim} (10), {@code noise}
 * (0.5), {@code source} (400), {@code test} (1000). {@code tl drift} runs it and draws the curve.
 */
public final class DriftSuite implements SuiteProvider {

    /** The suite's name. */
    public static final String NAME = "drifting-linear";
    /** Default drifts. */
    public static final String DEFAULT_DRIFTS = "0,0.1,0.2,0.5,1,2";
    /** Default labelled target sizes. */
    public static final String DEFAULT_SIZES = "15,30,60,200";
    /** Parameters this suite reads. */
    public static final Set<String> PARAMETERS = Set.of("drifts", "sizes", "dim", "noise", "source", "test");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Drifting linear regression tasks over a grid of drift x labelled target size (parameter transfer)";
    }

    /** The task name of one grid point, e.g. {@code drift0.20-n20}. */
    public static String taskName(double drift, int size) {
        return String.format(Locale.ROOT, "drift%.2f-n%d", drift, size);
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        for (String k : context.parameters().keySet()) {
            if (!PARAMETERS.contains(k)) {
                throw new org.tl4j.core.eval.RequestException("Suite '" + NAME + "' has no parameter '" + k + "'; it reads "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        List<Double> drifts = numbers(context.parameter("drifts", DEFAULT_DRIFTS), "drifts");
        List<Double> sizes = numbers(context.parameter("sizes", DEFAULT_SIZES), "sizes");
        int dim = (int) single(context, "dim", 10);
        double noise = single(context, "noise", 0.5);
        int source = (int) single(context, "source", 400);
        int test = (int) single(context, "test", 1000);
        List<TransferProblem<?>> tasks = new ArrayList<>();
        for (double n : sizes) {
            if (n != Math.rint(n) || n < 1) {
                throw new org.tl4j.core.eval.RequestException("Suite '" + NAME + "': size " + n + " is not a positive integer");
            }
            for (double d : drifts) {
                DriftingLinearTasks g = new DriftingLinearTasks(dim, d, noise, source, (int) n, test);
                var t = g.generate(seed);
                tasks.add(org.tl4j.core.TransferTask.builder(taskName(d, (int) n), t.outputFactory())
                        .description(g.description()).source(t.sources().get(0)).targetName(t.targetName())
                        .targetTrain(t.targetTrain()).targetTest(t.targetTest()).build());
            }
        }
        return tasks;
    }

    /** None: the tasks are drawn. */
    @Override
    public List<java.nio.file.Path> dataFiles(SuiteContext context) {
        return List.of();
    }

    @Override
    public java.util.Map<String, String> parameters() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("drifts", "weight drifts, comma-separated (default " + DEFAULT_DRIFTS + ")");
        m.put("sizes", "labelled target sizes, comma-separated (default " + DEFAULT_SIZES + ")");
        m.put("dim", "features (default 10)");
        m.put("noise", "label noise standard deviation (default 0.5)");
        m.put("source", "source examples (default 400)");
        m.put("test", "target test examples (default 1000)");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public List<String> defaultStrategies() {
        return List.of("regular-transfer", "mtl-shared", "lin-int", "fine-tune-linear");
    }

    private static List<Double> numbers(String text, String key) {
        List<Double> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw new org.tl4j.core.eval.RequestException("Suite '" + NAME + "': parameter " + key + "=" + text
                        + " must be comma-separated numbers");
            }
        }
        if (out.isEmpty()) {
            throw new org.tl4j.core.eval.RequestException("Suite '" + NAME + "': parameter " + key + " names no value");
        }
        return out;
    }

    private static double single(SuiteContext c, String key, double fallback) {
        String v = c.parameter(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new org.tl4j.core.eval.RequestException("Suite '" + NAME + "': parameter " + key + "=" + v + " is not a number");
        }
    }
}
