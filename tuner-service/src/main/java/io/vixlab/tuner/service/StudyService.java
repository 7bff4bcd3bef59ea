package io.vixlab.tuner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.tuner.messaging.out.MessageOutbox;
import io.vixlab.tuner.messaging.out.MessageOutbox.Batch;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.StudyRows;
import io.vixlab.tuner.persistence.StudyStore;
import io.vixlab.tuner.service.StudyViews.StudyView;
import io.vixlab.tuner.study.Study;
import io.vixlab.tuner.study.StudyPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists and shows studies; announces their creation on {@code tuning.studies} through the
 * {@link MessageOutbox} and hands them to the {@link StudyRunner}, which runs them.
 */
@ApplicationScoped
public class StudyService {

    private final MessageOutbox outbox;
    private final StudyRunner runner;
    private final StudyStore store;
    private final StudyRows rows;
    private final StudyViews views;
    private final Clock clock;

    public StudyService(MessageOutbox outbox, StudyRunner runner, StudyStore store, StudyRows rows, StudyViews views,
            Clock clock) {
        this.outbox = outbox;
        this.runner = runner;
        this.store = store;
        this.rows = rows;
        this.views = views;
        this.clock = clock;
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
        Study study = new Study();
        study.id = "study-" + UUID.randomUUID().toString().substring(0, 8);
        study.name = plan.name();
        study.status = StudyEvent.Status.CREATED;
        study.plan = plan;
        study.datasetId = plan.datasetId();
        // Databases keep microseconds at most: store what reads back.
        study.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StudyEntity row = new StudyEntity();
        rows.write(study, row);
        row.persist();
        out.add(new StudyEvent(StudyEvent.SCHEMA_VERSION, study.id, StudyEvent.Status.CREATED,
                plan.architectures(), plan.trialsPerArchitecture(), plan.datasetId(), null, plan.name(),
                study.createdAt, plan.setup(), null));
        return study.id;
    }

    /** Every study, newest first, without its trials. */
    @Transactional
    public List<StudyView> list() {
        return StudyEntity.<StudyEntity>listAll(Sort.descending("createdAt")).stream()
                .map(row -> views.view(rows.toStudy(row), ArchitectureTuningEntity.ofStudy(row.id).stream()
                        .map(rows::toArchitecture).toList(), null))
                .toList();
    }

    @Transactional
    public Optional<StudyView> find(String id) {
        return store.load(id).map(s -> views.view(s.study(), s.architectures(), s.trials()));
    }
}
