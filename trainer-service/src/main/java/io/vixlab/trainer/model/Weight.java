package io.vixlab.trainer.model;

import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * One variable of a model: its Keras shape, how it is initialised, and the ops that set it from a
 * fed value.
 */
public final class Weight<T extends TFloating> {

    /** Keras's split: trainable, non-trainable (BatchNorm moving statistics), and optimizer state. */
    public enum Kind { TRAINABLE, NON_TRAINABLE, OPTIMIZER }

    private final String name;
    private final long[] shape;
    private final Initializer initializer;
    private final Kind kind;
    private final Variable<T> variable;
    private final Placeholder<T> value;
    private final Assign<T> assign;

    Weight(String name, long[] shape, Initializer initializer, Kind kind,
           Variable<T> variable, Placeholder<T> value, Assign<T> assign) {
        this.name = name;
        this.shape = shape.clone();
        this.initializer = initializer;
        this.kind = kind;
        this.variable = variable;
        this.value = value;
        this.assign = assign;
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long size() {
        return Initializer.size(shape);
    }

    public Kind kind() {
        return kind;
    }

    public Initializer initializer() {
        return initializer;
    }

    public Variable<T> variable() {
        return variable;
    }

    Placeholder<T> valuePlaceholder() {
        return value;
    }

    Assign<T> assignOp() {
        return assign;
    }

    /** Counted by Keras's {@code count_params()} (trainable and non-trainable model weights). */
    public boolean isModelWeight() {
        return kind != Kind.OPTIMIZER;
    }
}
