package io.vixlab.trainer.persistence;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.trainer.service.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The answered trial and final attempts (see {@link AnsweredRun}). */
@ApplicationScoped
public class AnswerStore {

    @Transactional
    public <T extends Event> Optional<Answer<T>> find(RunKind kind, String runId, int attempt, Class<T> type) {
        return AnsweredRun.<AnsweredRun>find("kind = ?1 and runId = ?2 and attempt = ?3", kind, runId, attempt)
                .firstResultOptional()
                .map(run -> new Answer<>(EventJson.read(run.resultJson, type), run.deadLetterReason));
    }

    /**
     * @throws jakarta.persistence.PersistenceException when this attempt has an answer already
     *                                                  (another pod answered it first)
     */
    @Transactional
    public <T extends Event> void save(RunKind kind, String runId, int attempt, Answer<T> answer) {
        AnsweredRun run = new AnsweredRun();
        run.kind = kind;
        run.runId = runId;
        run.attempt = attempt;
        run.resultJson = EventJson.write(answer.result());
        run.deadLetterReason = answer.deadLetterReason();
        run.answeredAt = Instant.now();
        run.persistAndFlush();
    }
}
