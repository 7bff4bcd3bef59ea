package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.training.TrainingProgress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One finished epoch from {@code training.progress}, stored once per run, attempt and step: the
 * intermediate values of trials and which trials are running.
 */
@Entity
@Table(name = "training_progress_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_training_progress_step",
                columnNames = {"run_id", "attempt", "step"}),
        indexes = @Index(name = "ix_training_progress_study", columnList = "study_id"))
public class TrainingProgressEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "study_id", nullable = false, length = 200)
    public String studyId;

    @Column(name = "run_id", nullable = false, length = 200)
    public String runId;

    @Column(name = "attempt", nullable = false)
    public int attempt;

    @Column(name = "architecture", nullable = false, length = 120)
    public String architecture;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    public TrainingProgress.RunKind kind;

    public int fold;
    public int epoch;

    @Column(name = "step", nullable = false)
    public int step;

    public double trainLoss;
    public double valLoss;
    public double learningRate;

    @Column(name = "event_at", nullable = false)
    public Instant at;

    public static TrainingProgressEntity of(TrainingProgress progress) {
        return EventMapper.MAPPER.toEntity(progress);
    }

    public TrainingProgress event() {
        return EventMapper.MAPPER.toEvent(this);
    }
}
