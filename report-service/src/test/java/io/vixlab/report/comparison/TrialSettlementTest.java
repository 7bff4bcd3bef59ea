package io.vixlab.report.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.persistence.StudyEntity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialSettlementTest {

    private static final String STUDY = "study-settled";

    @Test
    void aSettledTrialTakesTheTunersStateAndValueAndKeepsEverythingElse() {
        TrialResult reported = StudyFixture.trial(STUDY, "Basic_CNN_LSTM", "t3", 3, 1, TrialState.COMPLETE, 0.3, 4);
        TrialResult unsettled = StudyFixture.trial(STUDY, "Deep_CNN_LSTM", "t5", 0, 1, TrialState.COMPLETE, 0.6, 1);
        SettledTrial pruned = new SettledTrial(reported.trialId(), 3, TrialState.PRUNED, 0.35);

        List<TrialResult> settled = TrialSettlement.apply(List.of(reported, unsettled),
                Map.of(reported.trialId(), pruned));

        assertThat(settled.get(0)).extracting(TrialResult::state, TrialResult::value)
                .containsExactly(TrialState.PRUNED, 0.35);
        assertThat(settled.get(0)).usingRecursiveComparison().ignoringFields("state", "value").isEqualTo(reported);
        assertThat(settled.get(1)).isSameAs(unsettled);
    }

    @Test
    void aStudyKeepsEveryArchitecturesSettledTrialsOnceThroughRedeliveries() {
        StudyEntity study = new StudyEntity();
        SettledTrial basic = new SettledTrial("s:t0", 0, TrialState.COMPLETE, 0.5);
        SettledTrial deep = new SettledTrial("s:t5", 0, TrialState.PRUNED, null);

        study.keepSettled(null);
        assertThat(study.settledTrials()).isEmpty();
        study.keepSettled(List.of(basic));
        study.keepSettled(List.of(deep));
        study.keepSettled(List.of(basic));

        assertThat(study.settledTrials()).isEqualTo(Map.of("s:t0", basic, "s:t5", deep));
    }
}
