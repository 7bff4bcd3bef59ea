package io.vixlab.contracts;

import java.util.List;

/** The one place that names every Kafka topic of vixlab. */
public final class Topics {

    /** Daily bars, compacted, key {@code SYMBOL:yyyy-mm-dd}. */
    public static final String MARKET_BARS = "market.bars";
    /** One event per completed (or failed) ingest run. */
    public static final String MARKET_UPDATES = "market.updates";
    /** The windows of one dataset version, chunked, key = dataset id. */
    public static final String FEATURE_WINDOWS = "features.windows";
    /** Dataset manifests, key = dataset id. */
    public static final String FEATURE_DATASETS = "features.datasets";
    /** Trial configurations for trainers, key = trial id. */
    public static final String TUNING_TRIALS = "tuning.trials";
    /** Prune and cancel messages for running trials, key = trial id. */
    public static final String TUNING_CONTROL = "tuning.control";
    /** Study lifecycle, key = study id. */
    public static final String TUNING_STUDIES = "tuning.studies";
    /** Final-training requests with an architecture's best parameters, key = final id. */
    public static final String TRAINING_FINALS = "training.finals";
    /** Per-epoch progress of trials and final trainings, key = trial id. */
    public static final String TRAINING_PROGRESS = "training.progress";
    /** Trial scores (or failures), key = trial id. */
    public static final String TRAINING_RESULTS = "training.results";
    /** Final metrics, test predictions and artifact location, key = final id. */
    public static final String MODELS_RESULTS = "models.results";
    /** The published report of each finished study, key = study id. */
    public static final String REPORTS_STUDIES = "reports.studies";
    /** Messages that could not be processed, with the reason in the headers. */
    public static final String DEAD_LETTERS = "vixlab.dead-letters";

    /** Every topic, for provisioning (local broker, Strimzi KafkaTopics). */
    public static final List<String> ALL = List.of(
            MARKET_BARS, MARKET_UPDATES, FEATURE_WINDOWS, FEATURE_DATASETS,
            TUNING_TRIALS, TUNING_CONTROL, TUNING_STUDIES, TRAINING_FINALS,
            TRAINING_PROGRESS, TRAINING_RESULTS, MODELS_RESULTS, REPORTS_STUDIES, DEAD_LETTERS);

    /** Topics whose latest value per key is all that matters. */
    public static final List<String> COMPACTED = List.of(MARKET_BARS, FEATURE_DATASETS);

    private Topics() {
    }
}
