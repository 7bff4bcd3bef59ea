package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** A layer with one input and one output. */
public interface SequenceLayer<T extends TFloating> {

    Operand<T> call(Operand<T> x, boolean training);
}
