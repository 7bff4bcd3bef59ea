package io.vixlab.report.persistence;

import io.vixlab.contracts.tuning.TrialConfig;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One attempt of one trial as the tuner issued it on {@code tuning.trials}: the parameters a
 * trial's result does not repeat. A trial id and attempt is stored once.
 */
@Entity
@Table(name = "trial_config_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_trial_config_attempt", columnNames = {"trial_id", "attempt"}),
        indexes = @Index(name = "ix_trial_config_study", columnList = "study_id"))
public class TrialConfigEntity extends TrialAttemptEntity {

    public static TrialConfigEntity of(TrialConfig config) {
        TrialConfigEntity record = new TrialConfigEntity();
        record.studyId = config.studyId();
        record.trialId = config.trialId();
        record.attempt = config.attempt();
        record.store(config);
        return record;
    }
}
