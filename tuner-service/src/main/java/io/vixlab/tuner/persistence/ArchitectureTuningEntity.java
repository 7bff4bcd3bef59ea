package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.study.ArchitectureTuning;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The row of an {@link ArchitectureTuning}. */
@Entity
@Table(name = "architecture_tuning", indexes = @Index(columnList = "studyId"))
public class ArchitectureTuningEntity extends PanacheEntityBase {

    /** {@code <studyId>-<architecture>}. */
    @Id
    @Column(length = 200)
    public String id;

    @Column(nullable = false, length = 64)
    public String studyId;

    @Column(nullable = false, length = 64)
    public String architecture;

    /** The architecture's place in the plan: trials are handed out in this order. */
    @Column(name = "plan_position", nullable = false) // POSITION is a keyword in SQL
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Phase phase;

    /** When its first trial was issued: the timeout runs from here. */
    public Instant tuningStartedAt;

    public Instant tunedAt;

    @Column(length = 200)
    public String bestTrialId;

    public Double bestValue;

    @Lob
    public String bestParamsJson;

    /** {@code <studyId>-<architecture>-final}, the key of its final training and model result. */
    @Column(nullable = false, length = 200)
    public String finalId;

    /**
     * The final training's current attempt, from 1; a model result of any attempt counts. Null
     * until the final is requested.
     */
    public Integer finalAttempt;

    /**
     * When the final's current attempt was requested: until progress arrives after it, the
     * attempt is queued and {@code queued-timeout} is measured from here. Null until the final is
     * requested, and for finals requested before this was kept.
     */
    public Instant finalRequestedAt;

    /**
     * When any attempt of the final last reported progress; null until one does. Once it is at or
     * after {@link #finalRequestedAt}, the current attempt has started and {@code stale-after} is
     * measured from here. (Finals requested before {@code finalRequestedAt} was kept also set it
     * on request.)
     */
    public Instant finalLastProgressAt;

    /** How the final training ended, once its model result arrived. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public TrialState finalState;

    @Column(length = 1000)
    public String artifactUri;

    @Column(length = 2000)
    public String detail;

    public Instant finishedAt;

    public static List<ArchitectureTuningEntity> ofStudy(String studyId) {
        return list("studyId = ?1 order by position", studyId);
    }

    /**
     * The awaited final trainings ({@link Phase#FINAL_REQUESTED}), counted by whether their current
     * attempt has started: {@link ArchitectureTuning#finalStarted} as a query.
     */
    public static AttemptCounts countAwaitedFinals() {
        Object[] counts = getEntityManager().createQuery("select count(a), coalesce(sum(case when"
                + " a.finalLastProgressAt is not null"
                + " and (a.finalRequestedAt is null or a.finalLastProgressAt >= a.finalRequestedAt)"
                + " then 1 else 0 end), 0) from ArchitectureTuningEntity a where a.phase = :awaited", Object[].class)
                .setParameter("awaited", Phase.FINAL_REQUESTED)
                .getSingleResult();
        return AttemptCounts.of(counts);
    }
}
