package io.vixlab.launcher.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.launcher.study.StudyBudget;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live progress line and the final table, from fixture JSON in the services' documented shapes. */
class RenderingTest {

    @Test
    void progressLineShowsTrialsPerArchitectureBestValuesFinalsAndTimeLeft() throws IOException {
        String line = ProgressLine.render(StudySnapshot.of(fixture("report-progress.json"), fixture("tuner-study.json")),
                StudySnapshot.finalWeight(StudyBudget.QUICK));
        // done 6 trials + 1 final (2.25 trials) of 12 + 3 × 2.25 in 190 s: 190 × 10.5 / 8.25 = 241.8 s left
        assertThat(line).isEqualTo("[03:10] RUNNING, 6/12 trials, 1/3 finals, ~04:01 left"
                + " | Basic_CNN_LSTM 4/4 best 0.01235 final COMPLETE"
                + " | Deep_CNN_LSTM 2/4 (1 running) best 0.04000"
                + " | Attention_CNN_LSTM 0/4 (1 running)");
    }

    @Test
    void progressLineWithoutTheTunerLeavesOutTheBestValues() throws IOException {
        String line = ProgressLine.render(StudySnapshot.of(fixture("report-progress.json"), null),
                StudySnapshot.finalWeight(StudyBudget.QUICK));
        assertThat(line).isEqualTo("[03:10] RUNNING, 6/12 trials, 1/3 finals, ~04:01 left"
                + " | Basic_CNN_LSTM 4/4 final COMPLETE | Deep_CNN_LSTM 2/4 (1 running) | Attention_CNN_LSTM 0/4 (1 running)");
    }

    @Test
    void timeLeftBeforeAnythingIsDoneAndAtTheEnd() {
        assertThat(ProgressLine.timeLeft(study(5_000, 0, 0).millisLeft(2.25))).isEqualTo("estimating time left");
        assertThat(ProgressLine.timeLeft(study(600_000, 4, 1).millisLeft(2.25))).isEqualTo("finishing");
        // 10 of 20 + 5 × 2.25 done in 60 s: 60 × 21.25 / 10 = 127.5 s left
        assertThat(ProgressLine.timeLeft(study(60_000, 2, 0).millisLeft(2.25))).isEqualTo("~02:07 left");
        assertThat(ProgressLine.clock(3_725_000)).isEqualTo("1:02:05");
        assertThat(StudySnapshot.finalWeight(StudyBudget.FULL)).isEqualTo(1.2);
    }

    /** Five architectures of four trials each, each with {@code trialsDone} done and {@code finals} of them with a final. */
    static StudySnapshot study(long elapsedMillis, int trialsDone, int finals) {
        List<StudySnapshot.ArchitectureProgress> architectures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            architectures.add(new StudySnapshot.ArchitectureProgress("A" + i, trialsDone, 4, 0, null,
                    i < finals * 5 ? "COMPLETE" : null));
        }
        return new StudySnapshot("RUNNING", elapsedMillis, architectures);
    }

    @Test
    void comparisonTableListsArchitecturesByMseThenBaselinesThenTestsAndTheVerdict() throws IOException {
        assertThat(ComparisonTable.render(fixture("study-report.json"))).containsExactly(
                "Study 3f6c2a9e-5b1d-4c1a-9d8e-0a7b6c5d4e3f on dataset ds-0123456789abcdef, target log-change,"
                        + " test 2022-07-18 to 2026-07-22 (1007 days)",
                "",
                "architecture                    MSE      RMSE       MAE        R²   dir.acc",
                "Basic_CNN_LSTM               3.5000    1.8708    1.1000    0.9012     51.2%",
                "Bidirectional_CNN_LSTM      12.2500    3.5000    2.2500   -0.0512     48.0%",
                "Equal-weight combination     6.1000    2.4698    1.6000    0.8200     50.0%",
                "baseline (best: HAR)",
                "Random walk                  3.2000    1.7889    1.0500    0.9100      0.0%",
                "HAR                          3.1000    1.7607    1.0400    0.9120     50.5%",
                "",
                "Diebold-Mariano against the random walk (squared loss, 5% level):",
                "  Basic_CNN_LSTM           DM   1.832  p  0.0672  NO_SIGNIFICANT_DIFFERENCE",
                "  Bidirectional_CNN_LSTM   DM   4.500  p <0.0001  B_BETTER",
                "",
                "Diebold-Mariano against the best baseline, HAR (squared loss, 5% level):",
                "  Basic_CNN_LSTM           DM   2.100  p  0.0360  B_BETTER",
                "",
                "Verdict:",
                "  - No model beats the random walk or the best baseline (HAR).",
                "",
                "Best architecture: Basic_CNN_LSTM");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = RenderingTest.class.getResourceAsStream("/fixtures/" + name)) {
            return EventJson.mapper().readTree(in);
        }
    }
}
