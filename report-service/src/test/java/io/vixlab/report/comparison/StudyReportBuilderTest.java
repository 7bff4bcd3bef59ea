package io.vixlab.report.comparison;

import static io.vixlab.report.fixture.StudyFixture.ATTENTION_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.BASIC_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.DEEP_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.day;
import static io.vixlab.report.fixture.StudyFixture.predictions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.baseline.BaselineInput;
import io.vixlab.report.baseline.RandomWalkBaseline;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.stats.DieboldMariano;
import io.vixlab.report.stats.Forecast;
import io.vixlab.report.stats.ForecastMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyReportBuilderTest {

    private static final Instant NOW = Instant.parse("2024-03-02T08:00:00Z");

    private final StudyReport report =
            new StudyReportBuilder(Clock.fixed(NOW, ZoneOffset.UTC)).build(StudyFixture.study(), StudyFixture.closes());

    @Test
    void describesTheStudyAndItsTestPeriod() {
        assertThat(report.schemaVersion()).isEqualTo(StudyReport.SCHEMA_VERSION);
        assertThat(report.studyId()).isEqualTo("study-1");
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.datasetId()).isEqualTo("dataset-1");
        assertThat(report.testStart()).isEqualTo(day(40));
        assertThat(report.testEnd()).isEqualTo(day(44));
        assertThat(report.testDays()).isEqualTo(5);
        assertThat(report.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void rowsAreTheLatestCompleteFinalsSortedByTestMse() {
        assertThat(report.rows()).extracting(ArchitectureRow::architecture)
                .containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM");
        assertThat(report.bestArchitecture()).isEqualTo("Basic_CNN_LSTM");
        // Deep's second attempt, whose metrics are recomputed from its predictions.
        assertThat(report.rows().get(1).metrics()).isEqualTo(ForecastMetrics.of(predictions(DEEP_ERRORS)));
        assertThat(report.rows().get(1).artifactUri()).isEqualTo("file:/models/Deep_CNN_LSTM/2");
        assertThat(report.rows().get(1).trainingMillis()).isEqualTo(60_002L);
    }

    @Test
    void countsEachTrialsLatestAttemptOnce() {
        assertThat(report.rows())
                .extracting(ArchitectureRow::architecture, ArchitectureRow::trialsComplete,
                        ArchitectureRow::trialsPruned, ArchitectureRow::trialsFailed, ArchitectureRow::bestValue)
                .containsExactly(
                        tuple("Basic_CNN_LSTM", 4, 1, 0, 0.3),
                        tuple("Deep_CNN_LSTM", 1, 0, 1, 0.6),
                        tuple("Attention_CNN_LSTM", 0, 0, 0, null));
    }

    @Test
    void baselinesAreEvaluatedOnTheSameTestDays() {
        assertThat(report.baselines()).extracting(BaselineRow::name)
                .containsExactly("Random walk", "Training mean", "AR(1)", "HAR");
        Forecast randomWalk = new RandomWalkBaseline().forecast(StudyFixture.closes());
        assertThat(report.baselines().get(0).metrics()).isEqualTo(ForecastMetrics.of(randomWalk.predictions()));
        assertThat(report.baselines()).allSatisfy(row -> assertThat(row.definition()).isNotBlank());
    }

    @Test
    void testsEveryArchitectureAgainstTheRandomWalkAndEveryPairOnBothLosses() {
        assertThat(report.tests())
                .extracting(DieboldMarianoResult::modelA, DieboldMarianoResult::modelB, DieboldMarianoResult::loss)
                .containsExactly(
                        tuple("Basic_CNN_LSTM", "Random walk", LossFunction.SQUARED),
                        tuple("Basic_CNN_LSTM", "Random walk", LossFunction.ABSOLUTE),
                        tuple("Deep_CNN_LSTM", "Random walk", LossFunction.SQUARED),
                        tuple("Deep_CNN_LSTM", "Random walk", LossFunction.ABSOLUTE),
                        tuple("Attention_CNN_LSTM", "Random walk", LossFunction.SQUARED),
                        tuple("Attention_CNN_LSTM", "Random walk", LossFunction.ABSOLUTE),
                        tuple("Basic_CNN_LSTM", "Deep_CNN_LSTM", LossFunction.SQUARED),
                        tuple("Basic_CNN_LSTM", "Deep_CNN_LSTM", LossFunction.ABSOLUTE),
                        tuple("Basic_CNN_LSTM", "Attention_CNN_LSTM", LossFunction.SQUARED),
                        tuple("Basic_CNN_LSTM", "Attention_CNN_LSTM", LossFunction.ABSOLUTE),
                        tuple("Deep_CNN_LSTM", "Attention_CNN_LSTM", LossFunction.SQUARED),
                        tuple("Deep_CNN_LSTM", "Attention_CNN_LSTM", LossFunction.ABSOLUTE));
        assertThat(report.tests()).allSatisfy(test -> {
            assertThat(test.observations()).isEqualTo(5);
            assertThat(test.horizon()).isEqualTo(1);
        });
    }

    @Test
    void pairTestIsTheDieboldMarianoTestOfTheTwoFinalModels() {
        DieboldMarianoResult expected = DieboldMariano.compare(
                new Forecast("Basic_CNN_LSTM", predictions(BASIC_ERRORS)),
                new Forecast("Attention_CNN_LSTM", predictions(ATTENTION_ERRORS)),
                LossFunction.SQUARED, 1).orElseThrow();

        assertThat(report.tests().get(8)).isEqualTo(expected);
        assertThat(expected.statistic()).isNegative();
    }

    @Test
    void closesMustCoverTheDatasetsTestPart() {
        BaselineInput shifted = new BaselineInput(StudyFixture.closes().closes(), StudyFixture.TEST_START + 1);

        assertThatThrownBy(() -> new StudyReportBuilder(Clock.systemUTC()).build(StudyFixture.study(), shifted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset-1");
    }

    @Test
    void studyWithoutCompleteFinalsHasBaselinesButNoRowsOrBest() {
        StudyResults onlyFailures = new StudyResults("study-2", "FAILED", StudyFixture.dataset(),
                List.of(StudyFixture.finalModel("Basic_CNN_LSTM", 1, TrialState.FAILED, null)), StudyFixture.trials());

        StudyReport empty = new StudyReportBuilder(Clock.fixed(NOW, ZoneOffset.UTC))
                .build(onlyFailures, StudyFixture.closes());

        assertThat(empty.rows()).isEmpty();
        assertThat(empty.tests()).isEmpty();
        assertThat(empty.bestArchitecture()).isNull();
        assertThat(empty.baselines()).hasSize(4);
    }
}
