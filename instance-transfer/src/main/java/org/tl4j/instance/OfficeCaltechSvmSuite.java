package org.tl4j.instance;

import org.tl4j.core.TransferProblem;
import org.tl4j.core.data.ProtocolOptions;
import org.tl4j.core.data.PublishedTable;
import org.tl4j.datasets.RealDataSuites;
import org.tl4j.core.eval.PublishedValues;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;

import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code office-caltech-svm}: the 12 Office-Caltech10 SURF pairs of {@code office-caltech} (same data, same
 * {@code row-sum,zscore} preprocessing, transductive) under the protocol of the SVM columns of Long, Wang, Sun &amp; Yu,
 * <i>Domain Invariant Transfer Kernel Learning</i>, IEEE TKDE 27(6), 2015: the inner learner is an exact SVM (LIBSVM,
 * linear kernel, {@code C = 1}; {@code META-INF/tl4j/options/office-caltech-svm.csv}), and the published "SVM" and
 * "KMM" columns are shipped as the {@code source-only} and {@code kmm} rows
 * ({@code META-INF/tl4j/published/office-caltech-svm.csv}). The {@code office-caltech} suite keeps 1-NN, under which
 * {@code source-only} is the NN column of the JDA table.
 */
public final class OfficeCaltechSvmSuite implements SuiteProvider {
    /** The suite's name. */
    public static final String NAME = "office-caltech-svm";

    private final RealDataSuites.OfficeCaltechSuite data = new RealDataSuites.OfficeCaltechSuite();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Office-Caltech10 SURF, 12 pairs, with the SVM of Long et al., TKDE 2015 (LIBSVM, linear kernel, C=1) "
                + "as inner learner; published SVM and KMM+SVM columns (data: <data>/data/office-caltech10-surf)";
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        return data.tasks(context, seed);
    }

    @Override
    public List<Path> dataFiles(SuiteContext context) {
        return data.dataFiles(context);
    }

    @Override
    public Map<String, String> parameters() {
        return data.parameters();
    }

    @Override
    public PublishedValues published() {
        return PublishedTable.load(NAME);
    }

    @Override
    public Map<String, Map<String, String>> defaultOptions() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(ProtocolOptions.load(NAME));
        if (!m.containsKey("*") || !m.get("*").containsKey("inner")) {
            throw new IllegalStateException("The " + NAME + " protocol options must fix the inner learner ('*,inner,...')");
        }
        return Map.copyOf(m);
    }
}
