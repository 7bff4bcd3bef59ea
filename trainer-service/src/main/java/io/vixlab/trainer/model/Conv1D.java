package io.vixlab.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code Conv1D(filters, kernel_size, padding='same', activation)}: kernel (k, in, filters)
 * glorot-uniform, bias zeros. Input (batch, steps, in), output (batch, steps, filters).
 */
public final class Conv1D<T extends TFloating> extends Layer<T> implements SequenceLayer<T> {

    private final int kernelSize;
    private final int filters;
    private final Activation activation;
    private final Weight<T> kernel;
    private final Weight<T> bias;

    public Conv1D(ModelContext<T> ctx, int inChannels, int filters, int kernelSize, Activation activation) {
        super(ctx, "conv1d");
        this.kernelSize = kernelSize;
        this.filters = filters;
        this.activation = activation;
        this.kernel = addWeight("kernel", new long[] {kernelSize, inChannels, filters},
                Initializer.glorotUniform(), Weight.Kind.TRAINABLE);
        this.bias = addWeight("bias", new long[] {filters}, Initializer.zeros(), Weight.Kind.TRAINABLE);
    }

    public int filters() {
        return filters;
    }

    public int kernelSize() {
        return kernelSize;
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        // (batch, 1, steps, in) * (1, k, in, filters), SAME padding = Keras 'same' for stride 1
        Operand<T> image = tf.expandDims(x, tf.constant(1));
        Operand<T> filter = tf.expandDims(kernel.variable(), tf.constant(0));
        Operand<T> conv = tf.nn.conv2d(image, filter, List.of(1L, 1L, 1L, 1L), "SAME");
        Operand<T> out = tf.nn.biasAdd(tf.squeeze(conv, Squeeze.axis(List.of(1L))), bias.variable());
        return activation.apply(tf, out);
    }
}
