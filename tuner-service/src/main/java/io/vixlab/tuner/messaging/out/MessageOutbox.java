package io.vixlab.tuner.messaging.out;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.tuner.config.TunerConfig;
import io.vixlab.tuner.persistence.OutboxMessageEntity;
import io.vixlab.tuner.persistence.OutboxMessageEntity.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The transactional outbox of the study loop. A message is stored as an {@link OutboxMessageEntity}
 * in the transaction that decided on it, sent through {@link LoopPublisher} or
 * {@link StudyEventPublisher} once that transaction has committed, and its row is deleted when the
 * broker has acknowledged it. A row that is still there {@code vixlab.tuner.outbox-resend-after}
 * after it was stored (the tuner died between commit and send, or the broker did not acknowledge)
 * is sent again by the {@link #sweep}, oldest first. A message may therefore arrive twice, never
 * not at all: every consumer of these topics ignores a redelivery.
 */
@ApplicationScoped
public class MessageOutbox {

    private static final Logger LOG = Logger.getLogger(MessageOutbox.class);
    /** Rows one sweep sends at most, so that a long outage does not flood the emitters. */
    private static final int SWEEP_BATCH = 100;

    private final TunerConfig config;
    private final LoopPublisher trainers;
    private final StudyEventPublisher studies;
    private final Clock clock;
    /** Rows being sent and not yet acknowledged (or deleted): the sweep leaves them alone. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public MessageOutbox(TunerConfig config, LoopPublisher trainers, StudyEventPublisher studies, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.trainers = trainers;
        this.studies = studies;
    }

    /** A batch for one transaction: what it stores is sent by {@link Batch#send} after the commit. */
    public Batch batch() {
        return new Batch();
    }

    /** Messages stored by one transaction, in the order they were decided on. */
    public final class Batch {

        private final List<Stored> stored = new ArrayList<>();

        private Batch() {
        }

        /** Stores a message in the current transaction, for the topic its type goes to, keyed by what it is about. */
        public void add(Event event) {
            if (event instanceof TrialConfig config) {
                store(Channel.TRIAL, config.studyId(), config.trialId(), config);
            } else if (event instanceof TrialControl control) {
                store(Channel.CONTROL, control.studyId(), control.trialId(), control);
            } else if (event instanceof FinalTrainingRequest request) {
                store(Channel.FINAL, request.studyId(), request.finalId(), request);
            } else if (event instanceof StudyEvent study) {
                store(Channel.STUDY, study.studyId(), study.studyId(), study);
            } else {
                throw new IllegalArgumentException("the study loop sends no " + event.getClass().getSimpleName());
            }
        }

        public void addAll(List<Event> events) {
            events.forEach(this::add);
        }

        /** Sends what was stored; call once the transaction has committed. Does not wait for the broker. */
        public void send() {
            MessageOutbox.this.send(stored);
        }

        /** Stores a message in the current transaction. */
        private void store(Channel channel, String studyId, String key, Event event) {
            OutboxMessageEntity row = new OutboxMessageEntity();
            row.channel = channel;
            row.studyId = studyId;
            row.key = key;
            row.payload = EventJson.write(event);
            row.createdAt = now();
            row.persist();
            stored.add(new Stored(Objects.requireNonNull(row.id), channel, event));
        }
    }

    private record Stored(long id, Channel channel, Event event) {
    }

    /** Sends again the rows left in the outbox for longer than {@code outbox-resend-after}, oldest first. */
    @Scheduled(every = "${vixlab.tuner.tick-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        Instant before = now().minus(config.outboxResendAfter());
        List<OutboxMessageEntity> rows = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessageEntity.createdBefore(before, SWEEP_BATCH));
        List<Stored> resend = new ArrayList<>();
        List<Long> unreadable = new ArrayList<>();
        for (OutboxMessageEntity row : rows) {
            if (inFlight.contains(row.id)) {
                continue;
            }
            try {
                resend.add(new Stored(row.id, row.channel, EventSchemas.parse(row.payload, row.channel.type)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "outbox message %d (%s, key %s) is not a valid %s and is dropped: %s", row.id,
                        row.channel, row.key, row.channel.type.getSimpleName(), row.payload);
                unreadable.add(row.id);
            }
        }
        if (!unreadable.isEmpty()) {
            delete(unreadable);
        }
        if (!resend.isEmpty()) {
            LOG.infof("sending %d message(s) left in the outbox for more than %s", resend.size(),
                    config.outboxResendAfter());
            send(resend);
        }
    }

    /**
     * Sends each message not already in flight; once the broker has answered them all, deletes the
     * acknowledged ones, off the broker's thread. An unacknowledged one stays for the sweep.
     */
    private void send(List<Stored> messages) {
        List<Long> sent = new ArrayList<>();
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (Stored message : messages) {
            if (!inFlight.add(message.id())) {
                continue;
            }
            sent.add(message.id());
            acks.add(publish(message).toCompletableFuture().handle((ok, failure) -> {
                if (failure == null) {
                    return message.id();
                }
                LOG.errorf(failure, "outbox message %d on %s was not acknowledged; it is sent again after %s",
                        message.id(), message.channel().topic, config.outboxResendAfter());
                return null;
            }));
        }
        if (acks.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            try {
                List<Long> acknowledged = acks.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
                if (!acknowledged.isEmpty()) {
                    delete(acknowledged);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "acknowledged outbox messages %s could not be deleted; the sweep sends them again",
                        sent);
            } finally {
                sent.forEach(inFlight::remove);
            }
        }, Infrastructure.getDefaultWorkerPool());
    }

    private CompletionStage<Void> publish(Stored message) {
        try {
            return switch (message.channel()) {
                case TRIAL -> trainers.trial((TrialConfig) message.event());
                case CONTROL -> trainers.control((TrialControl) message.event());
                case FINAL -> trainers.finalTraining((FinalTrainingRequest) message.event());
                case STUDY -> studies.publish((StudyEvent) message.event());
            };
        } catch (RuntimeException e) { // e.g. an emitter whose buffer is full
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void delete(List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> OutboxMessageEntity.delete("id in ?1", ids));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
