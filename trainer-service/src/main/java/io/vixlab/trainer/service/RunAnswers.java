package io.vixlab.trainer.service;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vixlab.queue.AnsweredRuns;
import io.vixlab.trainer.client.PodDeletionCost;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers each trial or final attempt once across all trainers. Before training, a run is looked up
 * among the answers on the results topics ({@link AnsweredRuns}): a run redelivered after its
 * trainer died right after answering, or sent twice, is not trained again. An answer is published
 * until the broker has it, however long the broker is away; only a stopping trainer gives up, and
 * then the run goes back to the queue.
 */
@ApplicationScoped
public class RunAnswers {

    private static final Logger LOG = Logger.getLogger(RunAnswers.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_CHECK = Duration.ofSeconds(1);

    /** The attempt being trained now, if any. */
    public record Running(RunKind kind, String runId, int attempt, Instant since) {
    }

    /** What became of a delivered run. */
    public enum Disposition {
        /** Trained (or found untrainable) and its answer is on the broker. */
        ANSWERED,
        /** Another delivery of it was answered already: nothing trained. */
        ALREADY_ANSWERED,
        /** Answered FAILED because it cannot be trained; the request is poison. */
        REJECTED,
        /** This trainer is stopping: not answered, for another trainer to take. */
        STOPPED
    }

    /** @param deadLetterReason why a REJECTED run is poison; null otherwise */
    public record Outcome(Disposition disposition, String deadLetterReason) {

        static Outcome of(Disposition disposition) {
            return new Outcome(disposition, null);
        }
    }

    private final AnsweredRuns answered;
    private final PodDeletionCost deletionCost;
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final Map<Disposition, AtomicLong> counts = new EnumMap<>(Disposition.class);

    public RunAnswers(AnsweredRuns answered, PodDeletionCost deletionCost, MeterRegistry meters) {
        this.answered = answered;
        this.deletionCost = deletionCost;
        for (Disposition disposition : Disposition.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(disposition, count);
            FunctionCounter.builder("vixlab.trainer.runs", count, AtomicLong::get)
                    .description("Runs this trainer took from the queue, by what became of them")
                    .tag("outcome", disposition.name())
                    .register(meters);
        }
    }

    /** How many runs this trainer took from the queue, by what became of them. */
    public Map<Disposition, Long> counts() {
        Map<Disposition, Long> snapshot = new EnumMap<>(Disposition.class);
        counts.forEach((disposition, count) -> snapshot.put(disposition, count.get()));
        return snapshot;
    }

    public Optional<Running> running() {
        return Optional.ofNullable(running.get());
    }

    /** Whether another trainer has answered this attempt, as far as this trainer has heard. */
    boolean answeredElsewhere(RunKind kind, String runId, int attempt) {
        return answered.answeredSoFar(kind, runId, attempt);
    }

    /**
     * Computes and publishes the attempt's answer unless it has one; returns once the broker has it.
     *
     * @param compute empty when the run stopped without an answer (the trainer is stopping, or
     *                another trainer answered it meanwhile)
     */
    public <T extends Event> Outcome answer(RunKind kind, String runId, int attempt, RunContext run,
            Supplier<Optional<Answer<T>>> compute, Function<T, CompletionStage<Void>> publish) {
        Outcome outcome = decide(kind, runId, attempt, run, compute, publish);
        counts.get(outcome.disposition()).incrementAndGet();
        return outcome;
    }

    private <T extends Event> Outcome decide(RunKind kind, String runId, int attempt, RunContext run,
            Supplier<Optional<Answer<T>>> compute, Function<T, CompletionStage<Void>> publish) {
        Optional<Boolean> answeredBefore = lookUp(kind, runId, attempt, run);
        if (answeredBefore.isEmpty()) {
            return Outcome.of(Disposition.STOPPED);
        }
        if (answeredBefore.get()) {
            LOG.infof("%s %s attempt %d is answered already: not training it again", kind, runId, attempt);
            return Outcome.of(Disposition.ALREADY_ANSWERED);
        }
        running.set(new Running(kind, runId, attempt, Instant.now()));
        deletionCost.training(true);
        Optional<Answer<T>> answer;
        try {
            answer = compute.get();
        } finally {
            running.set(null);
            deletionCost.training(false);
        }
        if (answer.isEmpty()) {
            return Outcome.of(run.isStopping() ? Disposition.STOPPED : Disposition.ALREADY_ANSWERED);
        }
        if (!publishUntilOnBroker(answer.get().result(), publish, run, kind + " " + runId + " attempt " + attempt)) {
            return Outcome.of(Disposition.STOPPED);
        }
        String reason = answer.get().deadLetterReason();
        return reason == null ? Outcome.of(Disposition.ANSWERED) : new Outcome(Disposition.REJECTED, reason);
    }

    /** Empty when the trainer stopped before the broker could tell. */
    private Optional<Boolean> lookUp(RunKind kind, String runId, int attempt, RunContext run) {
        while (!run.isStopping()) {
            try {
                return Optional.of(answered.isAnswered(kind, runId, attempt, run.deliveryCount(), LOOKUP_TIMEOUT));
            } catch (TimeoutException e) {
                LOG.warnf("cannot tell yet whether %s %s attempt %d was answered (is the broker away?); asking again",
                        kind, runId, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for the broker's acknowledgement, sending again only when the producer gave up (its
     * delivery timeout), so that an outage delays the answer without multiplying it.
     */
    private static <T> boolean publishUntilOnBroker(T result, Function<T, CompletionStage<Void>> publish,
            RunContext run, String what) {
        CompletableFuture<Void> sent = send(result, publish);
        while (true) {
            try {
                sent.get(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                if (run.isStopping()) {
                    LOG.warnf("the answer of %s is not on the broker yet and this trainer stops: the run goes back"
                            + " to the queue", what);
                    return false;
                }
            } catch (ExecutionException e) {
                LOG.warnf("the answer of %s did not reach the broker (%s); publishing it again", what,
                        e.getCause().toString());
                sent = CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                        STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS)).thenCompose(pause -> send(result, publish));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static <T> CompletableFuture<Void> send(T result, Function<T, CompletionStage<Void>> publish) {
        try {
            return publish.apply(result).toCompletableFuture();
        } catch (RuntimeException e) {
            // The emitter refuses at once (its buffer is full while the broker is away): as a failed send.
            return CompletableFuture.failedFuture(e);
        }
    }
}
