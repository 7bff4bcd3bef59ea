package io.vixlab.report.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** An event about one attempt of one trial, kept with the keys that make a redelivered one recognisable. */
@MappedSuperclass
public abstract class TrialAttemptEntity extends EventEntity {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "study_id", nullable = false, length = 200)
    public String studyId;

    @Column(name = "trial_id", nullable = false, length = 200)
    public String trialId;

    @Column(name = "attempt", nullable = false)
    public int attempt;
}
