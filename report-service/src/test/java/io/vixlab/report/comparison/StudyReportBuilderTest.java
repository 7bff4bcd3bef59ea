package io.vixlab.report.comparison;

import static io.vixlab.report.fixture.StudyFixture.ATTENTION_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.BASIC_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.DEEP_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.day;
import static io.vixlab.report.fixture.StudyFixture.predictions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineCoefficient;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.FittingSample;
import io.vixlab.contracts.report.ForecastSeries;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.ForecastTarget;
import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.report.baseline.Baseline;
import io.vixlab.report.baseline.BaselineInput;
import io.vixlab.report.baseline.BaselineInput.DailyClose;
import io.vixlab.report.baseline.LaggedRegressionBaseline;
import io.vixlab.report.baseline.RandomWalkBaseline;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.stats.DieboldMariano;
import io.vixlab.report.stats.Forecast;
import io.vixlab.report.stats.ForecastCombination;
import io.vixlab.report.stats.ForecastHealth;
import io.vixlab.report.stats.ForecastMetrics;
import io.vixlab.report.stats.ModelConfidenceSet;
import io.vixlab.report.stats.ModelConfidenceSetResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
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
    void statesTheTargetTheSetupAndEveryPlannedArchitecture() {
        assertThat(report.target()).isEqualTo("level");
        assertThat(report.setup()).isEqualTo(StudyFixture.SETUP);
        assertThat(report.architectures()).isEqualTo(ArchitectureOutcomes.of(StudyFixture.study()));
    }

    @Test
    void theTargetIsTheOneTheStudyTrainedOnAndLevelWhenTheTunerSentNoSetup() {
        StudyResults s = StudyFixture.study();
        StudySetup logChange = new StudySetup(5, 60, "tpe", 42, "median", 4,
                s.setup().training().withTarget(ForecastTarget.LOG_CHANGE),
                s.setup().finalTraining().withTarget(ForecastTarget.LOG_CHANGE));
        StudyReportBuilder builder = new StudyReportBuilder(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(builder.build(new StudyResults(s.studyId(), s.status(), s.architectures(), logChange, s.dataset(),
                s.finals(), s.trials(), s.progress()), StudyFixture.closes()).target()).isEqualTo("log-change");
        assertThat(builder.build(new StudyResults(s.studyId(), s.status(), s.architectures(), null, s.dataset(),
                s.finals(), s.trials(), s.progress()), StudyFixture.closes()).target()).isEqualTo("level");
    }

    @Test
    void baselinesCarryWhatWasFittedOnTheFittingSample() {
        assertThat(report.baselines()).extracting(BaselineRow::name, b -> b.coefficients().stream()
                        .map(BaselineCoefficient::name).toList())
                .containsExactly(
                        tuple("Random walk", List.of()),
                        tuple("Training mean", List.of("mean")),
                        tuple("AR(1)", List.of("c", "phi")),
                        tuple("HAR", List.of("c", "beta_d", "beta_w", "beta_m")));
        double trainingMean = Arrays.stream(StudyFixture.CLOSES, 0, StudyFixture.TEST_START).average()
                .orElseThrow();
        assertThat(report.baselines().get(1).coefficients().get(0).value()).isCloseTo(trainingMean, within(1e-12));
        assertThat(report.baselines().get(2).coefficients()).extracting(BaselineCoefficient::value)
                .containsExactlyElementsOf(LaggedRegressionBaseline.ar1().fit(StudyFixture.closes()).coefficients()
                        .values());
    }

    @Test
    void forecastsHoldEveryModelCombinationAndBaselineDayByDay() {
        assertThat(report.forecasts().days()).containsExactly(day(40), day(41), day(42), day(43), day(44));
        assertThat(report.forecasts().actual()).containsExactly(Arrays.stream(StudyFixture.CLOSES, 40, 45)
                .boxed().toArray(Double[]::new));
        assertThat(report.forecasts().previousClose()).containsExactly(Arrays.stream(StudyFixture.CLOSES,
                39, 44).boxed().toArray(Double[]::new));
        assertThat(report.forecasts().series()).extracting(ForecastSeries::name, ForecastSeries::kind, ForecastSeries::days)
                .containsExactly(
                        tuple("Basic_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, null),
                        tuple("Deep_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, null),
                        tuple("Attention_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, null),
                        tuple("Equal-weight combination", ConfidenceSetMember.Kind.COMBINATION, null),
                        tuple("Random walk", ConfidenceSetMember.Kind.BASELINE, null),
                        tuple("Training mean", ConfidenceSetMember.Kind.BASELINE, null),
                        tuple("AR(1)", ConfidenceSetMember.Kind.BASELINE, null),
                        tuple("HAR", ConfidenceSetMember.Kind.BASELINE, null));
        assertThat(report.forecasts().series().get(0).predicted())
                .containsExactlyElementsOf(predictions(BASIC_ERRORS).stream().map(Prediction::predicted).toList());
        assertThat(report.forecasts().series().get(4).predicted())
                .containsExactlyElementsOf(report.forecasts().previousClose());
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
        assertThat(pairs(report.tests().subList(0, 12))).containsExactlyElementsOf(onBothLosses(
                "Basic_CNN_LSTM", "Random walk",
                "Deep_CNN_LSTM", "Random walk",
                "Attention_CNN_LSTM", "Random walk",
                "Basic_CNN_LSTM", "Deep_CNN_LSTM",
                "Basic_CNN_LSTM", "Attention_CNN_LSTM",
                "Deep_CNN_LSTM", "Attention_CNN_LSTM"));
        assertThat(report.tests()).allSatisfy(test -> {
            assertThat(test.observations()).isEqualTo(5);
            assertThat(test.horizon()).isEqualTo(1);
        });
    }

    @Test
    void theCombinationIsTestedAgainstTheRandomWalkAfterTheArchitecturesWhichIsAlsoTheBestBaseline() {
        // Random walk 0.1687, training mean 0.9959, AR(1) 0.2356, HAR 1.4367 (numpy on the fixture's closes).
        assertThat(report.bestBaseline()).isEqualTo("Random walk");
        assertThat(report.tests()).hasSize(14);
        assertThat(pairs(report.tests().subList(12, 14))).containsExactlyElementsOf(onBothLosses(
                "Equal-weight combination", "Random walk"));
    }

    /*
     * Errors of the mean forecast, by hand: (0.1 + 0.5 + 1.0) / 3 = 0.5333, (-0.2 - 0.4 + 1.2) / 3 = 0.2,
     * (0.1 + 0.6 - 0.9) / 3 = -0.0667, (0.0 - 0.3 + 1.1) / 3 = 0.2667, (-0.1 + 0.2 - 1.3) / 3 = -0.4:
     * MSE = (0.28444 + 0.04 + 0.00444 + 0.07111 + 0.16) / 5 = 0.112, MAE = 1.4667 / 5 = 0.29333.
     */
    @Test
    void combinationIsTheEqualWeightMeanOfTheFinalModelsWithPredictions() {
        CombinationRow combination = report.combination();

        assertThat(combination.name()).isEqualTo("Equal-weight combination");
        assertThat(combination.architectures()).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM");
        assertThat(combination.metrics().mse()).isCloseTo(0.112, within(1e-12));
        assertThat(combination.metrics().mae()).isCloseTo(0.29333333333333, within(1e-12));
        assertThat(combination.definition()).isNotBlank();
    }

    @Test
    void baselinesAreFittedOnTheClosesBeforeTheTestPart() {
        assertThat(report.baselineFittingSample()).isEqualTo(new FittingSample(day(0), day(39), 40));
    }

    @Test
    void confidenceSetsJudgeTheModelsTheCombinationAndTheBaselinesOnBothLosses() {
        assertThat(report.confidenceSets()).extracting(ConfidenceSet::loss)
                .containsExactly(LossFunction.SQUARED, LossFunction.ABSOLUTE);
        List<Forecast> forecasts = new ArrayList<>(List.of(
                new Forecast("Basic_CNN_LSTM", predictions(BASIC_ERRORS)),
                new Forecast("Deep_CNN_LSTM", predictions(DEEP_ERRORS)),
                new Forecast("Attention_CNN_LSTM", predictions(ATTENTION_ERRORS))));
        forecasts.add(ForecastCombination.equalWeight(forecasts));
        Baseline.standard().forEach(baseline -> forecasts.add(baseline.forecast(StudyFixture.closes())));
        for (ConfidenceSet set : report.confidenceSets()) {
            // Five test days: blocks of round(5^(1/3)) = 2 days.
            assertThat(set).extracting(ConfidenceSet::statistic, ConfidenceSet::days, ConfidenceSet::blockLength,
                    ConfidenceSet::replications, ConfidenceSet::seed)
                    .containsExactly(ConfidenceSet.Statistic.T_MAX, 5, 2, 5000, 2011L);
            ModelConfidenceSetResult direct = ModelConfidenceSet.standard().compute(forecasts, set.loss());
            assertThat(set.members()).extracting(ConfidenceSetMember::name, ConfidenceSetMember::kind,
                            ConfidenceSetMember::pValue, ConfidenceSetMember::inSet90, ConfidenceSetMember::inSet75)
                    .containsExactlyElementsOf(direct.members().stream().map(m -> tuple(m.name(),
                            kindOf(m.name()), m.pValue(), m.inSet90(), m.inSet75())).toList());
        }
    }

    private static ConfidenceSetMember.Kind kindOf(String name) {
        return name.endsWith("_CNN_LSTM") ? ConfidenceSetMember.Kind.ARCHITECTURE
                : name.equals("Equal-weight combination") ? ConfidenceSetMember.Kind.COMBINATION
                : ConfidenceSetMember.Kind.BASELINE;
    }

    @Test
    void everyRowWithPredictionsCarriesItsHealthCheck() {
        for (ArchitectureRow row : report.rows()) {
            Forecast forecast = new Forecast(row.architecture(), predictions(switch (row.architecture()) {
                case "Basic_CNN_LSTM" -> BASIC_ERRORS;
                case "Deep_CNN_LSTM" -> DEEP_ERRORS;
                default -> ATTENTION_ERRORS;
            }));
            assertThat(row.healthFlags()).extracting(HealthFlag::kind, HealthFlag::reason).containsExactlyElementsOf(
                    ForecastHealth.check(forecast).flags().stream()
                            .map(flag -> tuple(HealthFlag.Kind.valueOf(flag.kind().name()), flag.reason())).toList());
        }
    }

    @Test
    void summaryJudgesAgainstTheRandomWalkAsTheBestBaseline() {
        assertThat(report.summary().get(0)).endsWith(", which is also the best baseline by test MSE (Diebold-Mariano"
                + " with the HLN correction, 5% level, squared or absolute loss).");
        assertThat(report.summary()).anySatisfy(sentence -> assertThat(sentence)
                .startsWith("The report holds 14 Diebold-Mariano tests at the 5% level"));
        assertThat(report.summary()).filteredOn(sentence -> sentence.startsWith("Model confidence set on")).hasSize(2);
    }

    /**
     * A mean-reverting series (closes swinging about 20) on which AR(1) beats the random walk: the
     * architectures and the combination are also tested against AR(1)... or whichever baseline has
     * the lowest test MSE; a flat final model is flagged.
     */
    @Test
    void modelsAreAlsoTestedAgainstTheBestBaselineWhenItIsNotTheRandomWalk() {
        Random random = new Random(3);
        double[] closes = new double[100];
        for (int t = 0; t < closes.length; t++) {
            closes[t] = 20 + (t % 2 == 0 ? 2 : -2) + 0.3 * random.nextGaussian();
        }
        int split = 70;
        List<DailyClose> days = new ArrayList<>();
        List<Prediction> close = new ArrayList<>();
        List<Prediction> flat = new ArrayList<>();
        for (int t = 0; t < closes.length; t++) {
            days.add(new DailyClose(day(t), closes[t]));
            if (t >= split) {
                close.add(new Prediction(day(t), closes[t] + 0.1 * random.nextGaussian(), closes[t], closes[t - 1]));
                flat.add(new Prediction(day(t), 20.0, closes[t], closes[t - 1]));
            }
        }
        DatasetManifest dataset = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, "dataset-swing", List.of("VIX_Close"),
                30, 1, 70, 40, 30, day(split), day(0), day(closes.length - 1), StudyFixture.dataset().scaler(),
                StudyFixture.dataset().checksum(), 1, NOW);
        StudyResults study = new StudyResults("study-swing", "COMPLETED", List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM"),
                null, dataset, List.of(
                StudyFixture.finalModel("Basic_CNN_LSTM", close),
                StudyFixture.finalModel("Deep_CNN_LSTM", flat)),
                List.of(), List.of());

        StudyReport swing = new StudyReportBuilder(Clock.fixed(NOW, ZoneOffset.UTC))
                .build(study, new BaselineInput(days, split));

        String best = swing.bestBaseline();
        assertThat(best).isNotEqualTo("Random walk").isEqualTo(swing.baselines().stream()
                .min(Comparator.comparingDouble(b -> b.metrics().mse())).orElseThrow().name());
        assertThat(pairs(swing.tests())).containsExactlyElementsOf(onBothLosses(
                "Basic_CNN_LSTM", "Random walk",
                "Deep_CNN_LSTM", "Random walk",
                "Basic_CNN_LSTM", "Deep_CNN_LSTM",
                "Basic_CNN_LSTM", best,
                "Deep_CNN_LSTM", best,
                "Equal-weight combination", "Random walk",
                "Equal-weight combination", best));
        assertThat(swing.tests().get(6).verdict()).isEqualTo(DieboldMarianoResult.Verdict.A_BETTER);
        assertThat(swing.tests().get(8).verdict()).isEqualTo(DieboldMarianoResult.Verdict.B_BETTER);

        assertThat(swing.rows().get(0).healthFlags()).isEmpty();
        assertThat(swing.rows().get(1).healthFlags()).extracting(HealthFlag::kind)
                .contains(HealthFlag.Kind.NEAR_CONSTANT, HealthFlag.Kind.NARROW_SPREAD);
        assertThat(swing.summary().get(0)).startsWith("Basic_CNN_LSTM (squared and absolute loss)")
                .contains("beat the random walk; Basic_CNN_LSTM (squared and absolute loss) beats the best baseline, "
                        + best + " (Diebold-Mariano");
        assertThat(swing.summary()).anySatisfy(sentence -> assertThat(sentence)
                .startsWith("Against the best baseline, " + best + ", on squared loss Basic_CNN_LSTM more accurate (p < 0.001)"));
        assertThat(swing.summary()).last().asString().startsWith("Health warning: Deep_CNN_LSTM (near constant");
        ConfidenceSet squared = swing.confidenceSets().get(0);
        assertThat(squared.members()).filteredOn(ConfidenceSetMember::inSet75).extracting(ConfidenceSetMember::name)
                .containsExactly("Basic_CNN_LSTM");
    }

    @Test
    void closesMustStartOnTheDatasetsFirstDay() {
        List<DailyClose> later = StudyFixture.closes().closes().subList(1, StudyFixture.CLOSES.length);

        assertThatThrownBy(() -> new StudyReportBuilder(Clock.systemUTC())
                .build(StudyFixture.study(), new BaselineInput(later, StudyFixture.TEST_START - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training part starts on " + day(1))
                .hasMessageContaining("dataset-1");
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
        StudyResults onlyFailures = new StudyResults("study-2", "FAILED", List.of("Basic_CNN_LSTM"), null,
                StudyFixture.dataset(), List.of(StudyFixture.finalModel("Basic_CNN_LSTM", 1, TrialState.FAILED, null)),
                StudyFixture.trials(), List.of());

        StudyReport empty = new StudyReportBuilder(Clock.fixed(NOW, ZoneOffset.UTC))
                .build(onlyFailures, StudyFixture.closes());

        assertThat(empty.rows()).isEmpty();
        assertThat(empty.tests()).isEmpty();
        assertThat(empty.bestArchitecture()).isNull();
        assertThat(empty.baselines()).hasSize(4);
        assertThat(empty.bestBaseline()).isEqualTo("Random walk");
        assertThat(empty.combination()).isNull();
        assertThat(empty.confidenceSets()).isNull();
        assertThat(empty.summary()).isNull();
    }

    /** (A, B, loss) of each test. */
    private static List<Tuple> pairs(List<DieboldMarianoResult> tests) {
        return tests.stream().map(test -> tuple(test.modelA(), test.modelB(), test.loss())).toList();
    }

    /** (A, B, loss) of the tests of each pair A, B given in turn, squared loss first. */
    private static List<Tuple> onBothLosses(String... pairs) {
        List<Tuple> tests = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (LossFunction loss : LossFunction.values()) {
                tests.add(tuple(pairs[i], pairs[i + 1], loss));
            }
        }
        return tests;
    }
}
