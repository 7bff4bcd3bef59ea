package io.vixlab.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.report.comparison.StudyReportBuilder;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.StudyReportView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The page's chart data built from the fixture study, without a server. */
class StudyPageDataTest {

    private static final String STUDY = StudyFixture.STUDY_ID;

    private final StudyReport report = new StudyReportBuilder(Clock.systemUTC()).build(StudyFixture.study(),
            StudyFixture.closes());
    private final Map<String, TrialConfig> configs = FixtureStudies.trialConfigs(STUDY).stream()
            .collect(Collectors.toMap(TrialConfig::trialId, Function.identity(), (a, b) -> b));
    private final StudyPageData data = StudyPageData.of(view(), configs);

    private StudyReportView view() {
        List<TrainingProgress> progress = new ArrayList<>(StudyFixture.progress(STUDY));
        progress.addAll(FixtureStudies.secondFold(STUDY));
        StudyFixture.finals(STUDY).forEach(f -> progress.addAll(FixtureStudies.finalEpochs(f)));
        return new StudyReportView(report, StudyFixture.study(), progress, FixtureStudies.ARCHITECTURES, true);
    }

    @Test
    void everyArchitectureHasOneColourEverywhere() {
        assertThat(data.colours()).containsKeys(FixtureStudies.ARCHITECTURES.toArray(String[]::new))
                .containsEntry("actual", ArchitecturePalette.ACTUAL).containsEntry("Random walk", ArchitecturePalette.RANDOM_WALK);
        assertThat(FixtureStudies.ARCHITECTURES.stream().map(data.colours()::get).distinct()).hasSize(4);
    }

    @Test
    void barsHaveTheRandomWalkAsReferenceLine() {
        StudyPageData.MetricBars mse = data.metrics().get(0);
        assertThat(mse.key()).isEqualTo("mse");
        assertThat(mse.bars()).extracting(StudyPageData.Bar::name)
                .containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM");
        // The random walk is also the fixture's best baseline: one line.
        assertThat(mse.references()).extracting(StudyPageData.Bar::name).containsExactly("Random walk");
        assertThat(mse.references().get(0).value()).isEqualTo(report.baselines().get(0).metrics().mse());
    }

    @Test
    void predictionsAreAlignedOnTheTestDaysWithTheRandomWalkFirst() {
        StudyPageData.Predictions predictions = data.predictions();
        assertThat(predictions.dates()).hasSize(5).first().isEqualTo(StudyFixture.day(StudyFixture.TEST_START));
        assertThat(predictions.actual().get(0)).isEqualTo(StudyFixture.CLOSES[StudyFixture.TEST_START]);
        assertThat(predictions.series()).extracting(StudyPageData.Series::name)
                .containsExactly("Random walk", "Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM");
        assertThat(predictions.series().get(0).values().get(0)).isEqualTo(StudyFixture.CLOSES[StudyFixture.TEST_START - 1]);
        assertThat(predictions.series().get(1).values().get(0))
                .isEqualTo(StudyFixture.CLOSES[StudyFixture.TEST_START] + StudyFixture.BASIC_ERRORS[0]);
    }

    @Test
    void tuningKeepsFoldsApartAndCarriesParamsImportancesAndTheFinalHistory() {
        StudyPageData.Tuning basic = data.tuning().get(0);
        assertThat(basic.architecture()).isEqualTo("Basic_CNN_LSTM");
        assertThat(basic.trials()).extracting(StudyPageData.Trial::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(basic.trials().get(2).value()).isNull();
        assertThat(basic.trials().get(3).params()).containsEntry("optimizer", "rmsprop");
        // Each fold restarts at epoch 0: two curves of two epochs, not one of four steps.
        StudyPageData.Curves trial0 = basic.intermediate().stream().filter(c -> c.trial().equals("trial 0")).findFirst()
                .orElseThrow();
        assertThat(trial0.folds()).hasSize(2).allSatisfy(fold -> assertThat(fold).hasSize(2));
        assertThat(basic.importances()).containsOnlyKeys("learning_rate", "lstm_units", "optimizer");
        assertThat(basic.importances().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(basic.finalHistory().epochs()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(basic.finalHistory().learningRate()).containsExactly(1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4);
        // Attention's final failed first and completed on attempt 2; Bidirectional's only final failed.
        assertThat(data.tuning().get(2).finalHistory()).isNotNull();
        assertThat(data.tuning().get(3).finalHistory()).isNull();
    }

    @Test
    void embeddedJsonCannotCloseItsScriptElement() {
        assertThat(Html.json(Map.of("name", "</script><script>alert(1)</script>")))
                .doesNotContain("<").contains("\\u003c/script>");
    }
}
