package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A message the study loop decided on, stored in the same transaction as the decision and deleted
 * once the broker has acknowledged it: a row that outlives its send (a crash between commit and
 * send, a broker that did not answer) is sent again by the outbox's sweep.
 */
@Entity
@Table(name = "outbox_message", indexes = @Index(columnList = "createdAt"))
public class OutboxMessageEntity extends PanacheEntityBase {

    /** Where a message goes, and as what. */
    public enum Channel {
        TRIAL(Topics.TUNING_TRIALS, TrialConfig.class),
        CONTROL(Topics.TUNING_CONTROL, TrialControl.class),
        FINAL(Topics.TRAINING_FINALS, FinalTrainingRequest.class),
        STUDY(Topics.TUNING_STUDIES, StudyEvent.class);

        public final String topic;
        public final Class<? extends Event> type;

        Channel(String topic, Class<? extends Event> type) {
            this.topic = topic;
            this.type = type;
        }
    }

    /** Ascending in creation order: rows are sent again in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Column(nullable = false, length = 64)
    public String studyId;

    /** The Kafka key it goes out with (trial, final or study id). */
    @Column(name = "message_key", nullable = false, length = 200) // KEY is a keyword in SQL
    public String key;

    /** The event as it goes on the topic ({@code EventJson}). */
    @Lob
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public Instant createdAt;

    /** Up to {@code limit} rows created before {@code before}, oldest first. */
    public static List<OutboxMessageEntity> createdBefore(Instant before, int limit) {
        return find("createdAt < ?1 order by id", before).page(0, limit).list();
    }
}
