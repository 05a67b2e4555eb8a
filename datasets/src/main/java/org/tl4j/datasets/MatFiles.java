package org.tl4j.datasets;

import org.tl4j.core.data.FileDigests;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads numeric matrices from MATLAB v5 {@code .mat} files through the MAT File Library ({@code mfl-core}).
 * Errors name the file, the variable and what was found instead.
 */
public final class MatFiles {
    private MatFiles() {
    }

    /** The variables of an open {@code .mat} file. */
    public static final class Contents {
        private final Path file;
        private final Mat5File mat;

        private Contents(Path file, Mat5File mat) {
            this.file = file;
            this.mat = mat;
        }

        /** Variable names in file order. */
        public List<String> names() {
            List<String> out = new ArrayList<>();
            for (MatFile.Entry e : mat.getEntries()) {
                out.add(e.getName());
            }
            return out;
        }

        /**
         * The 2-D numeric variable {@code name} as {@code double[rows][cols]}, in MATLAB's orientation.
         *
         * @throws IllegalArgumentException if it is missing, not numeric, not 2-D or holds non-finite values
         */
        public double[][] matrix(String name) {
            Array a;
            try {
                a = mat.getArray(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " has no variable '" + name + "' (variables: " + names()
                        + "): is this the right file?", e);
            }
            if (!(a instanceof Matrix m)) {
                throw new IllegalArgumentException(file + ": variable '" + name + "' is a " + a.getType()
                        + ", expected a numeric matrix");
            }
            int[] dims = m.getDimensions();
            if (dims.length != 2) {
                throw new IllegalArgumentException(file + ": variable '" + name + "' has " + dims.length
                        + " dimensions, expected 2");
            }
            double[][] out = new double[dims[0]][dims[1]];
            for (int r = 0; r < dims[0]; r++) {
                for (int c = 0; c < dims[1]; c++) {
                    double v = m.getDouble(r, c);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(file + ": variable '" + name + "' holds " + v + " at ("
                                + (r + 1) + "," + (c + 1) + ") (1-based): the file is corrupt or not preprocessed");
                    }
                    out[r][c] = v;
                }
            }
            return out;
        }

        /**
         * A variable holding one integer label per sample (an n×1 or 1×n matrix).
         *
         * @throws IllegalArgumentException if it is not a vector of integers
         */
        public int[] labels(String name) {
            double[][] m = matrix(name);
            boolean column = m.length == 0 || m[0].length == 1;
            int n = column ? m.length : m[0].length;
            if (!column && m.length != 1) {
                throw new IllegalArgumentException(file + ": variable '" + name + "' is " + m.length + "x" + m[0].length
                        + ", expected a label vector");
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                double v = column ? m[i][0] : m[0][i];
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(file + ": label " + (i + 1) + " of '" + name + "' is " + v
                            + ", expected an integer class id");
                }
                out[i] = (int) v;
            }
            return out;
        }

        /**
         * As {@link #labels(String)}, checking every label against the data set's classes {@code first..last}.
         *
         * @throws IllegalArgumentException naming the file, the variable, the row (1-based) and the value of the
         *                                  first label outside {@code first..last}
         */
        public int[] labels(String name, int first, int last) {
            int[] y = labels(name);
            for (int i = 0; i < y.length; i++) {
                if (y[i] < first || y[i] > last) {
                    throw new IllegalArgumentException(file + ": row " + (i + 1) + " of '" + name + "' holds label "
                            + y[i] + ", outside the data set's classes " + first + ".." + last
                            + ": the file is corrupt or belongs to another data set");
                }
            }
            return y;
        }
    }

    /**
     * Opens a {@code .mat} file.
     *
     * @throws IllegalArgumentException if the file is missing or not a MATLAB v5 file
     */
    public static Contents open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("MAT file not found: " + file.toAbsolutePath().normalize()
                    + ": pass the folder holding it with --data, or check the path");
        }
        try {
            return new Contents(file, Mat5.readFromFile(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as a MATLAB v5 .mat file (" + e.getMessage()
                    + "): the file is truncated or in another format (v7.3/HDF5 files are not supported)", e);
        }
    }

    /** The SHA-256 of a file, in lower-case hex ({@link FileDigests#sha256(Path)}). */
    public static String sha256(Path file) {
        try {
            return FileDigests.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
