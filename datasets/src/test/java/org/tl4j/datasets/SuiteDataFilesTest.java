package org.tl4j.datasets;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.data.FileDataProvenance;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.DataIdentity;
import org.tl4j.core.suite.SuiteContext;
import org.tribuo.provenance.DatasetProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real-data suites declare the files and parameters they read. */
class SuiteDataFilesTest {

    @Test
    void officeCaltechListsEveryFileItsTasksRecordWithTheSameChecksums(@TempDir Path root) throws IOException {
        TinyOfficeCaltech.write(root);
        RealDataSuites.OfficeCaltechSuite suite = new RealDataSuites.OfficeCaltechSuite();
        SuiteContext ctx = new SuiteContext(root, Map.of());
        DataIdentity id = DataIdentity.of(suite, ctx);
        Set<String> recorded = new TreeSet<>();
        for (TransferProblem<?> t : suite.tasks(ctx, 0)) {
            for (Provenance p : t.domainProvenance().values()) {
                if (p instanceof DatasetProvenance d && d.getSourceProvenance() instanceof FileDataProvenance f) {
                    recorded.add("data/office-caltech10-surf/" + f.fileName() + "=" + f.sha256());
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        id.files().forEach((k, v) -> declared.add(k + "=" + v));
        assertEquals(declared, recorded);
    }

    @Test
    void bothSuitesDeclarePreprocessingAndRefuseABadValueAsARequestError(@TempDir Path root) throws IOException {
        TinyOfficeCaltech.write(root);
        assertEquals(Set.of("preprocessing"), new RealDataSuites.OfficeCaltechSuite().parameters().keySet());
        assertEquals(Set.of("preprocessing"), new RealDataSuites.DigitsSuite().parameters().keySet());
        RequestException e = assertThrows(RequestException.class, () -> new RealDataSuites.OfficeCaltechSuite()
                .tasks(new SuiteContext(root, Map.of("preprocessing", "zscor")), 0));
        assertTrue(e.getMessage().contains("preprocessing=zscor"), e.getMessage());
    }
}
