package io.vixlab.launcher.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.launcher.cli.RunOptions;
import io.vixlab.launcher.cli.RunOptionsParser;
import org.junit.jupiter.api.Test;

class StudyRequestTest {

    @Test
    void quickBudgetComparesAllFiveArchitecturesWithOneTrialInFlightPerTrainer() {
        JsonNode body = StudyRequest.body(RunOptionsParser.parse("run").orElseThrow(), "vixlab run", "ds-0123456789abcdef");
        assertThat(body.toString()).isEqualTo("{\"name\":\"vixlab run\",\"architectures\":[\"Basic_CNN_LSTM\","
                + "\"Deep_CNN_LSTM\",\"Bidirectional_CNN_LSTM\",\"Attention_CNN_LSTM\",\"Multiscale_CNN_LSTM\"],"
                + "\"trialsPerArchitecture\":4,\"timeoutMinutesPerArchitecture\":10,\"sampler\":\"tpe\","
                + "\"pruner\":\"median\",\"parallelism\":2,\"target\":\"level\","
                + "\"training\":{\"epochs\":6,\"folds\":2,\"batchSize\":32,\"earlyStoppingPatience\":3,\"reduceLrPatience\":2},"
                + "\"finalTraining\":{\"epochs\":15,\"batchSize\":32,\"earlyStoppingPatience\":5,\"reduceLrPatience\":3},"
                + "\"datasetId\":\"ds-0123456789abcdef\"}");
    }

    @Test
    void fullIsTheSeedsBudget() {
        RunOptions full = RunOptionsParser.parse("run", "--full", "--trainers", "4", "--target", "log-change")
                .orElseThrow();
        assertThat(StudyRequest.budget(full)).isEqualTo(StudyBudget.FULL);
        JsonNode body = StudyRequest.body(full, "seed", "ds-1");
        assertThat(body.get("trialsPerArchitecture").asInt()).isEqualTo(50);
        assertThat(body.get("timeoutMinutesPerArchitecture").asInt()).isEqualTo(60);
        assertThat(body.get("parallelism").asInt()).isEqualTo(4);
        assertThat(body.get("target").asText()).isEqualTo("log-change");
        assertThat(body.get("training").toString())
                .isEqualTo("{\"epochs\":50,\"folds\":3,\"batchSize\":32,\"earlyStoppingPatience\":10,\"reduceLrPatience\":5}");
        assertThat(body.get("finalTraining").toString())
                .isEqualTo("{\"epochs\":100,\"batchSize\":32,\"earlyStoppingPatience\":20,\"reduceLrPatience\":10}");
    }

    @Test
    void givenNumbersReplaceTheBudgetsAndPatienceNeverExceedsTheEpochs() {
        RunOptions o = RunOptionsParser.parse("run", "--trials", "1", "--epochs", "2", "--folds", "3",
                "--final-epochs", "1", "--timeout-minutes", "5", "--architectures", "Attention_CNN_LSTM,Basic_CNN_LSTM",
                "--trainers", "1").orElseThrow();
        assertThat(StudyRequest.budget(o)).isEqualTo(new StudyBudget(1, 3, 2, 2, 2, 1, 1, 1, 5));
        JsonNode body = StudyRequest.body(o, "tiny", null);
        assertThat(body.get("architectures").toString()).isEqualTo("[\"Attention_CNN_LSTM\",\"Basic_CNN_LSTM\"]");
        assertThat(body.get("parallelism").asInt()).isEqualTo(1);
        assertThat(body.has("datasetId")).isFalse();
    }
}
