package io.vixlab.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Keras {@code Concatenate()}: along the last axis. */
public final class Concatenate<T extends TFloating> {

    private final Ops tf;

    public Concatenate(ModelContext<T> ctx) {
        this.tf = ctx.tf();
    }

    public Operand<T> call(List<Operand<T>> inputs) {
        return tf.concat(inputs, tf.constant(-1));
    }
}
