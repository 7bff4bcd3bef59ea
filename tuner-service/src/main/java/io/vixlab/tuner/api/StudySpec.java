package io.vixlab.tuner.api;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.tuner.service.StudyPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a researcher asks for in {@code POST /api/studies}. Every field is optional: an empty body
 * is the seed's full study (all five architectures, 50 TPE trials each, median pruning, one hour
 * per architecture).
 *
 * @param parallelism trials of this study in flight at once (bounded by the trainers available)
 * @param datasetId   a published dataset id, or {@code latest}
 */
public record StudySpec(
        @Size(max = 120) String name,
        @Size(min = 1) List<@Pattern(regexp = ARCHITECTURE_NAMES, message = "unknown architecture; known: "
                + "Basic_CNN_LSTM, Deep_CNN_LSTM, Bidirectional_CNN_LSTM, Attention_CNN_LSTM, Multiscale_CNN_LSTM")
                String> architectures,
        @Min(1) @Max(10_000) Integer trialsPerArchitecture,
        @Min(1) @Max(7 * 24 * 60) Integer timeoutMinutesPerArchitecture,
        @Pattern(regexp = "tpe|random", message = "must be tpe or random") String sampler,
        Long samplerSeed,
        @Pattern(regexp = "median|successive-halving|none", message = "must be median, successive-halving or none")
                String pruner,
        @Min(1) @Max(256) Integer parallelism,
        @Valid TrainingSettingsSpec training,
        @Valid TrainingSettingsSpec finalTraining,
        @Size(min = 1, max = 200) String datasetId) {

    static final String ARCHITECTURE_NAMES =
            "(?i)Basic_CNN_LSTM|Deep_CNN_LSTM|Bidirectional_CNN_LSTM|Attention_CNN_LSTM|Multiscale_CNN_LSTM";

    /** The study this spec asks for, every omitted field at its default. */
    public StudyPlan toPlan() {
        return new StudyPlan(
                name,
                architectures == null ? Architecture.displayNames()
                        : architectures.stream().map(a -> Architecture.find(a).orElseThrow().displayName()).toList(),
                trialsPerArchitecture == null ? 50 : trialsPerArchitecture,
                timeoutMinutesPerArchitecture == null ? 60 : timeoutMinutesPerArchitecture,
                sampler == null ? "tpe" : sampler,
                samplerSeed == null ? 42L : samplerSeed,
                pruner == null ? "median" : pruner,
                parallelism == null ? 2 : parallelism,
                training == null ? TrainingSettings.tuningDefaults() : training.toSettings(TrainingSettings.tuningDefaults()),
                finalTraining == null ? TrainingSettings.finalDefaults()
                        : finalTraining.toSettings(TrainingSettings.finalDefaults()),
                datasetId == null ? StudyPlan.LATEST_DATASET : datasetId);
    }

    /** Training settings as a request may give them: any field left out keeps its default. */
    public record TrainingSettingsSpec(
            @Min(1) @Max(10_000) Integer epochs,
            @Min(1) @Max(65_536) Integer batchSize,
            @Min(0) @Max(20) Integer folds,
            @Min(0) @Max(10_000) Integer earlyStoppingPatience,
            @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
            @jakarta.validation.constraints.DecimalMax("1") Double reduceLrFactor,
            @Min(0) @Max(10_000) Integer reduceLrPatience,
            @jakarta.validation.constraints.DecimalMin("0") Double minLearningRate,
            @jakarta.validation.constraints.DecimalMin("0")
            @jakarta.validation.constraints.DecimalMax(value = "1", inclusive = false) Double validationFraction,
            Long seed) {

        TrainingSettings toSettings(TrainingSettings defaults) {
            return new TrainingSettings(
                    epochs == null ? defaults.epochs() : epochs,
                    batchSize == null ? defaults.batchSize() : batchSize,
                    folds == null ? defaults.folds() : folds,
                    earlyStoppingPatience == null ? defaults.earlyStoppingPatience() : earlyStoppingPatience,
                    reduceLrFactor == null ? defaults.reduceLrFactor() : reduceLrFactor,
                    reduceLrPatience == null ? defaults.reduceLrPatience() : reduceLrPatience,
                    minLearningRate == null ? defaults.minLearningRate() : minLearningRate,
                    validationFraction == null ? defaults.validationFraction() : validationFraction,
                    seed == null ? defaults.seed() : seed);
        }
    }
}
