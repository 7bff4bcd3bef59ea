package io.vixlab.report.persistence;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One attempt of one final training from {@code models.results}; a final id and attempt is stored once. */
@Entity
@Table(name = "model_result_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_model_result_attempt", columnNames = {"final_id", "attempt"}),
        indexes = @Index(name = "ix_model_result_study", columnList = "study_id"))
public class ModelResultEntity extends EventEntity {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "study_id", nullable = false, length = 200)
    public String studyId;

    @Column(name = "final_id", nullable = false, length = 200)
    public String finalId;

    @Column(name = "attempt", nullable = false)
    public int attempt;

    @Column(name = "architecture", nullable = false, length = 120)
    public String architecture;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    public TrialState state;

    public static ModelResultEntity of(ModelResult result) {
        ModelResultEntity record = new ModelResultEntity();
        record.studyId = result.studyId();
        record.finalId = result.finalId();
        record.attempt = result.attempt();
        record.architecture = result.architecture();
        record.state = result.state();
        record.store(result);
        return record;
    }
}
