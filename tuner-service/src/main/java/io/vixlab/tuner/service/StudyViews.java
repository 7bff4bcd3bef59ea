package io.vixlab.tuner.service;

import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.tuner.study.ArchitectureTuning;
import io.vixlab.tuner.study.Study;
import io.vixlab.tuner.study.StudyPlan;
import io.vixlab.tuner.study.StudyTrial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

/** Studies as the API shows them, mapped from the loop's domain by name. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface StudyViews {

    /**
     * A study.
     *
     * @param datasetId     the dataset it trains on: the plan's, or {@code latest} until one is known
     * @param architectures where each architecture stands; empty until the study runs
     * @param trials        every trial; left out of the list of studies
     */
    record StudyView(String id, String name, StudyEvent.Status status, StudyPlan plan, String datasetId,
            Instant createdAt, Instant finishedAt, String detail, List<ArchitectureView> architectures,
            List<TrialView> trials) {
    }

    /**
     * One architecture of a study: tuning, its best trial, its final model.
     *
     * @param finalAttempt the final training's current attempt; absent until it is requested
     */
    record ArchitectureView(String architecture, ArchitectureTuning.Phase phase, Instant tuningStartedAt,
            Instant tunedAt, String bestTrialId, Double bestValue, Map<String, Object> bestParams, String finalId,
            Integer finalAttempt, TrialState finalState, String artifactUri, String detail, Instant finishedAt) {
    }

    /**
     * One trial.
     *
     * @param intermediateValues step ({@code fold * epochs + epoch}) to validation loss of the current attempt
     * @param durationMillis     from first issue to the result; absent while it runs
     */
    record TrialView(String id, String architecture, int number, TrialState state, int attempt,
            Map<String, Object> params, Double value, SortedMap<Integer, Double> intermediateValues,
            String failureReason, Instant startedAt, Instant finishedAt, Instant lastProgressAt, Long durationMillis) {
    }

    @Mapping(target = "architectures", source = "architectures")
    @Mapping(target = "trials", source = "trials")
    StudyView view(Study study, List<ArchitectureTuning> architectures, List<StudyTrial> trials);

    ArchitectureView view(ArchitectureTuning architecture);

    @Mapping(target = "durationMillis", expression = "java(durationMillis(trial))")
    TrialView view(StudyTrial trial);

    default Long durationMillis(StudyTrial trial) {
        return trial.finishedAt == null ? null : Duration.between(trial.startedAt, trial.finishedAt).toMillis();
    }
}
