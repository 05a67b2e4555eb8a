package org.tl4j.deep.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The DJL block of {@link Layer.Prelu}: one slope per channel (DJL's own {@code Prelu} has a single slope).
 */
final class ChannelPrelu extends AbstractBlock {
    private final Parameter alpha;

    ChannelPrelu() {
        super((byte) 1);
        alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ai.djl.training.initializer.ConstantInitializer(0.25f)).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        alpha.setShape(new Shape(inputShapes[0].get(1)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = store.getValue(alpha, x.getDevice(), training);
        long[] shape = new long[x.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = a.size();
        NDArray slopes = a.reshape(shape);
        slopes.attach(x.getManager());
        return new NDList(x.maximum(0f).add(slopes.mul(x.minimum(0f))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }
}
