package io.vixlab.report.persistence;

import io.vixlab.contracts.training.TrialResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One attempt of one trial from {@code training.results}; a trial id and attempt is stored once. */
@Entity
@Table(name = "trial_result_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_trial_result_attempt", columnNames = {"trial_id", "attempt"}),
        indexes = @Index(name = "ix_trial_result_study", columnList = "study_id"))
public class TrialResultEntity extends TrialAttemptEntity {

    @Column(name = "architecture", nullable = false, length = 120)
    public String architecture;

    public static TrialResultEntity of(TrialResult result) {
        TrialResultEntity record = new TrialResultEntity();
        record.studyId = result.studyId();
        record.trialId = result.trialId();
        record.attempt = result.attempt();
        record.architecture = result.architecture();
        record.store(result);
        return record;
    }
}
