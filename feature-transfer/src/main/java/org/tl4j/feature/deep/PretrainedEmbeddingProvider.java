package org.tl4j.feature.deep;

import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tl4j.backbone.ImageTransferTask;

/** Provides {@code pretrained-embedding} for classification, with logistic regression as the inner learner. */
public final class PretrainedEmbeddingProvider implements TransferStrategyProvider {

    @Override
    public StrategyDescriptor descriptor() {
        return PretrainedEmbeddingStrategy.DESCRIPTOR;
    }

    @Override
    public boolean supports(OutputFactory<?> outputFactory) {
        return outputFactory instanceof LabelFactory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
        if (!supports(outputFactory)) {
            throw new IllegalArgumentException("Strategy 'pretrained-embedding' classifies images: it does not "
                    + "support outputs of " + outputFactory.getClass().getSimpleName());
        }
        Trainer<Label> inner = InnerLearners.defaultFor(ImageTransferTask.LABELS);
        return (TransferStrategy<T, ?>) (TransferStrategy<?, ?>) new PretrainedEmbeddingStrategy(inner);
    }
}
