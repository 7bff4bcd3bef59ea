package io.vixlab.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A Keras-like layer: owns its weights (created when the layer is constructed, as Keras does once
 * the input shape is known) and is called with an explicit training flag, any number of times,
 * sharing those weights.
 */
public abstract class Layer<T extends TFloating> {

    protected final ModelContext<T> ctx;
    protected final Ops tf;
    private final String name;
    private final List<Weight<T>> weights = new ArrayList<>();

    protected Layer(ModelContext<T> ctx, String baseName) {
        this.ctx = ctx;
        this.tf = ctx.tf();
        this.name = ctx.uniqueName(baseName);
    }

    public String name() {
        return name;
    }

    protected Weight<T> addWeight(String weightName, long[] shape, Initializer init, Weight.Kind kind) {
        Weight<T> w = ctx.weight(name + "/" + weightName, shape, init, kind);
        weights.add(w);
        return w;
    }

    public List<Weight<T>> weights() {
        return List.copyOf(weights);
    }

    /** What Keras's {@code layer.count_params()} gives. */
    public long parameterCount() {
        return weights.stream().mapToLong(Weight::size).sum();
    }

    /** Static size of a dimension, failing clearly where the graph does not know it. */
    protected static int dim(Operand<?> x, int axis) {
        long[] shape = x.shape().asArray();
        int i = axis < 0 ? shape.length + axis : axis;
        long d = shape[i];
        if (d < 0) {
            throw new IllegalStateException("dimension " + axis + " of " + x.shape() + " is unknown");
        }
        return Math.toIntExact(d);
    }

    protected static int rank(Operand<?> x) {
        return x.shape().numDimensions();
    }
}
