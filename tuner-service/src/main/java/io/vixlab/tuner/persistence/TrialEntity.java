package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.study.StudyTrial;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.List;

/** The row of a {@link StudyTrial}. */
@Entity
@Table(name = "trial",
        uniqueConstraints = @UniqueConstraint(columnNames = {"studyId", "architecture", "number"}),
        indexes = @Index(columnList = "studyId, state"))
public class TrialEntity extends PanacheEntityBase {

    /** {@code <studyId>-<architecture>-<number>}: the same trial gets the same id after a restart. */
    @Id
    @Column(length = 200)
    public String id;

    @Column(nullable = false, length = 64)
    public String studyId;

    @Column(nullable = false, length = 64)
    public String architecture;

    /** 0-based, in ask order within the study's architecture. */
    @Column(nullable = false)
    public int number;

    /** The attempt whose progress and result count; older attempts' messages are ignored. */
    @Column(nullable = false)
    public int attempt;

    @Convert(converter = TrialStateColumn.class)
    @Column(nullable = false, length = 16)
    public TrialState state;

    @Lob
    @Column(nullable = false)
    public String paramsJson;

    /** The objective value (COMPLETE), or the last intermediate value of a PRUNED trial. */
    @Column(name = "objective_value") // VALUE is reserved in H2
    public Double value;

    /**
     * Step to validation loss of the current attempt, as JSON: {@link #NO_INTERMEDIATE_VALUES} when
     * an attempt is issued, so that it reads as not started until it reports progress.
     */
    @Lob
    @Column(nullable = false)
    public String intermediateValuesJson;

    @Column(length = 2000)
    public String failureReason;

    /** Whether a PRUNE control went out for the current attempt (sent once). */
    @Column(nullable = false)
    public boolean pruneRequested;

    @Column(nullable = false)
    public Instant startedAt;

    public Instant finishedAt;

    /**
     * When the current attempt was issued or last reported progress. While the attempt has no
     * intermediate values it has not started, this is its issue time and {@code queued-timeout}
     * runs from here; once it has, {@code stale-after} does.
     */
    @Column(nullable = false)
    public Instant lastProgressAt;

    /** The intermediate values of an attempt that has reported none: an empty JSON object. */
    public static final String NO_INTERMEDIATE_VALUES = "{}";

    /**
     * The running trials, counted by whether their current attempt has started: {@link
     * StudyTrial#attemptStarted} as a query, in the database (the length of a large object is one thing both
     * H2 and PostgreSQL compute on one).
     */
    public static AttemptCounts countRunning() {
        Object[] counts = getEntityManager().createQuery("select count(t), coalesce(sum(case when"
                + " length(t.intermediateValuesJson) > " + NO_INTERMEDIATE_VALUES.length() + " then 1 else 0 end), 0)"
                + " from TrialEntity t where t.state = :running", Object[].class)
                .setParameter("running", TrialState.RUNNING)
                .getSingleResult();
        return AttemptCounts.of(counts);
    }


    /** Every trial of a study, by architecture and number. */
    public static List<TrialEntity> ofStudy(String studyId) {
        return list("studyId = ?1 order by architecture, number", studyId);
    }
}
