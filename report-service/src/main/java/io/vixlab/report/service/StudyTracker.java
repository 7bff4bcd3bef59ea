package io.vixlab.report.service;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.persistence.StudyEntity;
import io.vixlab.report.persistence.StudyReportEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the report service's view of each study's lifecycle and progress. Delivery is at least
 * once and partitions may reorder across restarts, so a lifecycle event older than (or as old as)
 * the last one applied changes no status; the setup and settled trials it carries are kept still.
 */
@ApplicationScoped
public class StudyTracker {

    private static final Set<StudyEvent.Status> ENDED =
            EnumSet.of(StudyEvent.Status.COMPLETED, StudyEvent.Status.CANCELLED, StudyEvent.Status.FAILED);

    private final Clock clock = Clock.systemUTC();

    /** Applies a lifecycle event; returns whether it changed anything. */
    @Transactional
    public boolean apply(StudyEvent event) {
        StudyEntity study = StudyEntity.findById(event.studyId());
        boolean first = study == null;
        if (first) {
            study = new StudyEntity();
            study.studyId = event.studyId();
            study.architectures = String.join(",", event.architectures());
            study.trialsPerArchitecture = event.trialsPerArchitecture();
            study.datasetId = event.datasetId();
            study.createdAt = event.at();
            study.name = event.status() == StudyEvent.Status.CREATED ? event.detail() : null;
            study.status = event.status();
            study.lastEventAt = event.at();
        }
        study.keepSetup(event.setup());
        study.keepSettled(event.trials());
        if (first) {
            study.persist();
            return true;
        }
        if (!event.at().isAfter(study.lastEventAt)) {
            return false;
        }
        study.status = event.status();
        study.lastEventAt = event.at();
        if (study.datasetId == null) {
            study.datasetId = event.datasetId();
        }
        return true;
    }

    /** Every study with its progress, newest first. */
    @Transactional
    public List<StudyProgress> studies() {
        return StudyEntity.<StudyEntity>listAll(Sort.descending("createdAt")).stream().map(this::progress).toList();
    }

    private StudyProgress progress(StudyEntity study) {
        EntityManager em = StudyEntity.getEntityManager();
        Map<String, Long> done = countByArchitecture(em.createQuery(
                "select r.architecture, count(distinct r.trialId) from TrialResultEntity r where r.studyId = ?1 "
                        + "group by r.architecture", Object[].class)
                .setParameter(1, study.studyId).getResultList());
        Map<String, Long> running = countByArchitecture(em.createQuery(
                "select p.architecture, count(distinct p.runId) from TrainingProgressEntity p "
                        + "where p.studyId = ?1 and p.kind = ?2 and not exists (select 1 from TrialResultEntity r "
                        + "where r.trialId = p.runId and r.attempt >= p.attempt) group by p.architecture",
                Object[].class)
                .setParameter(1, study.studyId).setParameter(2, TrainingProgress.RunKind.TRIAL).getResultList());
        // The latest attempt of each architecture's final wins.
        Map<String, String> finals = new HashMap<>();
        em.createQuery("select m.architecture, m.state from ModelResultEntity m where m.studyId = ?1 "
                        + "order by m.attempt, m.id", Object[].class)
                .setParameter(1, study.studyId).getResultList()
                .forEach(row -> finals.put((String) row[0], row[1].toString()));
        List<StudyProgress.ArchitectureProgress> architectures = study.architectureList().stream()
                .map(a -> new StudyProgress.ArchitectureProgress(a, done.getOrDefault(a, 0L).intValue(),
                        study.trialsPerArchitecture, running.getOrDefault(a, 0L).intValue(), finals.get(a)))
                .toList();
        long elapsed = Duration.between(study.createdAt,
                ENDED.contains(study.status) ? study.lastEventAt : clock.instant()).toMillis();
        return new StudyProgress(study.studyId, study.name, study.status, study.architectureList(),
                study.trialsPerArchitecture, study.datasetId, study.createdAt, Math.max(0, elapsed), architectures,
                StudyReportEntity.findById(study.studyId) != null);
    }

    private static Map<String, Long> countByArchitecture(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
