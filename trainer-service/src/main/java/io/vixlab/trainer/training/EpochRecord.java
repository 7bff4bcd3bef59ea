package io.vixlab.trainer.training;

/** One epoch of one fold: mean training loss over its batches, validation loss, the rate used. */
public record EpochRecord(int fold, int epoch, double trainLoss, double valLoss, double learningRate) {
}
