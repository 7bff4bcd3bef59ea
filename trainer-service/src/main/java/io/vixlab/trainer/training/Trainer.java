package io.vixlab.trainer.training;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.trainer.model.Architectures;
import io.vixlab.trainer.model.CnnLstmModel;
import io.vixlab.trainer.model.Weight;
import io.vixlab.trainer.training.EpochListener.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The seed's training loop without its defects: Adam at the trial's learning rate, MSE, shuffled
 * mini-batches, EarlyStopping (restore best weights), ReduceLROnPlateau, scikit-learn's
 * TimeSeriesSplit with fresh weights for every fold, and a final training that validates on the
 * tail of the training part only. Everything random derives from {@link TrainingSettings#seed()}:
 * the same trial, data and seed give the same losses on CPU.
 */
public final class Trainer {

    private Trainer() {
    }

    /** A tuning trial: the mean over folds of each fold's best validation loss. */
    public static CrossValidationResult crossValidate(Architecture architecture, Map<String, ?> params,
                                                      Windows trainPart, TrainingSettings settings,
                                                      EpochListener listener) {
        Architectures.validate(architecture, params);
        List<TimeSeriesSplit.Fold> folds = TimeSeriesSplit.split(trainPart.count(), settings.folds());
        List<FitResult> results = new ArrayList<>();
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(architecture, params, trainPart.steps(), trainPart.features())) {
            for (TimeSeriesSplit.Fold fold : folds) {
                model.initialize(derive(settings.seed(), "init", fold.index()));
                FitResult fit = fit(model, trainPart.slice(0, fold.trainEnd()),
                        trainPart.slice(fold.testStart(), fold.testEnd()), settings, fold.index(), listener);
                results.add(fit);
                if (fit.stoppedByListener()) {
                    break;
                }
            }
            double score = results.stream().mapToDouble(FitResult::bestValLoss).average().orElse(Double.NaN);
            boolean stopped = results.get(results.size() - 1).stoppedByListener();
            return new CrossValidationResult(score, results, stopped, model.parameterCount());
        }
    }

    /**
     * A final training: fits on the first {@code 1 - validationFraction} of the training part and
     * stops early on its last {@code validationFraction} (Keras's {@code validation_split}: the
     * split index is floor(n * (1 - fraction))). The test part is never seen here.
     */
    public static FinalTraining trainFinal(Architecture architecture, Map<String, ?> params, Windows trainPart,
                                           TrainingSettings settings, EpochListener listener) {
        double fraction = settings.validationFraction();
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("a final training needs a validation fraction in (0, 1), got " + fraction);
        }
        int n = trainPart.count();
        int splitAt = (int) Math.floor(n * (1.0 - fraction));
        if (splitAt < 1 || splitAt >= n) {
            throw new IllegalArgumentException(n + " windows are too few to hold out " + fraction + " of them");
        }
        CnnLstmModel<TFloat32> model = CnnLstmModel.build(architecture, params, trainPart.steps(), trainPart.features());
        try {
            model.initialize(derive(settings.seed(), "init", 0));
            FitResult fit = fit(model, trainPart.slice(0, splitAt), trainPart.slice(splitAt, n), settings, 0, listener);
            return new FinalTraining(model, fit, splitAt, n - splitAt);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * Fits an initialised model. At the end the model holds the weights of its best validation epoch
     * (Keras's {@code restore_best_weights}).
     */
    public static <T extends TFloating> FitResult fit(CnnLstmModel<T> model, Windows train, Windows validation,
                                                      TrainingSettings settings, int fold, EpochListener listener) {
        if (settings.epochs() < 1 || settings.batchSize() < 1 || settings.earlyStoppingPatience() < 0
                || settings.reduceLrPatience() < 0) {
            throw new IllegalArgumentException("need epochs >= 1, batch size >= 1 and patiences >= 0: " + settings);
        }
        if (train.count() < 1 || validation.count() < 1) {
            throw new IllegalArgumentException("need training and validation windows, got "
                    + train.count() + " and " + validation.count());
        }
        EarlyStopping stopping = new EarlyStopping(settings.earlyStoppingPatience());
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(settings.reduceLrFactor(), settings.reduceLrPatience(),
                settings.minLearningRate());
        SplittableRandom shuffle = new SplittableRandom(derive(settings.seed(), "shuffle", fold));
        long dropoutSeed = derive(settings.seed(), "dropout", fold);
        int n = train.count();
        int batchSize = settings.batchSize();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lr = model.learningRate();
        long step = 0;
        List<EpochRecord> history = new ArrayList<>();
        Map<Weight<T>, double[]> best = null;
        boolean earlyStopped = false;
        boolean stoppedByListener = false;
        epochs:
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, shuffle);
            double sum = 0;
            for (int from = 0; from < n; from += batchSize) {
                if (listener.stopNow()) {
                    stoppedByListener = true;
                    break epochs;
                }
                int to = Math.min(n, from + batchSize);
                Windows batch = train.gather(order, from, to);
                sum += model.trainStep(batch.x(), batch.y(), batch.count(), lr, dropoutSeed, step++) * batch.count();
            }
            double trainLoss = sum / n;
            double valLoss = mse(model.predict(validation.x(), validation.count()), validation.y());
            if (!Double.isFinite(trainLoss) || !Double.isFinite(valLoss)) {
                throw new TrainingFailedException("loss is not finite in fold " + fold + ", epoch " + epoch
                        + " (train " + trainLoss + ", validation " + valLoss + ", learning rate " + lr + ")");
            }
            history.add(new EpochRecord(fold, epoch, trainLoss, valLoss, lr));
            if (stopping.onEpochEnd(epoch, valLoss)) {
                best = model.weights();
            }
            Decision decision = listener.onEpoch(fold, epoch, trainLoss, valLoss, lr);
            lr = plateau.onEpochEnd(valLoss, lr);
            if (decision == Decision.STOP) {
                stoppedByListener = true;
                break;
            }
            if (stopping.shouldStop()) {
                earlyStopped = true;
                break;
            }
        }
        if (best != null) {
            model.setWeights(best);
        }
        return new FitResult(history, stopping.best(), stopping.bestEpoch(), earlyStopped, stoppedByListener);
    }

    /** Mean squared error in double precision. */
    public static double mse(float[] predicted, float[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = (double) predicted[i] - actual[i];
            sum += d * d;
        }
        return sum / actual.length;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** A seed for one purpose and fold, derived from the run's seed. */
    static long derive(long seed, String purpose, int fold) {
        long h = seed * 0x9E3779B97F4A7C15L + purpose.hashCode() * 0xBF58476D1CE4E5B9L + fold * 0x94D049BB133111EBL;
        return new SplittableRandom(h).nextLong();
    }
}
