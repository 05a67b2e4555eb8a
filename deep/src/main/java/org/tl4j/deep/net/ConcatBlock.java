package org.tl4j.deep.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * The DJL block of {@link Layer.Concat}: branches on one input, outputs joined along axis 1. Output shapes are
 * computed from the branches' shapes (DJL's {@code ParallelBlock} allocates sample tensors to find them).
 */
final class ConcatBlock extends AbstractBlock {
    private final List<Block> branches;

    ConcatBlock(List<String> names, List<Block> branches) {
        super((byte) 1);
        for (int i = 0; i < branches.size(); i++) {
            addChildBlock(names.get(i), branches.get(i));
        }
        this.branches = List.copyOf(branches);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray[] outs = new NDArray[branches.size()];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = branches.get(i).forward(store, inputs, training, params).singletonOrThrow();
        }
        return new NDList(NDArrays.concat(new NDList(outs), 1));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block b : branches) {
            b.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = null;
        for (Block b : branches) {
            long[] d = b.getOutputShapes(inputShapes)[0].getShape();
            if (dims == null) {
                dims = d.clone();
            } else {
                for (int k = 0; k < d.length; k++) {
                    if (k != 1 && d[k] != dims[k]) {
                        throw new IllegalArgumentException("Concatenated branches disagree outside the channel axis: "
                                + new Shape(dims) + " and " + new Shape(d));
                    }
                }
                dims[1] += d[1];
            }
        }
        return new Shape[]{new Shape(dims)};
    }
}
