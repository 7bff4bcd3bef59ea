/**
 * The training loop around {@link io.vixlab.trainer.model.CnnLstmModel}: scikit-learn's
 * {@link io.vixlab.trainer.training.TimeSeriesSplit}, Keras's EarlyStopping and ReduceLROnPlateau,
 * {@link io.vixlab.trainer.training.Trainer#crossValidate tuning trials} (fresh weights per fold,
 * score = mean of the folds' best validation losses), {@link io.vixlab.trainer.training.Trainer#trainFinal
 * final trainings} (early stopping on the training part's tail, never the test part), test-part
 * {@link io.vixlab.trainer.training.Evaluation metrics}, and the
 * {@link io.vixlab.trainer.training.TrainingBenchmark step benchmark}. Plain Java, no Quarkus.
 */
package io.vixlab.trainer.training;
