package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code MultiHeadAttention(num_heads, key_dim)} with its defaults (value_dim = key_dim, use
 * bias, no attention dropout, output projected back to the query's last dimension): query, key and
 * value projections (d, heads, key_dim) + (heads, key_dim); scores = softmax(q k^T / sqrt(key_dim))
 * per head; output projection (heads, key_dim, d) + (d). Kernels glorot-uniform with Keras's
 * EinsumDense fans, biases zeros.
 */
public final class MultiHeadAttention<T extends TFloating> extends Layer<T> {

    private final int heads;
    private final int keyDim;
    private final int queryDim;
    private final Weight<T> queryKernel;
    private final Weight<T> queryBias;
    private final Weight<T> keyKernel;
    private final Weight<T> keyBias;
    private final Weight<T> valueKernel;
    private final Weight<T> valueBias;
    private final Weight<T> outputKernel;
    private final Weight<T> outputBias;

    public MultiHeadAttention(ModelContext<T> ctx, int queryDim, int valueDim, int heads, int keyDim) {
        super(ctx, "multi_head_attention");
        if (heads < 1 || keyDim < 1) {
            throw new IllegalArgumentException("need heads >= 1 and key_dim >= 1, got " + heads + ", " + keyDim);
        }
        this.heads = heads;
        this.keyDim = keyDim;
        this.queryDim = queryDim;
        Initializer glorot = Initializer.glorotUniform();
        this.queryKernel = addWeight("query/kernel", new long[] {queryDim, heads, keyDim}, glorot, Weight.Kind.TRAINABLE);
        this.queryBias = addWeight("query/bias", new long[] {heads, keyDim}, Initializer.zeros(), Weight.Kind.TRAINABLE);
        this.keyKernel = addWeight("key/kernel", new long[] {valueDim, heads, keyDim}, glorot, Weight.Kind.TRAINABLE);
        this.keyBias = addWeight("key/bias", new long[] {heads, keyDim}, Initializer.zeros(), Weight.Kind.TRAINABLE);
        this.valueKernel = addWeight("value/kernel", new long[] {valueDim, heads, keyDim}, glorot, Weight.Kind.TRAINABLE);
        this.valueBias = addWeight("value/bias", new long[] {heads, keyDim}, Initializer.zeros(), Weight.Kind.TRAINABLE);
        this.outputKernel = addWeight("attention_output/kernel", new long[] {heads, keyDim, queryDim}, glorot,
                Weight.Kind.TRAINABLE);
        this.outputBias = addWeight("attention_output/bias", new long[] {queryDim}, Initializer.zeros(),
                Weight.Kind.TRAINABLE);
    }

    public int heads() {
        return heads;
    }

    public int keyDim() {
        return keyDim;
    }

    /** Self- or cross-attention of {@code query} (batch, tq, d) over {@code value} (batch, tv, dv), key = value. */
    public Operand<T> call(Operand<T> query, Operand<T> value, boolean training) {
        int tq = dim(query, 1);
        int tv = dim(value, 1);
        Operand<T> q = tf.math.mul(project(query, queryKernel, queryBias, tq), ctx.constant(1.0 / Math.sqrt(keyDim)));
        Operand<T> k = project(value, keyKernel, keyBias, tv);
        Operand<T> v = project(value, valueKernel, valueBias, tv);
        Operand<T> scores = tf.train.batchMatMul(q, k, ctx.type(), BatchMatMul.adjY(true)); // (b, h, tq, tv)
        Operand<T> probabilities = tf.nn.softmax(scores);
        Operand<T> attended = tf.train.batchMatMul(probabilities, v, ctx.type()); // (b, h, tq, k)
        Operand<T> merged = tf.reshape(tf.linalg.transpose(attended, tf.constant(new int[] {0, 2, 1, 3})),
                tf.constant(new long[] {-1, (long) heads * keyDim}));
        Operand<T> out = tf.nn.biasAdd(tf.linalg.matMul(merged,
                tf.reshape(outputKernel.variable(), tf.constant(new long[] {(long) heads * keyDim, queryDim}))),
                outputBias.variable());
        return tf.reshape(out, tf.constant(new long[] {-1, tq, queryDim}));
    }

    /** (batch, steps, d) -> (batch, heads, steps, key_dim). */
    private Operand<T> project(Operand<T> x, Weight<T> kernel, Weight<T> bias, int steps) {
        int d = dim(x, 2);
        long hk = (long) heads * keyDim;
        Operand<T> flat = tf.reshape(x, tf.constant(new long[] {-1, d}));
        Operand<T> projected = tf.nn.biasAdd(
                tf.linalg.matMul(flat, tf.reshape(kernel.variable(), tf.constant(new long[] {d, hk}))),
                tf.reshape(bias.variable(), tf.constant(new long[] {hk})));
        Operand<T> split = tf.reshape(projected, tf.constant(new long[] {-1, steps, heads, keyDim}));
        return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
    }
}
