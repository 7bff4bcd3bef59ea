package io.vixlab.report.stats;

import static io.vixlab.contracts.report.DieboldMarianoResult.LossFunction.ABSOLUTE;
import static io.vixlab.contracts.report.DieboldMarianoResult.LossFunction.SQUARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.Verdict;
import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private static Forecast forecast(String name, double[] actual, double[] predicted) {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            predictions.add(new Prediction(DAY.plusDays(i), predicted[i], actual[i], actual[i]));
        }
        return new Forecast(name, predictions);
    }

    private static DieboldMarianoResult test(Forecast a, Forecast b, DieboldMarianoResult.LossFunction loss, int h) {
        return DieboldMariano.compare(a, b, loss, h).orElseThrow();
    }

    // The example of the README of the Python package `dieboldmariano` (E. Annunziata,
    // https://github.com/edoannunziata/dieboldmariano, HLN correction, t with n-1 df, the same
    // formula as R's forecast::dm.test): dm_test(T, F, G, one_sided=True) prints
    // (-2.2229922805746782, 0.04515565862099125); two-sided p = 2 * 0.04515565862099125.
    private static final double[] ACTUAL = {10, 20, 30, 40, 50};
    private static final Forecast F = forecast("F", ACTUAL, new double[] {11, 21, 29, 42, 53});
    private static final Forecast G = forecast("G", ACTUAL, new double[] {13, 26, 24, 40, 59});

    @Test
    void squaredLossReproducesPublishedReadmeExample() {
        DieboldMarianoResult result = test(F, G, SQUARED, 1);

        assertThat(result.statistic()).isCloseTo(-2.2229922805746782, within(1e-12));
        assertThat(result.pValue()).isCloseTo(2 * 0.04515565862099125, within(1e-9));
        assertThat(result.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    /*
     * The same series by hand. Squared errors F: 1, 1, 1, 4, 9; G: 9, 36, 36, 0, 81;
     * d = -8, -35, -35, 4, -72, d̄ = -29.2, deviations 21.2, -5.8, -5.8, 33.2, -42.8.
     * h = 1: γ0 = 3450.8 / 5 = 690.16, DM = -29.2 / sqrt(690.16 / 5) = -2.485394,
     *        HLN factor sqrt((5 + 1 - 2) / 5) = sqrt(0.8): -2.222992.
     * h = 2: γ1 = (21.2·-5.8 + -5.8·-5.8 + -5.8·33.2 + 33.2·-42.8) / 5 = -340.568,
     *        V = 690.16 - 681.136 = 9.024, DM = -29.2 / sqrt(9.024 / 5) = -21.73524,
     *        HLN factor sqrt((5 + 1 - 4 + 2 / 5) / 5) = sqrt(0.48): -15.05875.
     */
    @Test
    void squaredLossMatchesHandComputation() {
        DieboldMarianoResult h1 = test(F, G, SQUARED, 1);
        DieboldMarianoResult h2 = test(F, G, SQUARED, 2);

        assertThat(h1.observations()).isEqualTo(5);
        assertThat(h1.meanLossDifference()).isCloseTo(-29.2, within(1e-12));
        assertThat(h1.statistic()).isCloseTo(-29.2 / Math.sqrt(690.16 / 5) * Math.sqrt(0.8), within(1e-12));
        assertThat(h2.horizon()).isEqualTo(2);
        assertThat(h2.statistic()).isCloseTo(-29.2 / Math.sqrt(9.024 / 5) * Math.sqrt(0.48), within(1e-9));
        assertThat(h2.verdict()).isEqualTo(Verdict.A_BETTER);
    }

    /*
     * Absolute errors F: 1, 1, 1, 2, 3; G: 3, 6, 6, 0, 9; d = -2, -5, -5, 2, -6, d̄ = -3.2,
     * γ0 = (1.44 + 3.24 + 3.24 + 27.04 + 7.84) / 5 = 8.56, DM = -3.2 / sqrt(8.56 / 5) · sqrt(0.8).
     * With h = 2, γ1 = (1.2·-1.8 + -1.8·-1.8 + -1.8·5.2 + 5.2·-2.8) / 5 = -4.568 and
     * V = 8.56 - 9.136 < 0: the test falls back to h = 1, as dm.test does.
     */
    @Test
    void absoluteLossMatchesHandComputationAndFallsBackWhenVarianceIsNotPositive() {
        DieboldMarianoResult h1 = test(F, G, ABSOLUTE, 1);
        DieboldMarianoResult h2 = test(F, G, ABSOLUTE, 2);

        assertThat(h1.meanLossDifference()).isCloseTo(-3.2, within(1e-12));
        assertThat(h1.statistic()).isCloseTo(-3.2 / Math.sqrt(8.56 / 5) * Math.sqrt(0.8), within(1e-12));
        assertThat(h2.horizon()).isEqualTo(1);
        assertThat(h2.statistic()).isEqualTo(h1.statistic());
    }

    // tests/dieboldmarianotest.py of the same package, test_diebold_mariano_1: actual 0,
    // squared loss, h = 1: statistic -2.4905, two-sided p-value 0.05513 (4 decimals).
    @Test
    void reproducesReferenceTestSuiteSquaredLoss() {
        double[] zeros = new double[6];
        DieboldMarianoResult result = test(
                forecast("P1", zeros, new double[] {0, 1, 2, 3, 4, 5}),
                forecast("P2", zeros, new double[] {0, 2, 3, 3, 5, 6}),
                SQUARED, 1);

        assertThat(result.statistic()).isCloseTo(-2.4905, within(5e-5));
        assertThat(result.pValue()).isCloseTo(0.05513, within(5e-6));
    }

    // test_diebold_mariano_2 of the same suite: absolute loss, h = 3, one-sided p-value 0.877
    // for a positive statistic 1.2109, i.e. two-sided p = 2 * (1 - 0.877) = 0.246.
    @Test
    void reproducesReferenceTestSuiteAbsoluteLossAtHorizonThree() {
        double[] zeros = new double[15];
        DieboldMarianoResult result = test(
                forecast("P1", zeros, new double[] {
                    0.3675225224615024, 0.5450608127223211, 0.22044990720021074, 0.8688743471040006,
                    0.6072512228948467, 0.8582283746501538, 0.41662295816718187, 0.3812100211114714,
                    0.7185133356116706, 0.30827323290318875, 0.4297093624074402, 0.8615974488577858,
                    0.7240514514808826, 0.3450839595261038, 0.19675301374013598}),
                forecast("P2", zeros, new double[] {
                    0.12794132529988733, 0.3679643204341153, 0.768715420996091, 0.09972248964114683,
                    0.27197653636654284, 0.28797629010039505, 0.9160213458582482, 0.6112628048698798,
                    0.5452873235576241, 0.06785907231746158, 0.6072666485541124, 0.6241575753989782,
                    0.39998026828867217, 0.19895665605941748, 0.8094941215215619}),
                ABSOLUTE, 3);

        assertThat(result.horizon()).isEqualTo(3);
        assertThat(result.statistic()).isCloseTo(1.2109, within(5e-5));
        assertThat(result.pValue()).isCloseTo(0.246, within(5e-4));
        assertThat(result.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void swappingTheForecastsNegatesTheStatisticAndKeepsThePValue() {
        DieboldMarianoResult ab = test(F, G, SQUARED, 2);
        DieboldMarianoResult ba = test(G, F, SQUARED, 2);

        assertThat(ba.statistic()).isCloseTo(-ab.statistic(), within(1e-12));
        assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-15));
        assertThat(ba.verdict()).isEqualTo(Verdict.B_BETTER);
        assertThat(ba.modelA()).isEqualTo("G");
    }

    @Test
    void onlyDaysBothForecastsCoverAreCompared() {
        Forecast shorter = new Forecast("F-late", F.predictions().subList(2, 5));

        DieboldMarianoResult result = test(shorter, G, SQUARED, 1);

        // d = -35, 4, -72 on the last three days.
        assertThat(result.observations()).isEqualTo(3);
        assertThat(result.meanLossDifference()).isCloseTo(-103.0 / 3, within(1e-12));
    }

    @Test
    void identicalForecastsShowNoDifference() {
        DieboldMarianoResult result = test(F, new Forecast("F-again", F.predictions()), SQUARED, 1);

        assertThat(result.statistic()).isZero();
        assertThat(result.pValue()).isEqualTo(1);
        assertThat(result.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void constantNonzeroDifferentialIsUndefined() {
        Forecast offByOne = forecast("A", ACTUAL, new double[] {11, 21, 31, 41, 51});
        Forecast offByTwo = forecast("B", ACTUAL, new double[] {12, 22, 32, 42, 52});

        assertThat(DieboldMariano.compare(offByOne, offByTwo, SQUARED, 1)).isEmpty();
    }
}
