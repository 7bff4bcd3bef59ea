package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** A model's forward pass from windows (batch, steps, features) to forecasts (batch, 1). */
public interface Network<T extends TFloating> {

    Operand<T> forward(Operand<T> windows, boolean training);
}
