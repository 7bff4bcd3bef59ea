package io.vixlab.tuner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.tuner.messaging.StudyEventPublisher;
import io.vixlab.tuner.persistence.StudyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Creates, lists and shows studies; announces their lifecycle on {@code tuning.studies}. */
@ApplicationScoped
public class StudyService {

    private final StudyEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    public StudyService(StudyEventPublisher events, ObjectMapper json) {
        this.events = events;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** A study as the API shows it. */
    public record StudyView(String id, String name, StudyEvent.Status status, StudyPlan plan, Instant createdAt,
            Instant finishedAt, String detail) {
    }

    /** Stores the study, then announces it; returns once the announcement is on the broker. */
    public StudyView create(StudyPlan plan) {
        StudyEntity study = store(plan);
        try {
            events.publish(new StudyEvent(StudyEvent.SCHEMA_VERSION, study.id, StudyEvent.Status.CREATED,
                    plan.architectures(), plan.trialsPerArchitecture(), plan.datasetId(), null, plan.name(),
                    study.createdAt)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("study " + study.id + " is stored but could not be announced: " + e, e);
        }
        return view(study);
    }

    @Transactional
    StudyEntity store(StudyPlan plan) {
        StudyEntity study = new StudyEntity();
        study.id = "study-" + UUID.randomUUID().toString().substring(0, 8);
        study.name = plan.name();
        study.status = StudyEvent.Status.CREATED;
        study.planJson = write(plan);
        study.datasetId = plan.datasetId();
        // Databases keep microseconds at most: store what reads back.
        study.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        study.persist();
        return study;
    }

    @Transactional
    public List<StudyView> list() {
        return StudyEntity.<StudyEntity>listAll(io.quarkus.panache.common.Sort.descending("createdAt")).stream()
                .map(this::view).toList();
    }

    @Transactional
    public Optional<StudyView> find(String id) {
        return StudyEntity.<StudyEntity>findByIdOptional(id).map(this::view);
    }

    private StudyView view(StudyEntity s) {
        try {
            return new StudyView(s.id, s.name, s.status, json.readValue(s.planJson, StudyPlan.class), s.createdAt,
                    s.finishedAt, s.detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("study " + s.id + " has an unreadable plan", e);
        }
    }

    private String write(StudyPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
