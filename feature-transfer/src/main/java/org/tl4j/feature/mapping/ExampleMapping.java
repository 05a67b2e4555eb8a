package org.tl4j.feature.mapping;

import org.tl4j.core.FeatureMapping;
import org.tl4j.core.FeatureSpace;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Adapts a {@link VectorMap} to Tribuo examples: an example's features are read in the task's
 * {@link FeatureSpace} order (absent features are zero), mapped, and returned as a new dense example whose features
 * are named by the output space (e.g. {@code jda.000 … jda.099}), keeping the output, weight and metadata.
 * Immutable and serialisable.
 */
public final class ExampleMapping implements FeatureMapping {
    private static final long serialVersionUID = 1L;

    private final FeatureSpace input;
    private final FeatureSpace output;
    private final VectorMap map;

    /**
     * @param input  the task's feature space (the map's input order)
     * @param output names of the mapped features, one per output of {@code map}
     * @param map    the fitted map
     * @throws IllegalArgumentException if the dimensions disagree
     */
    public ExampleMapping(FeatureSpace input, FeatureSpace output, VectorMap map) {
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.map = Objects.requireNonNull(map, "map");
        if (input.size() != map.inputDimension()) {
            throw new IllegalArgumentException("The map takes " + map.inputDimension() + " features but the task has "
                    + input.size());
        }
        if (output.size() != map.outputDimension()) {
            throw new IllegalArgumentException("The map gives " + map.outputDimension() + " outputs but "
                    + output.size() + " output names were given");
        }
    }

    /** The output feature names {@code prefix.000 …} for {@code k} outputs. */
    public static FeatureSpace outputSpace(String prefix, int k) {
        return FeatureSpace.indexed(prefix + ".", k);
    }

    /** The numeric map. */
    public VectorMap map() {
        return map;
    }

    /** The input feature space. */
    public FeatureSpace inputSpace() {
        return input;
    }

    /** The output feature space. */
    public FeatureSpace outputSpace() {
        return output;
    }

    /**
     * The example's features as a vector in the input space's order.
     *
     * @throws IllegalArgumentException naming a feature outside the input space
     */
    public double[] vector(Example<?> example) {
        double[] x = new double[input.size()];
        for (Feature f : example) {
            OptionalInt i = input.indexOf(f.getName());
            if (i.isEmpty()) {
                throw new IllegalArgumentException("Feature '" + f.getName() + "' is not in the " + input.size()
                        + "-feature space this mapping was fitted on: map examples of the same task");
            }
            x[i.getAsInt()] = f.getValue();
        }
        return x;
    }

    @Override
    public <T extends Output<T>> Example<T> apply(Example<T> example) {
        double[] z = map.apply(vector(example));
        ArrayExample<T> out = new ArrayExample<>(example.getOutput(), output.toArray(), z, example.getMetadata());
        out.setWeight(example.getWeight());
        return out;
    }

    @Override
    public String describe() {
        return map.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
