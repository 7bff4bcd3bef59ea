package io.vixlab.tuner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.tuner.messaging.MessageOutbox;
import io.vixlab.tuner.messaging.MessageOutbox.Batch;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.TrialEntity;
import io.vixlab.tuner.study.TrialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Creates, lists and shows studies; announces their creation on {@code tuning.studies} through the
 * {@link MessageOutbox} and hands them to the {@link StudyRunner}, which runs them.
 */
@ApplicationScoped
public class StudyService {

    private final MessageOutbox outbox;
    private final StudyRunner runner;
    private final JsonColumns json;
    private final Clock clock;

    public StudyService(MessageOutbox outbox, StudyRunner runner, JsonColumns json) {
        this.outbox = outbox;
        this.runner = runner;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * A study as the API shows it.
     *
     * @param datasetId     the dataset it trains on: the plan's, or {@code latest} until one is known
     * @param architectures where each architecture stands; empty until the study runs
     * @param trials        every trial; left out of the list of studies
     */
    public record StudyView(String id, String name, StudyEvent.Status status, StudyPlan plan, String datasetId,
            Instant createdAt, Instant finishedAt, String detail, List<ArchitectureView> architectures,
            List<TrialView> trials) {
    }

    /**
     * One architecture of a study: tuning, its best trial, its final model.
     *
     * @param finalAttempt the final training's current attempt; absent until it is requested
     */
    public record ArchitectureView(String architecture, ArchitectureTuningEntity.Phase phase, Instant tuningStartedAt,
            Instant tunedAt, String bestTrialId, Double bestValue, Map<String, Object> bestParams, String finalId,
            Integer finalAttempt, io.vixlab.contracts.training.TrialState finalState, String artifactUri,
            String detail, Instant finishedAt) {
    }

    /**
     * One trial.
     *
     * @param intermediateValues step ({@code fold * epochs + epoch}) to validation loss of the current attempt
     * @param durationMillis     from first issue to the result; absent while it runs
     */
    public record TrialView(String id, String architecture, int number, TrialState state, int attempt,
            Map<String, Object> params, Double value, SortedMap<Integer, Double> intermediateValues,
            String failureReason, Instant startedAt, Instant finishedAt, Instant lastProgressAt, Long durationMillis) {
    }

    /**
     * Stores the study with its {@code CREATED} announcement in the {@link MessageOutbox}, one
     * transaction, sends the announcement after the commit (should the tuner stop in between, the
     * outbox's sweep sends it), then lets the runner start the study if its dataset is known.
     */
    public StudyView create(StudyPlan plan) {
        Batch out = outbox.batch();
        String id = QuarkusTransaction.requiringNew().call(() -> store(plan, out));
        out.send();
        runner.advance(id);
        return find(id).orElseThrow();
    }

    public StudyRunner.CancelOutcome cancel(String id) {
        return runner.cancel(id, "cancelled on request");
    }

    private String store(StudyPlan plan, Batch out) {
        StudyEntity study = new StudyEntity();
        study.id = "study-" + UUID.randomUUID().toString().substring(0, 8);
        study.name = plan.name();
        study.status = StudyEvent.Status.CREATED;
        study.planJson = json.write(plan);
        study.datasetId = plan.datasetId();
        // Databases keep microseconds at most: store what reads back.
        study.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        study.persist();
        out.studyEvent(new StudyEvent(StudyEvent.SCHEMA_VERSION, study.id, StudyEvent.Status.CREATED,
                plan.architectures(), plan.trialsPerArchitecture(), plan.datasetId(), null, plan.name(),
                study.createdAt));
        return study.id;
    }

    @Transactional
    public List<StudyView> list() {
        return StudyEntity.<StudyEntity>listAll(io.quarkus.panache.common.Sort.descending("createdAt")).stream()
                .map(s -> view(s, null)).toList();
    }

    @Transactional
    public Optional<StudyView> find(String id) {
        return StudyEntity.<StudyEntity>findByIdOptional(id)
                .map(s -> view(s, TrialEntity.ofStudy(s.id).stream().map(this::view).toList()));
    }

    private StudyView view(StudyEntity s, List<TrialView> trials) {
        return new StudyView(s.id, s.name, s.status, json.plan(s), s.datasetId, s.createdAt, s.finishedAt, s.detail,
                ArchitectureTuningEntity.ofStudy(s.id).stream().map(this::view).toList(), trials);
    }

    private ArchitectureView view(ArchitectureTuningEntity a) {
        return new ArchitectureView(a.architecture, a.phase, a.tuningStartedAt, a.tunedAt, a.bestTrialId, a.bestValue,
                a.bestParamsJson == null ? null : json.params(a.bestParamsJson), a.finalId, a.finalAttempt,
                a.finalState, a.artifactUri, a.detail, a.finishedAt);
    }

    private TrialView view(TrialEntity t) {
        return new TrialView(t.id, t.architecture, t.number, t.state, t.attempt, json.params(t.paramsJson), t.value,
                json.intermediateValues(t.intermediateValuesJson), t.failureReason, t.startedAt, t.finishedAt,
                t.lastProgressAt,
                t.finishedAt == null ? null : Duration.between(t.startedAt, t.finishedAt).toMillis());
    }
}
