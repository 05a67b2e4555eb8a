package org.tl4j.backbone;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.EnumSet;

/**
 * The {@linkplain BaselineRole#TARGET_ONLY target-only} baseline of image problems: no source knowledge at all. The
 * same crop (and alignment) as the problem's source network frames, reduced to {@value #SIZE}×{@value #SIZE} grey
 * pixels ({@link PretrainedSource#pixels}), classified by the inner learner trained on the labelled target images
 * only — the no-source control of the LFW case study. The negative transfer gap of an image strategy is its error
 * minus this baseline's.
 */
public final class PixelsStrategy extends AbstractImageStrategy {

    /** Side of the pixel grid the images are reduced to. */
    public static final int SIZE = 32;

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pixels", null,
            EnumSet.of(Setting.INDUCTIVE), "backbone", ImageTransferTask.DATA_KIND,
            "No source: the inner classifier on " + SIZE + "x" + SIZE + " grey pixels of the source network's crop, "
                    + "trained on the labelled target images only", BaselineRole.TARGET_ONLY);

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PixelsStrategy() {
    }

    /** The baseline with {@code inner} and default embedding settings. */
    public PixelsStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** The baseline with {@code inner} and {@code settings} (alignment, cache, …). */
    public PixelsStrategy(Trainer<Label> inner, EmbedderSettings settings) {
        super(inner, settings);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected PretrainedSource network(ImageTransferTask task) {
        return PretrainedSource.pixels(task.source().spec(), SIZE);
    }

    /** Registers {@code pixels}. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(PixelsStrategy::new));
        }
    }
}
