package org.tl4j.deep.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The DJL block of {@link Layer.Residual}: {@code x + scale · branch(x)}, then an optional ReLU. */
final class ResidualBlock extends AbstractBlock {
    private final Block branch;
    private final float scale;
    private final boolean relu;

    ResidualBlock(Block branch, float scale, boolean relu) {
        super((byte) 1);
        this.branch = addChildBlock("branch", branch);
        this.scale = scale;
        this.relu = relu;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray up = branch.forward(store, inputs, training, params).singletonOrThrow();
        NDArray out = x.add(up.mul(scale));
        return new NDList(relu ? out.maximum(0f) : out);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        branch.initialize(manager, dataType, inputShapes);
        Shape[] out = branch.getOutputShapes(inputShapes);
        if (!out[0].equals(inputShapes[0])) {
            throw new IllegalArgumentException("A residual branch must keep its input's shape: " + inputShapes[0]
                    + " became " + out[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }
}
