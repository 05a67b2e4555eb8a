package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer task over feature vectors: one or more source domains, a (possibly small or empty) labelled target
 * training set, unlabelled target data and a labelled target test set, all in one {@link FeatureSpace}.
 * <p>
 * Instances are immutable and validated on construction: every domain holds finite feature values, sources are
 * either fully labelled or fully unlabelled, the target test set is non-empty and labelled, and all domains share
 * one feature space (the error names the features that differ). Labels handed in as unlabelled target data are
 * removed, so strategies cannot see them.
 * <p>
 * Strategies must not read {@link #targetTest()} labels; the evaluation harness owns them. Serializable (Tribuo
 * datasets are), so a distributed executor can ship a task to where its fits run.
 *
 * @param <T> the output type
 */
public final class TransferTask<T extends Output<T>> implements TransferProblem<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The {@link #dataKind()} of feature-vector tasks. */
    public static final String DATA_KIND = "feature-vectors";

    private final String name;
    private final String description;
    private final OutputFactory<T> outputFactory;
    private final List<Domain<T>> sources;
    private final String targetName;
    private final Domain<T> targetTrain;
    private final Domain<T> targetUnlabelled;
    private final Domain<T> targetTest;
    private final FeatureSpace featureSpace;
    private final List<T> truth;
    private final ImmutableFeatureMap featureMap;

    private TransferTask(Builder<T> b) {
        this.name = requireText(b.name, "name");
        this.description = b.description == null ? name : b.description;
        this.outputFactory = Objects.requireNonNull(b.outputFactory, "outputFactory");
        this.targetName = requireText(b.targetName, "target name");
        if (b.sources.isEmpty()) {
            throw new IllegalArgumentException("Task '" + name + "' has no source domain: add at least one with Builder.source(...)");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Domain<T> s : b.sources) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("Task '" + name + "' has two source domains named '" + s.name()
                        + "': give each source a distinct name");
            }
            if (s.isEmpty()) {
                throw new IllegalArgumentException("Task '" + name + "': source domain '" + s.name()
                        + "' is empty: every source needs at least one example");
            }
            if (!s.isLabelled() && !s.isUnlabelled()) {
                throw new IllegalArgumentException("Task '" + name + "': source domain '" + s.name()
                        + "' mixes labelled and unlabelled examples: split it into a labelled and an unlabelled source");
            }
        }
        this.sources = List.copyOf(b.sources);
        this.targetTrain = b.targetTrain == null ? Domain.empty(targetName + "-train", outputFactory) : b.targetTrain;
        if (!targetTrain.isLabelled()) {
            throw new IllegalArgumentException("Task '" + name + "': labelled target training set '" + targetTrain.name()
                    + "' contains unlabelled examples: pass them as unlabelled target data instead");
        }
        Domain<T> unl = b.targetUnlabelled == null ? Domain.empty(targetName + "-unlabelled", outputFactory) : b.targetUnlabelled;
        this.targetUnlabelled = unl.isUnlabelled() ? unl : unl.withoutLabels();
        this.targetTest = Objects.requireNonNull(b.targetTest, "target test set");
        if (targetTest.isEmpty()) {
            throw new IllegalArgumentException("Task '" + name + "': the target test set '" + targetTest.name()
                    + "' is empty: every task needs labelled target test examples to be evaluated");
        }
        if (!targetTest.isLabelled()) {
            throw new IllegalArgumentException("Task '" + name + "': the target test set '" + targetTest.name()
                    + "' contains unlabelled examples: every test example needs its true output");
        }
        for (Domain<T> d : allDomains()) {
            if (!d.data().getOutputFactory().getClass().equals(outputFactory.getClass())) {
                throw new IllegalArgumentException("Task '" + name + "': domain '" + d.name() + "' has outputs of "
                        + d.data().getOutputFactory().getClass().getSimpleName() + " but the task expects "
                        + outputFactory.getClass().getSimpleName());
            }
            checkFinite(d);
        }
        this.featureSpace = resolveFeatureSpace(b.featureSpace);
        List<T> t = new ArrayList<>(targetTest.size());
        for (Example<T> e : targetTest.data()) {
            t.add(e.getOutput());
        }
        this.truth = Collections.unmodifiableList(t);
        this.featureMap = buildFeatureMap();
    }

    /**
     * Starts a task.
     *
     * @param name          short task name, e.g. {@code A->W}
     * @param outputFactory the target task's output factory
     */
    public static <T extends Output<T>> Builder<T> builder(String name, OutputFactory<T> outputFactory) {
        return new Builder<>(name, outputFactory);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String dataKind() {
        return DATA_KIND;
    }

    @Override
    public OutputFactory<T> outputFactory() {
        return outputFactory;
    }

    @Override
    public Setting setting() {
        if (!targetTrain.isEmpty()) {
            return Setting.INDUCTIVE;
        }
        return sourcesLabelled() ? Setting.TRANSDUCTIVE : Setting.UNSUPERVISED;
    }

    @Override
    public List<String> sourceNames() {
        List<String> n = new ArrayList<>(sources.size());
        for (Domain<T> s : sources) {
            n.add(s.name());
        }
        return Collections.unmodifiableList(n);
    }

    @Override
    public String targetName() {
        return targetName;
    }

    @Override
    public List<T> targetTestTruth() {
        return truth;
    }

    /** The source domains (at least one). */
    public List<Domain<T>> sources() {
        return sources;
    }

    /** Whether every source domain is labelled. */
    public boolean sourcesLabelled() {
        for (Domain<T> s : sources) {
            if (!s.isLabelled()) {
                return false;
            }
        }
        return true;
    }

    /** Labelled target training data; may be empty. */
    public Domain<T> targetTrain() {
        return targetTrain;
    }

    /** Unlabelled target data (outputs are the unknown output); may be empty. */
    public Domain<T> targetUnlabelled() {
        return targetUnlabelled;
    }

    /** The labelled target test set; owned by the evaluation harness. */
    public Domain<T> targetTest() {
        return targetTest;
    }

    /** The feature space all domains share. */
    public FeatureSpace featureSpace() {
        return featureSpace;
    }

    /**
     * A Tribuo feature map of the task's feature space, with value statistics from the sources and the labelled
     * and unlabelled target data (never the test set); features no such domain observes are entered with one
     * zero value.
     */
    public ImmutableFeatureMap featureMap() {
        return featureMap;
    }

    @Override
    public Map<String, Provenance> domainProvenance() {
        Map<String, Provenance> m = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String k = "source." + i;
            m.put(k + ".name", new StringProvenance(k + ".name", sources.get(i).name()));
            m.put(k, sources.get(i).provenance());
        }
        m.put("target.name", new StringProvenance("target.name", targetName));
        m.put("target-train", targetTrain.provenance());
        m.put("target-unlabelled", targetUnlabelled.provenance());
        return m;
    }

    /** Sources, target train, target unlabelled and target test, in that order. */
    public List<Domain<T>> allDomains() {
        List<Domain<T>> all = new ArrayList<>(sources);
        all.add(targetTrain);
        all.add(targetUnlabelled);
        all.add(targetTest);
        return all;
    }

    /** Total number of source examples. */
    public int sourceSize() {
        int n = 0;
        for (Domain<T> s : sources) {
            n += s.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "TransferTask(" + name + ": sources=" + sourceNames() + ", target=" + targetName + " [train="
                + targetTrain.size() + ", unlabelled=" + targetUnlabelled.size() + ", test=" + targetTest.size()
                + "], " + featureSpace.size() + " features, " + setting().label() + ")";
    }

    private ImmutableFeatureMap buildFeatureMap() {
        MutableFeatureMap fm = new MutableFeatureMap();
        List<Domain<T>> seen = new ArrayList<>(sources);
        seen.add(targetTrain);
        seen.add(targetUnlabelled);
        for (Domain<T> d : seen) {
            for (Example<T> e : d.data()) {
                for (Feature f : e) {
                    fm.add(f.getName(), f.getValue());
                }
            }
        }
        for (String n : featureSpace.names()) {
            if (fm.get(n) == null) {
                fm.add(n, 0.0);
            }
        }
        return new ImmutableFeatureMap(fm);
    }

    private FeatureSpace resolveFeatureSpace(FeatureSpace declared) {
        List<Domain<T>> nonEmpty = new ArrayList<>();
        for (Domain<T> d : allDomains()) {
            if (!d.isEmpty()) {
                nonEmpty.add(d);
            }
        }
        if (declared != null) {
            for (Domain<T> d : nonEmpty) {
                Set<String> extra = new TreeSet<>(observed(d.data()));
                extra.removeIf(declared::contains);
                if (!extra.isEmpty()) {
                    throw new IllegalArgumentException("Task '" + name + "': domain '" + d.name() + "' has "
                            + extra.size() + " feature(s) outside the declared feature space: " + preview(extra)
                            + "; add them to the feature space or drop them from the data");
                }
            }
            return declared;
        }
        Set<String> reference = observed(nonEmpty.get(0).data());
        String referenceName = nonEmpty.get(0).name();
        for (Domain<T> d : nonEmpty.subList(1, nonEmpty.size())) {
            Set<String> here = observed(d.data());
            if (!here.equals(reference)) {
                Set<String> missing = new TreeSet<>(reference);
                missing.removeAll(here);
                Set<String> extra = new TreeSet<>(here);
                extra.removeAll(reference);
                StringBuilder sb = new StringBuilder("Task '" + name + "': domains do not share one feature space: '")
                        .append(d.name()).append("' vs '").append(referenceName).append("'");
                if (!missing.isEmpty()) {
                    sb.append("; '").append(d.name()).append("' lacks ").append(missing.size()).append(" feature(s) ")
                            .append(preview(missing));
                }
                if (!extra.isEmpty()) {
                    sb.append("; '").append(d.name()).append("' has ").append(extra.size())
                            .append(" feature(s) absent from '").append(referenceName).append("' ").append(preview(extra));
                }
                sb.append(". Map both to the same features, or declare the space with Builder.featureSpace(...) if the "
                        + "missing features are legitimately all zero");
                throw new IllegalArgumentException(sb.toString());
            }
        }
        List<String> names = new ArrayList<>(reference);
        Collections.sort(names);
        return FeatureSpace.of(names);
    }

    private static Set<String> observed(Dataset<?> ds) {
        Set<String> s = new TreeSet<>();
        for (VariableInfo v : ds.getFeatureIDMap()) {
            s.add(v.getName());
        }
        return s;
    }

    private static String preview(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " and " + (l.size() - 8) + " more";
    }

    private void checkFinite(Domain<T> d) {
        int i = 0;
        for (Example<T> e : d.data()) {
            for (Feature f : e) {
                if (!Double.isFinite(f.getValue())) {
                    throw new IllegalArgumentException("Task '" + name + "': domain '" + d.name() + "' example " + i
                            + " feature '" + f.getName() + "' is " + f.getValue()
                            + ": remove or impute non-finite values before building a task");
                }
            }
            i++;
        }
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("A transfer task needs a non-blank " + what);
        }
        return s;
    }

    /** Builds a {@link TransferTask}; validation happens in {@link #build()}. */
    public static final class Builder<T extends Output<T>> {
        private final String name;
        private final OutputFactory<T> outputFactory;
        private String description;
        private final List<Domain<T>> sources = new ArrayList<>();
        private String targetName;
        private Domain<T> targetTrain;
        private Domain<T> targetUnlabelled;
        private Domain<T> targetTest;
        private FeatureSpace featureSpace;

        private Builder(String name, OutputFactory<T> outputFactory) {
            this.name = name;
            this.outputFactory = outputFactory;
        }

        /** A human-readable description. */
        public Builder<T> description(String description) {
            this.description = description;
            return this;
        }

        /** Adds a source domain. */
        public Builder<T> source(Domain<T> source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Adds a source domain from a Tribuo dataset (deep-copied). */
        public Builder<T> source(String name, Dataset<T> data) {
            return source(Domain.of(name, data));
        }

        /** Names the target domain (default: the test set's name). */
        public Builder<T> targetName(String name) {
            this.targetName = name;
            return this;
        }

        /** The labelled target training set (may be empty or omitted). */
        public Builder<T> targetTrain(Domain<T> d) {
            this.targetTrain = d;
            return this;
        }

        /** Unlabelled target data; any labels are removed. */
        public Builder<T> targetUnlabelled(Domain<T> d) {
            this.targetUnlabelled = d;
            return this;
        }

        /** The labelled target test set (required, non-empty). */
        public Builder<T> targetTest(Domain<T> d) {
            this.targetTest = d;
            if (targetName == null) {
                targetName = d.name();
            }
            return this;
        }

        /**
         * Declares the feature space explicitly; needed only when some domain never observes a feature (sparse
         * data), since by default all domains must observe the same features.
         */
        public Builder<T> featureSpace(FeatureSpace space) {
            this.featureSpace = space;
            return this;
        }

        /**
         * Validates and builds the task.
         *
         * @throws IllegalArgumentException naming the rule broken, the value found and the fix
         */
        public TransferTask<T> build() {
            if (targetTest == null) {
                throw new IllegalArgumentException("Task '" + name + "' has no target test set: set one with Builder.targetTest(...)");
            }
            return new TransferTask<>(this);
        }
    }
}
