package io.vixlab.tuner.api;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.ForecastTarget;
import io.vixlab.contracts.tuning.TrainingLimits;
import io.vixlab.contracts.tuning.TrainingLimits.Purpose;
import io.vixlab.contracts.tuning.TrainingLimits.Violation;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.tuner.study.StudyPlan;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a researcher asks for in {@code POST /api/studies}. Every field is optional: an empty body
 * is the seed's full study (all five architectures, 50 TPE trials each, median pruning, one hour
 * per architecture). Each field is checked here, and the training settings, with the defaults
 * filled in, against the trainers' {@code TrainingLimits} ({@link StudySpecCheck}), so that a study
 * the tuner stores can run to its end.
 *
 * @param parallelism  trials of this study in flight at once (bounded by the trainers available)
 * @param reproducible       false: samplers and pruners read every trial as soon as it reports (trainers
 *                           never wait for an earlier trial, but the trials depend on timing); default true
 * @param reproducibleWindow how many trials of one architecture may run at once in a reproducible
 *                           study: trial n reads trials 0 .. n - window; default 4. Independent of the
 *                           trainers, so that the same plan gives the same trials with any number of them
 * @param target      what the networks learn to predict: {@code level} (the seed's, the default) or
 *                    {@code log-change} ({@link ForecastTarget}); tuning and final training alike
 * @param datasetId   a published dataset id, or {@code latest}
 */
@StudySpecCheck
public record StudySpec(
        @Size(max = 120) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
                String name,
        @Size(min = 1) List<@NotNull @Pattern(regexp = ARCHITECTURE_NAMES, message = "unknown architecture; known: "
                + "Basic_CNN_LSTM, Deep_CNN_LSTM, Bidirectional_CNN_LSTM, Attention_CNN_LSTM, Multiscale_CNN_LSTM")
                String> architectures,
        @Min(1) @Max(10_000) Integer trialsPerArchitecture,
        @Min(1) @Max(7 * 24 * 60) Integer timeoutMinutesPerArchitecture,
        @Pattern(regexp = "tpe|tpe-multivariate|gp|random", message = "must be tpe, tpe-multivariate, gp or random")
                String sampler,
        Long samplerSeed,
        @Pattern(regexp = "median|successive-halving|none", message = "must be median, successive-halving or none")
                String pruner,
        @Min(1) @Max(256) Integer parallelism,
        Boolean reproducible,
        @Min(1) @Max(256) Integer reproducibleWindow,
        TrainingSettingsSpec training,
        TrainingSettingsSpec finalTraining,
        @Pattern(regexp = "level|log-change", message = "must be level or log-change") String target,
        @Pattern(regexp = DATASET_ID, message = "must be latest or a dataset id: 1 to 200 letters, digits, '.', '_'"
                + " or '-'") String datasetId) {

    /** The most trials per architecture a {@code gp} study may ask for: an ask then takes about 5 s. */
    static final int GP_MAX_TRIALS = 500;

    static final String ARCHITECTURE_NAMES =
            "(?i)Basic_CNN_LSTM|Deep_CNN_LSTM|Bidirectional_CNN_LSTM|Attention_CNN_LSTM|Multiscale_CNN_LSTM";
    private static final String NO_CONTROL_CHARACTERS = "\\P{Cntrl}*";
    private static final String DATASET_ID = "[A-Za-z0-9._-]{1,200}";

    /** The study this spec asks for, every omitted field at its default. */
    public StudyPlan toPlan() {
        ForecastTarget forecastTarget = target == null ? ForecastTarget.LEVEL
                : ForecastTarget.fromSpecName(target).orElseThrow();
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
                reproducible == null || reproducible ? (reproducibleWindow == null ? 4 : reproducibleWindow) : 0,
                TrainingSettingsSpec.resolve(training, TrainingSettings.tuningDefaults()).withTarget(forecastTarget),
                TrainingSettingsSpec.resolve(finalTraining, TrainingSettings.finalDefaults()).withTarget(forecastTarget),
                datasetId == null ? StudyPlan.LATEST_DATASET : datasetId);
    }

    /**
     * What single fields cannot tell: the same architecture named twice (in any case), training
     * settings outside the trainers' limits once the defaults are filled in, and a patience given
     * beyond the epochs. Each violation names its field, e.g. {@code training.epochs}.
     */
    public List<Violation> crossFieldViolations() {
        List<Violation> problems = new ArrayList<>();
        if (architectures != null) {
            Map<Architecture, List<String>> named = new LinkedHashMap<>();
            architectures.stream().filter(Objects::nonNull).forEach(name -> Architecture.find(name)
                    .ifPresent(a -> named.computeIfAbsent(a, key -> new ArrayList<>()).add(name)));
            named.forEach((architecture, names) -> {
                if (names.size() > 1) {
                    problems.add(new Violation("architectures", "names " + architecture.displayName()
                            + " more than once (names are case-insensitive): " + names));
                }
            });
        }
        if ("gp".equals(sampler) && trialsPerArchitecture != null && trialsPerArchitecture > GP_MAX_TRIALS) {
            problems.add(new Violation("trialsPerArchitecture", "at most " + GP_MAX_TRIALS + " with the gp sampler,"
                    + " whose every ask grows with the cube of the trials (38 s of CPU at 1,000, under the study's"
                    + " lock); got " + trialsPerArchitecture + ": use tpe or tpe-multivariate for longer searches"));
        }
        problems.addAll(TrainingSettingsSpec.violations("training", training, TrainingSettings.tuningDefaults(),
                Purpose.TUNING));
        problems.addAll(TrainingSettingsSpec.violations("finalTraining", finalTraining,
                TrainingSettings.finalDefaults(), Purpose.FINAL));
        return problems;
    }

    /**
     * Training settings as a request may give them: any field left out keeps its default. Their
     * limits are the trainers' ({@code TrainingLimits}), checked by {@link StudySpecCheck}.
     */
    public record TrainingSettingsSpec(
            Integer epochs,
            Integer batchSize,
            Integer folds,
            Integer earlyStoppingPatience,
            Double reduceLrFactor,
            Integer reduceLrPatience,
            Double minLearningRate,
            Double validationFraction,
            Long seed) {

        /** The resolved settings' violations of the limits, and a patience given beyond the epochs. */
        static List<Violation> violations(String field, TrainingSettingsSpec spec, TrainingSettings defaults,
                Purpose purpose) {
            TrainingSettings settings = resolve(spec, defaults);
            List<Violation> problems = new ArrayList<>();
            TrainingLimits.violations(settings, purpose)
                    .forEach(v -> problems.add(new Violation(field + "." + v.field(), v.reason())));
            if (spec != null && problems.isEmpty()) {
                patienceWithinEpochs(problems, field + ".earlyStoppingPatience", spec.earlyStoppingPatience, settings);
                patienceWithinEpochs(problems, field + ".reduceLrPatience", spec.reduceLrPatience, settings);
            }
            return problems;
        }

        /** A default patience beyond the epochs just never runs out; one asked for is a mistake. */
        private static void patienceWithinEpochs(List<Violation> problems, String field, Integer patience,
                TrainingSettings settings) {
            if (patience != null && patience > settings.epochs()) {
                problems.add(new Violation(field, "must be at most the epochs (" + settings.epochs() + "), got "
                        + patience));
            }
        }

        /** The settings asked for, each field left out (or all of them) at its default. */
        static TrainingSettings resolve(TrainingSettingsSpec spec, TrainingSettings defaults) {
            return spec == null ? defaults : spec.toSettings(defaults);
        }

        private TrainingSettings toSettings(TrainingSettings defaults) {
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
