package io.vixlab.trainer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A trial or final attempt this service has answered, with the result event as published: a
 * redelivered request is answered with it again instead of being trained twice.
 */
@Entity
@Table(name = "answered_run", uniqueConstraints = @UniqueConstraint(columnNames = {"kind", "run_id", "attempt"}))
public class AnsweredRun extends PanacheEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public RunKind kind;

    @Column(name = "run_id", nullable = false, length = 200)
    public String runId;

    @Column(nullable = false)
    public int attempt;

    /** Unbounded text: a final's result carries a prediction for every test day. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "result_json", nullable = false)
    public String resultJson;

    /** Why the request went to the dead-letter topic; null when it was trained. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "dead_letter_reason")
    public String deadLetterReason;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
