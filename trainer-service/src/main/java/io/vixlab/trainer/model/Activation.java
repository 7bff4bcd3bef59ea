package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** The activations the seed's layers use. */
public enum Activation {
    LINEAR,
    RELU;

    <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> x) {
        return this == RELU ? tf.nn.relu(x) : x;
    }
}
