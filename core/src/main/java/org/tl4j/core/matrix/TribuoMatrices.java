package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one adapter between Tribuo examples and EJML matrices: examples become rows, features become columns in
 * {@link FeatureSpace} order, absent features are zero. EJML types stay out of the public SPI; algorithms take and
 * return matrices through this class.
 * <p>
 * A domain is immutable, and the same domains are turned into matrices again and again (every pair of a suite, every
 * strategy, every seed): the matrix of a domain in a feature space is kept while the domain lives, and each call
 * returns a copy of it, which the caller may change.
 */
public final class TribuoMatrices {
    /** Domain (by identity: domains do not override equals) → its last matrix. */
    private static final Map<Domain<?>, Rows> ROWS = new WeakHashMap<>();

    private record Rows(FeatureSpace space, DMatrixRMaj matrix) {
    }

    private TribuoMatrices() {
    }

    /**
     * The examples of {@code domain} as an {@code n × d} matrix (a new one the caller may change).
     *
     * @throws IllegalArgumentException if an example has a feature outside {@code space}
     */
    public static <T extends Output<T>> DMatrixRMaj features(Domain<T> domain, FeatureSpace space) {
        Rows known;
        synchronized (ROWS) {
            known = ROWS.get(domain);
        }
        if (known == null || !known.space().equals(space)) {
            known = new Rows(space, features(domain.data(), domain.size(), space));
            synchronized (ROWS) {
                ROWS.put(domain, known);
            }
        }
        return known.matrix().copy();
    }

    /** The first {@code n} examples of {@code examples} as an {@code n × d} matrix. */
    public static <T extends Output<T>> DMatrixRMaj features(Iterable<Example<T>> examples, int n, FeatureSpace space) {
        DMatrixRMaj m = new DMatrixRMaj(n, space.size());
        FeatureColumns columns = new FeatureColumns(name -> space.indexOf(name).orElse(-1));
        int i = 0;
        for (Example<T> e : examples) {
            if (i == n) {
                break;
            }
            int p = 0;
            for (Feature f : e) {
                int c = columns.column(p++, f.getName());
                if (c < 0) {
                    throw new IllegalArgumentException("Example " + i + " has feature '" + f.getName()
                            + "' outside the feature space " + space);
                }
                m.unsafe_set(i, c, f.getValue());
            }
            i++;
        }
        if (i != n) {
            throw new IllegalArgumentException("Expected " + n + " examples, found " + i);
        }
        return m;
    }

    /** The rows of several domains stacked in order. */
    public static <T extends Output<T>> DMatrixRMaj stack(List<Domain<T>> domains, FeatureSpace space) {
        int n = 0;
        for (Domain<T> d : domains) {
            n += d.size();
        }
        DMatrixRMaj out = new DMatrixRMaj(n, space.size());
        int row = 0;
        for (Domain<T> d : domains) {
            DMatrixRMaj m = features(d, space);
            System.arraycopy(m.data, 0, out.data, row * space.size(), m.getNumElements());
            row += d.size();
        }
        return out;
    }

    /** Row {@code i} of {@code m} as a new array. */
    public static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
        return r;
    }

    /**
     * A new dense example with {@code values} under {@code space}'s names; zeros are kept so every example has the
     * same features.
     */
    public static <T extends Output<T>> Example<T> example(T output, FeatureSpace space, double[] values) {
        if (values.length != space.size()) {
            throw new IllegalArgumentException("Expected " + space.size() + " values, found " + values.length);
        }
        return new ArrayExample<>(output, space.toArray(), values.clone());
    }

    /** Rows {@code rows} of {@code m} as a new matrix, in the given order. */
    public static DMatrixRMaj selectRows(DMatrixRMaj m, int[] rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, m.numCols);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data, rows[i] * m.numCols, out.data, i * m.numCols, m.numCols);
        }
        return out;
    }
}
