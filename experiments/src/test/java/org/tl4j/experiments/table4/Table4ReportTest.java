package org.tl4j.experiments.table4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Table4ReportTest {

    static final Table4Report.Row MEASURED = new Table4Report.Row("FaceNet (tl4j)", "LFW (13,233 images)",
            "Inception ResNet v1", "facenet-irv1", 62_400, "measured 3 of 1,040 steps, extrapolated", 0.001, 156,
            150, 6, 0.02, "cpu, 2 cores");

    @Test
    void speedUpIsTheRatioOfTheTwoTimes() {
        assertEquals(400.0, MEASURED.speedup(), 1e-9);
        assertEquals(80.0, Table4Report.PAPER.speedup(), 1e-9);
    }

    @Test
    void markdownHasThePapersColumnsAndBothRows() {
        String md = Table4Report.markdown(List.of(Table4Report.PAPER, MEASURED), Map.of("Split", "s"));
        assertTrue(md.contains("| use case | training dataset | traditional DL training time | transfer learning "
                + "training time | speed-up | architecture |"), md);
        assertTrue(md.contains("| 20.0 h | 15.0 min | 80× |"), md);
        assertTrue(md.contains("| 17.3 h | 2.6 min | 400× |"), md);
        assertTrue(md.contains("measured 3 of 1,040 steps, extrapolated"), md);
        assertTrue(md.contains("2.50 min + 6.0 s") || md.contains("2.5 min + 6.0 s"), md);
    }

    @Test
    void writesCsvAndChart(@TempDir Path dir) throws IOException {
        Table4Report.writeCsv(List.of(Table4Report.PAPER, MEASURED), dir.resolve("t.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("t.csv"));
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("use_case,training_dataset,traditional_training_s,transfer_training_s,"
                + "speedup,architecture"));
        assertTrue(lines.get(2).contains(",62400.000,156.000,400.000,"), lines.get(2));
        Table4Report.writeChart(List.of(Table4Report.PAPER, MEASURED), dir.resolve("t.png"));
        assertNotNull(ImageIO.read(dir.resolve("t.png").toFile()));
    }
}
