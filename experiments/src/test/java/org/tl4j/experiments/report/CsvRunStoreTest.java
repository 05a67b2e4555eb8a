package org.tl4j.experiments.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.eval.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRunStoreTest {

    private static Path store(Path dir) throws IOException {
        Path f = dir.resolve("runs.csv");
        try (CsvRunStore s = new CsvRunStore(f)) {
            s.save(new RunRecord("s", "t", "pooled", "baseline", 0, Map.of("accuracy", 0.75), 12, null));
            s.save(new RunRecord("s", "t", "pooled", "baseline", 1, Map.of("accuracy", 0.5), 10, null));
        }
        return f;
    }

    @Test
    void aFitRecordedTwiceWithADifferentResultIsRefusedNamingBothLines(@TempDir Path dir) throws IOException {
        Path f = store(dir);
        Files.writeString(f, "s,t,pooled,baseline,0,12,accuracy=0.8,,\n", StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvRunStore(f));
        assertTrue(e.getMessage().contains("runs.csv line 4 records the fit of line 2 (task t, strategy pooled, seed 0) "
                + "again with a different result ({accuracy=0.75} on line 2, {accuracy=0.8} on line 4)"), e.getMessage());
    }

    @Test
    void aFitRecordedTwiceWithTheSameResultCountsOnce(@TempDir Path dir) throws IOException {
        Path f = store(dir);
        Files.writeString(f, "s,t,pooled,baseline,0,15,accuracy=0.75,,\n", StandardOpenOption.APPEND);
        try (CsvRunStore s = new CsvRunStore(f)) {
            assertEquals(2, s.records().size());
            assertEquals(List.of(0.75, 0.5), s.records().stream().map(r -> r.metrics().get("accuracy")).toList());
        }
    }
}
