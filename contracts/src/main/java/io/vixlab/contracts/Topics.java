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

    /**
     * How each topic is laid out; compacted topics keep the latest value per key for consumers that
     * start late. {@code tuning.trials} and {@code training.finals} are work queues read by share
     * groups, one partition each: the broker shares a partition among all members only when they
     * outnumber the partitions, so with one partition every trainer may take every run.
     */
    public static final List<TopicSpec> SPECS = List.of(
            new TopicSpec(MARKET_BARS, 1, true),
            new TopicSpec(MARKET_UPDATES, 1, false),
            new TopicSpec(FEATURE_WINDOWS, 1, false),
            new TopicSpec(FEATURE_DATASETS, 1, true),
            new TopicSpec(TUNING_TRIALS, 1, false),
            new TopicSpec(TUNING_CONTROL, 1, false),
            new TopicSpec(TUNING_STUDIES, 1, false),
            new TopicSpec(TRAINING_FINALS, 1, false),
            new TopicSpec(TRAINING_PROGRESS, 4, false),
            new TopicSpec(TRAINING_RESULTS, 4, false),
            new TopicSpec(MODELS_RESULTS, 1, false),
            new TopicSpec(REPORTS_STUDIES, 1, false),
            new TopicSpec(DEAD_LETTERS, 1, false));

    /** Every topic name. */
    public static final List<String> ALL = SPECS.stream().map(TopicSpec::name).toList();

    /** A topic's name, partition count and cleanup policy. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    private Topics() {
    }
}
