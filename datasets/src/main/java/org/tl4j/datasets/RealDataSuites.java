package org.tl4j.datasets;

import org.tl4j.core.Domain;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.core.eval.PublishedValues;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tribuo.classification.Label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.tl4j.core.data.PublishedTable;
import org.tl4j.core.data.ProtocolOptions;

/**
 * The real-data suites shared by the approach modules: {@code office-caltech} (12 pairs) and {@code digits}
 * (USPS↔MNIST), both in the transductive protocol of the TCA/JDA literature with a 1-nearest-neighbour inner
 * learner by default (override with {@code -o inner=...}), plus the strategy options of the published protocols that
 * modules ship as {@link ProtocolOptions}. The data are read once per data root and preprocessing and shared by
 * every seed. Suite parameter {@code preprocessing} (e.g. {@code row-sum,zscore}) overrides the protocol's default.
 */
public final class RealDataSuites {
    private RealDataSuites() {
    }

    /** {@code office-caltech}: the 12 Office-Caltech10 SURF pairs. */
    public static final class OfficeCaltechSuite implements SuiteProvider {
        /** The protocol's default preprocessing (Long et al., ICCV 2013 code). */
        public static final String DEFAULT_PREPROCESSING = "row-sum,zscore";
        private final Map<String, List<TransferTask<Label>>> cache = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "office-caltech";
        }

        @Override
        public String description() {
            return "Office-Caltech10 SURF, 12 source->target pairs, transductive, 1-NN inner learner "
                    + "(data: <data>/data/office-caltech10-surf)";
        }

        @Override
        public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
            String prep = context.parameter("preprocessing", DEFAULT_PREPROCESSING);
            List<Preprocessing> steps = preprocessing(name(), prep);
            Path dir = context.require("data/office-caltech10-surf", "Office-Caltech10 SURF data");
            return cache.computeIfAbsent(dir.toAbsolutePath().normalize() + "|" + prep, k -> {
                // Sites read and pairs built on the common pool: each is deterministic, so the tasks are the same
                // whatever the number of threads.
                List<OfficeCaltech.Site> sites = List.of(OfficeCaltech.Site.values());
                List<Domain<Label>[]> built = inParallel(sites, s -> {
                    Domain<Label> d = OfficeCaltech.load(dir, s, steps).toDomain(OfficeCaltech.FEATURES);
                    @SuppressWarnings("unchecked")
                    Domain<Label>[] both = new Domain[]{d, d.withoutLabels()};
                    return both;
                });
                Map<OfficeCaltech.Site, Domain<Label>> labelled = new EnumMap<>(OfficeCaltech.Site.class);
                Map<OfficeCaltech.Site, Domain<Label>> unlabelled = new EnumMap<>(OfficeCaltech.Site.class);
                for (int i = 0; i < sites.size(); i++) {
                    labelled.put(sites.get(i), built.get(i)[0]);
                    unlabelled.put(sites.get(i), built.get(i)[1]);
                }
                return inParallel(OfficeCaltech.PAIRS, p -> OfficeCaltech.task(p, labelled.get(p.source()),
                        unlabelled.get(p.target()), labelled.get(p.target())));
            });
        }

        /** The four {@code <site>_SURF_L10.mat} files. */
        @Override
        public List<Path> dataFiles(SuiteContext context) {
            Path dir = context.require("data/office-caltech10-surf", "Office-Caltech10 SURF data");
            List<Path> files = new ArrayList<>();
            for (OfficeCaltech.Site s : OfficeCaltech.Site.values()) {
                files.add(dir.resolve(s.file()));
            }
            return files;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of(PREPROCESSING, PREPROCESSING_HELP + " (default " + DEFAULT_PREPROCESSING + ")");
        }

        @Override
        public PublishedValues published() {
            return PublishedTable.load(name());
        }

        @Override
        public Map<String, Map<String, String>> defaultOptions() {
            return protocol(name());
        }
    }

    /**
     * {@code office-caltech-semi}: the 12 Office-Caltech10 SURF pairs in the semi-supervised protocol of the
     * literature (Saenko et al., ECCV 2010; Gong et al., CVPR 2012; Hoffman et al., ICLR 2013): {@code shots}
     * labelled target images per class (3 by default) drawn with each seed, the rest of the target unlabelled and
     * used as the test set; parameter {@code source-per-class} subsamples the source (0, the default: every source
     * image; the literature's 20, or 8 for DSLR and Webcam as sources, with {@code source-per-class=protocol}).
     * The inner learner defaults to {@code logistic} (the setting is inductive, and the parameter-transfer strategies
     * need a linear model); the preprocessing defaults to the {@code office-caltech} suite's.
     */
    public static final class OfficeCaltechSemiSupervisedSuite implements SuiteProvider {
        /** Parameters this suite reads. */
        public static final java.util.Set<String> PARAMETERS = java.util.Set.of("shots", "source-per-class",
                "preprocessing");
        private final Map<String, Map<OfficeCaltech.Site, LabelledSample>> cache = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "office-caltech-semi";
        }

        @Override
        public String description() {
            return "Office-Caltech10 SURF, 12 pairs, semi-supervised: 3 labelled target images per class per seed, "
                    + "logistic inner learner (data: <data>/data/office-caltech10-surf)";
        }

        @Override
        public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
            for (String k : context.parameters().keySet()) {
                if (!PARAMETERS.contains(k)) {
                    throw new RequestException("Suite '" + name() + "' has no parameter '" + k + "'; it reads "
                            + String.join(", ", PARAMETERS.stream().sorted().toList()));
                }
            }
            String prep = context.parameter(PREPROCESSING, OfficeCaltechSuite.DEFAULT_PREPROCESSING);
            List<Preprocessing> steps = preprocessing(name(), prep);
            int shots = integer(context, "shots", "3");
            String perClass = context.parameter("source-per-class", "0");
            boolean protocol = perClass.equals("protocol");
            int sourcePerClass = protocol ? 0 : integer(context, "source-per-class", "0");
            Path dir = context.require("data/office-caltech10-surf", "Office-Caltech10 SURF data");
            Map<OfficeCaltech.Site, LabelledSample> sites = cache.computeIfAbsent(
                    dir.toAbsolutePath().normalize() + "|" + prep, k -> {
                        Map<OfficeCaltech.Site, LabelledSample> m = new EnumMap<>(OfficeCaltech.Site.class);
                        for (OfficeCaltech.Site s : OfficeCaltech.Site.values()) {
                            m.put(s, OfficeCaltech.load(dir, s, steps));
                        }
                        return m;
                    });
            List<TransferTask<Label>> tasks = new ArrayList<>();
            for (OfficeCaltech.Pair p : OfficeCaltech.PAIRS) {
                int src = protocol ? (p.source() == OfficeCaltech.Site.DSLR || p.source() == OfficeCaltech.Site.WEBCAM
                        ? 8 : 20) : sourcePerClass;
                tasks.add(OfficeCaltech.semiSupervisedTask(p, sites.get(p.source()), sites.get(p.target()), shots,
                        src, seed));
            }
            return tasks;
        }

        private int integer(SuiteContext c, String key, String fallback) {
            String v = c.parameter(key, fallback);
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new RequestException("Suite '" + name() + "': parameter " + key + "=" + v
                    + " must be a non-negative integer" + (key.equals("source-per-class") ? " or 'protocol'" : ""));
        }

        /** The four {@code <site>_SURF_L10.mat} files. */
        @Override
        public List<Path> dataFiles(SuiteContext context) {
            return new OfficeCaltechSuite().dataFiles(context);
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("shots", "labelled target images per class, drawn with each seed (default 3)");
            m.put("source-per-class", "source images per class, drawn with each seed: 0 for all (default), or "
                    + "'protocol' for the literature's 20 (8 for DSLR and Webcam)");
            m.put(PREPROCESSING, PREPROCESSING_HELP + " (default " + OfficeCaltechSuite.DEFAULT_PREPROCESSING + ")");
            return java.util.Collections.unmodifiableMap(m);
        }

        @Override
        public Map<String, Map<String, String>> defaultOptions() {
            Map<String, Map<String, String>> m = new java.util.LinkedHashMap<>(ProtocolOptions.load(name()));
            Map<String, String> all = new java.util.LinkedHashMap<>(m.getOrDefault("*", Map.of()));
            all.putIfAbsent("inner", "logistic");
            m.put("*", Map.copyOf(all));
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /** The parameter both suites read. */
    static final String PREPROCESSING = "preprocessing";
    private static final String PREPROCESSING_HELP = "per-domain preprocessing steps, comma-separated: none, row-sum, "
            + "zscore, l2-rows";

    /** The steps of a {@code preprocessing} parameter; a bad value is a request error naming the suite. */
    static List<Preprocessing> preprocessing(String suite, String text) {
        try {
            return Preprocessing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RequestException("Suite '" + suite + "': invalid parameter " + PREPROCESSING + "=" + text + ": "
                    + e.getMessage());
        }
    }

    /** {@code * → inner=1nn} plus the modules' {@link ProtocolOptions} for {@code suite}. */
    static Map<String, Map<String, String>> protocol(String suite) {
        Map<String, Map<String, String>> m = new java.util.LinkedHashMap<>(ProtocolOptions.load(suite));
        Map<String, String> all = new java.util.LinkedHashMap<>(m.getOrDefault("*", Map.of()));
        all.putIfAbsent("inner", "1nn");
        m.put("*", Map.copyOf(all));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code digits}: USPS→MNIST and MNIST→USPS. */
    public static final class DigitsSuite implements SuiteProvider {
        /**
         * The protocol's default preprocessing: each image scaled to unit length, with which 1-NN on the raw
         * pixels gives the JDA paper's NN row (44.70 and 65.94).
         */
        public static final String DEFAULT_PREPROCESSING = "l2-rows";
        private final Map<String, List<TransferTask<Label>>> cache = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "digits";
        }

        @Override
        public String description() {
            return "USPS<->MNIST digits (16x16), transductive, 1-NN inner learner (data: <data>/data/digits)";
        }

        @Override
        public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
            String prep = context.parameter("preprocessing", DEFAULT_PREPROCESSING);
            List<Preprocessing> steps = preprocessing(name(), prep);
            Path dir = context.require("data/digits", "USPS+MNIST digits data");
            return cache.computeIfAbsent(dir.toAbsolutePath().normalize() + "|" + prep, k -> {
                List<TransferTask<Label>> tasks = new ArrayList<>();
                for (Digits.Direction d : Digits.Direction.values()) {
                    LabelledSample[] st = Digits.load(dir, d, steps);
                    tasks.add(Digits.task(d, st[0], st[1]));
                }
                return List.copyOf(tasks);
            });
        }

        /** The two direction files. */
        @Override
        public List<Path> dataFiles(SuiteContext context) {
            Path dir = context.require("data/digits", "USPS+MNIST digits data");
            List<Path> files = new ArrayList<>();
            for (Digits.Direction d : Digits.Direction.values()) {
                files.add(dir.resolve(d.file()));
            }
            return files;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of(PREPROCESSING, PREPROCESSING_HELP + " (default " + DEFAULT_PREPROCESSING + ")");
        }

        @Override
        public PublishedValues published() {
            return PublishedTable.load(name());
        }

        @Override
        public Map<String, Map<String, String>> defaultOptions() {
            return protocol(name());
        }
    }

    /**
     * {@code f} of every item, in item order, computed on the common fork-join pool. A failure is rethrown as it was
     * thrown (the first in item order), not wrapped as the pool would.
     */
    static <A, B> List<B> inParallel(List<A> items, Function<A, B> f) {
        Object[] out = new Object[items.size()];
        RuntimeException[] failed = new RuntimeException[items.size()];
        IntStream.range(0, items.size()).parallel().forEach(i -> {
            try {
                out[i] = f.apply(items.get(i));
            } catch (RuntimeException e) {
                failed[i] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
        List<B> result = new ArrayList<>(out.length);
        for (Object o : out) {
            @SuppressWarnings("unchecked")
            B b = (B) o;
            result.add(b);
        }
        return List.copyOf(result);
    }
}
