package io.vixlab.trainer.service;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.trainer.persistence.AnswerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers each trial or final attempt once. The answer is stored before it is published, so a
 * request redelivered after a crash or a rebalance (its offset was not committed yet) is answered
 * by publishing the stored result again, never by training again.
 */
@ApplicationScoped
public class RunAnswers {

    private static final Logger LOG = Logger.getLogger(RunAnswers.class);

    /** The attempt being trained now, if any. */
    public record Running(RunKind kind, String runId, int attempt, Instant since) {
    }

    private final AnswerStore store;
    private final AtomicReference<Running> running = new AtomicReference<>();

    public RunAnswers(AnswerStore store) {
        this.store = store;
    }

    public Optional<Running> running() {
        return Optional.ofNullable(running.get());
    }

    /**
     * Publishes the stored or newly computed answer; returns once the broker has it.
     *
     * @throws RejectedRunException after publishing the answer of a request that could not be
     *                              trained, so that the request goes to the dead-letter topic
     */
    public <T extends Event> void answer(RunKind kind, String runId, int attempt, Class<T> type,
            Supplier<Answer<T>> compute, Consumer<T> publish) {
        Answer<T> answer = store.find(kind, runId, attempt, type).map(stored -> {
            LOG.infof("%s %s attempt %d was answered before: publishing that answer again", kind, runId, attempt);
            return stored;
        }).orElseGet(() -> {
            running.set(new Running(kind, runId, attempt, Instant.now()));
            Answer<T> computed;
            try {
                computed = compute.get();
            } finally {
                running.set(null);
            }
            try {
                store.save(kind, runId, attempt, computed);
                return computed;
            } catch (PersistenceException e) {
                // A rebalance moved the run while it trained and another pod answered it first: its answer stands.
                return store.find(kind, runId, attempt, type).orElseThrow(() -> e);
            }
        });
        publish.accept(answer.result());
        if (answer.deadLetterReason() != null) {
            throw new RejectedRunException(answer.deadLetterReason());
        }
    }
}
