package org.tl4j.backbone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.contract.TransferStrategyContract;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link TransferStrategyContract} for strategies over images ({@link ImageTransferTask}), on generated images
 * and a generated ONNX network ({@link TinyImages}; no shared data needed), plus the checks of the image kind: a
 * model refuses a task that names another source, a task with an image in both sets is refused, and the fit
 * records the backbone and the inner classifier.
 */
public abstract class ImageStrategyContract extends TransferStrategyContract<Label, ImageTransferTask> {

    /** Where the generated network is written. */
    @TempDir
    protected static Path modelDir;

    /** The generated source network. */
    protected PretrainedSource source() {
        return TinyImages.source(modelDir);
    }

    @Override
    protected ImageTransferTask problem(long seed) {
        return TinyImages.task(seed, source());
    }

    @Override
    protected Object snapshot(ImageTransferTask p) {
        return List.of(p.train(), p.test(), p.source().sha256(), p.domainProvenance().toString(), p.images().keys());
    }

    @Override
    protected ImageTransferTask withOtherTestLabels(ImageTransferTask problem) {
        return TinyImages.withTestLabelsRotated(problem);
    }

    @Test
    public void aModelRefusesTasksOfAnotherSource() throws IOException {
        ImageTransferTask t = problem(9);
        TransferModel<Label> m = strategy().fit(t, seed());
        ImageTransferTask other = t.withSource(source().randomlyInitialised(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predictTargetTest(other));
        assertTrue(e.getMessage().contains("random:tiny-linear"), e.getMessage());
    }

    @Test
    public void modelRecordsBackboneAndClassifier() {
        ImageTransferTask t = problem(8);
        TransferModel<Label> m = strategy().fit(t, seed());
        var instance = m.getProvenance().getInstanceProvenance().getMap();
        assertTrue(instance.containsKey(ImageTransferModel.BACKBONE), "backbone recorded: " + instance.keySet());
        assertTrue(instance.containsKey(TransferModel.INNER_MODEL), "classifier recorded: " + instance.keySet());
    }

    @Test
    public void tasksWithAnImageInBothSetsAreRefused() {
        ImageTransferTask t = problem(12);
        List<LabelledImage> test = new ArrayList<>(t.test());
        test.add(t.train().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageTransferTask("x", "x",
                t.source(), t.images(), "tiny", t.train(), test));
        assertTrue(e.getMessage().contains("both the training and the test set"), e.getMessage());
    }

    @Test
    public void theStrategyAcceptsImageProblemsOnly() {
        TransferStrategy<Label, ImageTransferTask> s = strategy();
        assertEquals(ImageTransferTask.class, s.problemType());
        assertEquals(ImageTransferTask.DATA_KIND, s.descriptor().dataKind());
    }
}
