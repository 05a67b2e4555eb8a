package org.tl4j.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tl4j.core.suite.SuiteContext;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labels outside the data set's classes 1..10 are refused, naming the file, the row and the value. */
class CorruptLabelsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 11, 255, -1})
    void anOfficeCaltechLabelOutsideOneToTenIsRefusedWithItsRow(int bad, @TempDir Path root) throws IOException {
        TinyOfficeCaltech.write(root);
        int[] y = TinyOfficeCaltech.labels();
        y[6] = bad;
        TinyOfficeCaltech.writeSite(root, OfficeCaltech.Site.DSLR, y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RealDataSuites.OfficeCaltechSuite().tasks(new SuiteContext(root, Map.of()), 0));
        assertTrue(e.getMessage().contains("dslr_SURF_L10.mat: row 7 of 'labels' holds label " + bad
                + ", outside the data set's classes 1..10"), e.getMessage());
    }

    @Test
    void validLabelsLoadAllTwelvePairs(@TempDir Path root) throws IOException {
        TinyOfficeCaltech.write(root);
        assertEquals(12, new RealDataSuites.OfficeCaltechSuite().tasks(new SuiteContext(root, Map.of()), 0).size());
    }

    @Test
    void aDigitsLabelOutsideOneToTenIsRefusedWithItsVariableAndRow(@TempDir Path dir) throws IOException {
        int n = 3;
        Matrix x = Mat5.newMatrix(Digits.DIMENSION, n);
        Matrix ys = Mat5.newMatrix(n, 1);
        Matrix yt = Mat5.newMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            ys.setDouble(i, 0, i + 1);
            yt.setDouble(i, 0, i == 2 ? 11 : i + 1);
        }
        Mat5.writeToFile(Mat5.newMatFile().addArray("X_src", x).addArray("X_tar", x).addArray("Y_src", ys)
                .addArray("Y_tar", yt), dir.resolve("USPS_vs_MNIST.mat").toFile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Digits.load(dir, Digits.Direction.USPS_TO_MNIST, List.of()));
        assertTrue(e.getMessage().contains("row 3 of 'Y_tar' holds label 11, outside the data set's classes 1..10"),
                e.getMessage());
    }
}
