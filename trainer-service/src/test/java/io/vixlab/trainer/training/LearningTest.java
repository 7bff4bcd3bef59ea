package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.trainer.model.CnnLstmModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.types.TFloat32;

/** Each architecture learns a synthetic signal: its validation loss ends well below predicting the mean. */
class LearningTest {

    static final int STEPS = 30;
    static final int FEATURES = 4;

    /** The smallest point of each search space, with a fast learning rate. */
    static Map<String, Object> smallParams(Architecture a) {
        Map<String, Object> p = new HashMap<>();
        a.searchSpace().params().forEach(spec -> {
            if (spec instanceof io.vixlab.contracts.search.ParamSpec.IntParam i) {
                p.put(i.name(), i.low());
            } else if (spec instanceof io.vixlab.contracts.search.ParamSpec.FloatParam f) {
                p.put(f.name(), f.low());
            }
        });
        p.put("learning_rate", 3e-3);
        if (a == Architecture.ATTENTION_CNN_LSTM) {
            p.put("attention_heads", 4);
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void validationLossEndsClearlyBelowPredictingTheMean(Architecture architecture) {
        Windows all = Synthetic.windows(320, STEPS, FEATURES, 17);
        Windows train = all.slice(0, 256);
        Windows validation = all.slice(256, 320);
        double trainMean = 0;
        for (float v : train.y()) {
            trainMean += v / train.count();
        }
        float[] meanForecast = new float[validation.count()];
        java.util.Arrays.fill(meanForecast, (float) trainMean);
        double baseline = Trainer.mse(meanForecast, validation.y());

        // batch 16 instead of the seed's 32: twice the steps per epoch keeps the test short
        TrainingSettings settings = new TrainingSettings(12, 16, 0, 12, 0.5, 5, 1e-6, 0, 42);
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(architecture, smallParams(architecture), STEPS, FEATURES)) {
            model.initialize(42);
            FitResult fit = Trainer.fit(model, train, validation, settings, 0, EpochListener.NONE);
            assertThat(baseline).as("the mean forecast is poor").isGreaterThan(0.6);
            assertThat(fit.bestValLoss())
                    .as("%s: best validation loss vs mean-forecast loss %s", architecture, baseline)
                    .isLessThan(0.5 * baseline);
            assertThat(fit.history().get(fit.history().size() - 1).trainLoss())
                    .isLessThan(fit.history().get(0).trainLoss());
        }
    }
}
