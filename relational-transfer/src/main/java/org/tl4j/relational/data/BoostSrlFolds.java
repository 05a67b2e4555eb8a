package org.tl4j.relational.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A relational data set laid out in folds as srlearn and TreeBoostler's {@code datasets/folds} keep them:
 * {@code <dir>/fold_K/{train,test}_{facts,pos,neg}.txt} for K = 1…n. In the shared copies, {@code fold_K/test_*}
 * hold fold K and {@code fold_K/train_*} the other folds (checked: the test parts of all folds are disjoint and
 * {@code train ∪ test} is the same in every fold).
 */
public final class BoostSrlFolds {
    /** The two parts of a fold directory. */
    public enum Part {
        /** {@code train_*.txt}. */
        TRAIN("train"),
        /** {@code test_*.txt}. */
        TEST("test");

        private final String prefix;

        Part(String prefix) {
            this.prefix = prefix;
        }

        /** The file-name prefix. */
        public String prefix() {
            return prefix;
        }
    }

    private final Path directory;
    private final String name;
    private final int folds;

    private BoostSrlFolds(Path directory, String name, int folds) {
        this.directory = directory;
        this.name = name;
        this.folds = folds;
    }

    /**
     * Opens a data set directory such as {@code ../shared/data/relational/uwcse}.
     *
     * @throws IllegalArgumentException if it holds no {@code fold_1} or the folds are not numbered 1…n
     */
    public static BoostSrlFolds open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Relational data set directory not found: " + directory);
        }
        List<Integer> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(directory)) {
            s.forEach(p -> {
                String f = p.getFileName().toString();
                if (Files.isDirectory(p) && f.matches("fold_[0-9]+")) {
                    found.add(Integer.parseInt(f.substring(5)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        found.sort(null);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(directory + " holds no fold_1, fold_2, ... directories");
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) != i + 1) {
                throw new IllegalArgumentException(directory + ": folds must be numbered fold_1 … fold_n, found "
                        + found);
            }
        }
        return new BoostSrlFolds(directory, directory.getFileName().toString(), found.size());
    }

    /** The data set name (the directory name, e.g. {@code uwcse}). */
    public String name() {
        return name;
    }

    /** The number of folds. */
    public int folds() {
        return folds;
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Reads one part of one fold.
     *
     * @param fold   1-based fold number
     * @param part   train or test files
     * @param target the target predicate of the example files
     */
    public RelationalDataset read(int fold, Part part, String target) {
        if (fold < 1 || fold > folds) {
            throw new IllegalArgumentException(name + " has folds 1 to " + folds + "; fold " + fold + " asked");
        }
        Path d = directory.resolve("fold_" + fold);
        String p = part.prefix();
        return RelationalDataset.read(name + "/fold_" + fold + "/" + p, target,
                List.of(AtomFile.read(d.resolve(p + "_facts.txt"))), AtomFile.read(d.resolve(p + "_pos.txt")),
                AtomFile.read(d.resolve(p + "_neg.txt")));
    }

    /** All the data: the train and test parts of fold 1 together (every fold holds the same union). */
    public RelationalDataset readAll(String target) {
        return RelationalDataset.union(name + "/all", List.of(read(1, Part.TRAIN, target),
                read(1, Part.TEST, target)));
    }
}
