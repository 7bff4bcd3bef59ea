/**
 * The seed notebook's five CNN-LSTM architectures in TensorFlow Java (graph mode), from layers
 * that follow their Keras namesakes: Keras default initialisers (evaluated in Java from a seed),
 * Keras parameter counts, and training/inference behaviour that differs only where Keras's does
 * (Dropout, BatchNormalization). A {@link io.vixlab.trainer.model.CnnLstmModel} holds one graph with a
 * training and an inference forward pass sharing the weights, MSE loss and Adam (TensorFlow's
 * {@code ApplyAdam} with a fed learning rate, so ReduceLROnPlateau needs no rebuild), and exports
 * the inference pass as a SavedModel. Plain Java, no Quarkus.
 */
package io.vixlab.trainer.model;
