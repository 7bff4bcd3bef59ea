package io.vixlab.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.persistence.AnswerStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each attempt is answered once, whoever answers it first. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RunAnswersTest {

    @Inject
    RunAnswers answers;

    @Inject
    AnswerStore store;

    private static TrialResult result(String trialId, TrialState state, String error) {
        return new TrialResult(TrialResult.SCHEMA_VERSION, "s", trialId, 0, 1, "Basic_CNN_LSTM", state,
                state == TrialState.COMPLETE ? 0.5 : null, List.of(), null, error, 1, "here", Instant.now());
    }

    @Test
    void anAttemptIsComputedOnceAndARejectionIsDeadLetteredEveryTime() {
        AtomicInteger computed = new AtomicInteger();
        List<TrialResult> published = new ArrayList<>();
        for (int delivery = 0; delivery < 2; delivery++) {
            assertThatThrownBy(() -> answers.answer(RunKind.TRIAL, "ra-rejected", 1, TrialResult.class, () -> {
                computed.incrementAndGet();
                return Answer.rejected(result("ra-rejected", TrialState.FAILED, "bad"), "bad");
            }, published::add)).isInstanceOf(RejectedRunException.class).hasMessage("bad");
        }
        assertThat(computed).hasValue(1);
        assertThat(published).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(published.get(0)));
    }

    @Test
    void whenAnotherPodAnsweredTheAttemptWhileThisOneTrainedItsAnswerIsPublished() {
        TrialResult theirs = result("ra-raced", TrialState.COMPLETE, null);
        List<TrialResult> published = new ArrayList<>();
        answers.answer(RunKind.TRIAL, "ra-raced", 1, TrialResult.class, () -> {
            store.save(RunKind.TRIAL, "ra-raced", 1, Answer.of(theirs));
            return Answer.of(result("ra-raced", TrialState.FAILED, "ours"));
        }, published::add);
        assertThat(published).containsExactly(theirs);
    }
}
