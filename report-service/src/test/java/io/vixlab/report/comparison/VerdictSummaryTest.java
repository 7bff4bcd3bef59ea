package io.vixlab.report.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.ConfidenceSetMember.Kind;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.DieboldMarianoResult.Verdict;
import io.vixlab.contracts.report.HealthFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictSummaryTest {

    private static final String METHOD = " (Diebold-Mariano with the HLN correction, 5% level, squared or absolute loss).";
    private static final List<String> MODELS = List.of("Basic", "Deep", "Equal-weight combination");
    private static final Map<String, List<HealthFlag>> HEALTHY =
            Map.of("Basic", List.of(), "Deep", List.of(), "Equal-weight combination", List.of());

    private static DieboldMarianoResult test(String a, String b, LossFunction loss, double p, Verdict verdict) {
        return new DieboldMarianoResult(a, b, loss, 1, 250, verdict == Verdict.B_BETTER ? 0.1 : -0.1,
                verdict == Verdict.B_BETTER ? 2.5 : -2.5, p, verdict);
    }

    /** Every model against both benchmarks on both losses, no significant difference unless given. */
    private static List<DieboldMarianoResult> tests(String bestBaseline, DieboldMarianoResult... significant) {
        List<DieboldMarianoResult> tests = new ArrayList<>();
        for (String benchmark : bestBaseline.equals("Random walk") ? List.of("Random walk")
                : List.of("Random walk", bestBaseline)) {
            for (String model : MODELS) {
                for (LossFunction loss : LossFunction.values()) {
                    DieboldMarianoResult test = List.of(significant).stream()
                            .filter(s -> s.modelA().equals(model) && s.modelB().equals(benchmark) && s.loss() == loss)
                            .findFirst()
                            .orElse(test(model, benchmark, loss, 0.4, Verdict.NO_SIGNIFICANT_DIFFERENCE));
                    tests.add(test);
                }
            }
        }
        return tests;
    }

    private static List<String> summary(String bestBaseline, List<DieboldMarianoResult> tests, List<ConfidenceSet> sets,
            Map<String, List<HealthFlag>> health) {
        return new VerdictSummary(MODELS, "Random walk", bestBaseline, tests, sets, health).sentences();
    }

    @Test
    void saysPlainlyWhenNothingBeatsTheRandomWalkOrTheBestBaseline() {
        List<String> sentences = summary("HAR", tests("HAR"), List.of(), HEALTHY);

        assertThat(sentences.get(0)).isEqualTo("No model beats the random walk; no model beats the best baseline, HAR"
                + METHOD);
        assertThat(sentences.get(1)).isEqualTo("Against the random walk, on squared loss no model differs"
                + " significantly; on absolute loss no model differs significantly.");
        assertThat(sentences.get(2)).isEqualTo("Against the best baseline, HAR, on squared loss no model differs"
                + " significantly; on absolute loss no model differs significantly.");
    }

    @Test
    void aRandomWalkThatIsAlsoTheBestBaselineIsJudgedOnce() {
        List<String> sentences = summary("Random walk", tests("Random walk"), List.of(), HEALTHY);

        assertThat(sentences.get(0)).isEqualTo("No model beats the random walk, which is also the best baseline by"
                + " test MSE" + METHOD);
        assertThat(sentences).filteredOn(s -> s.startsWith("Against")).hasSize(1);
    }

    @Test
    void namesWhatBeatsTheRandomWalkButNotTheBestBaselineAndWhatIsWorse() {
        List<String> sentences = summary("AR(1)", tests("AR(1)",
                test("Basic", "Random walk", LossFunction.SQUARED, 0.012, Verdict.A_BETTER),
                test("Basic", "Random walk", LossFunction.ABSOLUTE, 0.0004, Verdict.A_BETTER),
                test("Deep", "Random walk", LossFunction.ABSOLUTE, 0.03, Verdict.B_BETTER),
                test("Deep", "AR(1)", LossFunction.SQUARED, 0.01, Verdict.B_BETTER)), List.of(), HEALTHY);

        assertThat(sentences.get(0)).isEqualTo("Basic (squared and absolute loss) beats the random walk; no model beats"
                + " the best baseline, AR(1)" + METHOD);
        assertThat(sentences.get(1)).isEqualTo("Against the random walk, on squared loss Basic more accurate"
                + " (p = 0.012); on absolute loss Basic more accurate (p < 0.001), Deep less accurate (p = 0.030).");
        assertThat(sentences.get(2)).isEqualTo("Against the best baseline, AR(1), on squared loss Deep less accurate"
                + " (p = 0.010); on absolute loss no model differs significantly.");
    }

    @Test
    void namesEveryModelThatBeatsTheBestBaseline() {
        List<String> sentences = summary("AR(1)", tests("AR(1)",
                test("Basic", "AR(1)", LossFunction.SQUARED, 0.02, Verdict.A_BETTER),
                test("Equal-weight combination", "AR(1)", LossFunction.ABSOLUTE, 0.04, Verdict.A_BETTER)),
                List.of(), HEALTHY);

        assertThat(sentences.get(0)).isEqualTo("No model beats the random walk; Basic (squared loss) and Equal-weight"
                + " combination (absolute loss) beat the best baseline, AR(1)" + METHOD);
    }

    @Test
    void countsTheTestsAndTheRejectionsExpectedByChance() {
        List<DieboldMarianoResult> tests = tests("AR(1)");

        assertThat(summary("AR(1)", tests, List.of(), HEALTHY)).contains("The report holds 12 Diebold-Mariano tests at"
                + " the 5% level: even if all forecasts were equally accurate, about 0.05 × 12 = 0.6 of them would"
                + " reject by chance, so one p-value below 0.05 is weak evidence; the model confidence set is the"
                + " joint answer.");
    }

    private static ConfidenceSetMember member(String name, Kind kind, double pValue) {
        return new ConfidenceSetMember(name, kind, 1, pValue, 1, pValue >= 0.10, pValue >= 0.25);
    }

    private static ConfidenceSet set(LossFunction loss, ConfidenceSetMember... members) {
        return new ConfidenceSet(loss, ConfidenceSet.Statistic.T_MAX, 1000, 10, 5000, 2011, List.of(members));
    }

    @Test
    void listsTheConfidenceSetsAndReadsThemForTheBaselines() {
        List<ConfidenceSet> sets = List.of(
                set(LossFunction.SQUARED, member("Basic", Kind.ARCHITECTURE, 1), member("Deep", Kind.ARCHITECTURE, 0.3),
                        member("Random walk", Kind.BASELINE, 0.5), member("AR(1)", Kind.BASELINE, 0.3)),
                set(LossFunction.ABSOLUTE, member("Basic", Kind.ARCHITECTURE, 1), member("Deep", Kind.ARCHITECTURE, 0.2),
                        member("Random walk", Kind.BASELINE, 0.15), member("AR(1)", Kind.BASELINE, 0.01)));
        List<String> withBaselinesOut = summary("AR(1)", tests("AR(1)"), List.of(
                set(LossFunction.SQUARED, member("Basic", Kind.ARCHITECTURE, 1), member("Random walk", Kind.BASELINE,
                        0.02))), HEALTHY);

        assertThat(summary("AR(1)", tests("AR(1)"), sets, HEALTHY)).contains(
                "Model confidence set on squared loss (T_max, 5000 moving-block bootstrap resamples of 10-day blocks,"
                        + " seed 2011, 1000 test days): the 90% set holds Basic, Deep, Random walk and AR(1), the 75%"
                        + " set Basic, Deep, Random walk and AR(1); Random walk and AR(1) are in the 75% set: on these"
                        + " test days no forecast is shown to be better than them.",
                "Model confidence set on absolute loss (T_max, 5000 moving-block bootstrap resamples of 10-day blocks,"
                        + " seed 2011, 1000 test days): the 90% set holds Basic, Deep and Random walk, the 75% set"
                        + " Basic; Random walk is in the 90% but not the 75% set: likely, not surely, worse than the"
                        + " best forecast.");
        assertThat(withBaselinesOut).anySatisfy(sentence -> assertThat(sentence).endsWith("the 90% set holds Basic, the"
                + " 75% set Basic; no baseline is in the 90% set: each is worse than the best forecast with strong"
                + " evidence."));
    }

    @Test
    void warnsOfEveryFlaggedModelAndSaysSoWhenNoneIs() {
        Map<String, List<HealthFlag>> flagged = Map.of("Basic", List.of(), "Deep", List.of(
                new HealthFlag(HealthFlag.Kind.FLOOR, "at the floor", 0.3, 0.05),
                new HealthFlag(HealthFlag.Kind.NARROW_SPREAD, "narrow", 0.3, 0.5)));

        assertThat(summary("AR(1)", tests("AR(1)"), List.of(), flagged)).last().isEqualTo("Health warning: Deep (floor,"
                + " narrow spread). Error metrics can hide a degenerate forecast; see the flags' figures.");
        assertThat(summary("AR(1)", tests("AR(1)"), List.of(), HEALTHY)).last().isEqualTo("No model's test forecast"
                + " shows a sign of degeneration (a flat stretch, a floor or ceiling, a narrow spread).");
    }
}
