package org.tl4j.datasets;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A miniature Office-Caltech10 SURF data root ({@code <root>/data/office-caltech10-surf/<site>_SURF_L10.mat}) for
 * tests without the shared data: {@value #ROWS} examples per domain, labels cycling through 1..10, 800 seeded
 * bag-of-words counts whose peak bin depends on the class and the domain.
 */
public final class TinyOfficeCaltech {
    /** Examples per domain. */
    public static final int ROWS = 20;

    private TinyOfficeCaltech() {
    }

    /** Writes the four domains under {@code root}; returns {@code root}. */
    public static Path write(Path root) throws IOException {
        for (OfficeCaltech.Site s : OfficeCaltech.Site.values()) {
            writeSite(root, s, labels());
        }
        return root;
    }

    /** The labels every domain gets: 1..10, repeated. */
    public static int[] labels() {
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = 1 + i % OfficeCaltech.CLASSES;
        }
        return y;
    }

    /** (Re)writes one domain's file with the given labels (any integers: tests write invalid ones). */
    public static Path writeSite(Path root, OfficeCaltech.Site site, int[] labels) throws IOException {
        Path dir = Files.createDirectories(root.resolve("data/office-caltech10-surf"));
        UniformRandomProvider rng = Seeds.rng(site.ordinal());
        Matrix fts = Mat5.newMatrix(labels.length, OfficeCaltech.DIMENSION);
        Matrix y = Mat5.newMatrix(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            int peak = Math.floorMod(labels[i] * 37 + site.ordinal() * 3, OfficeCaltech.DIMENSION);
            for (int j = 0; j < OfficeCaltech.DIMENSION; j++) {
                fts.setDouble(i, j, (j == peak ? 20 : 0) + rng.nextInt(3));
            }
            y.setDouble(i, 0, labels[i]);
        }
        MatFile mat = Mat5.newMatFile().addArray("fts", fts).addArray("labels", y);
        Path f = dir.resolve(site.file());
        Mat5.writeToFile(mat, f.toFile());
        return f;
    }
}
